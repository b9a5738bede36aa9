import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expenseDateProblem, fundTodos, fundUsage, parseYuan, shareText, yuanInput } from './funds';

const lines = [
  { id: 'a', year: 2026, name: '三会一课', budgetFen: 500_000 },
  { id: 'b', year: 2026, name: '主题党日', budgetFen: 300_000 },
  { id: 'c', year: 2026, name: '专项经费（红色教育基地）', budgetFen: 0, special: true },
  { id: 'd', year: 2025, name: '去年的科目', budgetFen: 900_000 },
  { id: 'e', year: 2026, name: '已删除', budgetFen: 100, deleted: true },
];

describe('fundUsage', () => {
  it('adds each line’s live expenses, says what share of its budget they are and which lines are over budget', () => {
    const u = fundUsage(
      lines,
      [
        { fundLineId: 'a', date: '2026-03-01', amountFen: 250_000 },
        { fundLineId: 'a', date: '2026-04-01', amountFen: 100, deleted: true },
        { fundLineId: 'b', date: '2026-05-01', amountFen: 300_001 },
        { fundLineId: 'c', date: '2026-06-01', amountFen: 10 },
        { fundLineId: 'd', date: '2025-06-01', amountFen: 10 },
      ],
      2026,
    );
    expect(u.lines.map((l) => [l.name, l.spentFen, l.remainingFen, l.over, l.expenseCount])).toEqual([
      ['三会一课', 250_000, 250_000, false, 1],
      ['主题党日', 300_001, -1, true, 1],
      ['专项经费（红色教育基地）', 10, -10, true, 1],
    ]);
    expect(u.lines[0]!.share).toBe(0.5);
    expect(u.lines[2]).toMatchObject({ special: true, share: null });
    expect(u.budgetFen).toBe(800_000);
    expect(u.spentFen).toBe(550_011);
    expect(u.overLines.map((l) => l.id)).toEqual(['b', 'c']);
    expect(u.reason).toBe('2026年党建经费预算 3 项，共8000.00元，已支出5500.11元');
  });

  it('a line spent exactly to its budget is not over it; a year without lines has no share', () => {
    expect(fundUsage([lines[0]!], [{ fundLineId: 'a', date: '2026-01-02', amountFen: 500_000 }], 2026).overLines).toEqual([]);
    const none = fundUsage(lines, [], 2027);
    expect(none).toMatchObject({ lines: [], budgetFen: 0, share: null, reason: '2027年未录入党建经费预算' });
  });

  it('lists the lines in the order they were entered, whatever order they were read in (a bundle and the store read differently)', () => {
    const entered = [
      { id: 'z', year: 2026, name: '走访慰问经费', budgetFen: 1, createdAt: '2026-01-02T08:00:00.000Z' },
      { id: 'y', year: 2026, name: '“三会一课”经费', budgetFen: 1, createdAt: '2026-01-02T09:00:00.000Z' },
      { id: 'b', year: 2026, name: '党员教育培训经费', budgetFen: 1, createdAt: '2026-01-02T09:00:00.000Z' },
      { id: 'c', year: 2026, name: '党建宣传经费', budgetFen: 1, createdAt: '2026-01-02T09:00:00.000Z' },
    ];
    const names = (ls: typeof entered) => fundUsage(ls, [], 2026).lines.map((l) => l.name);
    const expected = ['走访慰问经费', '党员教育培训经费', '党建宣传经费', '“三会一课”经费'];
    expect(names(entered)).toEqual(expected);
    expect(names([...entered].reverse())).toEqual(expected);
    expect(names([entered[2]!, entered[0]!, entered[3]!, entered[1]!])).toEqual(expected);
  });

  it('shows shares with one decimal', () => {
    expect(shareText(0.83333)).toBe('83.3%');
    expect(shareText(1.0000001)).toBe('100.0%');
    expect(shareText(null)).toBe('—');
  });
});

