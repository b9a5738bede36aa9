import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  countByPeriod,
  isWithin,
  addDays,
  addMonths,
  addYears,
  dateOfInstant,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  monthsFromTo,
  periodContaining,
  periodsOfYear,
  quarterOf,
  toDayNumber,
} from './dates';
import { BugError } from '../errors/errors';

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true], // leap year
    ['2023-02-29', false],
    ['1900-02-29', false], // century, not leap
    ['2000-02-29', true], // 400-year, leap
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    [' 2026-01-1', false],
    ['2026/01/01', false],
    ['２０２６-01-01', false], // full-width digits are not ASCII digits
    ['2026-0a-01', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });
});

describe('day numbers agree with Date.UTC', () => {
  it.each(['1970-01-01', '1969-12-31', '2000-02-29', '2024-03-01', '2026-12-31', '1900-03-01', '2100-02-28', '0001-01-01'])(
    '%s',
    (d) => {
      const [y, m, day] = d.split('-').map(Number) as [number, number, number];
      const utc = new Date(0);
      utc.setUTCFullYear(y, m - 1, day);
      expect(toDayNumber(d)).toBe(Math.round(utc.getTime() / 86_400_000));
      expect(fromDayNumber(toDayNumber(d))).toBe(d);
    },
  );
  it('round-trips every day of four years', () => {
    for (let n = toDayNumber('2023-01-01'); n <= toDayNumber('2027-01-01'); n++)
      expect(toDayNumber(fromDayNumber(n))).toBe(n);
  });
});

describe('addDays / daysBetween', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %i days = %s', (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
    expect(daysBetween(from, to)).toBe(n);
  });
  it('counts a leap year as 366 days', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });
});

describe('addMonths / addYears clamp to the month end', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-08-31', -6, '2026-02-28'],
    ['2027-03-01', -6, '2026-09-01'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-05-31', 12, '2027-05-31'],
  ])('%s + %i months = %s', (from, n, to) => {
    expect(addMonths(from, n)).toBe(to);
  });
  it.each([
    ['2024-02-29', 3, '2027-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2021-03-01', 5, '2026-03-01'],
  ])('%s + %i years = %s', (from, n, to) => {
    expect(addYears(from, n)).toBe(to);
  });
});

describe('quarters and periods', () => {
  it.each([
    ['2026-01-01', 1],
    ['2026-03-31', 1],
    ['2026-04-01', 2],
    ['2026-06-30', 2],
    ['2026-07-01', 3],
    ['2026-09-30', 3],
    ['2026-10-01', 4],
    ['2026-12-31', 4],
  ])('%s is in Q%i', (d, q) => {
    expect(quarterOf(d)).toBe(q);
    expect(periodContaining(d, 'quarter').key).toBe(`2026-Q${q}`);
  });
  it('lists the periods of a leap year', () => {
    const months = periodsOfYear(2024, 'month');
    expect(months).toHaveLength(12);
    expect(months[1]).toMatchObject({ key: '2024-02', start: '2024-02-01', end: '2024-02-29', label: '2024年2月' });
    expect(periodsOfYear(2026, 'quarter').map((p) => [p.start, p.end])).toEqual([
      ['2026-01-01', '2026-03-31'],
      ['2026-04-01', '2026-06-30'],
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-12-31'],
    ]);
    expect(periodsOfYear(2026, 'year')).toEqual([
      { kind: 'year', key: '2026', label: '2026年', start: '2026-01-01', end: '2026-12-31' },
    ]);
  });
  it('lists months across a year end', () => {
    expect(monthsFromTo('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsFromTo('2026-03', '2026-02')).toEqual([]);
  });
});

describe('dateOfInstant reads instants in China time', () => {
  it.each([
    ['2026-01-08T15:59:59.999Z', '2026-01-08'],
    ['2026-01-08T16:00:00.000Z', '2026-01-09'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['2024-02-28T20:00:00Z', '2024-02-29'],
  ])('%s → %s', (instant, date) => {
    expect(dateOfInstant(instant)).toBe(date);
  });
  it('takes another offset', () => {
    expect(dateOfInstant('2026-01-08T16:00:00.000Z', 0)).toBe('2026-01-08');
  });
});

describe('malformed input is a bug', () => {
  it.each([() => addDays('2026-02-30', 1), () => addMonths('26-01-01', 1), () => dateOfInstant('2026-01-01 10:00')])(
    'throws BugError',
    (f) => {
      expect(f).toThrow(BugError);
    },
  );
});

describe('countByPeriod', () => {
  const months = periodsOfYear(2026, 'month');
  it('counts each date in the period that holds it, boundaries included, outside dates in none', () => {
    const counts = countByPeriod(['2025-12-31', '2026-01-01', '2026-01-31', '2026-02-01', '2026-02-28', '2026-12-31', '2027-01-01'], months);
    expect(counts).toEqual([2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(countByPeriod(['2026-03-31', '2026-04-01'], periodsOfYear(2026, 'quarter'))).toEqual([1, 1, 0, 0]);
    expect(countByPeriod([], periodsOfYear(2026, 'year'))).toEqual([0]);
  });

  it('refuses a date that is not a date, as every date rule does', () => {
    expect(() => countByPeriod(['2026-02-30'], months)).toThrow();
  });

  it('agrees with counting each period by isWithin', () => {
    const day = fc.integer({ min: -400, max: 800 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 60 }), fc.constantFrom('month' as const, 'quarter' as const, 'year' as const), (dates, kind) => {
        const periods = periodsOfYear(2026, kind);
        expect(countByPeriod(dates, periods)).toEqual(periods.map((p) => dates.filter((d) => isWithin(d, p.start, p.end)).length));
      }),
    );
  });

  it('gives the same periods each time, which nobody can change', () => {
    expect(periodsOfYear(2026, 'month')).toBe(periodsOfYear(2026, 'month'));
    expect(Object.isFrozen(periodsOfYear(2026, 'month')[0])).toBe(true);
  });
});
