/** 状态变更: 在职 / 退休 / 调出 / 去世. The record is always kept. */
import { useEffect } from 'react';
import { DatePicker, Form, Modal, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Member } from '../../../shared/model/member';
import { MEMBER_STATUSES, MEMBER_STATUS_LABELS, type MemberStatus } from '../../../shared/model/vocabulary';
import { changeMemberStatus } from '../../db/memberRepository';
import { toIso } from '../common/dates';
import { useWriteAction } from '../common/useWriteAction';

export function StatusModal({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const [form] = Form.useForm<{ status: MemberStatus; date: Dayjs }>();
  const run = useWriteAction();
  useEffect(() => {
    if (member) form.setFieldsValue({ status: member.status, date: dayjs() });
  }, [member, form]);
  return (
    <Modal open={member !== null} title={`状态变更：${member?.name ?? ''}`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Typography.Paragraph type="secondary">调出、去世的党员不再计入党组织人数，但其记录和历史会议出勤仍保留。</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          if (!member) return;
          const saved = await run((ctx) => changeMemberStatus(ctx, member.id, v.status, toIso(v.date)!), { success: '已保存', form, fields: ['status', 'date'] });
          if (saved) onClose();
        }}
      >
        <Form.Item name="status" label="状态">
          <Radio.Group optionType="button" options={MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s] }))} />
        </Form.Item>
        <Form.Item name="date" label="变更日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
