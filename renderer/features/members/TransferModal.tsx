/** 组织关系转接 within the unit: the history of postings is kept. */
import { useEffect, useMemo } from 'react';
import { DatePicker, Form, Modal, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Member } from '../../../shared/model/member';
import type { Organisation } from '../../../shared/model/organisation';
import { transferMember } from '../../db/memberRepository';
import { toIso } from '../common/dates';
import { useWriteAction } from '../common/useWriteAction';
import { organisationTreeSelectData } from '../common/organisationTreeSelect';

export function TransferModal({ member, organisations, onClose }: { member: Member | null; organisations: readonly Organisation[]; onClose: () => void }) {
  const [form] = Form.useForm<{ organisationId: string; date: Dayjs }>();
  const run = useWriteAction();
  const treeData = useMemo(() => organisationTreeSelectData(organisations), [organisations]);
  useEffect(() => {
    if (member) form.setFieldsValue({ organisationId: member.organisationId, date: dayjs() });
  }, [member, form]);
  const current = organisations.find((o) => o.id === member?.organisationId);
  return (
    <Modal
      open={member !== null}
      title={`组织关系转接：${member?.name ?? ''}`}
      okText="转接"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">现所在党组织：{current?.name ?? '—'}。转接后原组织关系保留在历史记录中。</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          if (!member) return;
          const saved = await run((ctx) => transferMember(ctx, member.id, v.organisationId, toIso(v.date)!), { success: '已转接', form, fields: ['organisationId', 'date'] });
          if (saved) onClose();
        }}
      >
        <Form.Item name="organisationId" label="转入党组织" rules={[{ required: true, message: '请选择转入的党组织' }]}>
          <TreeSelect treeData={treeData as never} treeDefaultExpandAll />
        </Form.Item>
        <Form.Item name="date" label="转入日期" rules={[{ required: true, message: '请选择转入日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
