/** 经批准延期换届: approval number, date and the new deadline (at most 12 months after the term end). */
import { useEffect } from 'react';
import { Button, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Organisation } from '../../../shared/model/organisation';
import { addMonths } from '../../../shared/rules/dates';
import { chineseDate } from '../../../shared/rules/text';
import { grantExtension } from '../../db/organisationRepository';
import { fromIso, toIso } from '../common/dates';
import { useRuleProfile } from '../common/useRuleProfile';
import { useWriteAction } from '../common/useWriteAction';

interface Values {
  approvalNo: string;
  approvedOn: Dayjs;
  until: Dayjs;
}

export function ExtensionModal({ organisation, termEnd, onClose }: { organisation: Organisation | null; termEnd: string | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();
  const profile = useRuleProfile();
  const latest = termEnd ? addMonths(termEnd, profile.terms.maxExtensionMonths) : null;
  useEffect(() => {
    if (!organisation) return;
    form.resetFields();
    const ext = organisation.extension;
    if (ext) form.setFieldsValue({ approvalNo: ext.approvalNo, approvedOn: fromIso(ext.approvedOn)!, until: fromIso(ext.until)! });
  }, [organisation, form]);

  async function submit(v: Values) {
    if (!organisation) return;
    const until = toIso(v.until)!;
    if (latest && until > latest) {
      form.setFields([{ name: 'until', errors: [`延期一般不超过 ${profile.terms.maxExtensionMonths} 个月，最晚到 ${chineseDate(latest)}`] }]);
      return;
    }
    const saved = await run((ctx) => grantExtension(ctx, organisation.id, { approvalNo: v.approvalNo, approvedOn: toIso(v.approvedOn)!, until }), {
      success: '已记录经批准延期',
      form,
      fields: ['extension'],
    });
    if (saved) onClose();
  }

  async function remove() {
    if (!organisation) return;
    const saved = await run((ctx) => grantExtension(ctx, organisation.id, null), { success: '已取消延期记录' });
    if (saved) onClose();
  }

  return (
    <Modal
      open={organisation !== null}
      title={`经批准延期换届：${organisation?.name ?? ''}`}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        organisation?.extension ? (
          <Button key="remove" danger onClick={() => void remove()}>
            取消延期记录
          </Button>
        ) : null,
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" onClick={() => form.submit()}>
          保存
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        推迟换届须经批准，延长期限一般不超过 1 年。{termEnd ? `本届任期 ${chineseDate(termEnd)} 届满。` : '尚未录入任期，请先填写任期信息。'}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="approvalNo" label="批复文号" rules={[{ required: true, whitespace: true, message: '请填写批复文号' }]}>
          <Input maxLength={100} placeholder="例如：市直工〔2026〕20号" />
        </Form.Item>
        <Space size={16} align="start">
          <Form.Item name="approvedOn" label="批复日期" rules={[{ required: true, message: '请选择批复日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="until" label="延期至" rules={[{ required: true, message: '请选择延期截止日期' }]}>
            <DatePicker disabledDate={(d) => (termEnd ? d.isBefore(fromIso(termEnd)!, 'day') : false)} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
