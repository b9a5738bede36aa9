/**
 * 整改 progress of a year. The items of the year are those still open at its start or opened
 * during it: not deleted, and not closed (销号) before 1月1日. On `asOf`:
 * - closed: status 已销号 with `closedOn` on or before asOf;
 * - overdue: not closed and the deadline has passed (deadline < asOf);
 * - closedLate: closed after the deadline.
 */
import type { RectificationStatus } from '../../model/vocabulary';
import { compareIsoDates, isoDate, type IsoDate } from '../dates';

export interface RectificationFact {
  readonly id: string;
  readonly status: RectificationStatus;
  readonly deadline: IsoDate | null;
  readonly closedOn: IsoDate | null;
  readonly deleted?: boolean;
}

export interface RectificationProgress {
  readonly year: number;
  readonly asOf: IsoDate;
  readonly total: number;
  readonly closed: number;
  readonly inProgress: number;
  readonly open: number;
  readonly overdue: number;
  readonly closedLate: number;
  /** closed / total, or null when there is nothing to rectify. */
  readonly closedShare: number | null;
  readonly overdueIds: readonly string[];
}

export function rectificationProgress(items: readonly RectificationFact[], year: number, asOf: IsoDate): RectificationProgress {
  const yearStart = isoDate(year, 1, 1);
  const ofYear = items.filter(
    (r) => r.deleted !== true && !(r.status === 'closed' && r.closedOn !== null && compareIsoDates(r.closedOn, yearStart) < 0),
  );
  let closed = 0;
  let inProgress = 0;
  let open = 0;
  let closedLate = 0;
  const overdueIds: string[] = [];
  for (const r of ofYear) {
    const isClosed = r.status === 'closed' && r.closedOn !== null && compareIsoDates(r.closedOn, asOf) <= 0;
    if (isClosed) {
      closed++;
      if (r.deadline !== null && r.closedOn !== null && compareIsoDates(r.closedOn, r.deadline) > 0) closedLate++;
      continue;
    }
    if (r.status === 'open') open++;
    else inProgress++;
    if (r.deadline !== null && compareIsoDates(r.deadline, asOf) < 0) overdueIds.push(r.id);
  }
  const total = ofYear.length;
  return {
    year,
    asOf,
    total,
    closed,
    inProgress,
    open,
    overdue: overdueIds.length,
    closedLate,
    closedShare: total === 0 ? null : closed / total,
    overdueIds,
  };
}
