/**
 * 整改推进 of one unit at the end of a quarter, by rectificationProgress: of the year's 整改事项
 * (open at the year's start or opened during it, as known on the day judged: an item entered later
 * is not counted), the share not overdue (overdue = past its deadline and not 销号). A unit with no
 * items has nothing to rectify and keeps its points.
 */
import { dateOfInstant, compareIsoDates } from '../../dates';
import { rectificationProgress } from '../../duties/rectification';
import type { AssessmentIndicator } from '../../profile';
import { chineseDate } from '../../text';
import { NO_ORGANISATIONS, organisationsOfQuarter, type IndicatorContext } from './context';
import { scoredFromRate, noData, type Shortfall } from './scale';
import type { IndicatorResult } from './types';

const LABEL_MAX = 40;

export function rectificationIndicator(ctx: IndicatorContext, indicator: AssessmentIndicator): IndicatorResult {
  const formula = '本年度整改事项中未逾期的 ÷ 总数 × 100（逾期：已过整改时限仍未销号）；没有整改事项的不扣分';
  if (organisationsOfQuarter(ctx).length === 0) return noData(indicator, formula, NO_ORGANISATIONS);
  const { judgedOn, quarter } = ctx;
  const items = ctx.records.rectifications.filter((r) => compareIsoDates(dateOfInstant(r.createdAt), judgedOn) <= 0);
  const p = rectificationProgress(items, quarter.year, judgedOn);
  if (p.total === 0)
    return { ...scoredFromRate(indicator, ctx.profile, 1, formula, `${quarter.year}年截至${chineseDate(judgedOn)}没有整改事项，不扣分`, []), rate: null };
  const byId = new Map(items.map((r) => [r.id, r] as const));
  const shortfalls: Shortfall[] = p.overdueIds.map((id) => {
    const r = byId.get(id)!;
    const label = r.problem.length > LABEL_MAX ? `${r.problem.slice(0, LABEL_MAX)}…` : r.problem;
    return { weight: 1, reason: `整改事项逾期未销号（整改时限${chineseDate(r.deadline)}）`, refs: [{ table: 'rectification', id, label }] };
  });
  return scoredFromRate(
    indicator,
    ctx.profile,
    (p.total - p.overdue) / p.total,
    formula,
    `${quarter.year}年整改事项 ${p.total} 项，已销号 ${p.closed} 项，逾期未销号 ${p.overdue} 项`,
    shortfalls,
  );
}
