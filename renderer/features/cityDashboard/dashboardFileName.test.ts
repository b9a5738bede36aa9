import { describe, expect, it } from 'vitest';
import { quarterPeriod, yearPeriod } from '../../../shared/rules/dates';
import { dashboardFileName } from './dashboardExport';

describe('the dashboard workbook is named for what it shows', () => {
  it('names the period and, when filtered, the units shown', () => {
    expect(dashboardFileName({ period: yearPeriod(2026), partyGroupKind: null, asOf: '2026-12-05' })).toBe('全市概况_2026年_截至2026-12-05.xlsx');
    expect(dashboardFileName({ period: quarterPeriod(2026, 1), partyGroupKind: 'partyCommittee', asOf: '2026-12-05' })).toBe('全市概况_2026年第1季度_设党委的单位_截至2026-12-05.xlsx');
  });
});
