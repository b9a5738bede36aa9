/** 撤销 a party organisation: it stays in the ledger with its history, marked dissolved on a date. */
import { useEffect } from 'react';
import { Alert, DatePicker, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Organisation } from '../../../shared/model/organisation';
import { dissolveOrganisation } from '../../db/organisationRepository';
import { toIso } from '../common/dates';
import { useWriteAction } from '../common/useWriteAction';

export function DissolveModal({ organisation, onClose }: { organisation: Organisation | null; onClose: () => void }) {
  const [form] = Form.useForm<{ date: Dayjs }>();
  const run = useWriteAction();
  useEffect(() => {
    if (organisation) form.setFieldsValue({ date: dayjs() });
  }, [organisation, form]);
  async function submit(v: { date: Dayjs }) {
    if (!organisation) return;
    const saved = await run((ctx) => dissolveOrganisation(ctx, organisation.id, toIso(v.date)!), { success: `已撤销“${organisation.name}”`, form, fields: ['date'] });
    if (saved) onClose();
  }
  return (
    <Modal
      open={organisation !== null}
      title={`撤销党组织：${organisation?.name ?? ''}`}
      okText="确认撤销"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="撤销后，该党组织及其会议、换届等记录仍保留在台账中，但不再接收党员，也不再计算会议任务。请先将其党员和下级党组织转出。" />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="date" label="撤销日期" rules={[{ required: true, message: '请选择撤销日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
