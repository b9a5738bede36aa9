/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, with no `Date` object anywhere: a meeting happens
 * on a day, not at an instant, so there is no time zone to get wrong. Day numbers use the
 * proleptic Gregorian calendar (Howard Hinnant's days_from_civil / civil_from_days).
 *
 * Inputs come from validated records; a malformed date is a broken invariant (BugError).
 */
import { BugError } from '../errors/errors';

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;
/** A UTC instant `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export type IsoInstant = string;
/** A calendar month `YYYY-MM`. */
export type YearMonth = string;

export interface CalendarDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?Z$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number written by the ASCII digits of `text` from `start` to `end`, or -1 when one is not 0–9. */
function digitsAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Parses YYYY-MM-DD without throwing; null when the text is not a real calendar date. Read
 * character by character, not with a regular expression: the rules check dates millions of times
 * on a city's records.
 */
export function tryParseIsoDate(text: string): CalendarDate | null {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return tryParseIsoDate(text) !== null;
}

export function parseIsoDate(text: IsoDate): CalendarDate {
  const d = tryParseIsoDate(text);
  if (!d) throw new BugError(`not a calendar date: ${JSON.stringify(text)}`);
  return d;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatIsoDate(d: CalendarDate): IsoDate {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  const text = formatIsoDate({ year, month, day });
  parseIsoDate(text);
  return text;
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new BugError(`not a day number: ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds calendar months; a day that does not exist in the target month is clamped to its last
 * day (2026-08-31 − 6 months = 2026-02-28; 2024-02-29 + 12 months = 2025-02-28).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new BugError(`not a whole number of months: ${months}`);
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** `to − from` in days: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

function assertIsoDate(text: IsoDate): void {
  parseIsoDate(text);
}

/** ISO dates order as strings; this also checks both are dates. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) >= 0 ? a : b;
}

/** Inclusive on both ends. */
export function isWithin(date: IsoDate, start: IsoDate, end: IsoDate): boolean {
  return compareIsoDates(start, date) <= 0 && compareIsoDates(date, end) <= 0;
}

export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

export type Quarter = 1 | 2 | 3 | 4;

/** Jan–Mar → 1, Apr–Jun → 2, Jul–Sep → 3, Oct–Dec → 4. */
export function quarterOf(date: IsoDate): Quarter {
  return (Math.floor((parseIsoDate(date).month - 1) / 3) + 1) as Quarter;
}

export function yearMonthOf(date: IsoDate): YearMonth {
  parseIsoDate(date);
  return date.slice(0, 7);
}

export function monthStart(year: number, month: number): IsoDate {
  return isoDate(year, month, 1);
}

export function monthEnd(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

/** First and last day of a `YYYY-MM` month. */
export function monthBounds(ym: YearMonth): { readonly start: IsoDate; readonly end: IsoDate } {
  const { year, month } = parseIsoDate(`${ym}-01`);
  return { start: monthStart(year, month), end: monthEnd(year, month) };
}

/** `YYYY-MM` months from `from` to `to`, both inclusive; empty when `from` is later. */
export function monthsFromTo(from: YearMonth, to: YearMonth): YearMonth[] {
  const a = parseIsoDate(`${from}-01`);
  const b = parseIsoDate(`${to}-01`);
  const out: YearMonth[] = [];
  for (let i = a.year * 12 + a.month - 1; i <= b.year * 12 + b.month - 1; i++) {
    const y = Math.floor(i / 12);
    out.push(`${pad(y, 4)}-${pad(i - y * 12 + 1, 2)}`);
  }
  return out;
}

/**
 * The calendar date of a UTC instant at a fixed offset. The default is China Standard Time
 * (UTC+8, no daylight saving), the time zone of every user of this program.
 */
export function dateOfInstant(instant: IsoInstant, offsetMinutes = 480): IsoDate {
  const m = ISO_INSTANT.exec(instant);
  if (!m) throw new BugError(`not a UTC instant: ${JSON.stringify(instant)}`);
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  const seconds = m[4] === undefined ? 0 : Number(m[4]);
  if (hours > 23 || minutes > 59 || seconds > 60) throw new BugError(`not a UTC instant: ${JSON.stringify(instant)}`);
  const minuteOfDay = hours * 60 + minutes + offsetMinutes;
  return addDays(m[1] ?? '', Math.floor(minuteOfDay / 1440));
}

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** One calendar period: `2026-03`, `2026-Q1` or `2026`, with its first and last day and Chinese label. */
export interface Period {
  readonly kind: PeriodKind;
  readonly key: string;
  /** 2026年3月 / 2026年第1季度 / 2026年 */
  readonly label: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    key: `${pad(year, 4)}-${pad(month, 2)}`,
    label: `${year}年${month}月`,
    start: monthStart(year, month),
    end: monthEnd(year, month),
  };
}

export function quarterPeriod(year: number, quarter: Quarter): Period {
  const first = (quarter - 1) * 3 + 1;
  return {
    kind: 'quarter',
    key: `${pad(year, 4)}-Q${quarter}`,
    label: `${year}年第${quarter}季度`,
    start: monthStart(year, first),
    end: monthEnd(year, first + 2),
  };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', key: pad(year, 4), label: `${year}年`, start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
}

/** The periods of one kind that make up a calendar year, in order. */
/** The periods of a year in order (made once per year and kind: the rules ask for them per organisation). */
const PERIODS_OF_YEAR = new Map<string, readonly Period[]>();

export function periodsOfYear(year: number, kind: PeriodKind): readonly Period[] {
  const key = `${year}:${kind}`;
  let periods = PERIODS_OF_YEAR.get(key);
  if (periods === undefined) {
    const made =
      kind === 'month' ? Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1)) : kind === 'quarter' ? ([1, 2, 3, 4] as const).map((q) => quarterPeriod(year, q)) : [yearPeriod(year)];
    periods = Object.freeze(made.map((p) => Object.freeze(p)));
    if (PERIODS_OF_YEAR.size > 1000) PERIODS_OF_YEAR.clear();
    PERIODS_OF_YEAR.set(key, periods);
  }
  return periods;
}

/**
 * How many of `dates` fall in each of `periods` (in order, not overlapping, as `periodsOfYear`
 * gives them): one pass over the dates with a binary search each, instead of one scan of every
 * date per period. Each date is checked once.
 */
export function countByPeriod(dates: readonly IsoDate[], periods: readonly Period[]): number[] {
  const counts = new Array<number>(periods.length).fill(0);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return counts;
  for (const date of dates) {
    assertIsoDate(date);
    if (date < first.start || date > last.end) continue;
    let lo = 0;
    let hi = periods.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (periods[mid]!.start <= date) lo = mid;
      else hi = mid - 1;
    }
    if (date <= periods[lo]!.end) counts[lo]! += 1;
  }
  return counts;
}

export function periodContaining(date: IsoDate, kind: PeriodKind): Period {
  const { year, month } = parseIsoDate(date);
  switch (kind) {
    case 'month':
      return monthPeriod(year, month);
    case 'quarter':
      return quarterPeriod(year, quarterOf(date));
    case 'year':
      return yearPeriod(year);
  }
}
