import { describe, it, expect } from 'vitest';
import {
  creditedTrainingByMember,
  trainingCoverage,
  type EnrolmentFact,
  type TrainingClassFact,
  type TrainingCoverageInput,
} from './trainingCoverage';
import type { RosterMember } from '../members/membership';
import type { CommitteeSeatFact } from '../organisations/seats';
import { NATIONAL_PROFILE_V1 as P, type RuleProfile } from '../profile';

const cls = (id: string, startDate: string, category = '党员教育培训'): TrainingClassFact => ({ id, category, startDate, endDate: startDate });
const enrol = (memberId: string, classId: string, over: Partial<EnrolmentFact> = {}): EnrolmentFact => ({
  classId,
  memberId,
  attendedHours: 8,
  status: 'attended',
  makeUpOfClassId: null,
  ...over,
});
const mem = (id: string, over: Partial<RosterMember> = {}): RosterMember => ({
  id,
  joinedOn: '2010-07-01',
  status: 'active',
  statusChangedOn: null,
  postings: [{ organisationId: 'b1', from: '2015-01-01', to: null }],
  ...over,
});
const seat = (memberId: string, organisationId: string, from: string, over: Partial<CommitteeSeatFact> = {}): CommitteeSeatFact => ({
  organisationId,
  memberId,
  post: 'secretary',
  from,
  to: null,
  ...over,
});

describe('creditedTrainingByMember', () => {
  const classes = [cls('a', '2026-03-01'), cls('b', '2026-05-01'), cls('mk', '2026-06-01'), cls('old', '2025-12-20'), cls('mk25', '2026-01-15'), { ...cls('gone', '2026-04-01'), deleted: true }];
  it.each<[string, EnrolmentFact[], number, string[]]>([
    ['attended classes add up', [enrol('m', 'a'), enrol('m', 'b', { attendedHours: 4 })], 12, ['a', 'b']],
    ['absent counts nothing', [enrol('m', 'a', { status: 'absent', attendedHours: 0 })], 0, []],
    ['a make-up counts once, for the missed class', [enrol('m', 'a', { status: 'absent', attendedHours: 0 }), enrol('m', 'mk', { status: 'madeUp', makeUpOfClassId: 'a', attendedHours: 6 })], 6, ['a']],
    ['two make-ups of one class count once (largest hours)', [enrol('m', 'mk', { status: 'madeUp', makeUpOfClassId: 'a', attendedHours: 6 }), enrol('m', 'b', { status: 'madeUp', makeUpOfClassId: 'a', attendedHours: 3 })], 6, ['a']],
    ['attended and also made up: once', [enrol('m', 'a'), enrol('m', 'mk', { status: 'madeUp', makeUpOfClassId: 'a', attendedHours: 8 })], 8, ['a']],
    ['a 2026 make-up of a 2025 class belongs to 2025', [enrol('m', 'mk25', { status: 'madeUp', makeUpOfClassId: 'old' })], 0, []],
    ['a make-up of an unknown class counts for its own class', [enrol('m', 'mk', { status: 'madeUp', makeUpOfClassId: 'nope', attendedHours: 2 })], 2, ['mk']],
    ['a deleted class or enrolment counts nothing', [enrol('m', 'gone'), enrol('m', 'a', { deleted: true })], 0, []],
    ['attended with no hours entered is still trained', [enrol('m', 'a', { attendedHours: 0 })], 0, ['a']],
  ])('%s', (_, enrolments, hours, classIds) => {
    const c = creditedTrainingByMember(2026, classes, enrolments).get('m');
    expect(c?.hours ?? 0).toBe(hours);
    expect(c?.classIds ?? []).toEqual(classIds);
  });
  it('a class belongs to the year of its start date', () => {
    const c = creditedTrainingByMember(2025, [cls('x', '2025-12-30')], [enrol('m', 'x')]);
    expect(c.get('m')?.hours).toBe(8);
    expect(creditedTrainingByMember(2026, [cls('x', '2025-12-30')], [enrol('m', 'x')]).size).toBe(0);
  });
});

