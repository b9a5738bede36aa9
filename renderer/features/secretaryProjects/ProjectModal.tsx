/**
 * 新增/编辑书记项目: the project's own fields — secretary, title, 针对的问题, 项目目标, 主要措施,
 * 推进情况 and the year-end 成效评价 (自评). A project written before the three were apart keeps its
 * one text under 项目目标, shown so; editing it offers the two new fields empty, to fill in or not.
 * Milestones are edited on the page, one at a time.
 */
import { useEffect } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import type { SecretaryProject } from '../../../shared/model/secretaryProject';
import { createSecretaryProject, updateSecretaryProject } from '../../db/secretaryProjectRepository';
import { useWriteAction } from '../common/useWriteAction';

interface Values {
  secretaryName: string;
  title: string;
  problem?: string;
  goal?: string;
  measures?: string;
  progress?: string;
  evaluation?: string;
}

const FIELDS = ['secretaryName', 'title', 'problem', 'goal', 'measures', 'progress', 'evaluation', 'year'] as const;

export function ProjectModal({
  open,
  year,
  editing,
  secretaryHint,
  onClose,
}: {
  open: boolean;
  year: number;
  editing: SecretaryProject | null;
  /** The secretary of the latest project, offered for a new one. */
  secretaryHint: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? {
            secretaryName: editing.secretaryName,
            title: editing.title,
            problem: editing.problem ?? '',
            goal: editing.goal,
            measures: editing.measures ?? '',
            progress: editing.progress,
            evaluation: editing.evaluation,
          }
        : { secretaryName: secretaryHint },
    );
  }, [open, editing, form, secretaryHint]);

  async function submit(v: Values) {
    const input = {
      year: editing?.year ?? year,
      secretaryName: v.secretaryName,
      title: v.title,
      problem: v.problem ?? '',
      goal: v.goal ?? '',
      measures: v.measures ?? '',
      progress: v.progress ?? '',
      evaluation: v.evaluation ?? '',
    };
    const saved = await run((ctx) => (editing ? updateSecretaryProject(ctx, editing.id, input) : createSecretaryProject(ctx, input)), {
      success: editing ? '已保存' : `已新增书记项目“${input.title.trim()}”`,
      form,
      fields: FIELDS,
    });
    if (saved) onClose();
  }

  return (
    <Modal
      open={open}
      title={editing ? `编辑书记项目：${editing.title}` : `新增${year}年书记项目`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="书记项目信息">
        <Form.Item name="title" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写书记项目的名称' }]}>
          <Input autoFocus maxLength={200} placeholder="例如：“党建+营商环境”提质增效行动" />
        </Form.Item>
        <Form.Item name="secretaryName" label="书记姓名" rules={[{ required: true, whitespace: true, message: '请填写领办项目的党组(党委)书记姓名' }]}>
          <Input maxLength={50} style={{ width: 240 }} placeholder="例如：王建国" />
        </Form.Item>
        <Form.Item name="problem" label="针对的问题" extra="本单位党建工作的突出问题或薄弱环节。">
          <Input.TextArea maxLength={10000} autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="goal" label="项目目标" extra={editing && editing.problem === undefined && editing.measures === undefined ? '此项目登记时问题、目标和措施写在一起，可保留在这里，也可分别移到上下两栏。' : '年内要达到的目标，尽量可衡量。'}>
          <Input.TextArea maxLength={10000} autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="measures" label="主要措施" extra="为达到目标采取的主要工作措施。">
          <Input.TextArea maxLength={10000} autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="progress" label="推进情况" extra="项目推进中的主要做法和阶段成效，可随时补充。">
          <Input.TextArea maxLength={10000} autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="evaluation" label="年终自评" extra="年底对照目标对项目成效作出自我评价；年中可先不填。">
          <Input.TextArea maxLength={10000} autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Typography.Text type="secondary">年度：{editing?.year ?? year}年</Typography.Text>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
