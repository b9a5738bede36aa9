/**
 * 登记 / 修改整改事项: source, problem, measures and progress, owner, deadline, status, evidence.
 * An item the 工委's records brought (红黄牌, 述职评议) shows its source and problem fixed. Errors
 * come from the record's zod schema and the rules, in Chinese, on the field they concern. 销号 and
 * 重新打开 are not here: they are their own steps in the list.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Form, Input, Radio, Select, Space, Typography } from 'antd';
import type { RefSelectProps } from 'antd';
import type { Rectification } from '../../../shared/model/rectification';
import { RECTIFICATION_SOURCE_LABELS, RECTIFICATION_STATUS_LABELS, type RectificationSource } from '../../../shared/model/vocabulary';
import { fromCommittee, UNIT_RECTIFICATION_SOURCES } from '../../../shared/rules/duties/rectification';
import { chineseDate } from '../../../shared/rules/text';
import { createRectification, updateRectification } from '../../db/rectificationRepository';
import { fromIso, toIso } from '../common/dates';
import { useWriteAction } from '../common/useWriteAction';
import { linkedSourceText } from './ItemSource';
import type { RectificationLedger } from './useRectificationLedger';

interface FormValues {
  source?: RectificationSource;
  problem?: string;
  measures?: string;
  owner?: string;
  deadline: ReturnType<typeof fromIso>;
  status: 'open' | 'inProgress';
  evidence?: string;
}

const FIELDS = ['source', 'problem', 'measures', 'owner', 'deadline', 'status', 'evidence'] as const;

export function RectificationDrawer({
  open,
  editing,
  ledger,
  onClose,
}: {
  open: boolean;
  /** null: a new item. */
  editing: Rectification | null;
  ledger: RectificationLedger;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const run = useWriteAction();
  const [saving, setSaving] = useState(false);
  const first = useRef<RefSelectProps>(null);
  const linked = editing !== null && fromCommittee(editing.source);
  const closed = editing?.status === 'closed';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      source: editing?.source,
      problem: editing?.problem ?? '',
      measures: editing?.measures ?? '',
      owner: editing?.owner ?? '',
      deadline: fromIso(editing?.deadline),
      status: editing && editing.status !== 'closed' ? editing.status : 'open',
      evidence: editing?.evidence ?? '',
    });
  }, [open, editing, form]);

  async function save(values: FormValues) {
    setSaving(true);
    const fields = {
      // an item from the 工委 keeps its own (the fields are shown disabled)
      source: linked && editing ? editing.source : (values.source ?? UNIT_RECTIFICATION_SOURCES[0]!),
      problem: linked && editing ? editing.problem : (values.problem ?? ''),
      measures: values.measures ?? '',
      owner: values.owner ?? '',
      deadline: toIso(values.deadline),
      evidence: values.evidence ?? '',
    };
    const saved = await run(
      (ctx) =>
        editing
          ? updateRectification(ctx, editing.id, closed ? fields : { ...fields, status: values.status })
          : createRectification(ctx, { ...fields, status: values.status }),
      { success: editing ? '整改事项已保存' : '已登记整改事项', form, fields: FIELDS },
    );
    setSaving(false);
    if (saved) onClose();
  }

  return (
    <Drawer
      title={editing ? '修改整改事项' : '登记整改事项'}
      open={open}
      onClose={onClose}
      size={600}
      destroyOnHidden
      afterOpenChange={(isOpen) => {
        if (isOpen && !linked) first.current?.focus();
      }}
      extra={
        <Space>
          <Typography.Text type="secondary">Ctrl+Enter 保存</Typography.Text>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={(v) => void save(v)}
        // a message the save put on a field (zod's, a rule's) goes once the field is changed
        onValuesChange={(changed: Partial<FormValues>) => form.setFields((Object.keys(changed) as (keyof FormValues)[]).map((name) => ({ name, errors: [] })))}
        // Ctrl+Enter saves from any field (a plain Enter stays in the field: new lines, picking a date)
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            form.submit();
          }
        }}
        aria-label={editing ? '修改整改事项' : '登记整改事项'}>
        {linked && editing ? (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`来自工委：${linkedSourceText(ledger, editing) ?? RECTIFICATION_SOURCE_LABELS[editing.source]}`}
              description="问题来源和问题描述以工委下达的为准，不能修改；整改措施、进展、责任人、时限和佐证材料由本单位填写，随下一个同步包报送工委。"
            />
            <Form.Item label="问题来源">
              <Input value={RECTIFICATION_SOURCE_LABELS[editing.source]} disabled aria-label="问题来源" />
            </Form.Item>
            <Form.Item name="problem" label="问题描述">
              <Input.TextArea autoSize={{ minRows: 2 }} disabled />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="source" label="问题来源" rules={[{ required: true, message: '请选择问题来源' }]} extra="红黄牌、述职评议的整改事项随工委回执到达，在工作台的“工委通知与红黄牌”中建立。">
              <Select ref={first} placeholder="巡视、巡察、督导或考核" options={UNIT_RECTIFICATION_SOURCES.map((s) => ({ value: s, label: RECTIFICATION_SOURCE_LABELS[s] }))} />
            </Form.Item>
            <Form.Item name="problem" label="问题描述" required>
              <Input.TextArea autoSize={{ minRows: 2 }} placeholder="如：巡察反馈：理论学习中心组学习流于形式，研讨不深入" />
            </Form.Item>
          </>
        )}
        <Form.Item name="measures" label="整改措施及进展" extra="“记录进展”会把带日期的进展追加在这里。">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} placeholder="如：制定中心组学习计划，每次确定研讨主题，12月底前完成" />
        </Form.Item>
        <Space size="large" wrap align="start">
          <Form.Item name="owner" label="责任人">
            <Input style={{ width: 220 }} placeholder="如：办公室 李明" />
          </Form.Item>
          <Form.Item name="deadline" label="整改时限" extra="超过时限未销号的事项在工作台标红。">
            <DatePicker placeholder="不设时限" />
          </Form.Item>
        </Space>
        {closed && editing ? (
          <Form.Item label="整改状态">
            <Typography.Text>
              {RECTIFICATION_STATUS_LABELS.closed}（{chineseDate(editing.closedOn)}）。如需继续整改，请关闭本窗口后点“重新打开”。
            </Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="status" label="整改状态" extra="整改完成后，请在列表中点“销号”并填写销号日期。">
            <Radio.Group options={(['open', 'inProgress'] as const).map((s) => ({ value: s, label: RECTIFICATION_STATUS_LABELS[s] }))} />
          </Form.Item>
        )}
        <Form.Item name="evidence" label="佐证材料">
          <Input.TextArea autoSize={{ minRows: 2 }} placeholder="如：整改报告、会议记录、制度文件的名称和存放位置" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