function input(over: Partial<TrainingCoverageInput>): TrainingCoverageInput {
  return { year: 2026, asOf: '2027-01-15', members: [], classes: [], enrolments: [], seats: [], organisations: [], ...over };
}

describe('member coverage: who should be trained', () => {
  const classes = [cls('a', '2026-03-01')];
  it.each<[string, RosterMember, boolean]>([
    ['a member all year', mem('x'), true],
    ['joined mid-year', mem('x', { joinedOn: '2026-07-01', postings: [{ organisationId: 'b1', from: '2026-07-01', to: null }] }), true],
    ['transferred in mid-year', mem('x', { postings: [{ organisationId: 'other', from: '2015-01-01', to: '2026-05-31' }, { organisationId: 'b1', from: '2026-06-01', to: null }] }), true],
    ['moved between branches of the unit', mem('x', { postings: [{ organisationId: 'b1', from: '2015-01-01', to: '2026-05-31' }, { organisationId: 'b2', from: '2026-06-01', to: null }] }), true],
    ['transferred out mid-year', mem('x', { status: 'transferredOut', statusChangedOn: '2026-06-01', postings: [{ organisationId: 'b1', from: '2015-01-01', to: '2026-05-31' }] }), false],
    ['retired mid-year', mem('x', { status: 'retired', statusChangedOn: '2026-06-01' }), false],
    ['retired next year (counted this year)', mem('x', { status: 'retired', statusChangedOn: '2027-01-10' }), true],
    ['joined next year', mem('x', { joinedOn: '2027-01-05' }), false],
    ['deleted', mem('x', { deleted: true }), false],
  ])('%s → counted %s', (_, member, counted) => {
    const r = trainingCoverage(input({ members: [member], classes }), P);
    expect(r.members.shouldTrain).toBe(counted ? 1 : 0);
  });

  it('computes the share and the target', () => {
    const members = ['a', 'b', 'c', 'd'].map((id) => mem(id));
    const enrolments = [enrol('a', 'a'), enrol('b', 'a'), enrol('c', 'a'), enrol('d', 'a', { status: 'absent' })];
    const r = trainingCoverage(input({ members, classes, enrolments }), P);
    expect([r.members.shouldTrain, r.members.trained, r.members.share, r.members.metTarget, r.members.untrainedMemberIds]).toEqual([4, 3, 0.75, false, ['d']]);
    expect(r.members.reason).toBe('2026年党员应参训 4 人，已参训 3 人，覆盖率 75%，未达到全员覆盖');
    expect(r.memberHours).toEqual([
      { memberId: 'a', hours: 8, trained: true },
      { memberId: 'b', hours: 8, trained: true },
      { memberId: 'c', hours: 8, trained: true },
      { memberId: 'd', hours: 0, trained: false },
    ]);
    const lenient: RuleProfile = { ...P, training: { ...P.training, coverageTargetBasisPoints: 7500 } };
    const r2 = trainingCoverage(input({ members, classes, enrolments }), lenient);
    expect([r2.members.metTarget, r2.members.reason]).toEqual([true, '2026年党员应参训 4 人，已参训 3 人，覆盖率 75%，达到75% 的目标']);
  });

  it('a year in progress uses asOf as the reference day', () => {
    const r = trainingCoverage(input({ asOf: '2026-06-30', members: [mem('x', { joinedOn: '2026-07-01' })] }), P);
    expect([r.referenceDate, r.members.shouldTrain, r.members.share]).toEqual(['2026-06-30', 0, null]);
  });
});