describe('parseYuan and yuanInput', () => {
  it('reads 元 with up to two decimals as exact 分, with no float error', () => {
    expect(parseYuan('0.1')).toEqual({ ok: true, fen: 10 });
    expect(parseYuan('0.2')).toEqual({ ok: true, fen: 20 });
    expect(parseYuan('0.3')).toEqual({ ok: true, fen: 30 });
    expect(parseYuan('1.15')).toEqual({ ok: true, fen: 115 }); // 1.15 * 100 = 114.99999999999999 as a float
    expect(parseYuan('4.35')).toEqual({ ok: true, fen: 435 }); // 4.35 * 100 = 434.99999999999994
    expect(parseYuan('1,234.5')).toEqual({ ok: true, fen: 123_450 });
    expect(parseYuan(' １２．３０元 ')).toEqual({ ok: true, fen: 1230 });
    expect(parseYuan('.5')).toEqual({ ok: true, fen: 50 });
    expect(parseYuan('007')).toEqual({ ok: true, fen: 700 });
    expect(parseYuan('0')).toEqual({ ok: true, fen: 0 });
    expect(parseYuan('10000000000')).toEqual({ ok: true, fen: 1_000_000_000_000 });
  });

  it('refuses in Chinese what is not an amount of 元', () => {
    expect(parseYuan('')).toMatchObject({ ok: false, message: '请填写金额（单位：元）' });
    expect(parseYuan('1.234')).toMatchObject({ ok: false, message: '金额最多保留两位小数（精确到分），请核对' });
    expect(parseYuan('-5')).toMatchObject({ ok: false, message: '金额不能为负数，请核对' });
    expect(parseYuan('1e3')).toMatchObject({ ok: false });
    expect(parseYuan('abc')).toMatchObject({ ok: false });
    expect(parseYuan('1.2.3')).toMatchObject({ ok: false });
    expect(parseYuan('10000000000.01')).toMatchObject({ ok: false, message: expect.stringContaining('金额过大') as string });
    expect(parseYuan('99999999999999999999')).toMatchObject({ ok: false, message: expect.stringContaining('金额过大') as string });
  });

  it('round-trips every amount in 分 through its 元 text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (fen) => {
        expect(parseYuan(yuanInput(fen))).toEqual({ ok: true, fen });
      }),
    );
    expect(yuanInput(5)).toBe('0.05');
    expect(yuanInput(150_000)).toBe('1500.00');
  });

  it('sums typed amounts exactly: 0.1 元 + 0.2 元 is 0.30 元', () => {
    const a = parseYuan('0.1');
    const b = parseYuan('0.2');
    if (!a.ok || !b.ok) throw new Error('parse failed');
    expect(yuanInput(a.fen + b.fen)).toBe('0.30');
    expect(0.1 + 0.2).not.toBe(0.3); // what a float of 元 would have done
  });
});

describe('expenseDateProblem', () => {
  it('accepts a date within the line’s year and refuses another year in words', () => {
    expect(expenseDateProblem('2026-01-01', 2026)).toBeNull();
    expect(expenseDateProblem('2026-12-31', 2026)).toBeNull();
    expect(expenseDateProblem('2025-12-31', 2026)).toBe('支出日期（2025-12-31）不在预算科目所属的2026年内，请核对日期，或改记到2025年的预算科目');
    expect(expenseDateProblem('2026-02-30', 2026)).toBe('支出日期格式不正确，请选择日期');
  });
});

describe('fundTodos', () => {
  it('asks for the year’s budget when there is no line of the year', () => {
    const todos = fundTodos(lines, [], '2027-03-01');
    expect(todos).toHaveLength(1);
    expect(todos[0]).toMatchObject({ area: 'funds', title: '2027年党建工作经费预算尚未录入' });
  });

  it('names each line over budget, with how much over', () => {
    const todos = fundTodos(lines, [{ fundLineId: 'b', date: '2026-05-01', amountFen: 350_000 }], '2026-06-01');
    expect(todos.map((t) => t.title)).toEqual(['2026年经费科目“主题党日”已超支']);
    expect(todos[0]!.detail).toContain('超出500.00元');
    expect(fundTodos(lines, [], '2026-06-01')).toEqual([]);
  });
});
