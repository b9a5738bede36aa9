/**
 * 民主生活会 of the 党组(党委) (issue 14): once a year (《县以上党和国家机关党员领导干部民主生活会若干
 * 规定》; DOMAIN.md names it among the 机关条例's required organisational life without a number),
 * counted in the 党组's completion like its 党组会议 and 中心组. Profiles issued before the kind
 * existed stay valid and are read with the default requirement; a profile with its own keeps it.
 */
import { describe, expect, it } from 'vitest';
import { encodeRev } from '../../clock/hlc';
import { validateRecord } from '../../model/validate';
import { LATER_MEETING_REQUIREMENTS, meetingRequirements, NATIONAL_PROFILE_V1 as P, requirementsFor, ruleProfileSchema, type RuleProfile } from '../profile';
import { meetingCompliance, type ComplianceOrganisation, type MeetingFact } from './meetingCompliance';
import { groupMeetingsByOrganisation, unitMeetingCompliance } from './unitCompliance';

const lg: ComplianceOrganisation = { id: 'lg', kind: 'leadingGroup', foundedOn: null, dissolvedOn: null };
const life = (date: string, extra: Partial<MeetingFact> = {}): MeetingFact => ({ organisationId: 'lg', kind: 'democraticLifeMeeting', date, ...extra });

function lifeOf(meetings: MeetingFact[], asOf: string, profile: RuleProfile = P) {
  const r = meetingCompliance({ organisation: lg, hasCommittee: false, meetings, year: 2027, asOf }, profile);
  return { result: r, kind: r.kinds.find((k) => k.kind === 'democraticLifeMeeting') };
}

describe('民主生活会 of the 党组(党委)', () => {
  it('is required once a year of the 党组 only', () => {
    expect(requirementsFor(P, 'leadingGroup', false).find((r) => r.kind === 'democraticLifeMeeting')).toMatchObject({ period: 'year', count: 1 });
    for (const kind of ['organCommittee', 'generalBranch', 'branch', 'group'] as const) {
      expect(requirementsFor(P, kind, true).some((r) => r.kind === 'democraticLifeMeeting'), kind).toBe(false);
    }
  });

  it('held in the year: done, and counted in the 党组 completion', () => {
    const { kind, result } = lifeOf([life('2027-12-18')], '2028-01-10');
    expect(kind?.periods[0]).toMatchObject({ required: 1, held: 1, state: 'held', reason: '2027年应召开民主生活会 1 次，已召开 1 次，已完成' });
    expect([kind?.met, kind?.due]).toEqual([1, 1]);
    expect(result.completion.due).toBeGreaterThanOrEqual(1);
  });

  it('not held in the year: owed once the year is over, not before', () => {
    const owed = lifeOf([life('2026-12-20'), life('2028-01-15'), { ...life('2027-06-01'), organisationId: 'other' }, life('2027-12-01', { deleted: true })], '2028-01-20');
    expect(owed.kind?.periods[0]).toMatchObject({ held: 0, state: 'owed', reason: '2027年应召开民主生活会 1 次，已召开 0 次，未完成' });
    expect([owed.kind?.met, owed.kind?.due]).toEqual([0, 1]);
    expect(lifeOf([], '2027-11-30').kind?.periods[0]?.state).toBe('notYetDue');
    // a 民主生活会 dated after asOf is a plan, not a meeting held
    expect(lifeOf([life('2027-12-28')], '2027-12-20').kind?.periods[0]).toMatchObject({ held: 0, state: 'notYetDue' });
  });

  it("is part of the unit's compliance through the 党组's organisation", () => {
    const meetings = [life('2027-01-15')];
    const [org] = unitMeetingCompliance([{ ...lg, name: '中共市财政局党组' }], [], groupMeetingsByOrganisation(meetings), 2027, '2028-01-05', P);
    expect(org?.result.kinds.find((k) => k.kind === 'democraticLifeMeeting')).toMatchObject({ met: 1, due: 1 });
  });
});

