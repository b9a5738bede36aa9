/**
 * buildUnitSummary: the facts of one unit, nothing personal, nothing of another unit, the same
 * whatever the order of the records, and year figures equal to the rules run on the records.
 */
import { describe, expect, it } from 'vitest';
import {
  classFields,
  electionFields,
  enrolmentFields,
  meetingFields,
  memberFields,
  organisationFields,
  seatFields,
  stored,
  unitFields,
} from '../../../test/fixtures/recordFields';
import { generateCity } from '../../../test/fixtures/generator';
import { cadreRatio } from '../organisations/cadreRatio';
import { NATIONAL_PROFILE_V1 as P } from '../profile';
import { rosterSummary } from '../members/roster';
import { trainingCoverage } from '../training/trainingCoverage';
import { UnitSummarySchema } from './summarySchema';
import { buildUnitSummary, type UnitSummaryRecords } from './unitSummary';

const BUILT_AT = '2026-11-28T08:00:00.000Z';

/** 市财政局 (u1) by hand, with a few records of another unit (u2) and of the 工委 mixed in. */
function handMadeRecords() {
  const u = 'u1';
  const members = [
    stored<'member'>(u, 'm1', memberFields(1, 'o1', { cadre: 'fullTime' })),
    stored<'member'>(u, 'm2', memberFields(2, 'o1', { cadre: 'partTime' })),
    stored<'member'>(u, 'm3', memberFields(3, 'o1', { cadre: 'fullTime', status: 'retired', statusChangedOn: '2026-03-01' })),
    stored<'member'>(u, 'm4', memberFields(4, 'o2', { joinedOn: '2026-04-01', membership: 'probationary' })),
    stored<'member'>(u, 'm5', memberFields(5, 'o1', { cadre: 'fullTime' }), true),
    stored<'member'>('u2', 'x1', memberFields(9, 'y1', { cadre: 'fullTime' })),
  ];
  const records = {
    unit: [stored<'unit'>(u, u, unitFields('市财政局', 150)), stored<'unit'>('u2', 'u2', unitFields('市审计局', 80))],
    organisation: [
      stored<'organisation'>(u, 'o2', organisationFields({ name: '第二党支部', dissolvedOn: '2026-06-15' })),
      stored<'organisation'>(u, 'o1', organisationFields({ name: '第一党支部', extension: { approvalNo: '市直工〔2026〕3号', approvedOn: '2026-02-01', until: '2027-09-01' } })),
      stored<'organisation'>(u, 'o9', organisationFields({ name: '已删除的党支部' }), true),
      stored<'organisation'>('u2', 'y1', organisationFields({ name: '审计局第一党支部' })),
    ],
    election: [stored<'election'>(u, 'e1', electionFields('o1', '2024-03-01')), stored<'election'>('u2', 'e9', electionFields('y1', '2019-05-01'))],
    committeeSeat: [
      stored<'committeeSeat'>(u, 's1', seatFields('o1', 'm1', '2026-01-01', 'secretary')),
      stored<'committeeSeat'>(u, 's2', seatFields('o1', 'm2', '2026-01-01')),
      stored<'committeeSeat'>(u, 's3', seatFields('o1', 'm4', '2026-04-01')),
    ],
    member: members,
    meeting: [
      stored<'meeting'>(u, 'g2', meetingFields('o1', 'themedPartyDay', '2026-02-10')),
      stored<'meeting'>(u, 'g1', meetingFields('o1', 'themedPartyDay', '2026-01-10')),
      stored<'meeting'>(u, 'g3', meetingFields('o1', 'branchGeneralMeeting', '2026-03-20')),
      stored<'meeting'>(u, 'g4', meetingFields('o1', 'themedPartyDay', '2026-03-10'), true),
      stored<'meeting'>('u2', 'g9', meetingFields('y1', 'themedPartyDay', '2026-01-10')),
    ],
    trainingClass: [
      stored<'trainingClass'>(u, 'c1', classFields({ startDate: '2026-05-10', endDate: '2026-05-10' })),
      stored<'trainingClass'>('committee', 'cc', classFields({ organiser: 'committee', startDate: '2026-09-01', endDate: '2026-09-02', hours: 8 })),
      stored<'trainingClass'>('committee', 'cx', classFields({ organiser: 'committee', startDate: '2015-09-01', endDate: '2015-09-01' })),
    ],
    enrolment: [
      stored<'enrolment'>(u, 'n1', enrolmentFields('c1', 'm1')),
      stored<'enrolment'>(u, 'n2', enrolmentFields('cc', 'm2', { attendedHours: 8 })),
      stored<'enrolment'>('u2', 'n9', enrolmentFields('cx', 'x1')),
    ],
  } satisfies UnitSummaryRecords;
  return records;
}

