/**
 * Edge cases of hours and coverage that trainingCoverage.test.ts does not spell out: partial
 * attendance, make-ups seen through the whole figure, members who joined mid-year, members
 * transferred out, in, and between branches, and a class not held yet.
 */
import { describe, expect, it } from 'vitest';
import type { RosterMember } from '../members/membership';
import { NATIONAL_PROFILE_V1 as P } from '../profile';
import { trainingCoverage, type EnrolmentFact, type TrainingClassFact, type TrainingCoverageInput } from './trainingCoverage';

const cls = (id: string, startDate: string, endDate = startDate, category = '党员教育培训'): TrainingClassFact => ({ id, category, startDate, endDate });
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
function run(over: Partial<TrainingCoverageInput>) {
  return trainingCoverage({ year: 2026, asOf: '2027-01-15', members: [], classes: [], enrolments: [], seats: [], organisations: [], ...over }, P);
}
const hoursOf = (r: ReturnType<typeof run>, id: string) => r.memberHours.find((h) => h.memberId === id);

describe('partial attendance', () => {
  const classes = [cls('three-days', '2026-04-01', '2026-04-03'), cls('talk', '2026-06-01')];
  it('hours are those attended, not those planned; a member who came for part of a class is trained', () => {
    const r = run({ members: [mem('a')], classes, enrolments: [enrol('a', 'three-days', { attendedHours: 8 })] });
    expect(hoursOf(r, 'a')).toEqual({ memberId: 'a', hours: 8, trained: true });
    expect([r.members.trained, r.members.share]).toEqual([1, 1]);
  });
  it('half hours add up exactly across classes', () => {
    const r = run({ members: [mem('a')], classes, enrolments: [enrol('a', 'three-days', { attendedHours: 12.5 }), enrol('a', 'talk', { attendedHours: 1.5 })] });
    expect(hoursOf(r, 'a')?.hours).toBe(14);
  });
  it('partial attendance, then a make-up of the same class with more hours: the larger counts, once', () => {
    const r = run({
      members: [mem('a')],
      classes: [...classes, cls('mk', '2026-09-01')],
      enrolments: [enrol('a', 'three-days', { attendedHours: 8 }), enrol('a', 'mk', { status: 'madeUp', makeUpOfClassId: 'three-days', attendedHours: 16 })],
    });
    expect(hoursOf(r, 'a')?.hours).toBe(16);
  });
});

describe('attendance per session (课次) and its make-up', () => {
  // a two-day class of 16 planned hours kept per day; the make-up class is one day of 8 hours
  const twoDays: TrainingClassFact = { ...cls('two-days', '2026-04-01', '2026-04-02'), hours: 16 };
  const makeUpDay: TrainingClassFact = { ...cls('mk', '2026-05-10'), hours: 8 };
  const longMakeUp: TrainingClassFact = { ...cls('long', '2026-06-10', '2026-06-12'), hours: 24 };
  const classes = [twoDays, makeUpDay, longMakeUp];
  it('missed day 2, made it up: both days count, up to the planned 16 hours', () => {
    const r = run({
      members: [mem('a')],
      classes,
      enrolments: [enrol('a', 'two-days', { attendedHours: 8 }), enrol('a', 'mk', { status: 'madeUp', makeUpOfClassId: 'two-days', attendedHours: 8 })],
    });
    expect(hoursOf(r, 'a')).toEqual({ memberId: 'a', hours: 16, trained: true });
  });
  it('a make-up entered twice (two devices) does not go past the planned hours', () => {
    const r = run({
      members: [mem('a')],
      classes,
      enrolments: [
        enrol('a', 'two-days', { attendedHours: 8 }),
        enrol('a', 'mk', { status: 'madeUp', makeUpOfClassId: 'two-days', attendedHours: 8 }),
        enrol('a', 'mk', { status: 'madeUp', makeUpOfClassId: 'two-days', attendedHours: 8 }),
      ],
    });
    expect(hoursOf(r, 'a')?.hours).toBe(16);
  });
  it('a make-up in a longer class counts its own hours, even above the missed class’s plan', () => {
    const r = run({
      members: [mem('a')],
      classes,
      enrolments: [enrol('a', 'two-days', { status: 'absent', attendedHours: 0 }), enrol('a', 'long', { status: 'madeUp', makeUpOfClassId: 'two-days', attendedHours: 24 })],
    });
    expect(hoursOf(r, 'a')?.hours).toBe(24);
  });
  it('a member who missed day 2 and did not make it up: trained, with day 1’s hours', () => {
    const r = run({ members: [mem('a'), mem('b')], classes, enrolments: [enrol('a', 'two-days', { attendedHours: 8 }), enrol('b', 'two-days', { attendedHours: 16 })] });
    expect([hoursOf(r, 'a')?.hours, hoursOf(r, 'b')?.hours, r.members.trained]).toEqual([8, 16, 2]);
  });
});

