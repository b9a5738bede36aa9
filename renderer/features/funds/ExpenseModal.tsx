/**
 * 新增/编辑支出: against a budget line of the year — date (within the line's year), amount in 元,
 * purpose and 凭证号.
 */
import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Expense, FundLine } from '../../../shared/model/funds';
import { voucherNumber, VOUCHER_NO_MAX } from '../../../shared/model/funds';
import { expenseDateProblem, yuanInput } from '../../../shared/rules/duties/funds';
import { createExpense, updateExpense } from '../../db/fundsRepository';
import { fromIso, toIso } from '../common/dates';
import { todayIso } from '../common/today';
import { useWriteAction } from '../common/useWriteAction';
import { fenOf, YuanInput, yuanRules } from './YuanInput';

interface Values {
  fundLineId: string;
  date: Dayjs;
  amount: string;
  purpose: string;
  voucherNo?: string;
}

const FIELDS = ['fundLineId', 'date', 'amount', 'purpose', 'voucherNo'] as const;

export function ExpenseModal({
  open,
  year,
  lines,
  editing,
  lineId,
  onClose,
}: {
  open: boolean;
  year: number;
  /** The year's lines to choose from. */
  lines: readonly FundLine[];
  editing: Expense | null;
  /** The line to start a new expense on (the one the page shows), if any. */
  lineId: string | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({ fundLineId: editing.fundLineId, date: fromIso(editing.date)!, amount: yuanInput(editing.amountFen), purpose: editing.purpose, voucherNo: voucherNumber(editing) });
    else if (lineId) form.setFieldsValue({ fundLineId: lineId });
  }, [open, editing, lineId, form]);

  const lineYear = (id: string | undefined) => lines.find((l) => l.id === id)?.year ?? year;

  async function submit(v: Values) {
    const input = { fundLineId: v.fundLineId, date: toIso(v.date)!, amountFen: fenOf(v.amount), purpose: v.purpose.trim(), voucherNo: (v.voucherNo ?? '').trim() };
    const saved = await run((ctx) => (editing ? updateExpense(ctx, editing.id, input) : createExpense(ctx, input)), {
      success: editing ? '已保存' : '已登记支出',
      form,
      fields: FIELDS,
    });
    if (saved) onClose();
  }

  return (
    <Modal open={open} title={editing ? '编辑支出' : `登记${year}年支出`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="支出信息">
        <Form.Item name="fundLineId" label="预算科目" rules={[{ required: true, message: '请选择支出所属的预算科目' }]}>
          <Select placeholder="选择科目" options={lines.map((l) => ({ value: l.id, label: l.name }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item
          name="date"
          label="支出日期"
          dependencies={['fundLineId']}
          rules={[
            { required: true, message: '请选择支出日期' },
            ({ getFieldValue }) => ({
              validator: (_, d: Dayjs | undefined) => {
                if (!d) return Promise.resolve();
                const problem = expenseDateProblem(toIso(d)!, lineYear(getFieldValue('fundLineId') as string | undefined));
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            }),
          ]}
        >
          {/* another year's page opens the calendar in that year */}
          <DatePicker defaultPickerValue={Number(todayIso().slice(0, 4)) === year ? undefined : dayjs(`${year}-01-01`, 'YYYY-MM-DD')} />
        </Form.Item>
        <Form.Item name="amount" label="金额" required rules={yuanRules({ positive: true })} extra="单位为元，最多两位小数。">
          <YuanInput />
        </Form.Item>
        <Form.Item name="purpose" label="用途" rules={[{ required: true, whitespace: true, message: '请填写支出用途' }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="例如：7月主题党日赴红色教育基地交通费" />
        </Form.Item>
        <Form.Item name="voucherNo" label="凭证号" extra="财务记账凭证的编号，便于核对；没有可不填。">
          <Input maxLength={VOUCHER_NO_MAX} placeholder="例如：记-2026-07-0015" style={{ width: 260 }} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
