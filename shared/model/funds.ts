/** fundLine (党建经费预算科目) and expense (经费支出). Money is integer 分. */
import type { z } from 'zod';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { Fen, Id, IsoDate, requiredText, TEXT_MAX, Year } from './primitives';

export const FundLineSchema = withMeta({
  year: Year,
  name: requiredText(),
  budgetFen: Fen,
});
export type FundLine = z.infer<typeof FundLineSchema>;

export const FUND_LINE_FIELD_LABELS: FieldLabels<FundLine> = {
  year: '年度',
  name: '预算科目',
  budgetFen: '预算金额',
};

export const ExpenseSchema = withMeta({
  fundLineId: Id,
  date: IsoDate,
  amountFen: Fen.refine((n) => n > 0, '支出金额应大于0，请核对'),
  purpose: requiredText(TEXT_MAX),
});
export type Expense = z.infer<typeof ExpenseSchema>;

export const EXPENSE_FIELD_LABELS: FieldLabels<Expense> = {
  fundLineId: '预算科目',
  date: '支出日期',
  amountFen: '支出金额',
  purpose: '用途',
};
