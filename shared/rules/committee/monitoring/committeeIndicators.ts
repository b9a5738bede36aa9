/**
 * The 工委's own inputs to the quarterly monitoring. They count only when the profile lists their
 * indicator (the national defaults do not); weight and scale are the profile's, as for every
 * indicator (`assessment.indicators`, `assessment.scoring.scales`: a new profile version takes
 * effect from its date only).
 *
 * - 下沉督导调研发现问题情况 (`supervision`), from the 联系组's visits to the unit dated in the quarter
 *   (up to the day judged): the share of visits that asked for no rectification (整改要求, the
 *   follow-up items at the end of a visit's findings, supervisionVisits.ts). Each visit that asked
 *   for some costs an equal part of the points lost, with the visit behind it. No visit in the
 *   quarter: nothing found, nothing lost (said in words).
 * - 述职评议 (`review`), from the unit's 书记抓基层党建述职评议 of the PREVIOUS year (held early in the
 *   year, it stands for the whole year): its 等次 as a rate — 好 100%, 较好 80%, 一般 60%, 差 0 —
 *   through the profile's scale. Only a review entered by the day judged counts; a review of any
 *   other year does not. None yet: nothing lost (said in words).
 * - 日常指导评价 (`guidance`), from the same visits: the 联系组's 日常指导评价 of the unit given at a
 *   visit (`supervisionVisit.guidanceScore`, an integer 0–100, optional, record schema 7). The rate
 *   is the mean of the scores of the unit's visits dated in the quarter (up to the day judged) that
 *   carry one, through the profile's scale like every rate (two decimals). Each visit scored below
 *   100 costs a part of the points lost in proportion to what it is short of 100, with the visit
 *   behind it. No scored visit in the quarter → 无数据 (counts 0, said so in words).
 */
import { BugError } from '../../../errors/errors';
import type { DutyReview, SupervisionVisit } from '../../../model';
import { DUTY_REVIEW_RATING_LABELS, SUPERVISION_VISIT_KIND_LABELS, type DutyReviewRating } from '../../../model/vocabulary';
import { compareIsoDates, dateOfInstant } from '../../dates';
import type { AssessmentIndicator, AssessmentIndicatorId } from '../../profile';
import { chineseDate } from '../../text';
import { parseFindings } from '../supervisionVisits';
import type { IndicatorContext } from './context';
import { noData, round2, scoredFromRate, type Shortfall } from './scale';
import type { IndicatorResult, RecordRef } from './types';

export const COMMITTEE_INDICATORS = ['supervision', 'guidance', 'review'] as const satisfies readonly AssessmentIndicatorId[];
export type CommitteeIndicatorId = (typeof COMMITTEE_INDICATORS)[number];

export type VisitRecord = Pick<SupervisionVisit, 'id' | 'unitId' | 'deleted' | 'kind' | 'date' | 'findings'> & Partial<Pick<SupervisionVisit, 'guidanceScore'>>;
export type ReviewRecord = Pick<DutyReview, 'id' | 'unitId' | 'deleted' | 'createdAt' | 'year' | 'rating' | 'reportedOn'>;

/** The committee's own records about the unit (other units' records and tombstones are ignored). */
export interface CommitteeRecords {
  readonly visits?: readonly VisitRecord[];
  readonly reviews?: readonly ReviewRecord[];
}

/** 述职评议等次 as a rate before the profile's scale. */
export const REVIEW_RATING_RATES: Record<DutyReviewRating, number> = { good: 1, fairlyGood: 0.8, average: 0.6, poor: 0 };

export function isCommitteeIndicator(id: AssessmentIndicatorId): id is CommitteeIndicatorId {
  return (COMMITTEE_INDICATORS as readonly string[]).includes(id);
}

export function committeeIndicator(
  ctx: IndicatorContext,
  indicator: AssessmentIndicator & { readonly id: CommitteeIndicatorId },
  records: CommitteeRecords,
): IndicatorResult {
  switch (indicator.id) {
    case 'supervision':
      return supervisionIndicator(ctx, indicator, records.visits ?? []);
    case 'review':
      return reviewIndicator(ctx, indicator, records.reviews ?? []);
    case 'guidance':
      return guidanceIndicator(ctx, indicator, records.visits ?? []);
  }
}

const visitLabel = (v: VisitRecord): string => `${chineseDate(v.date)}${SUPERVISION_VISIT_KIND_LABELS[v.kind]}`;
const ITEM_MAX = 30;

/** The unit's live visits dated in the quarter up to the day judged, oldest first. */
function visitsInQuarter(ctx: IndicatorContext, visits: readonly VisitRecord[]): VisitRecord[] {
  const { start } = ctx.quarter.period;
  return visits
    .filter((v) => !v.deleted && v.unitId === ctx.unitId && compareIsoDates(v.date, start) >= 0 && compareIsoDates(v.date, ctx.judgedOn) <= 0)
    .sort((a, b) => compareIsoDates(a.date, b.date) || (a.id < b.id ? -1 : 1));
}

