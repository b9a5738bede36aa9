/**
 * 党费 (党费规定, 2008): monthly dues from the monthly base (after tax; in 机关 职务工资 + 级别工资 +
 * 津贴补贴), all in integer fen.
 *
 * - The rate applies to the WHOLE base (not marginally). A base equal to a bracket's upper bound
 *   belongs to that bracket (the sources say "含"): 300000 fen (3000.00 元) → 0.5%; 300001 → 1%;
 *   500000 → 1%; 1000000 → 1.5%; 1000001 → 2%. Retired: 500000 → 0.5%; 500001 → 1%.
 * - Rounding: to whole fen, half up (the sources are silent; half-up is what cadres do by hand):
 *   fen = ⌊(base × rateBasisPoints + 5000) / 10000⌋, exact in integers.
 * - 'special' (students, the unemployed, 低保): a fixed amount whatever the base, 20 fen (0.2 元).
 * - Back-payment covers at most `backPayMaxMonths` (6) months.
 * - 预备党员 pay from acceptance: the first month due is the month of `joinedOn`.
 */
import { BugError } from '../../errors/errors';
import { yearMonthOf, type IsoDate, type YearMonth } from '../dates';
import type { DuesBracket, RuleProfile } from '../profile';
import { basisPointsPercent, yuan } from '../text';

export const DUES_CATEGORIES = ['inService', 'retired', 'special'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];
export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  inService: '在职党员',
  retired: '离退休党员',
  special: '学生、下岗失业、享受最低生活保障的党员',
};

export interface MonthlyDues {
  readonly category: DuesCategory;
  readonly baseFen: number;
  /** Null for 'special' (fixed amount). */
  readonly rateBasisPoints: number | null;
  /** The bracket as (overFen, upToFen]; null for 'special'. */
  readonly bracket: { readonly overFen: number; readonly upToFen: number | null } | null;
  readonly monthlyFen: number;
  readonly reason: string;
}

/** 300000 → 3000元, 123456 → 1234.56元 */
function wholeYuan(fen: number): string {
  return fen % 100 === 0 ? `${fen / 100}元` : yuan(fen);
}

function bracketWords(overFen: number, upToFen: number | null): string {
  if (overFen === 0 && upToFen !== null) return `${wholeYuan(upToFen)}以下（含${wholeYuan(upToFen)}）`;
  if (upToFen === null) return `${wholeYuan(overFen)}以上`;
  return `${wholeYuan(overFen)}以上至${wholeYuan(upToFen)}（含${wholeYuan(upToFen)}）`;
}

function findBracket(brackets: readonly DuesBracket[], baseFen: number): { overFen: number; bracket: DuesBracket } {
  let overFen = 0;
  for (const b of brackets) {
    if (b.upToFen === null || baseFen <= b.upToFen) return { overFen, bracket: b };
    overFen = b.upToFen;
  }
  throw new BugError('dues brackets must end with an open bracket');
}

export function monthlyDues(baseFen: number, category: DuesCategory, profile: RuleProfile): MonthlyDues {
  if (!Number.isSafeInteger(baseFen) || baseFen < 0 || baseFen > Number.MAX_SAFE_INTEGER / 10000)
    throw new BugError(`dues base must be a non-negative whole number of fen: ${baseFen}`);
  const { dues } = profile;
  if (category === 'special') {
    const monthlyFen = dues.specialMonthlyFen;
    return {
      category,
      baseFen,
      rateBasisPoints: null,
      bracket: null,
      monthlyFen,
      reason: `${DUES_CATEGORY_LABELS.special}每月交纳党费 ${yuan(monthlyFen)}`,
    };
  }
  const { overFen, bracket } = findBracket(category === 'retired' ? dues.retired : dues.inService, baseFen);
  const rate = bracket.rateBasisPoints;
  const monthlyFen = Math.floor((baseFen * rate + 5000) / 10000);
  return {
    category,
    baseFen,
    rateBasisPoints: rate,
    bracket: { overFen, upToFen: bracket.upToFen },
    monthlyFen,
    reason: `${DUES_CATEGORY_LABELS[category]}月交纳基数 ${yuan(baseFen)}，属于${bracketWords(overFen, bracket.upToFen)}档，按 ${basisPointsPercent(rate)} 交纳，每月 ${yuan(monthlyFen)}`,
  };
}

export interface BackPay {
  readonly monthsOwed: number;
  readonly monthsPayable: number;
  readonly totalFen: number;
  /** More months were owed than may be back-paid. */
  readonly capped: boolean;
  readonly reason: string;
}

/** Back-payment of `monthsOwed` months at `monthlyFen`, capped at `backPayMaxMonths`. */
export function backPay(monthlyFen: number, monthsOwed: number, profile: RuleProfile): BackPay {
  if (!Number.isSafeInteger(monthlyFen) || monthlyFen < 0 || !Number.isInteger(monthsOwed) || monthsOwed < 0)
    throw new BugError(`back pay needs whole non-negative numbers: ${monthlyFen}, ${monthsOwed}`);
  const max = profile.dues.backPayMaxMonths;
  const monthsPayable = Math.min(monthsOwed, max);
  const totalFen = monthsPayable * monthlyFen;
  const capped = monthsOwed > max;
  const reason = capped
    ? `欠交 ${monthsOwed} 个月，补交一般不超过 ${max} 个月，按 ${max} 个月补交 ${yuan(totalFen)}`
    : `补交 ${monthsPayable} 个月，共 ${yuan(totalFen)}`;
  return { monthsOwed, monthsPayable, totalFen, capped, reason };
}

/** The first month a member owes dues: the month of acceptance (预备党员 pay from acceptance). */
export function duesFirstMonth(joinedOn: IsoDate): YearMonth {
  return yearMonthOf(joinedOn);
}
