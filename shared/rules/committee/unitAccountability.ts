/**
 * What the 工委 decided about one unit for a year, as the unit's annual report states it (issue 13):
 * its 书记抓基层党建述职评议 (rating, when reported, how many problems were found) and the 季度监控考核
 * scores the 工委 published for the year's quarters. Read from the committee-owned records the unit's
 * return bundles brought (the committee reads the same records of that unit): nothing is computed
 * here that the committee did not publish.
 */
import type { Assessment, DutyReview } from '../../model/committee';
import type { DutyReviewRating } from '../../model/vocabulary';
import type { IsoDate } from '../dates';
import { parseQuarter, quarterKeysOfYear } from './monitoring/quarter';

export interface QuarterScoreOfYear {
  /** '2026-Q3' */
  readonly quarter: string;
  /** '第3季度' */
  readonly label: string;
  readonly total: number;
}

export interface AccountabilityOfYear {
  /** The live 述职评议 of the year (the latest revision when there were two), or null: not entered. */
  readonly dutyReview: { readonly rating: DutyReviewRating; readonly reportedOn: IsoDate | null; readonly problems: number } | null;
  /** The published quarters of the year, in order (a quarter not published is left out). */
  readonly scores: readonly QuarterScoreOfYear[];
}

function latest<T extends { readonly rev: string }>(rows: readonly T[]): T | undefined {
  return rows.reduce<T | undefined>((best, r) => (best === undefined || r.rev > best.rev ? r : best), undefined);
}

export function accountabilityOfYear(
  reviews: readonly Pick<DutyReview, 'year' | 'rating' | 'reportedOn' | 'problems' | 'rev' | 'deleted'>[],
  assessments: readonly Pick<Assessment, 'quarter' | 'total' | 'rev' | 'deleted'>[],
  year: number,
): AccountabilityOfYear {
  const review = latest(reviews.filter((r) => !r.deleted && r.year === year));
  const scores = quarterKeysOfYear(year).flatMap((quarter) => {
    const published = latest(assessments.filter((a) => !a.deleted && a.quarter === quarter));
    return published === undefined ? [] : [{ quarter, label: `第${parseQuarter(quarter).q}季度`, total: published.total }];
  });
  return {
    dutyReview: review === undefined ? null : { rating: review.rating, reportedOn: review.reportedOn, problems: review.problems.length },
    scores,
  };
}
