/**
 * The city dashboard: hand-checked figures of a few synthetic units (founded and dissolved
 * mid-year, no organisations yet, never sent, revoked), lateness at its boundary, and — for units
 * of the synthetic city — every row equal to what the unit screens' rules and the unit's annual
 * report give on that unit's full records.
 */
import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../test/fixtures/generator';
import { meetingFields, memberFields, organisationFields, stored, unitFields } from '../../../test/fixtures/recordFields';
import { computeAnnualFigures, unitReportData } from '../../reports/reportData';
import { combineCompletion } from '../meetings/meetingCompliance';
import { NATIONAL_PROFILE_V1 as P, ruleProfileSchema, type RuleProfile } from '../profile';
import { termLightCounts } from '../summaries';
import { cityDashboard, type CityDashboardOptions, type RegisteredUnit } from './cityDashboard';
import type { UnitSummary } from './summarySchema';
import { buildUnitSummary, type UnitSummaryRecords } from './unitSummary';
import { unitScreenFigures } from './testing/unitScreenFigures';

const BUILT_AT = '2026-06-30T09:00:00.000Z'; // 2026-06-30 in China time

/**
 * 单位A: 第一党支部 (term ended 2026-01-01: red), 第二党支部 founded 2026-03-10, 第三党支部 dissolved
 * 2026-02-15, 机关党委 (term ends 2026-10-01: yellow from 2026-04-01). 200 staff, 2 full-time cadres.
 */
function unitA(): UnitSummaryRecords {
  const u = 'ua';
  const meet = (id: string, org: string, kind: Parameters<typeof meetingFields>[1], date: string) => stored<'meeting'>(u, id, meetingFields(org, kind, date));
  return {
    unit: [stored<'unit'>(u, u, unitFields('单位A', 200))],
    organisation: [
      stored<'organisation'>(u, 'a1', organisationFields({ name: '第一党支部', termStart: '2023-01-01' })),
      stored<'organisation'>(u, 'a2', organisationFields({ name: '第二党支部', foundedOn: '2026-03-10', termStart: '2026-03-10' })),
      stored<'organisation'>(u, 'a3', organisationFields({ name: '第三党支部', dissolvedOn: '2026-02-15' })),
      stored<'organisation'>(u, 'a4', organisationFields({ name: '机关党委', kind: 'organCommittee', termStart: '2021-10-01', termYears: 5 })),
    ],
    member: [
      stored<'member'>(u, 'm1', memberFields(1, 'a1', { cadre: 'fullTime' })),
      stored<'member'>(u, 'm2', memberFields(2, 'a1', { cadre: 'fullTime' })),
      stored<'member'>(u, 'm3', memberFields(3, 'a2')),
    ],
    meeting: [
      meet('t1', 'a1', 'themedPartyDay', '2026-01-12'),
      meet('t2', 'a1', 'themedPartyDay', '2026-02-12'),
      meet('t3', 'a1', 'themedPartyDay', '2026-03-12'),
      meet('t5', 'a1', 'themedPartyDay', '2026-05-12'),
      meet('g1', 'a1', 'branchGeneralMeeting', '2026-03-15'),
      meet('n3', 'a2', 'themedPartyDay', '2026-03-20'), // in its founding month: held wins
      meet('n4', 'a2', 'themedPartyDay', '2026-04-20'),
      meet('d1', 'a3', 'themedPartyDay', '2026-01-05'),
      meet('late', 'a1', 'themedPartyDay', '2026-07-03'), // after asOf: not counted
    ],
  };
}

/** 单位C: its unit record arrived, no organisations yet; 40 staff, no full-time cadre. */
function unitC(): UnitSummaryRecords {
  return { unit: [stored<'unit'>('uc', 'uc', unitFields('单位C', 40))] };
}

const REGISTER: RegisteredUnit[] = [
  { unitId: 'ua', name: '单位A', status: 'active', enrolledOn: '2026-01-10', lastBundleOn: '2026-06-01' },
  { unitId: 'ub', name: '单位B', status: 'invited', enrolledOn: '2026-05-01', lastBundleOn: null },
  { unitId: 'uc', name: '单位C', status: 'active', enrolledOn: '2026-01-10', lastBundleOn: '2026-05-30' },
  { unitId: 'ud', name: '单位D', status: 'revoked', enrolledOn: '2025-01-10', lastBundleOn: '2026-01-01' },
];

