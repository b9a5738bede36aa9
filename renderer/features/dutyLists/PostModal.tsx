/**
 * 新增/编辑岗位: a post of the year shown — its level (the default three offered, any other typed),
 * the post's name and its holder (a name; the unit's roster is offered).
 */
import { useEffect } from 'react';
import { AutoComplete, Form, Modal, Typography } from 'antd';
import type { DutyList } from '../../../shared/model/dutyList';
import { DEFAULT_DUTY_LEVELS } from '../../../shared/rules/duties/dutyLists';
import { createDutyPost, updateDutyPost } from '../../db/dutyListRepository';
import { useWriteAction } from '../common/useWriteAction';

interface Values {
  level: string;
  post: string;
  holderName: string;
}

const FIELDS = ['level', 'post', 'holderName'] as const;

export function PostModal({
  open,
  year,
  editing,
  level,
  memberNames,
  onClose,
}: {
  open: boolean;
  year: number;
  editing: DutyList | null;
  /** The level a new post is added to, if known. */
  level: string | null;
  memberNames: readonly string[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ? { level: editing.level, post: editing.post, holderName: editing.holderName } : { level: level ?? '', post: '', holderName: '' });
  }, [open, editing, level, form]);

  async function submit(v: Values) {
    const input = { level: v.level.trim(), post: v.post.trim(), holderName: (v.holderName ?? '').trim() };
    const saved = await run((ctx) => (editing ? updateDutyPost(ctx, editing.id, input) : createDutyPost(ctx, { ...input, year })), {
      success: editing ? '已保存' : `已新增岗位“${input.post}”`,
      form,
      fields: FIELDS,
    });
    if (saved) onClose();
  }

  const holderOptions = memberNames.map((value) => ({ value }));

  return (
    <Modal open={open} title={editing ? `编辑岗位：${editing.post}` : `新增${year}年岗位`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="岗位信息">
        <Form.Item name="level" label="层级" rules={[{ required: true, whitespace: true, message: '请选择或填写层级，例如：党支部' }]}>
          <AutoComplete autoFocus={editing === null && level === null} options={DEFAULT_DUTY_LEVELS.map((value) => ({ value }))} placeholder="选择或输入，例如：党支部" maxLength={50} />
        </Form.Item>
        <Form.Item name="post" label="岗位" rules={[{ required: true, whitespace: true, message: '请填写岗位名称，例如：党支部书记' }]}>
          <AutoComplete autoFocus={editing === null && level !== null} options={[]} placeholder="例如：党支部书记" maxLength={50} />
        </Form.Item>
        <Form.Item name="holderName" label="责任人" extra={memberNames.length > 0 ? '可从本单位党员名册中选择，也可直接输入姓名。' : '填写担任该岗位的同志姓名。'}>
          <AutoComplete
            autoFocus={editing !== null}
            options={holderOptions}
            placeholder="姓名"
            maxLength={50}
            filterOption={(input, option) => (option?.value ?? '').includes(input.trim())}
          />
        </Form.Item>
        <Typography.Text type="secondary">年度：{editing?.year ?? year}年</Typography.Text>
        {/* Enter in a field saves, as the 保存 button does */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
