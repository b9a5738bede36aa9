/**
 * fundLine (党建经费预算科目) and expense (经费支出). Money is integer 分.
 *
 * From record schema 4 a line may be marked 专项经费 (`special`) and an expense carries its
 * 凭证号 (`voucherNo`). Both are optional so that records written before (schema 3 and older, still
 * in a database that was not rewritten) stay valid: absent reads as not special / no voucher
 * (`isSpecialLine`, `voucherNumber`). Bundles and backups of older schemas gain the defaults in
 * shared/model/upgrade.ts.
 */
import { z } from 'zod';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { Fen, Id, IsoDate, requiredText, text, TEXT_MAX, typeMessage, Year } from './primitives';

/** Longest 凭证号 accepted (e.g. “记-2026-03-0015”). */
export const VOUCHER_NO_MAX = 50;

export const FundLineSchema = withMeta({
  year: Year,
  name: requiredText(),
  budgetFen: Fen,
  /** 专项经费 (earmarked for one purpose); absent: false. */
  special: z.boolean({ error: typeMessage('专项经费标记（是/否）') }).optional(),
});
export type FundLine = z.infer<typeof FundLineSchema>;

export const FUND_LINE_FIELD_LABELS: FieldLabels<FundLine> = {
  year: '年度',
  name: '预算科目',
  budgetFen: '预算金额',
  special: '专项经费',
};

export const ExpenseSchema = withMeta({
  fundLineId: Id,
  date: IsoDate,
  amountFen: Fen.refine((n) => n > 0, '支出金额应大于0，请核对'),
  purpose: requiredText(TEXT_MAX),
  /** 凭证号 of the accounting voucher; absent: ''. */
  voucherNo: text(VOUCHER_NO_MAX).optional(),
});
export type Expense = z.infer<typeof ExpenseSchema>;

export const EXPENSE_FIELD_LABELS: FieldLabels<Expense> = {
  fundLineId: '预算科目',
  date: '支出日期',
  amountFen: '支出金额',
  purpose: '用途',
  voucherNo: '凭证号',
};

/** Whether a line is 专项经费 (absent before record schema 4: no). */
export function isSpecialLine(line: Pick<FundLine, 'special'>): boolean {
  return line.special === true;
}

/** An expense's 凭证号 ('' when none was recorded). */
export function voucherNumber(expense: Pick<Expense, 'voucherNo'>): string {
  return expense.voucherNo ?? '';
}