const SUMMARIES = [buildUnitSummary(unitA(), { unitId: 'ua', builtAt: BUILT_AT }), buildUnitSummary(unitC(), { unitId: 'uc', builtAt: BUILT_AT })];
const YEAR: CityDashboardOptions = { year: 2026, period: { kind: 'year' }, asOf: '2026-06-30' };

describe('cityDashboard, hand-checked', () => {
  const d = cityDashboard(SUMMARIES, REGISTER, YEAR, P);
  const [a, b, c, dd] = d.rows;

  it('has one row per registered unit, in the register’s order', () => {
    expect(d.rows.map((r) => r.unitId)).toEqual(['ua', 'ub', 'uc', 'ud']);
    expect(d).toMatchObject({ judgedOn: '2026-06-30', today: '2026-06-30', period: { key: '2026', start: '2026-01-01', end: '2026-12-31' } });
  });

  it('counts meetings of organisations founded and dissolved mid-year right', () => {
    // 第一: 主题党日 Jan–Mar, May held, Apr owed, Jun running (4/5); 党员大会 Q1 held (1/1); 党课 Q1 owed (0/1)
    // 第二 (founded 03-10): Mar held (held wins), Apr held, May owed (2/3); its Q1 is not required
    // 第三 (dissolved 02-15): Jan held (1/1), nothing required from February
    // 机关党委: its yearly 机关党员干部大会 is not yet due
    expect(a!.completion).toEqual({ met: 8, due: 11, rate: 8 / 11 });
    expect(a!.meetingsOwed).toBe(3);
    expect(a!.months!.slice(0, 6).map((m) => [m.met, m.due])).toEqual([[2, 2], [1, 1], [3, 4], [1, 2], [1, 2], [0, 0]]);
    expect(a!.months!.slice(5).every((m) => m.rate === null)).toBe(true);
    expect(a!.organisations).toBe(3); // on 06-30: 第一, 第二, 机关党委
    expect(a!.members).toBe(3);
  });

  it('lights terms as of the day judged, and lists the red and yellow organisations', () => {
    expect(a!.terms).toEqual({ applicable: 3, byLight: { green: 1, yellow: 1, red: 1 }, secondReminder: 0, extended: 0 });
    expect(a!.termAlerts.map((t) => [t.name, t.light, t.termEnd, t.deadline])).toEqual([
      ['第一党支部', 'red', '2026-01-01', '2026-01-01'],
      ['机关党委', 'yellow', '2026-10-01', '2026-10-01'],
    ]);
    expect(d.termAlerts.map((t) => [t.unitId, t.organisationId])).toEqual([['ua', 'a1'], ['ua', 'a4']]);
  });

  it('judges the cadre ratio against the profile’s bounds', () => {
    expect(a!.cadre).toMatchObject({ fullTimeCount: 2, staffCount: 200, minCount: 2, maxCount: 4, state: 'within', ratio: 0.01 });
    expect(c!.cadre).toMatchObject({ fullTimeCount: 0, minCount: 1, state: 'below' });
  });

  it('gives a unit without organisations null rates, not 0 %, and a unit never heard from no figures', () => {
    expect(c!.completion).toEqual({ met: 0, due: 0, rate: null });
    expect(c!.months!.every((m) => m.rate === null)).toBe(true);
    expect(c!.terms).toMatchObject({ applicable: 0 });
    expect(c!.organisations).toBe(0);
    expect(c!.training).toEqual({ shouldTrain: 0, trained: 0, share: null, metTarget: false });
    expect(b).toMatchObject({ completion: null, months: null, members: null, organisations: null, terms: null, training: null, cadre: null, summaryAsOf: null, termAlerts: [] });
  });

  it('flags lateness: nothing sent for more than 30 days, an invited unit counted from its enrolment, a revoked one never', () => {
    expect([a, b, c, dd].map((r) => [r!.daysSinceLastBundle, r!.late])).toEqual([
      [29, false],
      [null, true], // enrolled 05-01, 60 days, never sent
      [31, true],
      [180, false], // revoked
    ]);
    expect(b!.timeliness).toMatchObject({ basis: 'enrolment', daysSince: 60 });
    expect(c!.timeliness.reason).toBe('最近一次收到报送为2026年5月30日，距今 31 天，超过 30 天未报送');
  });

  it('adds the units up with the shared combiners', () => {
    expect(d.totals).toMatchObject({
      units: 4,
      unitsReporting: 2,
      late: 2,
      members: 3,
      organisations: 3,
      completion: { met: 8, due: 11 },
      meetingsOwed: 3,
      terms: { applicable: 3, byLight: { green: 1, yellow: 1, red: 1 } },
      cadre: { below: 1, within: 1, above: 0 },
    });
    expect(d.totals.months.map((m) => m.due)).toEqual([2, 1, 4, 2, 2, 0, 0, 0, 0, 0, 0, 0]);
    expect(d.profile).toEqual({ version: 1, name: P.name, lateAfterDays: 30, cadreMinBasisPoints: 100, cadreMaxBasisPoints: 200, coverageTargetBasisPoints: 10000 });
  });

  it('takes a quarter or a month as the requirement periods ending in it; terms as of its last day', () => {
    const q1 = cityDashboard(SUMMARIES, REGISTER, { ...YEAR, period: { kind: 'quarter', q: 1 } }, P);
    expect(q1.judgedOn).toBe('2026-03-31');
    expect(q1.rows[0]).toMatchObject({ completion: { met: 6, due: 7 }, meetingsOwed: 1, organisations: 3 }); // 第三 dissolved, 第二 founded
    // on 03-31 机关党委's term is more than 6 months from its end: green
    expect(q1.rows[0]!.termAlerts.map((t) => t.organisationId)).toEqual(['a1']);
    const april = cityDashboard(SUMMARIES, REGISTER, { ...YEAR, period: { kind: 'month', m: 4 } }, P);
    expect(april.rows[0]).toMatchObject({ completion: { met: 1, due: 2, rate: 0.5 }, meetingsOwed: 1 });
    expect(april.rows[0]!.months).toEqual(d.rows[0]!.months);
  });

  it('judges lateness by the profile’s sync.lateAfterDays when the committee set one, and on `today`', () => {
    const strict: RuleProfile = { ...P, version: 2, sync: { lateAfterDays: 28 } };
    expect(ruleProfileSchema.safeParse(strict).success).toBe(true);
    const d2 = cityDashboard(SUMMARIES, REGISTER, { ...YEAR, today: '2026-06-29' }, strict);
    expect(d2.rows.map((r) => r.late)).toEqual([false, true, true, false]); // 单位A: 28 days, on time
    expect(cityDashboard(SUMMARIES, REGISTER, { ...YEAR, today: '2026-06-30' }, strict).rows[0]!.late).toBe(true);
    expect(d2.profile.lateAfterDays).toBe(28);
  });

  it('ignores summaries of units not in the register and of another summary version', () => {
    const onlyC = cityDashboard(SUMMARIES, REGISTER.slice(2, 3), YEAR, P);
    expect(onlyC.rows.map((r) => r.unitId)).toEqual(['uc']);
    expect(onlyC.totals.completion).toEqual({ met: 0, due: 0, rate: null });
    // a summary stored by an older program (JSON from storage): treated as missing until rebuilt
    const old: UnitSummary = JSON.parse(JSON.stringify({ ...SUMMARIES[0], summaryVersion: 0 }));
    expect(cityDashboard([old], REGISTER.slice(0, 1), YEAR, P).rows[0]).toMatchObject({ completion: null, summaryAsOf: null });
  });

  it('shows only the units led by a 党组, or by a 党委, when asked; a unit never heard from has no kind', () => {
    // 单位C is led by a 党委 here, 单位A by a 党组 (its unit record)
    const cAsCommittee = unitC();
    const committeeLed = { ...cAsCommittee, unit: cAsCommittee.unit!.map((u) => ({ ...u, partyGroupKind: 'partyCommittee' as const })) };
    const summaries = [SUMMARIES[0]!, buildUnitSummary(committeeLed, { unitId: 'uc', builtAt: BUILT_AT })];
    expect(summaries.map((s) => s.partyGroupKind)).toEqual(['partyGroup', 'partyCommittee']);
    const all = cityDashboard(summaries, REGISTER, YEAR, P);
    const groups = cityDashboard(summaries, REGISTER, { ...YEAR, partyGroupKind: 'partyGroup' }, P);
    const committees = cityDashboard(summaries, REGISTER, { ...YEAR, partyGroupKind: 'partyCommittee' }, P);
    expect(all.partyGroupKind).toBeNull();
    expect(groups).toMatchObject({ partyGroupKind: 'partyGroup', totals: { units: 1 } });
    expect(groups.rows.map((r) => r.unitId)).toEqual(['ua']);
    expect(committees.rows.map((r) => r.unitId)).toEqual(['uc']);
    // the two halves add up to the units whose kind is known
    expect(groups.totals.members + committees.totals.members).toBe(all.totals.members);
    expect(groups.totals.meetingsOwed + committees.totals.meetingsOwed).toBe(all.totals.meetingsOwed);
    expect(groups.termAlerts.length + committees.termAlerts.length).toBe(all.termAlerts.length);
  });
});

