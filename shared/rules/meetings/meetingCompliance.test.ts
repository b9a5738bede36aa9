import { describe, it, expect } from 'vitest';
import type { MeetingKind } from '../../model/vocabulary';
import {
  combineCompletion,
  meetingCompliance,
  meetingTimeliness,
  type ComplianceOrganisation,
  type MeetingFact,
  type PeriodState,
} from './meetingCompliance';
import { hasCommitteeOn } from '../organisations/seats';
import { NATIONAL_PROFILE_V1 as P, type RuleProfile } from '../profile';

const branch: ComplianceOrganisation = { id: 'b1', kind: 'branch', foundedOn: '2020-01-01', dissolvedOn: null };
const m = (kind: MeetingKind, date: string, extra: Partial<MeetingFact> = {}): MeetingFact => ({
  organisationId: 'b1',
  kind,
  date,
  ...extra,
});

function states(
  org: ComplianceOrganisation,
  meetings: MeetingFact[],
  kind: MeetingKind,
  asOf: string,
  hasCommittee = true,
): PeriodState[] {
  const r = meetingCompliance({ organisation: org, hasCommittee, meetings, year: 2026, asOf }, P);
  const k = r.kinds.find((x) => x.kind === kind);
  if (!k) throw new Error(`no ${kind}`);
  return k.periods.map((p) => p.state);
}

describe('quarterly 支部党员大会 at the quarter boundary', () => {
  it.each<[string, MeetingFact[], string, PeriodState[]]>([
    ['nothing held, asOf Mar 31: Q1 still running', [], '2026-03-31', ['notYetDue', 'notYetDue', 'notYetDue', 'notYetDue']],
    ['nothing held, asOf Apr 1: Q1 owed', [], '2026-04-01', ['owed', 'notYetDue', 'notYetDue', 'notYetDue']],
    ['held Mar 31 → Q1', [m('branchGeneralMeeting', '2026-03-31')], '2026-04-01', ['held', 'notYetDue', 'notYetDue', 'notYetDue']],
    ['held Apr 1 → Q2, Q1 owed', [m('branchGeneralMeeting', '2026-04-01')], '2026-04-01', ['owed', 'held', 'notYetDue', 'notYetDue']],
    ['held early in a running quarter', [m('branchGeneralMeeting', '2026-01-05')], '2026-01-05', ['held', 'notYetDue', 'notYetDue', 'notYetDue']],
    ['a meeting dated after asOf is a plan', [m('branchGeneralMeeting', '2026-03-20')], '2026-03-19', ['notYetDue', 'notYetDue', 'notYetDue', 'notYetDue']],
    ['a deleted meeting does not count', [m('branchGeneralMeeting', '2026-02-01', { deleted: true })], '2026-04-01', ['owed', 'notYetDue', 'notYetDue', 'notYetDue']],
    ['another organisation\'s meeting does not count', [m('branchGeneralMeeting', '2026-02-01', { organisationId: 'b2' })], '2026-04-01', ['owed', 'notYetDue', 'notYetDue', 'notYetDue']],
    ['another kind does not count', [m('partyLecture', '2026-02-01')], '2026-04-01', ['owed', 'notYetDue', 'notYetDue', 'notYetDue']],
    ['whole year, asOf next Jan 1', [m('branchGeneralMeeting', '2026-02-01'), m('branchGeneralMeeting', '2026-05-01'), m('branchGeneralMeeting', '2026-12-31')], '2027-01-01', ['held', 'held', 'owed', 'held']],
  ])('%s', (_, meetings, asOf, expected) => {
    expect(states(branch, meetings, 'branchGeneralMeeting', asOf)).toEqual(expected);
  });
});

