import { describe, expect, it } from 'vitest';
import { asOfProblem, dateProblem, defaultAsOf, reportYears } from './cityReportOptions';

describe('city report options', () => {
  it('截至 defaults to the year’s end, or today within the year in progress', () => {
    expect(defaultAsOf(2025, '2026-03-10')).toBe('2025-12-31');
    expect(defaultAsOf(2026, '2026-03-10')).toBe('2026-03-10');
  });

  it('截至 lies in the year and not after today; 成文日期 not before 截至', () => {
    expect(asOfProblem(2026, '2026-03-10', '2026-03-10')).toBeNull();
    expect(asOfProblem(2026, '2025-12-31', '2026-03-10')).toContain('2026年内');
    expect(asOfProblem(2026, '2026-03-11', '2026-03-10')).toContain('不能晚于今天');
    expect(dateProblem('2025-12-31', '2026-01-15')).toBeNull();
    expect(dateProblem('2025-12-31', '2025-12-30')).toContain('不能早于截至日期');
  });

  it('offers this year back to seven years ago', () => {
    expect(reportYears('2026-03-10')).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019]);
  });
});
