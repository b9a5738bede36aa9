import { describe, it, expect } from 'vitest';
import { atMost, exceeds, moreThan, NATIONAL_PROFILE_V1, profileInForce, requirementsFor, ruleProfileSchema, type RuleProfile } from './profile';

const clone = (): RuleProfile => structuredClone(NATIONAL_PROFILE_V1);

describe('NATIONAL_PROFILE_V1', () => {
  it('is valid under its own schema', () => {
    expect(ruleProfileSchema.parse(NATIONAL_PROFILE_V1)).toEqual(NATIONAL_PROFILE_V1);
  });
  it('carries the national figures of DOMAIN.md', () => {
    const p = NATIONAL_PROFILE_V1;
    expect(p.version).toBe(1);
    expect(p.terms.years).toEqual({
      leadingGroup: 5,
      organCommittee: 5,
      disciplineCommittee: 5,
      generalBranch: 3,
      branch: 3,
      group: null,
    });
    expect([p.terms.reminderMonths, p.terms.secondReminderMonths, p.terms.maxExtensionMonths]).toEqual([6, 3, 12]);
    expect(p.cadreRatio).toEqual({ minBasisPoints: 100, maxBasisPoints: 200 });
    expect(p.training.coverageTargetBasisPoints).toBe(10000);
    expect(p.dues.specialMonthlyFen).toBe(20);
    expect(p.dues.backPayMaxMonths).toBe(6);
    expect(p.selfWithdrawal.months).toBe(6);
    expect(p.quorum.election).toEqual({ numerator: 4, denominator: 5 });
    expect(p.appraisal.excellentMax).toEqual({ numerator: 1, denominator: 3 });
    expect(p.assessment.indicators.reduce((s, i) => s + i.weight, 0)).toBe(100);
  });
  it.each([
    ['branch', true, ['branchGeneralMeeting', 'branchCommitteeMeeting', 'partyLecture', 'themedPartyDay', 'organisationalLifeMeeting', 'democraticAppraisal', 'electionAssembly']],
    ['branch', false, ['branchGeneralMeeting', 'partyLecture', 'themedPartyDay', 'organisationalLifeMeeting', 'democraticAppraisal', 'electionAssembly']],
    ['group', false, ['groupMeeting']],
    // 民主生活会 is not in NATIONAL_PROFILE_V1's list; it comes from LATER_MEETING_REQUIREMENTS
    ['leadingGroup', false, ['leadingGroupMeeting', 'theoryStudyGroup', 'democraticLifeMeeting']],
    ['organCommittee', true, ['organCadreAssembly', 'electionAssembly']],
  ] as const)('requirements of a %s (committee: %s)', (kind, hasCommittee, kinds) => {
    expect(requirementsFor(NATIONAL_PROFILE_V1, kind, hasCommittee).map((r) => r.kind)).toEqual(kinds);
  });
});

describe('ruleProfileSchema refuses', () => {
  const cases: [string, (p: RuleProfile) => unknown][] = [
    ['an unknown key (strict)', (p) => ({ ...p, extra: 1 })],
    ['weights not summing to 100', (p) => { p.assessment.indicators[0]!.weight += 1; return p; }],
    ['a repeated indicator', (p) => { p.assessment.indicators[1] = { ...p.assessment.indicators[0]! }; return p; }],
    ['dues brackets out of order', (p) => { p.dues.inService[1]!.upToFen = 200_000; return p; }],
    ['a last dues bracket with an upper bound', (p) => { p.dues.retired[1]!.upToFen = 900_000; return p; }],
    ['an open bracket before the last', (p) => { p.dues.inService[0]!.upToFen = null; return p; }],
    ['a fraction above 1', (p) => { p.quorum.vote = { numerator: 3, denominator: 2 }; return p; }],
    ['cadre bounds reversed', (p) => { p.cadreRatio = { minBasisPoints: 300, maxBasisPoints: 200 }; return p; }],
    ['second reminder before the first', (p) => { p.terms.secondReminderMonths = 7; return p; }],
    ['a non-date effectiveFrom', (p) => { p.effectiveFrom = '2026-02-30'; return p; }],
    ['a fractional version', (p) => { p.version = 1.5; return p; }],
    ['a duplicated requirement', (p) => { p.meetings.requirements.push({ ...p.meetings.requirements[0]! }); return p; }],
    ['a missing organisation kind in term years', (p) => { const years: Partial<typeof p.terms.years> = { ...p.terms.years }; delete years.group; return { ...p, terms: { ...p.terms, years } }; }],
  ];
  it.each(cases)('%s', (_, mutate) => {
    expect(ruleProfileSchema.safeParse(mutate(clone())).success).toBe(false);
  });
});

describe('profileInForce', () => {
  const v1 = NATIONAL_PROFILE_V1;
  const v2: RuleProfile = { ...clone(), version: 2, effectiveFrom: '2026-04-01', name: '市委直属机关工委 2026' };
  const v3: RuleProfile = { ...clone(), version: 3, effectiveFrom: '2026-04-01', name: '修订' };
  it.each([
    ['2018-12-31', null],
    ['2019-01-01', 1],
    ['2026-03-31', 1],
    ['2026-04-01', 3], // same day: the higher version wins
    ['2027-01-01', 3],
  ] as const)('on %s → version %s', (date, version) => {
    expect(profileInForce([v2, v1, v3], date)?.version ?? null).toBe(version);
  });
});

describe('exact share arithmetic', () => {
  const half = { numerator: 1, denominator: 2 };
  const fourFifths = { numerator: 4, denominator: 5 };
  it.each([
    [half, 23, 12],
    [half, 24, 13],
    [half, 1, 1],
    [half, 0, 1],
    [fourFifths, 20, 17],
    [fourFifths, 23, 19],
    [fourFifths, 5, 5],
  ])('more than %o of %i needs %i', (f, base, min) => {
    expect(moreThan(f, base)).toBe(min);
    expect(exceeds(min, f, base)).toBe(true);
    expect(exceeds(min - 1, f, base)).toBe(false);
  });
  it('atMost is inclusive', () => {
    const third = { numerator: 1, denominator: 3 };
    expect(atMost(3, third, 9)).toBe(true);
    expect(atMost(4, third, 9)).toBe(false);
  });
});