describe('cityDashboard rows equal the unit screens’ rules on the unit’s full records', () => {
  const city = generateCity({ size: 'city', seed: 3, year: 2026, units: 3 });
  const units = [...city.units.map((u) => ({ id: u.unit.id, name: u.unit.name, records: u.records as UnitSummaryRecords })), { id: 'ua', name: '单位A', records: unitA() }];
  const register: RegisteredUnit[] = units.map((u) => ({ unitId: u.id, name: u.name, status: 'active', enrolledOn: '2026-01-01', lastBundleOn: '2026-12-20' }));
  const summaries = units.map((u) => buildUnitSummary(u.records, { unitId: u.id, builtAt: '2027-01-20T02:00:00.000Z' }));
  it.each([['2026-12-31'], ['2026-08-15']] as const)('as of %s', (asOf) => {
    const d = cityDashboard(summaries, register, { year: 2026, period: { kind: 'year' }, asOf }, P);
    units.forEach((u, i) => {
      const row = d.rows[i]!;
      const expected = unitScreenFigures(u.records, 2026, asOf, asOf, P);
      expect(row.completion, u.name).toEqual(expected.completion);
      expect(combineCompletion(row.months!.map((m) => ({ completion: m })))).toEqual(expected.completion);
      expect(row.terms, u.name).toEqual(termLightCounts(expected.terms));
      const alerts = expected.terms.flatMap((t) => (t.applicable && t.light !== 'green' ? [[t.organisationId, t.light, t.deadline]] : []));
      expect(row.termAlerts.map((t) => [t.organisationId, t.light, t.deadline]).sort()).toEqual(alerts.sort());
      expect(row.cadre, u.name).toMatchObject({ ratio: expected.cadre.ratio, state: expected.cadre.state, fullTimeCount: expected.cadre.fullTimeCount, reason: expected.cadre.reason });
    });
    expect(units.some((_, i) => (d.rows[i]!.completion?.due ?? 0) > 0)).toBe(true);
  });

  it('and equal the unit’s annual report figures for the year', () => {
    const d = cityDashboard(summaries, register, { year: 2026, period: { kind: 'year' }, asOf: '2026-12-31' }, P);
    units.forEach((u, i) => {
      const data = unitReportData(u.records, { unitId: u.id, year: 2026, committeeName: '工委', profile: P })!;
      const annual = computeAnnualFigures(data);
      const row = d.rows[i]!;
      expect(row.completion, u.name).toEqual(annual.completion);
      expect(row.terms, u.name).toEqual(annual.terms);
      expect(row.members, u.name).toBe(annual.roster.total);
      expect(row.training, u.name).toMatchObject({ shouldTrain: annual.training.members.shouldTrain, trained: annual.training.members.trained, metTarget: annual.training.members.metTarget });
      expect(row.cadre?.state, u.name).toBe(annual.cadre.state);
      expect(row.organisations, u.name).toBe(Object.values(annual.organisationCounts.byKind).reduce((s, n) => s + n, 0));
    });
  });
});