describe('make-up through the whole figure', () => {
  const classes = [cls('k', '2026-03-01'), cls('mk', '2026-05-01')];
  const members = [mem('a'), mem('b'), mem('c')];
  const base = [enrol('a', 'k'), enrol('b', 'k'), enrol('c', 'k', { status: 'absent', attendedHours: 0 })];
  it('one absence: 2 of 3, the absent member untrained', () => {
    const r = run({ members, classes, enrolments: base });
    expect([r.members.trained, r.members.shouldTrain, r.members.untrainedMemberIds]).toEqual([2, 3, ['c']]);
  });
  it('the absence made up in a later class: 3 of 3, hours of the make-up', () => {
    const r = run({ members, classes, enrolments: [...base, enrol('c', 'mk', { status: 'madeUp', makeUpOfClassId: 'k', attendedHours: 4 })] });
    expect([r.members.trained, r.members.metTarget]).toEqual([3, true]);
    expect(hoursOf(r, 'c')).toEqual({ memberId: 'c', hours: 4, trained: true });
  });
  it('made up on its own enrolment (补训 without another class): counts for the class itself', () => {
    const r = run({ members, classes, enrolments: [enrol('a', 'k'), enrol('b', 'k'), enrol('c', 'k', { status: 'madeUp', attendedHours: 3 })] });
    expect(hoursOf(r, 'c')).toEqual({ memberId: 'c', hours: 3, trained: true });
  });
  it('a make-up in January of a December class counts for December’s year, not January’s', () => {
    const classes2 = [cls('dec', '2026-12-20'), cls('jan', '2027-01-10')];
    const enrolments = [enrol('c', 'dec', { status: 'absent', attendedHours: 0 }), enrol('c', 'jan', { status: 'madeUp', makeUpOfClassId: 'dec', attendedHours: 4 })];
    expect(run({ members: [mem('c')], classes: classes2, enrolments }).members.trained).toBe(1);
    const next = trainingCoverage({ year: 2027, asOf: '2027-12-31', members: [mem('c')], classes: classes2, enrolments, seats: [], organisations: [] }, P);
    expect(next.members.trained).toBe(0);
  });
});

describe('members who joined mid-year', () => {
  const joinedJuly = mem('n', { joinedOn: '2026-07-01', postings: [{ organisationId: 'b1', from: '2026-07-01', to: null }] });
  it('count in the year they joined: untrained until trained', () => {
    const r = run({ members: [mem('a'), joinedJuly], classes: [cls('k', '2026-03-01')], enrolments: [enrol('a', 'k')] });
    expect([r.members.shouldTrain, r.members.untrainedMemberIds]).toEqual([2, ['n']]);
  });
  it('trained in a class after joining: covered', () => {
    const r = run({ members: [joinedJuly], classes: [cls('k', '2026-09-01')], enrolments: [enrol('n', 'k', { attendedHours: 6 })] });
    expect([r.members.trained, hoursOf(r, 'n')?.hours]).toEqual([1, 6]);
  });
  it('in a running year, a member who has not joined by asOf is not counted yet', () => {
    const r = trainingCoverage({ year: 2026, asOf: '2026-06-30', members: [mem('a'), joinedJuly], classes: [], enrolments: [], seats: [], organisations: [] }, P);
    expect(r.members.shouldTrain).toBe(1);
  });
});

describe('transferred members', () => {
  const classes = [cls('k', '2026-03-01'), cls('k2', '2026-09-01')];
  const out = mem('o', { status: 'transferredOut', statusChangedOn: '2026-06-01', postings: [{ organisationId: 'b1', from: '2015-01-01', to: '2026-06-01' }] });
  it('transferred out after being trained: neither in the base nor among the trained (the receiving unit counts them)', () => {
    const r = run({ members: [mem('a'), out], classes, enrolments: [enrol('a', 'k'), enrol('o', 'k')] });
    expect([r.members.shouldTrain, r.members.trained, r.members.share]).toEqual([1, 1, 1]);
    expect(r.memberHours.map((h) => h.memberId)).toEqual(['a']);
  });
  it('transferred out before training, untrained: does not pull the share down', () => {
    const r = run({ members: [mem('a'), out], classes, enrolments: [enrol('a', 'k')] });
    expect([r.members.shouldTrain, r.members.metTarget]).toEqual([1, true]);
  });
  it('transferred in mid-year: counts here, and only training recorded here is credited', () => {
    const inn = mem('i', { postings: [{ organisationId: 'elsewhere', from: '2012-01-01', to: '2026-05-31' }, { organisationId: 'b2', from: '2026-06-01', to: null }] });
    expect(run({ members: [inn], classes, enrolments: [] }).members.untrainedMemberIds).toEqual(['i']);
    expect(run({ members: [inn], classes, enrolments: [enrol('i', 'k2', { attendedHours: 4 })] }).members.trained).toBe(1);
  });
  it('moved between branches of the unit: one member, hours of both branches’ classes added up', () => {
    const moved = mem('m', { postings: [{ organisationId: 'b1', from: '2015-01-01', to: '2026-05-31' }, { organisationId: 'b2', from: '2026-06-01', to: null }] });
    const r = run({ members: [moved], classes, enrolments: [enrol('m', 'k', { attendedHours: 3 }), enrol('m', 'k2', { attendedHours: 5 })] });
    expect([r.members.shouldTrain, r.members.trained, hoursOf(r, 'm')?.hours]).toEqual([1, 1, 8]);
  });
  it('retired mid-year after being trained: not in the base', () => {
    const retired = mem('r', { status: 'retired', statusChangedOn: '2026-08-01' });
    const r = run({ members: [mem('a'), retired], classes, enrolments: [enrol('a', 'k')] });
    expect([r.members.shouldTrain, r.members.trained]).toEqual([1, 1]);
  });
});

describe('a class that has not been held yet', () => {
  // A class planned for December, with its enrolments already entered, must not make coverage
  // 100% in May: in a running year credits count only classes that started by asOf.
  it('does not credit a class that starts after asOf', () => {
    const r = trainingCoverage(
      { year: 2026, asOf: '2026-05-20', members: [mem('a')], classes: [cls('dec', '2026-12-10')], enrolments: [enrol('a', 'dec')], seats: [], organisations: [] },
      P,
    );
    expect(r.members.trained).toBe(0);
  });
});
