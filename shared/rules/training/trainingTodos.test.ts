import { describe, expect, it } from 'vitest';
import type { RosterMember } from '../members/membership';
import type { TodoItem } from '../todos';
import { NATIONAL_PROFILE_V1 as P, type RuleProfile } from '../profile';
import type { CommitteeSeatFact } from '../organisations/seats';
import type { EnrolmentFact, TrainingClassFact } from './trainingCoverage';
import { classesHeldBy, trainingTodos, type TrainingTodoInput } from './trainingTodos';

const cls = (id: string, startDate: string, category = '党员教育培训'): TrainingClassFact => ({ id, category, startDate, endDate: startDate });
const enrol = (memberId: string, classId: string, over: Partial<EnrolmentFact> = {}): EnrolmentFact => ({
  classId,
  memberId,
  attendedHours: 8,
  status: 'attended',
  makeUpOfClassId: null,
  ...over,
});
const mem = (id: string): RosterMember => ({ id, joinedOn: '2010-07-01', status: 'active', statusChangedOn: null, postings: [{ organisationId: 'b1', from: '2015-01-01', to: null }] });
const seat = (memberId: string, organisationId: string, from: string, over: Partial<CommitteeSeatFact> = {}): CommitteeSeatFact => ({
  organisationId,
  memberId,
  post: 'secretary',
  from,
  to: null,
  ...over,
});

const NAMES = new Map([
  ['a', '王芳'],
  ['b', '李强'],
  ['c', '赵敏'],
  ['d', '孙丽'],
  ['e', '周杰'],
]);

function input(over: Partial<TrainingTodoInput>): TrainingTodoInput {
  return {
    asOf: '2026-11-28',
    members: ['a', 'b', 'c', 'd', 'e'].map(mem),
    classes: [cls('k', '2026-03-01')],
    enrolments: [enrol('a', 'k')],
    seats: [],
    organisations: [],
    memberNames: NAMES,
    organisationNames: new Map([['b1', '第一党支部']]),
    ...over,
  };
}

