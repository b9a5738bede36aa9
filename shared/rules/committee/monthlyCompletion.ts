/**
 * 三会一课 completion month by month, for the 工委's unit × month heat map and for quarter and
 * month views, read off the rule's own results (meetingCompliance's periods: nothing is judged
 * again here).
 *
 * Each requirement period counts in the month it ENDS: a month's own 主题党日 in that month, a
 * quarter's 党员大会 in its last month (3, 6, 9, 12), a year's 组织生活会 in December — the month it
 * becomes owed if not held. So the twelve months add up exactly to the year's completion
 * (combineCompletion of the same results), and a quarter or a month is the sum of its months.
 * Met and due follow meetingCompliance: Σ min(held, required) and Σ required over periods that
 * are 'held' or 'owed'; `owed` adds up the meetings still missing in the owed periods.
 */
import { parseIsoDate } from '../dates';
import type { CompletionRate, MeetingComplianceResult } from '../meetings/meetingCompliance';

export interface MonthCompletion extends CompletionRate {
  /** Meetings missing in the periods ending this month that are owed (Σ required − held). */
  readonly owed: number;
}

function rate(met: number, due: number, owed: number): MonthCompletion {
  return { met, due, rate: due === 0 ? null : met / due, owed };
}

/** Twelve entries, January first: the periods of `results` (one year's) bucketed by the month they end. */
export function monthlyCompletion(results: readonly MeetingComplianceResult[]): MonthCompletion[] {
  const met = new Array<number>(12).fill(0);
  const due = new Array<number>(12).fill(0);
  const owed = new Array<number>(12).fill(0);
  for (const r of results)
    for (const k of r.kinds)
      for (const p of k.periods) {
        if (p.state !== 'held' && p.state !== 'owed') continue;
        const i = parseIsoDate(p.period.end).month - 1;
        met[i]! += Math.min(p.held, p.required);
        due[i]! += p.required;
        if (p.state === 'owed') owed[i]! += p.required - p.held;
      }
  return met.map((m, i) => rate(m, due[i]!, owed[i]!));
}

/** Months `from`..`to` (1-based, inclusive) added up. */
export function sumOfMonths(months: readonly MonthCompletion[], from: number, to: number): MonthCompletion {
  let met = 0;
  let due = 0;
  let owed = 0;
  for (let m = from; m <= to; m++) {
    const c = months[m - 1];
    if (c === undefined) continue;
    met += c.met;
    due += c.due;
    owed += c.owed;
  }
  return rate(met, due, owed);
}
