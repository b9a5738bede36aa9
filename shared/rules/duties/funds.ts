/**
 * 党建经费 (机关条例 §40): budget lines of a year and what was spent on them. Money is integer 分.
 * An expense counts for its fund line (whatever its date), unless deleted; expenses of lines that
 * are not of the year (or are deleted) are left out.
 */
import { yuan } from '../text';
import type { IsoDate } from '../dates';

export interface FundLineFact {
  readonly id: string;
  readonly year: number;
  readonly name: string;
  readonly budgetFen: number;
  readonly deleted?: boolean;
}

export interface ExpenseFact {
  readonly fundLineId: string;
  readonly date: IsoDate;
  readonly amountFen: number;
  readonly deleted?: boolean;
}

export interface FundLineUsage {
  readonly id: string;
  readonly name: string;
  readonly budgetFen: number;
  readonly spentFen: number;
  /** spent / budget, or null when the budget is 0. */
  readonly share: number | null;
}

export interface FundUsage {
  readonly year: number;
  readonly lines: readonly FundLineUsage[];
  readonly budgetFen: number;
  readonly spentFen: number;
  readonly share: number | null;
  readonly reason: string;
}

export function fundUsage(lines: readonly FundLineFact[], expenses: readonly ExpenseFact[], year: number): FundUsage {
  const ofYear = lines.filter((l) => l.deleted !== true && l.year === year);
  const spent = new Map<string, number>();
  for (const e of expenses) if (e.deleted !== true) spent.set(e.fundLineId, (spent.get(e.fundLineId) ?? 0) + e.amountFen);
  const usage = ofYear.map((l) => {
    const spentFen = spent.get(l.id) ?? 0;
    return { id: l.id, name: l.name, budgetFen: l.budgetFen, spentFen, share: l.budgetFen === 0 ? null : spentFen / l.budgetFen };
  });
  const budgetFen = usage.reduce((s, l) => s + l.budgetFen, 0);
  const spentFen = usage.reduce((s, l) => s + l.spentFen, 0);
  const share = budgetFen === 0 ? null : spentFen / budgetFen;
  const reason =
    usage.length === 0
      ? `${year}年未录入党建经费预算`
      : `${year}年党建经费预算 ${usage.length} 项，共${yuan(budgetFen)}，已支出${yuan(spentFen)}`;
  return { year, lines: usage, budgetFen, spentFen, share, reason };
}
