/** 新增/编辑职责事项: one duty item's text (Ctrl+Enter saves). */
import { useEffect } from 'react';
import { Form, Input, Modal } from 'antd';
import type { DutyList } from '../../../shared/model/dutyList';
import { addDutyItem, updateDutyItemText } from '../../db/dutyListRepository';
import { useWriteAction } from '../common/useWriteAction';

interface Values {
  text: string;
}

export interface ItemTarget {
  readonly list: DutyList;
  /** null: a new item. */
  readonly index: number | null;
}

export function ItemModal({ target, onClose }: { target: ItemTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();
  const editing = target && target.index !== null ? (target.list.items[target.index] ?? null) : null;

  // reset when another item is opened (the target object is new on every render of the page)
  const key = target ? `${target.list.id}:${target.index ?? 'new'}` : null;
  const initial = editing?.text ?? '';
  useEffect(() => {
    if (key === null) return;
    form.resetFields();
    form.setFieldsValue({ text: initial });
  }, [key, form]);

  async function submit(v: Values) {
    if (!target) return;
    const text = v.text.trim();
    const saved = await run(
      (ctx) => (editing && target.index !== null ? updateDutyItemText(ctx, target.list.id, target.index, editing.text, text) : addDutyItem(ctx, target.list.id, text)),
      { success: editing ? '已保存' : '已新增职责事项', form, fields: ['text'] },
    );
    if (saved) onClose();
  }

  return (
    <Modal
      open={target !== null}
      title={target ? `${editing ? '编辑' : '新增'}职责事项：${target.list.post}` : ''}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="职责事项">
        <Form.Item name="text" label="职责内容" rules={[{ required: true, whitespace: true, message: '请填写职责内容' }]} extra="按 Ctrl+Enter 保存。">
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                form.submit();
              }
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