describe('organisation existence', () => {
  const foundedMidYear: ComplianceOrganisation = { ...branch, foundedOn: '2026-05-20' };
  it('founded 5月20日: monthly from June, quarterly from Q3', () => {
    expect(states(foundedMidYear, [], 'themedPartyDay', '2027-01-01')).toEqual([
      ...Array(5).fill('notApplicable'),
      ...Array(7).fill('owed'),
    ]);
    expect(states(foundedMidYear, [], 'branchGeneralMeeting', '2027-01-01')).toEqual(['notApplicable', 'notApplicable', 'owed', 'owed']);
  });
  it('founded mid-year still owes the yearly 组织生活会', () => {
    expect(states(foundedMidYear, [], 'organisationalLifeMeeting', '2027-01-01')).toEqual(['owed']);
  });
  it('a meeting held in the founding month is credited', () => {
    expect(states(foundedMidYear, [m('themedPartyDay', '2026-05-28')], 'themedPartyDay', '2026-06-01').slice(3, 6)).toEqual([
      'notApplicable',
      'held',
      'notYetDue',
    ]);
  });
  it('founded on the first day of a quarter: that quarter counts', () => {
    expect(states({ ...branch, foundedOn: '2026-04-01' }, [], 'branchGeneralMeeting', '2027-01-01')).toEqual(['notApplicable', 'owed', 'owed', 'owed']);
  });
  it('founded on the last day of a quarter: that quarter does not count', () => {
    expect(states({ ...branch, foundedOn: '2026-03-31' }, [], 'branchGeneralMeeting', '2027-01-01')).toEqual(['notApplicable', 'owed', 'owed', 'owed']);
  });
  it('dissolved 8月15日: August onwards and the year are not required', () => {
    const dissolved = { ...branch, dissolvedOn: '2026-08-15' };
    expect(states(dissolved, [], 'themedPartyDay', '2027-01-01')).toEqual([...Array(7).fill('owed'), ...Array(5).fill('notApplicable')]);
    expect(states(dissolved, [], 'organisationalLifeMeeting', '2027-01-01')).toEqual(['notApplicable']);
    expect(states(dissolved, [], 'branchGeneralMeeting', '2027-01-01')).toEqual(['owed', 'owed', 'notApplicable', 'notApplicable']);
  });
  it('dissolved on Jan 1 of next year: the whole year counts', () => {
    expect(states({ ...branch, dissolvedOn: '2027-01-01' }, [], 'organisationalLifeMeeting', '2027-01-02')).toEqual(['owed']);
  });
  it('founded next year: nothing required', () => {
    expect(states({ ...branch, foundedOn: '2027-03-01' }, [], 'organisationalLifeMeeting', '2027-06-01')).toEqual(['notApplicable']);
  });
  it('explains why a period is not required', () => {
    const r = meetingCompliance({ organisation: foundedMidYear, hasCommittee: false, meetings: [], year: 2026, asOf: '2027-01-01' }, P);
    const k = r.kinds.find((x) => x.kind === 'branchGeneralMeeting');
    expect(k?.periods[1]?.reason).toBe('2026年第2季度不作要求：该党组织于2026年5月20日成立，从成立后第一个完整季度起计算');
    expect(k?.periods[2]?.reason).toBe('2026年第3季度应召开支部党员大会 1 次，已召开 0 次，未完成');
  });
});

describe('applicability', () => {
  it('a branch without a 支委会 owes no 支委会', () => {
    const r = meetingCompliance({ organisation: branch, hasCommittee: false, meetings: [], year: 2026, asOf: '2027-01-01' }, P);
    expect(r.kinds.map((k) => k.kind)).not.toContain('branchCommitteeMeeting');
    expect(r.kinds.map((k) => k.kind)).not.toContain('electionAssembly');
  });
  it('a group owes 党小组会 monthly', () => {
    const group: ComplianceOrganisation = { id: 'g1', kind: 'group', foundedOn: null, dissolvedOn: null };
    const r = meetingCompliance(
      { organisation: group, hasCommittee: false, meetings: [{ organisationId: 'g1', kind: 'groupMeeting', date: '2026-01-10' }], year: 2026, asOf: '2026-03-01' },
      P,
    );
    expect(r.kinds).toHaveLength(1);
    expect(r.kinds[0]?.periods.slice(0, 3).map((p) => p.state)).toEqual(['held', 'owed', 'notYetDue']);
  });
  it('the leading group owes 2 党建 meetings a year, counted together', () => {
    const lg: ComplianceOrganisation = { id: 'lg', kind: 'leadingGroup', foundedOn: null, dissolvedOn: null };
    const one = [{ organisationId: 'lg', kind: 'leadingGroupMeeting' as const, date: '2026-06-01' }];
    const r = meetingCompliance({ organisation: lg, hasCommittee: false, meetings: one, year: 2026, asOf: '2027-01-01' }, P);
    const k = r.kinds.find((x) => x.kind === 'leadingGroupMeeting');
    expect(k?.periods[0]).toMatchObject({ required: 2, held: 1, state: 'owed' });
    expect([k?.met, k?.due]).toEqual([1, 2]);
  });
  it('an organisation kind without requirements has no rate', () => {
    const gb: ComplianceOrganisation = { id: 'gb', kind: 'generalBranch', foundedOn: null, dissolvedOn: null };
    const r = meetingCompliance({ organisation: gb, hasCommittee: true, meetings: [], year: 2026, asOf: '2027-01-01' }, P);
    expect(r.completion).toEqual({ met: 0, due: 0, rate: null });
  });
});

