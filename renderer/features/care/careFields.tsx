/**
 * Form pieces shared by the three tabs: a date that may not lie after today, a person picked from
 * the roster or typed, and a 慰问金额 in 元 (text parsed by `parseYuan`, never a float; blank is 0).
 */
import { AutoComplete, DatePicker, Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { careDateProblem } from '../../../shared/rules/duties/care';
import { parseYuan } from '../../../shared/rules/duties/funds';
import { toIso } from '../common/dates';
import { todayIso } from '../common/today';

export function DateField({ label, year }: { label: string; year: number }) {
  const thisYear = Number(todayIso().slice(0, 4));
  return (
    <Form.Item
      name="date"
      label={label}
      rules={[
        { required: true, message: `请选择${label}` },
        {
          validator: (_, d: Dayjs | undefined) => {
            if (!d) return Promise.resolve();
            const problem = careDateProblem(toIso(d)!, todayIso(), label);
            return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
          },
        },
      ]}
    >
      <DatePicker
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        defaultPickerValue={thisYear === year ? undefined : dayjs(`${year}-12-01`, 'YYYY-MM-DD')}
      />
    </Form.Item>
  );
}

/** A name from the roster (type to filter) or any name typed. */
export function PersonInput(props: { value?: string; onChange?: (v: string) => void; id?: string; names: readonly string[]; placeholder: string; autoFocus?: boolean }) {
  const query = (props.value ?? '').trim();
  const options = props.names.filter((n) => query === '' || n.includes(query)).slice(0, 50).map((n) => ({ value: n }));
  return (
    <AutoComplete id={props.id} value={props.value} onChange={props.onChange} options={options} autoFocus={props.autoFocus} maxLength={50} placeholder={props.placeholder} style={{ width: 260 }} />
  );
}

export const amountRules: Rule[] = [
  {
    validator: (_, value: string | undefined) => {
      if ((value ?? '').trim() === '') return Promise.resolve();
      const r = parseYuan(value ?? '');
      return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message.replace(/^金额/, '慰问金额')));
    },
  },
];

/** 分 of an amount field that passed `amountRules` (blank: 0). */
export function fenOf(value: string | undefined): number {
  if ((value ?? '').trim() === '') return 0;
  const r = parseYuan(value ?? '');
  if (!r.ok) throw new Error(r.message); // the form's rules ran first
  return r.fen;
}

export function YuanInput(props: { value?: string; onChange?: (v: string) => void; id?: string }) {
  return (
    <Input
      id={props.id}
      value={props.value}
      onChange={(e) => props.onChange?.(e.target.value)}
      inputMode="decimal"
      suffix="元"
      maxLength={20}
      placeholder="例如 500 或 1234.56"
      style={{ width: 220 }}
    />
  );
}
