/** The annual report's editable parts: 开头, 一、履行主体责任情况, 二、存在问题及原因, 三、下一步打算 — one paragraph per line. */
import { Form, Input, Typography } from 'antd';
import type { AnnualDrafts } from '../../../shared/reports/annualDrafts';

const PARTS: readonly { key: keyof AnnualDrafts; label: string; rows: number }[] = [
  { key: 'intro', label: '开头', rows: 4 },
  { key: 'duties', label: '一、履行主体责任情况', rows: 12 },
  { key: 'problems', label: '二、存在问题及原因', rows: 8 },
  { key: 'nextSteps', label: '三、下一步打算', rows: 8 },
];

/** `readOnly`: the committee's view of a unit's report (the generated text, shown and printed, not edited). */
/** `rewritten.duties`: 履行主体责任情况 differs from the generated text (its figures no longer follow the ledger). */
export function DraftsEditor({
  value,
  onChange,
  disabled,
  readOnly,
  rewritten,
}: {
  value: AnnualDrafts;
  onChange: (next: AnnualDrafts) => void;
  disabled?: boolean;
  readOnly?: boolean;
  rewritten?: { readonly duties: boolean };
}) {
  return (
    <div data-testid="drafts-editor">
      {!readOnly && (
        <Typography.Paragraph type="secondary">
          每行一段；以“（一）”开头的段落按二级标题排版（标题句用楷体）。留空的部分使用系统根据全年数据生成的文字。
        </Typography.Paragraph>
      )}
      {PARTS.map((p) => (
        <Form.Item
          key={p.key}
          label={p.label}
          htmlFor={`draft-${p.key}`}
          layout="vertical"
          extra={
            p.key === 'duties' && !readOnly
              ? rewritten?.duties
                ? '已改写：其中的数字不再随台账数据更新。点“恢复为系统生成的文字”可重新按台账生成（其他部分也一并恢复）。'
                : '系统根据台账数据生成，数字随台账更新；改写后以改写的文字为准。'
              : undefined
          }
        >
          <Input.TextArea
            id={`draft-${p.key}`}
            aria-label={p.label}
            value={value[p.key]}
            rows={p.rows}
            maxLength={20_000}
            disabled={disabled || readOnly}
            onChange={(e) => onChange({ ...value, [p.key]: e.target.value })}
          />
        </Form.Item>
      ))}
    </div>
  );
}