describe('民主生活会 counts from 2027, the first whole year the ledger can record it', () => {
  it('is not required of 2026 or earlier, held or not, so figures already reported stay as they were', () => {
    for (const meetings of [[], [life('2026-12-18')]]) {
      const r = meetingCompliance({ organisation: lg, hasCommittee: false, meetings, year: 2026, asOf: '2026-12-31' }, P);
      const kind = r.kinds.find((k) => k.kind === 'democraticLifeMeeting');
      expect(kind?.periods[0]).toMatchObject({ state: 'notApplicable', reason: '2026年不作要求：民主生活会自2027年1月1日起计入完成情况（此前的台账不能登记民主生活会）' });
      expect([kind?.met, kind?.due]).toEqual([0, 0]);
    }
    const y2025 = meetingCompliance({ organisation: lg, hasCommittee: false, meetings: [], year: 2025, asOf: '2025-12-31' }, P);
    expect(y2025.completion.due).toBe(y2025.kinds.filter((k) => k.kind !== 'democraticLifeMeeting').reduce((n, k) => n + k.due, 0));
    expect(y2025.completion.due).toBeGreaterThan(0);
  });

  it('a profile of its own that lists 民主生活会 requires it from the profile on, 2026 included', () => {
    const own: RuleProfile = {
      ...P,
      version: 3,
      meetings: { ...P.meetings, requirements: [...P.meetings.requirements, { kind: 'democraticLifeMeeting', period: 'year', count: 1, organisationKinds: ['leadingGroup'], onlyWithCommittee: false, basis: '市委规定' }] },
    };
    const r = meetingCompliance({ organisation: lg, hasCommittee: false, meetings: [], year: 2026, asOf: '2026-12-31' }, own);
    expect(r.kinds.find((k) => k.kind === 'democraticLifeMeeting')?.periods[0]?.state).toBe('notYetDue');
  });
});

describe('profiles issued before 民主生活会 existed', () => {
  /** A profile as a committee issued it from the national defaults, before this kind existed. */
  const old: RuleProfile = { ...structuredClone(P), version: 2, effectiveFrom: '2026-03-01', name: '示范市规则' };
  const record = (profile: unknown) => ({
    id: '0195f0a2-7c1e-7000-8000-000000000001',
    unitId: '0195f0a2-7c1e-7000-8000-000000000002',
    rev: encodeRev({ wallMs: Date.parse('2026-03-01T02:00:00.000Z'), counter: 0, deviceId: 'dev1' }),
    deleted: false,
    updatedBy: '李工',
    createdAt: '2026-03-01T02:00:00.000Z',
    profile,
    note: '',
  });

  it('stay valid as they are, as profiles and as stored or bundled ruleProfile records', () => {
    expect(old.meetings.requirements.some((r) => r.kind === 'democraticLifeMeeting')).toBe(false);
    expect(ruleProfileSchema.safeParse(old).success).toBe(true);
    const checked = validateRecord('ruleProfile', record(old));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.value.profile).toEqual(old); // nothing written into them
  });

  it('are read with the default 民主生活会 requirement', () => {
    expect(meetingRequirements(old).filter((r) => r.kind === 'democraticLifeMeeting')).toEqual([...LATER_MEETING_REQUIREMENTS]);
    expect(lifeOf([], '2028-01-02', old).kind?.periods[0]?.state).toBe('owed');
  });

  it("a profile with its own 民主生活会 requirement keeps its own (e.g. twice a year)", () => {
    const own: RuleProfile = {
      ...old,
      meetings: {
        ...old.meetings,
        requirements: [...old.meetings.requirements, { kind: 'democraticLifeMeeting', period: 'year', count: 2, organisationKinds: ['leadingGroup'], onlyWithCommittee: false, basis: '市委规定' }],
      },
    };
    expect(ruleProfileSchema.safeParse(own).success).toBe(true);
    expect(meetingRequirements(own).filter((r) => r.kind === 'democraticLifeMeeting')).toHaveLength(1);
    const { kind } = lifeOf([life('2027-06-01')], '2028-01-02', own);
    expect(kind).toMatchObject({ requiredPerPeriod: 2, basis: '市委规定', met: 1, due: 2 });
  });
});
