/**
 * 销号: the unit confirms an item is rectified, on a date (today by default, not in the future) and
 * with its evidence. The dialog says what 销号 means before it is confirmed; 重新打开 undoes it.
 */
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Rectification } from '../../../shared/model/rectification';
import { closeRectification } from '../../db/rectificationRepository';
import { fromIso, toIso } from '../common/dates';
import { todayIso } from '../common/today';
import { useWriteAction } from '../common/useWriteAction';

interface FormValues {
  closedOn: Dayjs | null;
  evidence?: string;
}

const FIELDS = ['closedOn', 'evidence'] as const;

export function CloseItemModal({ item, onClose }: { item: Rectification | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const run = useWriteAction();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!item) return;
    form.resetFields();
    form.setFieldsValue({ closedOn: fromIso(todayIso()), evidence: item.evidence });
  }, [item, form]);

  async function confirm() {
    if (!item) return;
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    const done = await run((ctx) => closeRectification(ctx, item.id, toIso(values.closedOn) ?? todayIso(), values.evidence ?? ''), {
      success: '已销号，将随下一个同步包报送工委',
      form,
      fields: FIELDS,
    });
    setSaving(false);
    if (done) onClose();
  }

  return (
    <Modal
      title="销号"
      open={item !== null}
      okText="确认销号"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {item && (
        <Form form={form} layout="vertical" requiredMark="optional" onFinish={() => void confirm()}>
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`确认该问题已整改到位并销号？`} description={`问题：${item.problem}`} />
          <Form.Item name="closedOn" label="销号日期" rules={[{ required: true, message: '请选择销号日期' }]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > todayIso()} />
          </Form.Item>
          <Form.Item name="evidence" label="佐证材料" rules={[{ required: true, whitespace: true, message: '销号前请写明佐证材料（如整改报告、会议记录、制度文件），以备检查。' }]}>
            <Input.TextArea autoFocus autoSize={{ minRows: 3 }} placeholder="如：中心组学习计划（党办存档）、两次专题研讨会议记录" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
