import { describe, expect, it } from 'vitest';
import { NATIONAL_PROFILE_V1 } from '../profile';
import { groupMeetingsByOrganisation, owedAround, unitMeetingCompliance, worstFirst } from './unitCompliance';

const branch = (id: string, extra = {}) => ({ id, name: id, kind: 'branch' as const, foundedOn: null, dissolvedOn: null, ...extra });
const themedDays = (org: string, months: number[]) => months.map((m) => ({ organisationId: org, kind: 'themedPartyDay' as const, date: `2026-${String(m).padStart(2, '0')}-15` }));

describe('unit meeting compliance', () => {
  const meetings = [...themedDays('good', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), ...themedDays('poor', [1, 2])];
  const rows = unitMeetingCompliance(
    [branch('good'), branch('poor'), branch('gone', { dissolvedOn: '2025-12-31' }), branch('new', { foundedOn: '2026-11-20' })],
    [],
    groupMeetingsByOrganisation(meetings),
    2026,
    '2026-11-28',
    NATIONAL_PROFILE_V1,
  );

  it('leaves out organisations dissolved before the year and sorts the worst first', () => {
    expect(rows.map((r) => r.organisation.id)).toEqual(['good', 'poor', 'new']);
    expect(worstFirst(rows).map((r) => r.organisation.id)[0]).toBe('poor');
    const themed = (id: string) => rows.find((r) => r.organisation.id === id)!.result.kinds.find((k) => k.kind === 'themedPartyDay')!;
    expect(themed('good').met).toBe(10);
    expect(themed('good').due).toBe(10);
    expect(themed('poor').met).toBe(2);
  });

  it('lists what is owed now: this month not yet held, last month if it ended owed', () => {
    const poor = rows.find((r) => r.organisation.id === 'poor')!.result;
    const owed = owedAround(poor, '2026-11-28').filter((o) => o.kind.kind === 'themedPartyDay');
    expect(owed.map((o) => [o.period.period.key, o.current])).toEqual([
      ['2026-11', true],
      ['2026-10', false],
    ]);
    const good = rows.find((r) => r.organisation.id === 'good')!.result;
    expect(owedAround(good, '2026-11-28').filter((o) => o.kind.kind === 'themedPartyDay').map((o) => o.period.period.key)).toEqual(['2026-11']);
  });
});
