/**
 * 新增/编辑预算科目: a line of the year shown on the page — name (三会一课, 主题党日, 教育培训,
 * 专项经费 offered, any other typed), budget in 元, and whether it is 专项经费.
 */
import { useEffect } from 'react';
import { AutoComplete, Checkbox, Form, Modal, Typography } from 'antd';
import type { FundLine } from '../../../shared/model/funds';
import { isSpecialLine } from '../../../shared/model/funds';
import { yuanInput } from '../../../shared/rules/duties/funds';
import { createFundLine, updateFundLine } from '../../db/fundsRepository';
import { useWriteAction } from '../common/useWriteAction';
import { fenOf, YuanInput, yuanRules } from './YuanInput';

/** The budget lines the 《条例》 names (机关条例 §40), offered as names. */
export const SUGGESTED_LINES = ['三会一课', '主题党日', '教育培训', '专项经费'] as const;

interface Values {
  name: string;
  budget: string;
  special: boolean;
}

const FIELDS = ['name', 'budget', 'special', 'year'] as const;

export function FundLineModal({ open, year, editing, onClose }: { open: boolean; year: number; editing: FundLine | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ? { name: editing.name, budget: yuanInput(editing.budgetFen), special: isSpecialLine(editing) } : { special: false });
  }, [open, editing, form]);

  async function submit(v: Values) {
    const input = { year: editing?.year ?? year, name: v.name.trim(), budgetFen: fenOf(v.budget), special: v.special };
    const saved = await run((ctx) => (editing ? updateFundLine(ctx, editing.id, input) : createFundLine(ctx, input)), {
      success: editing ? '已保存' : `已新增预算科目“${input.name}”`,
      form,
      fields: FIELDS,
    });
    if (saved) onClose();
  }

  return (
    <Modal
      open={open}
      title={editing ? `编辑预算科目：${editing.name}` : `新增${year}年预算科目`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="预算科目信息">
        <Form.Item name="name" label="预算科目" rules={[{ required: true, whitespace: true, message: '请选择或填写预算科目名称' }]}>
          <AutoComplete
            autoFocus
            options={SUGGESTED_LINES.map((value) => ({ value }))}
            placeholder="选择或输入，例如：三会一课"
            maxLength={200}
            onSelect={(value: string) => {
              if (value === '专项经费') form.setFieldValue('special', true);
            }}
          />
        </Form.Item>
        <Form.Item name="budget" label="预算金额" required rules={yuanRules()} extra="单位为元，最多两位小数。">
          <YuanInput />
        </Form.Item>
        <Form.Item name="special" valuePropName="checked" extra="专项经费指专门用于某项工作的经费（如红色教育基地建设），在台账和导出中单独标明。">
          <Checkbox>专项经费</Checkbox>
        </Form.Item>
        <Typography.Text type="secondary">年度：{editing?.year ?? year}年</Typography.Text>
        {/* Enter in a field saves, as the 保存 button does */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
