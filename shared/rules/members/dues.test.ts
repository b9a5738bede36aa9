import { describe, it, expect } from 'vitest';
import { backPay, duesFirstMonth, monthlyDues, type DuesCategory } from './dues';
import { NATIONAL_PROFILE_V1 as P } from '../profile';
import { BugError } from '../../errors/errors';

describe('monthly dues: rate on the whole base, upper bounds inclusive, half-up to the fen', () => {
  it.each<[DuesCategory, number, number | null, number]>([
    ['inService', 0, 50, 0],
    ['inService', 100, 50, 1], // 0.5 fen rounds up
    ['inService', 99, 50, 0], // 0.495 fen rounds down
    ['inService', 299_999, 50, 1500], // 1499.995 → 1500
    ['inService', 300_000, 50, 1500], // exactly 3000.00 元 → 0.5%
    ['inService', 300_001, 100, 3000], // 3000.01 元 → 1% of the whole base
    ['inService', 300_050, 100, 3001], // 3000.50 fen → 3001 (half up)
    ['inService', 500_000, 100, 5000], // exactly 5000 元 → 1%
    ['inService', 500_001, 150, 7500],
    ['inService', 1_000_000, 150, 15000], // exactly 10000 元 → 1.5%
    ['inService', 1_000_001, 200, 20000],
    ['inService', 1_234_567, 200, 24691], // 24691.34
    ['retired', 300_000, 50, 1500],
    ['retired', 500_000, 50, 2500], // exactly 5000 元 → 0.5%
    ['retired', 500_001, 100, 5000],
    ['retired', 800_000, 100, 8000],
    ['special', 0, null, 20],
    ['special', 900_000, null, 20], // fixed whatever the base
  ])('%s base %i fen → %s bp, %i fen', (category, base, bp, fen) => {
    const r = monthlyDues(base, category, P);
    expect([r.rateBasisPoints, r.monthlyFen]).toEqual([bp, fen]);
  });

  it.each<[DuesCategory, number, string]>([
    ['inService', 300_000, '在职党员月交纳基数 3000.00元，属于3000元以下（含3000元）档，按 0.5% 交纳，每月 15.00元'],
    ['inService', 450_000, '在职党员月交纳基数 4500.00元，属于3000元以上至5000元（含5000元）档，按 1% 交纳，每月 45.00元'],
    ['inService', 1_200_000, '在职党员月交纳基数 12000.00元，属于10000元以上档，按 2% 交纳，每月 240.00元'],
    ['retired', 500_000, '离退休党员月交纳基数 5000.00元，属于5000元以下（含5000元）档，按 0.5% 交纳，每月 25.00元'],
    ['special', 0, '学生、下岗失业、享受最低生活保障的党员每月交纳党费 0.20元'],
  ])('explains %s %i', (category, base, reason) => {
    expect(monthlyDues(base, category, P).reason).toBe(reason);
  });

  it('reports the bracket', () => {
    expect(monthlyDues(300_001, 'inService', P).bracket).toEqual({ overFen: 300_000, upToFen: 500_000 });
    expect(monthlyDues(1_000_001, 'inService', P).bracket).toEqual({ overFen: 1_000_000, upToFen: null });
  });

  it.each([-1, 1.5, Number.NaN])('refuses base %s', (base) => {
    expect(() => monthlyDues(base, 'inService', P)).toThrow(BugError);
  });
});

describe('back-payment ≤ 6 months', () => {
  it.each([
    [1500, 0, 0, 0, false],
    [1500, 6, 6, 9000, false],
    [1500, 7, 6, 9000, true],
    [1500, 12, 6, 9000, true],
  ])('%i fen × %i months owed → %i months, %i fen, capped %s', (fen, owed, payable, total, capped) => {
    const r = backPay(fen, owed, P);
    expect([r.monthsPayable, r.totalFen, r.capped]).toEqual([payable, total, capped]);
  });
  it('explains the cap', () => {
    expect(backPay(1500, 8, P).reason).toBe('欠交 8 个月，补交一般不超过 6 个月，按 6 个月补交 90.00元');
  });
});

describe('预备党员 pay from acceptance', () => {
  it('starts with the month of joinedOn', () => {
    expect(duesFirstMonth('2026-03-31')).toBe('2026-03');
  });
});