export function supervisionIndicator(ctx: IndicatorContext, indicator: AssessmentIndicator, visits: readonly VisitRecord[]): IndicatorResult {
  const formula = '本季度工委下沉督导调研中未提出整改要求的次数 ÷ 督导调研次数 × 100；本季度未到该单位督导调研的不扣分';
  const mine = visitsInQuarter(ctx, visits);
  if (mine.length === 0)
    return { ...scoredFromRate(indicator, ctx.profile, 1, formula, `${ctx.quarter.period.label}截至${chineseDate(ctx.judgedOn)}工委未到该单位督导调研，不扣分`, []), rate: null };
  const withItems = mine.map((v) => ({ v, items: parseFindings(v.findings).followUps })).filter((x) => x.items.length > 0);
  const itemCount = withItems.reduce((s, x) => s + x.items.length, 0);
  const shortfalls: Shortfall[] = withItems.map(({ v, items }) => {
    const first = items[0]!.length > ITEM_MAX ? `${items[0]!.slice(0, ITEM_MAX)}…` : items[0]!;
    const ref: RecordRef = { table: 'supervisionVisit', id: v.id, label: visitLabel(v) };
    return { weight: 1, reason: `${visitLabel(v)}提出整改要求 ${items.length} 项（${first}${items.length > 1 ? '等' : ''}）`, refs: [ref] };
  });
  const summary =
    withItems.length === 0
      ? `本季度督导调研 ${mine.length} 次，均未提出整改要求`
      : `本季度督导调研 ${mine.length} 次，其中 ${withItems.length} 次提出整改要求（共 ${itemCount} 项）`;
  return scoredFromRate(indicator, ctx.profile, (mine.length - withItems.length) / mine.length, formula, summary, shortfalls);
}

export function reviewIndicator(ctx: IndicatorContext, indicator: AssessmentIndicator, reviews: readonly ReviewRecord[]): IndicatorResult {
  const formula = '上一年度书记抓基层党建述职评议等次折算：好 100%、较好 80%、一般 60%、差 0；尚无上一年度评议结果的不扣分';
  const year = ctx.quarter.year - 1;
  const review = reviews
    .filter((r) => !r.deleted && r.unitId === ctx.unitId && r.year === year && compareIsoDates(dateOfInstant(r.createdAt), ctx.judgedOn) <= 0)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
  if (review === undefined)
    return { ...scoredFromRate(indicator, ctx.profile, 1, formula, `截至${chineseDate(ctx.judgedOn)}尚无该单位${year}年度述职评议结果，不扣分`, []), rate: null };
  const rating = DUTY_REVIEW_RATING_LABELS[review.rating];
  const ref: RecordRef = { table: 'dutyReview', id: review.id, label: `${year}年度述职评议（${rating}）` };
  return scoredFromRate(indicator, ctx.profile, REVIEW_RATING_RATES[review.rating], formula, `${year}年度述职评议等次为“${rating}”`, [
    { weight: 1, reason: `${year}年度述职评议等次为“${rating}”`, refs: [ref] },
  ]);
}

export function guidanceIndicator(ctx: IndicatorContext, indicator: AssessmentIndicator, visits: readonly VisitRecord[]): IndicatorResult {
  const formula = '本季度联系组督导调研时对该单位日常指导评价分数（0–100 分）的平均值；本季度没有评价的为无数据';
  const scored = visitsInQuarter(ctx, visits).flatMap((v) => (v.guidanceScore === undefined ? [] : [{ v, score: v.guidanceScore }]));
  if (scored.length === 0) return noData(indicator, formula, `${ctx.quarter.period.label}截至${chineseDate(ctx.judgedOn)}联系组尚未对该单位作出日常指导评价`);
  for (const { v, score } of scored) {
    if (!Number.isInteger(score) || score < 0 || score > 100) throw new BugError(`guidanceScore out of 0–100 on visit ${v.id}: ${score}`);
  }
  const mean = scored.reduce((s, x) => s + x.score, 0) / scored.length;
  const shortfalls: Shortfall[] = scored
    .filter((x) => x.score < 100)
    .map(({ v, score }) => ({
      weight: 100 - score,
      reason: `${visitLabel(v)}日常指导评价 ${score} 分`,
      refs: [{ table: 'supervisionVisit', id: v.id, label: visitLabel(v) }],
    }));
  const summary =
    scored.length === 1
      ? `本季度日常指导评价 1 次，${scored[0]!.score} 分`
      : `本季度日常指导评价 ${scored.length} 次（${scored.map((x) => x.score).join('、')} 分），平均 ${round2(mean)} 分`;
  return scoredFromRate(indicator, ctx.profile, mean / 100, formula, summary, shortfalls);
}