describe('coverage below target near the end of the running year', () => {
  it.each<[string, string, TodoItem['severity'] | null]>([
    ['30 September: not yet', '2026-09-30', null],
    ['1 October: a reminder', '2026-10-01', 'medium'],
    ['30 November: still a reminder', '2026-11-30', 'medium'],
    ['1 December: urgent', '2026-12-01', 'high'],
    ['31 December: urgent', '2026-12-31', 'high'],
  ])('%s', (_, asOf, severity) => {
    const item = trainingTodos(input({ asOf }), P).find((t) => t.key === `training-coverage:2026:members`);
    expect(item?.severity ?? null).toBe(severity);
  });

  it('says who is missing, by name, and the deadline', () => {
    const [item] = trainingTodos(input({}), P);
    expect(item).toEqual({
      key: 'training-coverage:2026:members',
      area: 'training',
      severity: 'medium',
      title: '2026年党员教育培训尚未全员覆盖',
      detail: '2026年党员应参训 5 人，已参训 1 人，覆盖率 20%，未达到全员覆盖。尚未参训：李强、赵敏、孙丽等 4 人。请在2026年12月31日前安排培训或补训。',
      due: '2026-12-31',
    });
  });

  it('no item once everyone is trained, or when the target is met', () => {
    const all = ['a', 'b', 'c', 'd', 'e'].map((m) => enrol(m, 'k'));
    expect(trainingTodos(input({ enrolments: all }), P)).toEqual([]);
    const lenient: RuleProfile = { ...P, training: { ...P.training, coverageTargetBasisPoints: 2000 } };
    expect(trainingTodos(input({}), lenient)).toEqual([]);
    const strictish: RuleProfile = { ...P, training: { ...P.training, coverageTargetBasisPoints: 9000 } };
    expect(trainingTodos(input({}), strictish)[0]?.title).toBe('2026年党员教育培训覆盖率未达到目标');
  });

  it('a make-up in the running year closes the gap', () => {
    const enrolments = [
      ...['a', 'b', 'c', 'd'].map((m) => enrol(m, 'k')),
      enrol('e', 'k', { status: 'absent', attendedHours: 0 }),
      enrol('e', 'mk', { status: 'madeUp', makeUpOfClassId: 'k', attendedHours: 4 }),
    ];
    expect(trainingTodos(input({ classes: [cls('k', '2026-03-01'), cls('mk', '2026-11-20')], enrolments }), P)).toEqual([]);
  });

  it('a class not held yet does not count (a class planned for December, everyone enrolled)', () => {
    const enrolments = ['a', 'b', 'c', 'd', 'e'].map((m) => enrol(m, 'dec'));
    const items = trainingTodos(input({ classes: [cls('dec', '2026-12-10')], enrolments }), P);
    expect(items.map((t) => t.key)).toEqual(['training-coverage:2026:members']);
    expect(trainingTodos(input({ asOf: '2026-12-10', classes: [cls('dec', '2026-12-10')], enrolments }), P)).toEqual([]);
  });

  it('heads and leadership are separate items', () => {
    const seats = [seat('a', 'b1', '2020-01-01'), seat('b', 'b2', '2020-01-01'), seat('c', 'lg', '2020-01-01', { post: 'member' })];
    const organisations = [{ id: 'lg', kind: 'leadingGroup' as const }];
    const items = trainingTodos(input({ seats, organisations }), P);
    expect(items.map((t) => [t.key, t.title])).toEqual([
      ['training-coverage:2026:members', '2026年党员教育培训尚未全员覆盖'],
      ['training-coverage:2026:heads', '2026年党组织书记教育培训尚未全员覆盖'],
      ['training-coverage:2026:leadership', '2026年领导班子成员教育培训尚未全员覆盖'],
    ]);
    expect(items[1]?.detail).toContain('尚未参训：李强。');
  });

  it('nobody to train: nothing flagged', () => {
    expect(trainingTodos(input({ members: [], enrolments: [] }), P)).toEqual([]);
  });
});

describe('new heads without induction', () => {
  const asOf = '2026-05-20';
  const seats = [seat('a', 'b1', '2026-03-01')];
  it('flags a new secretary, due six months after appointment, urgent after that', () => {
    const [item] = trainingTodos(input({ asOf, seats }), P);
    expect(item).toEqual({
      key: 'training-induction:a',
      area: 'training',
      severity: 'medium',
      title: '新任第一党支部书记王芳：尚未参加任职培训',
      detail:
        '2026年3月1日任书记，至今 80 天，尚未参加新任职党务干部培训。新任党组织书记应在任职前或任职后及时参加培训（机关条例第三十一条），请安排其参加新任职党务干部培训。',
      due: '2026-09-01',
    });
    expect(trainingTodos(input({ asOf: '2026-09-01', seats }), P).find((t) => t.key === 'training-induction:a')?.severity).toBe('medium');
    expect(trainingTodos(input({ asOf: '2026-09-02', seats }), P).find((t) => t.key === 'training-induction:a')?.severity).toBe('high');
  });
  it('an induction class (held) clears it; one planned for later does not yet', () => {
    const held = [cls('ind', '2026-04-10', '新任职党务干部培训')];
    expect(trainingTodos(input({ asOf, seats, classes: held, enrolments: [enrol('a', 'ind')] }), P)).toEqual([]);
    const planned = [cls('ind', '2026-06-10', '新任职党务干部培训')];
    expect(trainingTodos(input({ asOf, seats, classes: planned, enrolments: [enrol('a', 'ind')] }), P).map((t) => t.key)).toEqual(['training-induction:a']);
  });
});

describe('classesHeldBy', () => {
  it('keeps live classes started on or before the day', () => {
    const classes = [cls('a', '2026-05-01'), cls('b', '2026-05-02'), { ...cls('c', '2026-04-01'), deleted: true }];
    expect(classesHeldBy(classes, '2026-05-01').map((c) => c.id)).toEqual(['a']);
  });
});
