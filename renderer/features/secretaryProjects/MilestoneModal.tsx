/** 添加/编辑工作节点 of a project: what is to be done and by when (完成 is ticked on the page). */
import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Milestone, SecretaryProject } from '../../../shared/model/secretaryProject';
import { addMilestone, updateMilestone } from '../../db/secretaryProjectRepository';
import { fromIso, toIso } from '../common/dates';
import { todayIso } from '../common/today';
import { useWriteAction } from '../common/useWriteAction';

interface Values {
  title: string;
  due?: Dayjs | null;
}

const FIELDS = ['title', 'due'] as const;

export interface MilestoneEdit {
  readonly project: SecretaryProject;
  /** The milestone edited and its index, or null for a new one. */
  readonly editing: { readonly index: number; readonly milestone: Milestone } | null;
}

export function MilestoneModal({ edit, onClose }: { edit: MilestoneEdit | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();
  const open = edit !== null;

  useEffect(() => {
    if (!edit) return;
    form.resetFields();
    if (edit.editing) form.setFieldsValue({ title: edit.editing.milestone.title, due: fromIso(edit.editing.milestone.due) });
  }, [edit, form]);

  async function submit(v: Values) {
    if (!edit) return;
    const input = { title: v.title, due: toIso(v.due) };
    const { project, editing } = edit;
    const saved = await run(
      (ctx) =>
        editing ? updateMilestone(ctx, project.id, { index: editing.index, title: editing.milestone.title }, input) : addMilestone(ctx, project.id, input),
      { success: editing ? '已保存工作节点' : `已添加工作节点“${input.title.trim()}”`, form, fields: FIELDS },
    );
    if (saved) onClose();
  }

  const year = edit?.project.year ?? Number(todayIso().slice(0, 4));
  return (
    <Modal
      open={open}
      title={edit?.editing ? '编辑工作节点' : `添加工作节点：${edit?.project.title ?? ''}`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="工作节点信息">
        <Form.Item name="title" label="节点内容" rules={[{ required: true, whitespace: true, message: '请填写这个节点要完成的工作' }]}>
          <Input autoFocus maxLength={200} placeholder="例如：完成专题调研，形成问题清单" />
        </Form.Item>
        <Form.Item name="due" label="计划完成日期" extra="过了这一天仍未完成的节点标红，并列入工作台待办；可以不填。">
          <DatePicker defaultPickerValue={Number(todayIso().slice(0, 4)) === year ? undefined : dayjs(`${year}-01-01`, 'YYYY-MM-DD')} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
