/**
 * 自查: one duty item's annual self-check — the outcome (落实/部分落实/未落实, or 未自查 to clear it)
 * and the evidence / description (Ctrl+Enter saves).
 */
import { useEffect, type KeyboardEvent } from 'react';
import { Form, Input, Modal, Radio, Typography } from 'antd';
import { DUTY_ITEM_STATUS_LABELS, DUTY_ITEM_STATUSES, DUTY_ITEM_UNCHECKED_LABEL, dutyItemStatus, type DutyItemStatus, type DutyList } from '../../../shared/model/dutyList';
import { selfCheckDutyItem } from '../../db/dutyListRepository';
import { useWriteAction } from '../common/useWriteAction';

const UNCHECKED = 'unchecked';

interface Values {
  status: DutyItemStatus | typeof UNCHECKED;
  selfCheck: string;
}

export interface SelfCheckTarget {
  readonly list: DutyList;
  readonly index: number;
}

export function SelfCheckModal({ target, onClose }: { target: SelfCheckTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();
  const item = target ? (target.list.items[target.index] ?? null) : null;

  // reset when another item is opened (the target object is new on every render of the page)
  const key = target && item ? `${target.list.id}:${target.index}` : null;
  useEffect(() => {
    if (key === null || !item) return;
    form.resetFields();
    form.setFieldsValue({ status: dutyItemStatus(item) ?? UNCHECKED, selfCheck: item.selfCheck });
  }, [key, form]);

  async function submit(v: Values) {
    if (!target || !item) return;
    const status = v.status === UNCHECKED ? null : v.status;
    const saved = await run((ctx) => selfCheckDutyItem(ctx, target.list.id, target.index, item.text, { status, selfCheck: v.selfCheck ?? '' }), {
      success: '已保存自查结果',
      form,
      fields: ['selfCheck'],
    });
    if (saved) onClose();
  }

  const submitOnCtrlEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };

  return (
    <Modal open={target !== null} title={target ? `年度自查：${target.list.post}` : ''} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      {item && (
        <Typography.Paragraph style={{ background: '#fafafa', padding: '8px 12px', borderRadius: 4 }} data-testid="self-check-item">
          {item.text}
        </Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="自查">
        <Form.Item name="status" label="自查结论" rules={[{ required: true, message: '请选择自查结论' }]}>
          <Radio.Group
            options={[
              ...DUTY_ITEM_STATUSES.map((s) => ({ value: s, label: DUTY_ITEM_STATUS_LABELS[s] })),
              { value: UNCHECKED, label: DUTY_ITEM_UNCHECKED_LABEL },
            ]}
            optionType="button"
            buttonStyle="solid"
          />
        </Form.Item>
        <Form.Item name="selfCheck" label="自查情况及佐证" extra="写明落实情况、佐证材料（如会议纪要、文件编号）；部分落实或未落实的，写明原因和下一步措施。按 Ctrl+Enter 保存。">
          <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} onKeyDown={submitOnCtrlEnter} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
