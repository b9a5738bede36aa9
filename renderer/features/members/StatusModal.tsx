/**
 * 状态变更: 在职 / 退休 / 调出 / 去世, for one member or for the members ticked in the roster (批量,
 * one transaction: all or none). The record is always kept.
 */
import { useEffect } from 'react';
import { App, DatePicker, Form, Modal, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Member } from '../../../shared/model/member';
import { MEMBER_STATUSES, MEMBER_STATUS_LABELS, type MemberStatus } from '../../../shared/model/vocabulary';
import { changeMembersStatus, changeMemberStatus } from '../../db/memberRepository';
import { toIso } from '../common/dates';
import { useWriteAction } from '../common/useWriteAction';

/** "王芳、李强、赵敏等 5 人" */
function namesOf(members: readonly Member[]): string {
  const shown = members.slice(0, 3).map((m) => m.name).join('、');
  return members.length > 3 ? `${shown}等 ${members.length} 人` : shown;
}

export function StatusModal({ members, onClose, onChanged }: { members: readonly Member[] | null; onClose: () => void; onChanged?: () => void }) {
  const [form] = Form.useForm<{ status: MemberStatus; date: Dayjs }>();
  const run = useWriteAction();
  const { message } = App.useApp();
  const many = (members?.length ?? 0) > 1;
  useEffect(() => {
    if (!members || members.length === 0) return;
    form.setFieldsValue({ status: members.length === 1 ? members[0]!.status : undefined, date: dayjs() });
  }, [members, form]);

  async function save(v: { status: MemberStatus; date: Dayjs }) {
    if (!members || members.length === 0) return;
    const date = toIso(v.date)!;
    if (!many) {
      const saved = await run((ctx) => changeMemberStatus(ctx, members[0]!.id, v.status, date), { success: '已保存', form, fields: ['status', 'date'] });
      if (saved) {
        onChanged?.();
        onClose();
      }
      return;
    }
    const saved = await run((ctx) => changeMembersStatus(ctx, members.map((m) => m.id), v.status, date), { form, fields: ['status', 'date'] });
    if (!saved) return;
    const label = MEMBER_STATUS_LABELS[v.status];
    void message.success(saved.unchanged > 0 ? `已将 ${saved.changed} 人变更为“${label}”；另有 ${saved.unchanged} 人原已是“${label}”，未改动` : `已将 ${saved.changed} 人变更为“${label}”`);
    onChanged?.();
    onClose();
  }

  return (
    <Modal
      open={members !== null && members.length > 0}
      title={many ? `批量状态变更：${members!.length} 人` : `状态变更：${members?.[0]?.name ?? ''}`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {many && (
        <Typography.Paragraph data-testid="status-bulk-names">
          将为 {namesOf(members!)} 登记同一状态和日期；全部保存成功或全部不保存。
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">调出、去世的党员不再计入党组织人数，但其记录和历史会议出勤仍保留。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="status" label="状态" rules={[{ required: true, message: '请选择变更后的状态' }]}>
          <Radio.Group optionType="button" options={MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s] }))} />
        </Form.Item>
        <Form.Item name="date" label="变更日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
