/**
 * 记录进展: a dated line of progress, appended to the item's 整改措施及进展 (the record has no
 * list of notes; the measures text carries them, dated, and travels to the 工委 with it).
 */
import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Rectification } from '../../../shared/model/rectification';
import { addProgressNote } from '../../db/rectificationRepository';
import { fromIso, toIso } from '../common/dates';
import { todayIso } from '../common/today';
import { useWriteAction } from '../common/useWriteAction';

interface FormValues {
  noteDate: Dayjs | null;
  note?: string;
}

const FIELDS = ['noteDate', 'note'] as const;

export function ProgressNoteModal({ item, onClose }: { item: Rectification | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const run = useWriteAction();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!item) return;
    form.resetFields();
    form.setFieldsValue({ noteDate: fromIso(todayIso()), note: '' });
  }, [item, form]);

  async function save() {
    if (!item) return;
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    const done = await run((ctx) => addProgressNote(ctx, item.id, toIso(values.noteDate) ?? todayIso(), values.note ?? ''), {
      success: '进展已记录',
      form,
      fields: FIELDS,
    });
    setSaving(false);
    if (done) onClose();
  }

  return (
    <Modal title="记录整改进展" open={item !== null} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden width={560}>
      {item && (
        <Form form={form} layout="vertical" requiredMark="optional">
          <Typography.Paragraph type="secondary">问题：{item.problem}</Typography.Paragraph>
          <Form.Item name="noteDate" label="进展日期" rules={[{ required: true, message: '请选择进展日期' }]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > todayIso()} />
          </Form.Item>
          <Form.Item name="note" label="本次进展" required extra={item.status === 'open' ? '记录进展后，该事项的状态改为“整改中”。' : undefined}>
            <Input.TextArea autoFocus autoSize={{ minRows: 3 }} placeholder="如：已印发中心组学习计划，完成第一次专题研讨" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
