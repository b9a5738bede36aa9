/** Quarter keys (`2026-Q3`, as the assessment record's `quarter`) and the days a quarter is judged on. */
import { BugError } from '../../../errors/errors';
import { addDays, compareIsoDates, minDate, quarterPeriod, type IsoDate, type Period, type Quarter } from '../../dates';

export type QuarterKey = string;

export interface QuarterRef {
  readonly key: QuarterKey;
  readonly year: number;
  readonly q: Quarter;
  readonly period: Period;
}

const KEY = /^(\d{4})-Q([1-4])$/;

export function parseQuarter(key: QuarterKey): QuarterRef {
  const m = KEY.exec(key);
  if (!m) throw new BugError(`not a quarter key: ${JSON.stringify(key)}`);
  const year = Number(m[1]);
  const q = Number(m[2]) as Quarter;
  return { key, year, q, period: quarterPeriod(year, q) };
}

export function quarterKeysOfYear(year: number): QuarterKey[] {
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

/**
 * The days a quarter is judged on, computed on `today`:
 * - `judgedOn` = min(last day of the quarter, today): the day of term lights, the cadre ratio,
 *   training coverage and rectification;
 * - `meetingsAsOf` = min(the day after the quarter, today): meetingCompliance's `asOf`, so that
 *   the quarter's periods are all decided once it has ended (a period has ended when its last day
 *   is before `asOf`) and a running quarter leaves its running periods out.
 * Null when the quarter has not begun on `today`.
 */
export function judgingDays(quarter: QuarterRef, today: IsoDate): { readonly judgedOn: IsoDate; readonly meetingsAsOf: IsoDate } | null {
  if (compareIsoDates(today, quarter.period.start) < 0) return null;
  return { judgedOn: minDate(quarter.period.end, today), meetingsAsOf: minDate(addDays(quarter.period.end, 1), today) };
}