describe('heads and leadership', () => {
  const classes = [cls('a', '2026-03-01')];
  it('counts secretaries and leading-group members holding seats at year end', () => {
    const seats = [
      seat('s1', 'b1', '2024-01-01'),
      seat('s2', 'b2', '2024-01-01', { to: '2026-06-30' }), // stepped down
      seat('s3', 'b3', '2024-01-01', { post: 'member' }), // not a head
      seat('l1', 'lg', '2023-01-01', { post: 'member' }),
      seat('l2', 'lg', '2023-01-01', { post: 'deputySecretary' }),
      seat('l1', 'b4', '2023-01-01'), // l1 is also a branch secretary
    ];
    const organisations = [{ id: 'lg', kind: 'leadingGroup' as const }, { id: 'b1', kind: 'branch' as const }];
    const enrolments = [enrol('s1', 'a'), enrol('l1', 'a')];
    const r = trainingCoverage(input({ seats, organisations, classes, enrolments }), P);
    expect([r.heads.shouldTrain, r.heads.trained, r.heads.untrainedMemberIds]).toEqual([2, 2, []]);
    expect([r.leadership.shouldTrain, r.leadership.trained, r.leadership.untrainedMemberIds]).toEqual([2, 1, ['l2']]);
    expect(r.heads.reason).toBe('2026年党组织书记应参训 2 人，已参训 2 人，覆盖率 100%，达到全员覆盖');
  });
});

describe('new heads without induction training', () => {
  const classes = [cls('ind', '2026-04-10', '新任职党务干部培训'), cls('ind-old', '2025-01-10', '新任职党务干部培训'), cls('gen', '2026-04-10')];
  const asOf = '2026-09-01';
  it.each<[string, CommitteeSeatFact[], EnrolmentFact[], string[]]>([
    ['appointed, no training', [seat('x', 'b1', '2026-03-01')], [], ['x']],
    ['trained after appointment', [seat('x', 'b1', '2026-03-01')], [enrol('x', 'ind')], []],
    ['trained within 12 months before appointment', [seat('x', 'b1', '2026-01-05')], [enrol('x', 'ind-old')], []],
    ['trained exactly 12 months before appointment (inclusive)', [seat('x', 'b1', '2026-01-10')], [enrol('x', 'ind-old')], []],
    ['trained 12 months and a day before appointment', [seat('x', 'b1', '2026-01-11')], [enrol('x', 'ind-old')], ['x']],
    ['absent from the induction class', [seat('x', 'b1', '2026-03-01')], [enrol('x', 'ind', { status: 'absent' })], ['x']],
    ['made up the induction class', [seat('x', 'b1', '2026-03-01')], [enrol('x', 'gen', { status: 'madeUp', makeUpOfClassId: 'ind' })], []],
    ['other training does not count', [seat('x', 'b1', '2026-03-01')], [enrol('x', 'gen')], ['x']],
    ['appointed exactly 12 months ago is no longer new', [seat('x', 'b1', '2025-09-01')], [], []],
    ['appointed 12 months ago less a day is new', [seat('x', 'b1', '2025-09-02')], [], ['x']],
    ['a re-elected secretary is not new', [seat('x', 'b1', '2023-03-01', { to: '2026-02-28' }), seat('x', 'b1', '2026-03-01')], [], []],
    ['a deputy secretary is not a head by default', [seat('x', 'b1', '2026-03-01', { post: 'deputySecretary' })], [], []],
    ['a seat that has ended is not listed', [seat('x', 'b1', '2026-03-01', { to: '2026-08-01' })], [], []],
    ['two head seats from the same day: listed once', [seat('x', 'b1', '2026-03-01'), seat('x', 'b2', '2026-03-01')], [], ['x']],
  ])('%s', (_, seats, enrolments, listed) => {
    const r = trainingCoverage(input({ asOf, seats, classes, enrolments }), P);
    expect(r.newHeadsWithoutInduction.map((h) => h.memberId)).toEqual(listed);
  });
  it('explains', () => {
    const r = trainingCoverage(input({ asOf, seats: [seat('x', 'b1', '2026-03-01')], classes }), P);
    expect(r.newHeadsWithoutInduction[0]).toEqual({
      memberId: 'x',
      organisationId: 'b1',
      post: 'secretary',
      appointedOn: '2026-03-01',
      daysSinceAppointment: 184,
      reason: '2026年3月1日任书记，至今 184 天，尚未参加新任职党务干部培训',
    });
  });
});