describe('completion rate', () => {
  it('counts held and owed periods only', () => {
    const meetings = [
      m('branchGeneralMeeting', '2026-02-01'),
      m('themedPartyDay', '2026-01-10'),
      m('themedPartyDay', '2026-03-10'),
      m('branchCommitteeMeeting', '2026-01-10'),
      m('branchCommitteeMeeting', '2026-02-10'),
      m('branchCommitteeMeeting', '2026-03-10'),
      m('partyLecture', '2026-04-02'), // Q2 running but held: counts as met
    ];
    const r = meetingCompliance({ organisation: branch, hasCommittee: true, meetings, year: 2026, asOf: '2026-04-10' }, P);
    // due: 党员大会 Q1 (1), 支委会 Jan–Mar (3), 党课 Q1 owed + Q2 held (2), 主题党日 Jan–Mar (3) = 9; met 1+3+1+2 = 7
    expect(r.completion).toEqual({ met: 7, due: 9, rate: 7 / 9 });
    expect(combineCompletion([r, r]).rate).toBe(7 / 9);
  });
});

describe('hasCommitteeOn', () => {
  const seat = (memberId: string, from: string, to: string | null = null) => ({ organisationId: 'b1', memberId, post: 'member' as const, from, to });
  it.each([
    [[seat('a', '2025-01-01'), seat('b', '2025-01-01')], '2026-01-01', false],
    [[seat('a', '2025-01-01'), seat('b', '2025-01-01'), seat('c', '2025-01-01')], '2026-01-01', true],
    [[seat('a', '2025-01-01'), seat('b', '2025-01-01'), seat('c', '2025-01-01', '2025-12-31')], '2026-01-01', false],
    [[seat('a', '2025-01-01'), seat('b', '2025-01-01'), seat('c', '2025-01-01', '2026-01-01')], '2026-01-01', true],
  ])('case %#', (seats, date, expected) => {
    expect(hasCommitteeOn(seats, 'b1', date)).toBe(expected);
  });
});

describe('meetingTimeliness (7 days, China time)', () => {
  it.each([
    ['2026-03-05', '2026-03-05T02:00:00.000Z', 0, false],
    ['2026-03-05', '2026-03-12T15:59:59.000Z', 7, false], // 3月12日 23:59 Beijing: day 7
    ['2026-03-05', '2026-03-12T16:00:00.000Z', 8, true], // 3月13日 00:00 Beijing: day 8
    ['2026-03-05', '2026-03-01T00:00:00.000Z', -4, false], // entered in advance
    ['2024-02-25', '2024-03-03T01:00:00.000Z', 7, false], // across a leap day
  ])('meeting %s recorded %s → %i days, late %s', (date, createdAt, days, late) => {
    const t = meetingTimeliness({ date }, createdAt, P);
    expect(t.daysAfterMeeting).toBe(days);
    expect(t.late).toBe(late);
  });
  it('explains', () => {
    expect(meetingTimeliness({ date: '2026-03-05' }, '2026-03-20T01:00:00.000Z', P).reason).toBe(
      '会议于2026年3月5日召开，2026年3月20日录入，超过会后 7 天内录入的要求 8 天',
    );
  });
  it('follows the profile', () => {
    const strict: RuleProfile = { ...P, meetings: { ...P.meetings, recordWithinDays: 3 } };
    expect(meetingTimeliness({ date: '2026-03-05' }, '2026-03-09T01:00:00.000Z', strict).late).toBe(true);
  });
});
