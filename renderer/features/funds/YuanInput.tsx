/**
 * A money field in 元: typed as text (never an <input type=number>, whose float would hold money),
 * checked with `parseYuan` (up to two decimals) and turned into 分 only when saved.
 */
import { Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { parseYuan } from '../../../shared/rules/duties/funds';

/** Form rules for a 元 field: filled, an amount with at most two decimals, and (optionally) above 0. */
export function yuanRules(options: { positive?: boolean } = {}): Rule[] {
  return [
    {
      validator: (_, value: string | undefined) => {
        const r = parseYuan(value ?? '');
        if (!r.ok) return Promise.reject(new Error(r.message));
        if (options.positive && r.fen === 0) return Promise.reject(new Error('支出金额应大于0，请核对'));
        return Promise.resolve();
      },
    },
  ];
}

/** The 分 of a field that passed `yuanRules`. */
export function fenOf(value: string): number {
  const r = parseYuan(value);
  if (!r.ok) throw new Error(r.message); // the form's rules ran first
  return r.fen;
}

export function YuanInput(props: { value?: string; onChange?: (v: string) => void; id?: string; placeholder?: string; 'aria-label'?: string }) {
  return (
    <Input
      id={props.id}
      value={props.value}
      onChange={(e) => props.onChange?.(e.target.value)}
      inputMode="decimal"
      suffix="元"
      maxLength={20}
      placeholder={props.placeholder ?? '例如 1500 或 1234.56'}
      aria-label={props['aria-label']}
      style={{ width: 220 }}
    />
  );
}
