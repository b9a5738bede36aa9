/** 缺训: the reason (required). Also used to correct the reason of an absence already recorded. */
import { useEffect } from 'react';
import { AutoComplete, Form, Modal, Typography } from 'antd';
import type { Enrolment } from '../../../shared/model/training';
import { updateEnrolment } from '../../db/trainingRepository';
import { useWriteAction } from '../common/useWriteAction';
import { ABSENCE_REASONS } from './vocabulary';

export function AbsenceModal({ target, onClose }: { target: { enrolment: Enrolment; name: string } | null; onClose: () => void }) {
  const [form] = Form.useForm<{ absenceReason: string }>();
  const run = useWriteAction();
  useEffect(() => {
    if (target) form.setFieldsValue({ absenceReason: target.enrolment.absenceReason ?? '' });
  }, [target, form]);
  return (
    <Modal
      open={target !== null}
      title={`登记缺训：${target?.name ?? ''}`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">缺训不计学时。补训后可在本班或补训班中登记，补训学时计入本班所在年度。</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          if (!target) return;
          const saved = await run((ctx) => updateEnrolment(ctx, target.enrolment.id, { status: 'absent', absenceReason: v.absenceReason }), {
            success: `已登记${target.name}缺训`,
            form,
            fields: ['absenceReason'],
          });
          if (saved) onClose();
        }}
      >
        <Form.Item name="absenceReason" label="缺训原因" rules={[{ required: true, whitespace: true, message: '请填写缺训原因' }]}>
          <AutoComplete
            options={ABSENCE_REASONS.map((r) => ({ value: r }))}
            filterOption={(input, option) => (option?.value ?? '').includes(input.trim())}
            placeholder="选择或输入，例如：公务出差"
            maxLength={500}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
