import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fundUsage, parseYuan } from '../../shared/rules/duties/funds';
import { openDatabase, type TaizhangDb } from './db';
import { createExpense, createFundLine, deleteExpense, deleteFundLine, updateExpense, updateFundLine, type ExpenseInput } from './fundsRepository';
import { unitFunds } from './queries/funds';
import { completeSetup } from './workspaceRepository';
import { openWriteContext, type WriteContext } from './writeContext';

let db: TaizhangDb;
let ctx: WriteContext;
let n = 0;
const clock = Date.parse('2026-11-28T08:00:00.000Z');

beforeEach(async () => {
  db = openDatabase(`test-funds-${++n}`);
  const r = await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 180, partyGroupKind: 'partyGroup', operatorName: '张敏' });
  if (!r.ok) throw new Error(r.error.message);
  ctx = await openWriteContext(db, () => new Date(clock));
});

afterEach(async () => {
  await db.delete();
});

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function fen(text: string): number {
  const r = parseYuan(text);
  if (!r.ok) throw new Error(r.message);
  return r.fen;
}

const line = (name: string, budget: string, special = false, year = 2026) => createFundLine(ctx, { year, name, budgetFen: fen(budget), special });
const expense = (fundLineId: string, amount: string, more: Partial<ExpenseInput> = {}): ExpenseInput => ({
  fundLineId,
  date: '2026-03-15',
  amountFen: fen(amount),
  purpose: '主题党日活动场地及资料',
  voucherNo: '记-2026-03-0015',
  ...more,
});

describe('经费保障 writes', () => {
  it('lines and expenses are stored in 分, read back by unit, and give spent vs budget exactly', async () => {
    const a = await must(line('三会一课', '5000'));
    const b = await must(line('专项经费（红色教育）', '0.3', true));
    await must(createExpense(ctx, expense(a.id, '0.1')));
    await must(createExpense(ctx, expense(a.id, '0.2', { voucherNo: '' })));
    await must(createExpense(ctx, expense(b.id, '0.31')));

    const records = await unitFunds(db, ctx.ownerId);
    expect(records.lines.map((l) => [l.name, l.budgetFen, l.special])).toEqual([
      ['三会一课', 500_000, false],
      ['专项经费（红色教育）', 30, true],
    ]);
    expect(records.expenses.map((e) => e.amountFen).sort((x, y) => x - y)).toEqual([10, 20, 31]);
    expect(records.expenses.find((e) => e.amountFen === 10)?.voucherNo).toBe('记-2026-03-0015');
    const usage = fundUsage(records.lines, records.expenses, 2026);
    expect(usage.lines.map((l) => [l.spentFen, l.over])).toEqual([
      [30, false],
      [31, true],
    ]);
    expect(usage.spentFen).toBe(61);
    expect(await unitFunds(db, 'another-unit')).toEqual({ lines: [], expenses: [] });
    // every write in the change log and the audit trail
    expect((await db.changes.toArray()).filter((c) => c.table === 'fundLine' || c.table === 'expense')).toHaveLength(5);
    expect((await db.audit.toArray()).filter((r) => r.table === 'expense')).toHaveLength(3);
  });

  it('refuses a second line of the same name in a year, but not in another year', async () => {
    await must(line('主题党日', '3000'));
    const again = await line(' 主题党日 ', '100');
    expect(again).toMatchObject({ ok: false, error: { kind: 'duplicate-line', path: ['name'], message: '2026年已有名为“主题党日”的预算科目，请换一个名称，或修改原有科目的金额。' } });
    expect((await line('主题党日', '100', false, 2027)).ok).toBe(true);
  });

  it('refuses an expense dated outside its line’s year, on the date field', async () => {
    const a = await must(line('教育培训', '2000'));
    const r = await createExpense(ctx, expense(a.id, '100', { date: '2025-12-31' }));
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-date', path: ['date'] } });
    if (!r.ok) expect(r.error.message).toContain('不在预算科目所属的2026年内');
    const e = await must(createExpense(ctx, expense(a.id, '100')));
    expect(await updateExpense(ctx, e.id, expense(a.id, '100', { date: '2027-01-01' }))).toMatchObject({ ok: false, error: { kind: 'invalid-date' } });
    const moved = await must(updateExpense(ctx, e.id, expense(a.id, '120.5', { purpose: '购买学习资料' })));
    expect(moved).toMatchObject({ amountFen: 12_050, purpose: '购买学习资料' });
  });

  it('a line’s year cannot move away from its expenses’ dates', async () => {
    const a = await must(line('三会一课', '5000'));
    await must(createExpense(ctx, expense(a.id, '10')));
    const r = await updateFundLine(ctx, a.id, { year: 2027, name: '三会一课', budgetFen: 500_000, special: false });
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-date', path: ['year'] } });
    expect(await must(updateFundLine(ctx, a.id, { year: 2026, name: '三会一课', budgetFen: 600_000, special: true }))).toMatchObject({ budgetFen: 600_000, special: true });
  });

  it('refuses to delete a line while it has expenses, in Chinese; deletes it once they are gone', async () => {
    const a = await must(line('三会一课', '5000'));
    const e = await must(createExpense(ctx, expense(a.id, '10')));
    const refused = await deleteFundLine(ctx, a.id);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'line-has-expenses', message: '预算科目“三会一课”下还有 1 笔支出，不能删除。请先删除这些支出，或把它们改记到其他科目。' } });
    expect((await unitFunds(db, ctx.ownerId)).lines).toHaveLength(1);
    await must(deleteExpense(ctx, e.id));
    await must(deleteFundLine(ctx, a.id));
    expect(await unitFunds(db, ctx.ownerId)).toEqual({ lines: [], expenses: [] });
    expect((await db.fundLine.get(a.id))?.deleted).toBe(true); // a tombstone that travels
  });

  it('refuses an expense on a deleted or unknown line, and a zero amount', async () => {
    const a = await must(line('三会一课', '5000'));
    await must(deleteFundLine(ctx, a.id));
    expect(await createExpense(ctx, expense(a.id, '10'))).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    const b = await must(line('主题党日', '100'));
    expect(await createExpense(ctx, expense(b.id, '0'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('支出金额应大于0') as string } });
  });

  it('the 工委 cannot write a unit’s funds', async () => {
    const committee = { ...ctx, mode: 'committee' as const };
    expect(await createFundLine(committee, { year: 2026, name: '三会一课', budgetFen: 1, special: false })).toMatchObject({ ok: false, error: { kind: 'wrong-mode' } });
  });
});
