/** 记录换届: an election starts a new term (its date and length), with the 工委's approval number. */
import { useEffect } from 'react';
import { DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Organisation } from '../../../shared/model/organisation';
import { recordElection } from '../../db/organisationRepository';
import { toIso } from '../common/dates';
import { useRuleProfile } from '../common/useRuleProfile';
import { useWriteAction } from '../common/useWriteAction';

interface Values {
  electedOn: Dayjs;
  termYears: number;
  approvalNo?: string;
  approvedOn?: Dayjs | null;
}

export function ElectionModal({ organisation, onClose }: { organisation: Organisation | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const profile = useRuleProfile();
  const run = useWriteAction();
  useEffect(() => {
    if (!organisation) return;
    form.resetFields();
    form.setFieldsValue({ termYears: organisation.termYears ?? profile.terms.years[organisation.kind] ?? 3 });
  }, [organisation, form, profile]);

  async function submit(v: Values) {
    if (!organisation) return;
    const saved = await run(
      (ctx) =>
        recordElection(ctx, {
          organisationId: organisation.id,
          electedOn: toIso(v.electedOn)!,
          termYears: v.termYears,
          approvalNo: v.approvalNo ?? '',
          approvedOn: toIso(v.approvedOn),
          meetingId: null,
        }),
      { success: '已记录换届选举，新一届任期开始计算', form, fields: ['electedOn', 'termYears', 'approvalNo', 'approvedOn'] },
    );
    if (saved) onClose();
  }

  return (
    <Modal open={organisation !== null} title={`记录换届选举：${organisation?.name ?? ''}`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Space size={16} align="start">
          <Form.Item name="electedOn" label="选举日期" rules={[{ required: true, message: '请选择选举日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="termYears" label="任期（年）" rules={[{ required: true, message: '请填写任期年限' }]}>
            <InputNumber min={1} max={10} precision={0} />
          </Form.Item>
        </Space>
        <Space size={16} align="start">
          <Form.Item name="approvalNo" label="工委批复文号" extra="选举结果报机关工委审批（机关条例第37条）。">
            <Input maxLength={100} placeholder="例如：市直工〔2026〕15号" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="approvedOn" label="批复日期">
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
