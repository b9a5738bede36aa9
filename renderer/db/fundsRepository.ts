/**
 * Writes of 经费保障: budget lines (预算科目) of a year and expenses (支出) against them. The unit
 * writes them (the 工委 only sees them). Each write reads what it checks inside ONE transaction
 * (`runWrite`) and writes through the record repository (meta, change log, audit, tombstones):
 *   - a line's name is unique among the live lines of its year;
 *   - an expense belongs to a live line of this unit and is dated within the line's year
 *     (`expenseDateProblem`); a line's year cannot move away from the dates of its expenses;
 *   - a line with live expenses cannot be deleted (delete or move its expenses first).
 * Money arrives in 分 (the form parses 元 with shared/rules/duties/funds.ts `parseYuan`).
 */
import { expectedError, fail, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { Expense, FundLine } from '../../shared/model/funds';
import { expenseDateProblem } from '../../shared/rules/duties/funds';
import { createRecord, deleteRecord, updateRecord, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import type { WriteContext } from './writeContext';

export type FundsWriteError = WriteError | ExpectedError<'duplicate-line' | 'line-has-expenses' | 'invalid-date' | 'wrong-mode'>;

export interface FundLineInput {
  readonly year: number;
  readonly name: string;
  readonly budgetFen: number;
  readonly special: boolean;
}

export interface ExpenseInput {
  readonly fundLineId: string;
  readonly date: string;
  readonly amountFen: number;
  readonly purpose: string;
  readonly voucherNo: string;
}

const fundTables = (ctx: WriteContext) => [ctx.db.fundLine, ctx.db.expense, ctx.db.changes, ctx.db.audit, ctx.db.device];

function unitOnly(ctx: WriteContext): FundsWriteError | null {
  return ctx.mode === 'unit' ? null : expectedError('wrong-mode', '党建经费由单位填报，工委端只能查看。');
}

function lineGone(): FundsWriteError {
  return expectedError('not-found', '该预算科目不存在或已被删除，请刷新后重试。', ['fundLineId']);
}

async function liveLine(ctx: WriteContext, id: string): Promise<FundLine | null> {
  const l = await ctx.db.fundLine.get(id);
  return l && !l.deleted && l.unitId === ctx.ownerId ? l : null;
}

async function expensesOfLine(ctx: WriteContext, lineId: string): Promise<Expense[]> {
  return (await ctx.db.expense.where('fundLineId').equals(lineId).toArray()).filter((e) => !e.deleted);
}

async function duplicateName(ctx: WriteContext, year: number, name: string, exceptId: string | null): Promise<FundsWriteError | null> {
  const wanted = name.trim();
  const same = (await ctx.db.fundLine.where('year').equals(year).toArray()).find(
    (l) => !l.deleted && l.unitId === ctx.ownerId && l.id !== exceptId && l.name.trim() === wanted,
  );
  return same ? expectedError('duplicate-line', `${year}年已有名为“${wanted}”的预算科目，请换一个名称，或修改原有科目的金额。`, ['name']) : null;
}

// ── budget lines ──────────────────────────────────────────────────────────────────────────────

export async function createFundLine(ctx: WriteContext, input: FundLineInput): Promise<Result<FundLine, FundsWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<FundLine, FundsWriteError>(ctx.db, fundTables(ctx), async () => {
    const dup = await duplicateName(ctx, input.year, input.name, null);
    if (dup) return fail(dup);
    return createRecord(ctx, 'fundLine', { year: input.year, name: input.name, budgetFen: input.budgetFen, special: input.special });
  });
}

/** Edits a line; its year may change only when every expense on it is dated in the new year. */
export async function updateFundLine(ctx: WriteContext, id: string, input: FundLineInput): Promise<Result<FundLine, FundsWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<FundLine, FundsWriteError>(ctx.db, fundTables(ctx), async () => {
    const current = await liveLine(ctx, id);
    if (!current) return fail(lineGone());
    const dup = await duplicateName(ctx, input.year, input.name, id);
    if (dup) return fail(dup);
    if (input.year !== current.year) {
      const outside = (await expensesOfLine(ctx, id)).filter((e) => expenseDateProblem(e.date, input.year) !== null);
      if (outside.length > 0)
        return fail(
          expectedError(
            'invalid-date',
            `该科目已有 ${outside.length} 笔支出的日期不在${input.year}年内（如 ${outside[0]!.date}），不能改为${input.year}年。请先修改或删除这些支出。`,
            ['year'],
          ),
        );
    }
    return updateRecord(ctx, 'fundLine', id, { year: input.year, name: input.name, budgetFen: input.budgetFen, special: input.special });
  });
}

/** Deletes a line (a tombstone); refused while it has expenses. */
export async function deleteFundLine(ctx: WriteContext, id: string): Promise<Result<FundLine, FundsWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<FundLine, FundsWriteError>(ctx.db, fundTables(ctx), async () => {
    const current = await liveLine(ctx, id);
    if (!current) return fail(lineGone());
    const expenses = await expensesOfLine(ctx, id);
    if (expenses.length > 0)
      return fail(
        expectedError('line-has-expenses', `预算科目“${current.name}”下还有 ${expenses.length} 笔支出，不能删除。请先删除这些支出，或把它们改记到其他科目。`),
      );
    return deleteRecord(ctx, 'fundLine', id);
  });
}

// ── expenses ──────────────────────────────────────────────────────────────────────────────────

async function expenseProblem(ctx: WriteContext, input: ExpenseInput): Promise<FundsWriteError | null> {
  const line = await liveLine(ctx, input.fundLineId);
  if (!line) return lineGone();
  const dateProblem = expenseDateProblem(input.date, line.year);
  return dateProblem ? expectedError('invalid-date', dateProblem, ['date']) : null;
}

function expenseFields(input: ExpenseInput) {
  return { fundLineId: input.fundLineId, date: input.date, amountFen: input.amountFen, purpose: input.purpose, voucherNo: input.voucherNo };
}

export async function createExpense(ctx: WriteContext, input: ExpenseInput): Promise<Result<Expense, FundsWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<Expense, FundsWriteError>(ctx.db, fundTables(ctx), async () => {
    const problem = await expenseProblem(ctx, input);
    if (problem) return fail(problem);
    return createRecord(ctx, 'expense', expenseFields(input));
  });
}

export async function updateExpense(ctx: WriteContext, id: string, input: ExpenseInput): Promise<Result<Expense, FundsWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<Expense, FundsWriteError>(ctx.db, fundTables(ctx), async () => {
    const problem = await expenseProblem(ctx, input);
    if (problem) return fail(problem);
    return updateRecord(ctx, 'expense', id, expenseFields(input));
  });
}

export async function deleteExpense(ctx: WriteContext, id: string): Promise<Result<Expense, FundsWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return deleteRecord(ctx, 'expense', id);
}
