/**
 * The unit answers a 红黄牌: its rectification item (整改事项, source 红黄牌) — measures, who is
 * responsible, the deadline (the card's by default), the status and, when done, the evidence and
 * the date. Saved as the unit's record; it travels to the 工委 with the next bundle.
 */
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Card } from '../../../shared/model/committee';
import type { Rectification } from '../../../shared/model/rectification';
import { RECTIFICATION_STATUS_LABELS, RECTIFICATION_STATUSES, type RectificationStatus } from '../../../shared/model/vocabulary';
import { answerCard } from '../../db/accountabilityRepository';
import { fromIso, toIso } from '../common/dates';
import { todayIso } from '../common/today';
import { useWriteAction } from '../common/useWriteAction';

interface FormValues {
  measures: string;
  owner?: string;
  deadline: ReturnType<typeof fromIso>;
  status: RectificationStatus;
  evidence?: string;
  closedOn: ReturnType<typeof fromIso>;
}

const FIELDS = ['measures', 'owner', 'deadline', 'status', 'evidence', 'closedOn'] as const;

export function AnswerCardModal({ card, answer, onClose }: { card: Card | null; answer: Rectification | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const run = useWriteAction();
  const [saving, setSaving] = useState(false);
  const status = Form.useWatch('status', form);

  useEffect(() => {
    if (!card) return;
    form.resetFields();
    form.setFieldsValue({
      measures: answer?.measures ?? '',
      owner: answer?.owner ?? '',
      deadline: fromIso(answer?.deadline ?? card.fixBy),
      status: answer?.status ?? 'inProgress',
      evidence: answer?.evidence ?? '',
      closedOn: fromIso(answer?.closedOn ?? todayIso()),
    });
  }, [card, answer, form]);

  async function save() {
    if (!card) return;
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    const saved = await run(
      (ctx) =>
        answerCard(ctx, card.id, {
          measures: values.measures,
          owner: values.owner ?? '',
          deadline: toIso(values.deadline),
          status: values.status,
          evidence: values.evidence ?? '',
          closedOn: values.status === 'closed' ? toIso(values.closedOn) : null,
        }),
      { success: '整改情况已保存，将随下一个同步包报送工委', form, fields: FIELDS },
    );
    setSaving(false);
    if (saved) onClose();
  }

  return (
    <Modal
      title={answer ? '更新整改情况' : '建立整改事项'}
      open={card !== null}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      {card && (
        <Form form={form} layout="vertical" requiredMark="optional">
          <Alert type={card.colour === 'red' ? 'error' : 'warning'} showIcon title={`问题：${card.trigger}`} style={{ marginBottom: 16 }} />
          <Form.Item name="measures" label="整改措施" rules={[{ required: true, whitespace: true, message: '请填写整改措施' }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
          </Form.Item>
          <Form.Item name="owner" label="责任人">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="deadline" label="整改时限">
            <DatePicker placeholder="不设时限" />
          </Form.Item>
          <Form.Item name="status" label="整改状态">
            <Radio.Group options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: s === 'closed' ? '已整改完成' : RECTIFICATION_STATUS_LABELS[s] }))} />
          </Form.Item>
          {status === 'closed' && (
            <>
              <Form.Item name="closedOn" label="完成日期" rules={[{ required: true, message: '请选择整改完成日期' }]}>
                <DatePicker allowClear={false} />
              </Form.Item>
              <Form.Item name="evidence" label="佐证材料" rules={[{ required: true, whitespace: true, message: '整改完成请写明佐证材料' }]}>
                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} placeholder="如：补开党员大会的会议记录、整改报告" />
              </Form.Item>
            </>
          )}
        </Form>
      )}
    </Modal>
  );
}