describe('buildUnitSummary', () => {
  const records = handMadeRecords();
  const summary = buildUnitSummary(records, { unitId: 'u1', builtAt: BUILT_AT });

  it('is a valid, plain-JSON summary of the current version', () => {
    expect(UnitSummarySchema.parse(summary)).toEqual(summary);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect(summary).toMatchObject({ summaryVersion: 2, unitId: 'u1', unitName: '市财政局', partyGroupKind: 'partyGroup', builtAt: BUILT_AT, asOf: '2026-11-28' });
  });

  it('keeps the live organisations with their term facts, elections and grouped meeting dates', () => {
    expect(summary.organisations.map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(summary.organisations[0]).toEqual({
      id: 'o1',
      name: '第一党支部',
      kind: 'branch',
      parentId: null,
      foundedOn: '2015-03-01',
      dissolvedOn: null,
      termStart: '2024-03-01',
      termYears: 3,
      termEnd: null,
      extension: { approvalNo: '市直工〔2026〕3号', approvedOn: '2026-02-01', until: '2027-09-01' },
    });
    expect(summary.elections).toEqual([{ organisationId: 'o1', electedOn: '2024-03-01', termYears: 3 }]);
    expect(summary.meetings).toEqual([
      { organisationId: 'o1', kind: 'branchGeneralMeeting', dates: ['2026-03-20'] },
      { organisationId: 'o1', kind: 'themedPartyDay', dates: ['2026-01-10', '2026-02-10'] },
    ]);
  });

  it('holds no personal data: seat holders are pseudonyms, members appear only as cadre facts', () => {
    expect(summary.seats.map((s) => [s.holder, s.post, s.from])).toEqual([
      ['h1', 'secretary', '2026-01-01'],
      ['h2', 'member', '2026-01-01'],
      ['h3', 'member', '2026-04-01'],
    ]);
    const json = JSON.stringify(summary);
    for (const m of records.member) for (const value of [m.id, m.name, m.idNumber, m.phone]) expect(json).not.toContain(value);
    for (const e of records.enrolment) expect(json).not.toContain(e.id);
    expect(summary.cadre).toEqual({
      staffCount: 150,
      members: [
        { status: 'active', cadre: 'fullTime' },
        { status: 'active', cadre: 'partTime' },
        { status: 'retired', cadre: 'fullTime' },
      ],
    });
  });

  it('never holds another unit’s data (the same summary from the unit’s records alone)', () => {
    const own = Object.fromEntries(Object.entries(records).map(([t, rows]) => [t, rows.filter((r: { unitId: string }) => r.unitId === 'u1' || r.unitId === 'committee')]));
    expect(buildUnitSummary(own, { unitId: 'u1', builtAt: BUILT_AT })).toEqual(summary);
    const json = JSON.stringify(summary);
    for (const foreign of ['u2', 'y1', '审计局', 'e9', 'g9', 'x1']) expect(json).not.toContain(foreign);
  });

  it('is the same whatever the order of the records', () => {
    const reversed = Object.fromEntries(Object.entries(records).map(([t, rows]) => [t, [...rows].reverse()]));
    expect(buildUnitSummary(reversed, { unitId: 'u1', builtAt: BUILT_AT })).toEqual(summary);
  });

  it('has year figures from the first year with data to the summary date’s year, the running one as of the summary date', () => {
    // the election of 2024 is the earliest dated fact; the committee class of 2015 is not this unit's
    expect(summary.years.map((y) => [y.year, y.referenceDate])).toEqual([
      [2024, '2024-12-31'],
      [2025, '2025-12-31'],
      [2026, '2026-11-28'],
    ]);
    const y2026 = summary.years[2]!;
    // m1, m2, m4 在职; m3 退休 since 2026-03-01; m4 joined (预备) in 2026
    expect(y2026.roster).toEqual({ total: 4, active: 3, retired: 1, full: 3, probationary: 1, joinedThisYear: 1 });
    // 应参训 m1, m2, m4; trained m1 (the unit's class) and m2 (the 工委's class it enrolled in)
    expect(y2026.training).toEqual({ shouldTrain: 3, trained: 2 });
    // 2025: m3 still 在职, m4 not yet a member; no class that year
    expect(summary.years[1]!.training).toEqual({ shouldTrain: 3, trained: 0 });
  });

  it('uses the cadre facts exactly as cadreRatio does on the records', () => {
    const fromSummary = cadreRatio({ staffCount: summary.cadre.staffCount!, members: summary.cadre.members }, P);
    const fromRecords = cadreRatio({ staffCount: 150, members: records.member.filter((m) => m.unitId === 'u1') }, P);
    expect(fromSummary).toEqual(fromRecords);
    expect(fromSummary).toMatchObject({ fullTimeCount: 1, minCount: 2, state: 'below' });
  });

  it('of a unit whose records have not arrived: empty facts, only the running year', () => {
    const empty = buildUnitSummary({}, { unitId: 'u3', builtAt: BUILT_AT });
    expect(empty).toMatchObject({ unitName: '', organisations: [], meetings: [], cadre: { staffCount: null, members: [] } });
    expect(empty.years).toEqual([{ year: 2026, referenceDate: '2026-11-28', roster: { total: 0, active: 0, retired: 0, full: 0, probationary: 0, joinedThisYear: 0 }, training: { shouldTrain: 0, trained: 0 } }]);
  });
});

describe('buildUnitSummary on synthetic city units', () => {
  const city = generateCity({ size: 'city', seed: 7, year: 2026, units: 3 });
  it.each(city.units.map((u) => [u.unit.name, u] as const))('%s: year figures equal rosterSummary and trainingCoverage on its records', (_, unit) => {
    const r = unit.records;
    const summary = buildUnitSummary(r, { unitId: unit.unit.id, builtAt: '2027-01-20T02:00:00.000Z' });
    expect(UnitSummarySchema.safeParse(summary).success).toBe(true);
    const y = summary.years.find((x) => x.year === 2026)!;
    expect(y.referenceDate).toBe('2026-12-31');
    const live = <T extends { deleted: boolean }>(rows: readonly T[] | undefined): T[] => (rows ?? []).filter((x) => !x.deleted);
    const roster = rosterSummary(live(r.member), '2026-12-31');
    expect(y.roster).toMatchObject({ total: roster.total, active: roster.active, retired: roster.retired, probationary: roster.probationary });
    const coverage = trainingCoverage(
      { year: 2026, asOf: '2027-01-20', members: live(r.member), classes: live(r.trainingClass), enrolments: live(r.enrolment), seats: live(r.committeeSeat), organisations: live(r.organisation) },
      P,
    );
    expect(y.training).toEqual({ shouldTrain: coverage.members.shouldTrain, trained: coverage.members.trained });
    expect(summary.meetings.reduce((n, g) => n + g.dates.length, 0)).toBe(live(r.meeting).length);
    const json = JSON.stringify(summary);
    for (const m of r.member ?? []) expect(json).not.toContain(m.idNumber);
  });
});
