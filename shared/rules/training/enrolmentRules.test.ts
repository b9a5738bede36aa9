import { describe, expect, it } from 'vitest';
import type { Enrolment, TrainingClass, TrainingSession } from '../../model/training';
import type { RosterMember } from '../members/membership';
import {
  carryEnrolments,
  classDeletionProblem,
  classOwnerProblem,
  classUpdateProblem,
  enrolmentProblem,
  enrolmentRemovalProblem,
  fullAttendance,
  hoursText,
  keptByMarkAll,
  makeUpProblem,
  makeUpThereProblem,
  newClassProblem,
  newEnrolmentProblem,
  normaliseEnrolment,
  type EnrolmentFields,
  type TrainingRecords,
} from './enrolmentRules';

type Cls = Pick<TrainingClass, 'id' | 'title' | 'startDate' | 'endDate' | 'hours' | 'sessions' | 'organiser'>;
type Enr = Pick<Enrolment, 'id' | 'classId' | 'memberId' | 'unitId' | 'status' | 'attendedHours' | 'makeUpOfClassId' | 'attendedSessionIds'>;

const cls = (id: string, title: string, startDate: string, over: Partial<Cls> = {}): Cls => ({
  id,
  title,
  startDate,
  endDate: startDate,
  hours: 8,
  sessions: [],
  organiser: 'unit',
  ...over,
});
const enr = (id: string, classId: string, memberId: string, over: Partial<Enr> = {}): Enr => ({
  id,
  classId,
  memberId,
  unitId: 'u1',
  status: 'attended',
  attendedHours: 8,
  makeUpOfClassId: null,
  attendedSessionIds: null,
  ...over,
});
const session = (id: string, date: string, hours: number, label = ''): TrainingSession => ({ id, date, label, hours });
const fields = (over: Partial<EnrolmentFields>): EnrolmentFields => ({ status: 'attended', attendedHours: 8, absenceReason: null, makeUpOfClassId: null, attendedSessionIds: null, ...over });

const MEMBERS = [
  { id: 'wang', name: '王芳' },
  { id: 'li', name: '李强' },
];
const records = (classes: readonly Cls[], enrolments: readonly Enr[]): TrainingRecords => ({ classes, enrolments, members: MEMBERS });

// 王芳 missed the March class and made it up in May; 李强 attended in March.
const march = cls('c3', '三月专题学习', '2026-03-10');
const may = cls('c5', '五月补训班', '2026-05-12');
const wangMissed = enr('e1', 'c3', 'wang', { status: 'absent', attendedHours: 0 });
const liAttended = enr('e2', 'c3', 'li');
const wangMadeUp = enr('e3', 'c5', 'wang', { status: 'madeUp', makeUpOfClassId: 'c3' });
const ledger = records([march, may], [wangMissed, liAttended, wangMadeUp]);

describe('who may change which class', () => {
  it('a unit registers its own classes only; the 工委 its own', () => {
    expect(newClassProblem('unit', { organiser: 'unit' })).toBeNull();
    expect(newClassProblem('unit', { organiser: 'committee' })?.message).toContain('由工委通过同步包下发');
    expect(newClassProblem('committee', { organiser: 'committee' })).toBeNull();
    expect(newClassProblem('committee', { organiser: 'unit' })).toMatchObject({ kind: 'committee-class', path: ['organiser'] });
  });

  it('a unit cannot edit or delete the 工委’s class, nor the 工委 a unit’s', () => {
    expect(classOwnerProblem('unit', { organiser: 'unit' })).toBeNull();
    expect(classOwnerProblem('unit', { organiser: 'committee' })?.message).toContain('本单位不能修改或删除');
    expect(classOwnerProblem('committee', { organiser: 'unit' })?.message).toBe('该培训班由单位自行举办，工委只能查看，不能修改或删除。');
  });

  it('the organiser never changes', () => {
    expect(classUpdateProblem(march, { organiser: 'committee' }, [], ledger)).toMatchObject({ kind: 'organiser-fixed', path: ['organiser'] });
    expect(classUpdateProblem(march, { organiser: 'unit' }, [], ledger)).toBeNull();
  });
});

describe('editing a class', () => {
  it('planned hours cannot drop below hours recorded; equal is fine; a class with sessions computes them', () => {
    const enrolled = [enr('a', 'c3', 'wang', { attendedHours: 6 }), enr('b', 'c3', 'li', { attendedHours: 7.5 }), enr('c', 'c3', 'x', { attendedHours: 3 })];
    const r = classUpdateProblem(march, { hours: 4 }, enrolled, ledger);
    expect(r).toEqual({ kind: 'hours', message: '已有 2 人登记的参训学时（最多 7.5 学时）超过新的计划学时，请先调整他们的参训学时，或核对计划学时。', path: ['hours'] });
    expect(classUpdateProblem(march, { hours: 7.5 }, enrolled, ledger)).toBeNull();
    expect(classUpdateProblem(march, { hours: 0 }, enrolled, ledger)).toBeNull(); // 0: no planned hours
    expect(classUpdateProblem({ ...march, sessions: [session('s1', '2026-03-10', 8)] }, { hours: 4 }, enrolled, ledger)).toBeNull();
  });

  it('a make-up class cannot move before the class it makes up; a missed class cannot move after its make-up', () => {
    expect(classUpdateProblem(may, { startDate: '2026-03-09' }, [wangMadeUp], ledger)?.message).toBe('本班有补训《三月专题学习》的记录，开始日期不能早于该培训班（2026-03-10）。');
    expect(classUpdateProblem(may, { startDate: '2026-03-10' }, [wangMadeUp], ledger)).toBeNull(); // same day is fine
    expect(classUpdateProblem(march, { startDate: '2026-05-13' }, [wangMissed, liAttended], ledger)?.message).toBe('本班的缺训已在《五月补训班》（2026-05-12）补训，开始日期不能晚于该补训班。');
    expect(classUpdateProblem(march, { startDate: '2026-05-12' }, [wangMissed, liAttended], ledger)).toBeNull();
  });
});

describe('carrying enrolments along when the sessions change', () => {
  const two = [session('s1', '2026-03-10', 4, '上午'), session('s2', '2026-03-11', 4, '下午')];
  const split = { ...march, sessions: two };

  it('a class split into sessions: full attendance takes every session, an absence none', () => {
    const r = carryEnrolments(march, split, [liAttended, wangMissed], ledger);
    expect(r).toEqual({ ok: true, changes: [{ id: 'e2', attendedSessionIds: ['s1', 's2'], attendedHours: 8 }, { id: 'e1', attendedSessionIds: [], attendedHours: 0 }] });
  });

  it('refuses to split while someone has part of the hours (which sessions is unknown)', () => {
    const r = carryEnrolments(march, split, [enr('p', 'c3', 'li', { attendedHours: 5 })], ledger);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('李强登记的参训学时（5 学时）少于计划学时');
  });

  it('a removed session leaves the lists and the hours are recomputed; removing the only one attended is refused', () => {
    const one = { ...march, sessions: [two[0]!] };
    const both = enr('b', 'c3', 'li', { attendedSessionIds: ['s1', 's2'] });
    expect(carryEnrolments(split, one, [both], ledger)).toEqual({ ok: true, changes: [{ id: 'b', attendedSessionIds: ['s1'], attendedHours: 4 }] });
    const onlySecond = enr('o', 'c3', 'li', { attendedSessionIds: ['s2'], attendedHours: 4 });
    const r = carryEnrolments(split, one, [onlySecond], ledger);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('李强只参加了要删除的第2次（3月11日 下午），删除后其参训记录将无课次可依。请先核对该课次，或将其改为缺训。');
  });

  it('dropping the sessions keeps the hours, typed from then on; nothing unchanged is written', () => {
    const partly = enr('p', 'c3', 'li', { attendedSessionIds: ['s1'], attendedHours: 4 });
    expect(carryEnrolments(split, march, [partly], ledger)).toEqual({ ok: true, changes: [{ id: 'p', attendedSessionIds: null, attendedHours: 4 }] });
    expect(carryEnrolments(march, { ...march, hours: 6 }, [liAttended], ledger)).toEqual({ ok: true, changes: [] });
  });

  it('refuses when a miss made up elsewhere would stop being a miss', () => {
    const partly = enr('e1', 'c3', 'wang', { attendedSessionIds: ['s1'], attendedHours: 4 });
    const made = enr('e3', 'c5', 'wang', { status: 'madeUp', makeUpOfClassId: 'c3' });
    const r = carryEnrolments(split, { ...march, hours: 4, sessions: [two[0]!] }, [partly], records([march, may], [partly, made]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'has-make-up', message: '王芳在本班缺的课已在《五月补训班》补训；改动课次后其将不再缺课，请先删除那条补训记录。' });
  });
});

describe('deleting a class, removing an enrolment, 全部参训', () => {
  it('the 工委 cannot delete its class once units enrolled members; before that it can', () => {
    const units = [enr('a', 'k', 'wang', { unitId: 'u1' }), enr('b', 'k', 'li', { unitId: 'u2' }), enr('c', 'k', 'x', { unitId: 'u2' })];
    expect(classDeletionProblem('committee', units, ledger)?.message).toBe('已有 2 个单位为本班登记了 3 人的参训情况，这些记录由单位填报，工委不能删除，因此本班也不能删除。如班次信息有误，请编辑修改。');
    expect(classDeletionProblem('committee', [], ledger)).toBeNull();
    expect(classDeletionProblem('unit', units, records([], []))).toBeNull();
  });

  it('a class whose absence was made up elsewhere keeps until the make-up goes; so does the absence', () => {
    expect(classDeletionProblem('unit', [liAttended, wangMissed], ledger)?.message).toBe('王芳缺训本班后已在《五月补训班》补训。请先删除该补训记录，再删除本培训班。');
    expect(enrolmentRemovalProblem(wangMissed, ledger)?.message).toBe('王芳缺训本班后已在《五月补训班》补训。请先删除那条补训记录，再移除本条。');
    expect(enrolmentRemovalProblem(liAttended, ledger)).toBeNull();
    expect(enrolmentRemovalProblem(wangMadeUp, ledger)).toBeNull(); // the make-up itself can go
    // the make-up class was deleted meanwhile: named as such
    expect(enrolmentRemovalProblem(wangMissed, records([march], [wangMissed, wangMadeUp]))?.message).toContain('《（已删除的培训班）》');
  });

  it('全部参训 keeps make-ups and misses made up elsewhere', () => {
    expect(keptByMarkAll(wangMadeUp, may, ledger)).toBe(true);
    expect(keptByMarkAll(wangMissed, march, ledger)).toBe(true);
    expect(keptByMarkAll(enr('x', 'c3', 'li', { status: 'absent', attendedHours: 0 }), march, ledger)).toBe(false);
    expect(keptByMarkAll(liAttended, march, ledger)).toBe(false);
  });
});

describe('enrolling', () => {
  const member = (over: Partial<RosterMember> = {}) => ({
    id: 'wang',
    name: '王芳',
    joinedOn: '2008-07-01',
    status: 'active' as const,
    statusChangedOn: null,
    postings: [{ organisationId: 'b1', from: '2015-01-01', to: null }],
    ...over,
  });
  const course = cls('k', '党纪学习教育', '2026-05-10', { endDate: '2026-05-12' });

  it('a member on the roster is enrolled once', () => {
    expect(newEnrolmentProblem(course, member(), [])).toBeNull();
    expect(newEnrolmentProblem(course, member(), [{ memberId: 'wang' }])).toEqual({
      kind: 'duplicate-enrolment',
      message: '王芳已报名《党纪学习教育》，不能重复报名',
      path: ['memberId'],
    });
    expect(newEnrolmentProblem(course, null, [])?.kind).toBe('not-found');
  });

  it('a member who left the unit before the class cannot be enrolled; one who left or came during it can', () => {
    const left = member({ status: 'transferredOut', statusChangedOn: '2026-04-30', postings: [{ organisationId: 'b1', from: '2015-01-01', to: '2026-04-30' }] });
    expect(newEnrolmentProblem(course, left, [])).toEqual({
      kind: 'not-on-roster',
      message: '王芳在培训期间（2026-05-10至2026-05-12）不在本单位党员名册中，不能报名',
      path: ['memberId'],
    });
    expect(newEnrolmentProblem(course, member({ postings: [{ organisationId: 'b1', from: '2015-01-01', to: '2026-05-10' }] }), [])).toBeNull();
    expect(newEnrolmentProblem(course, member({ joinedOn: '2026-05-12' }), [])).toBeNull();
    expect(newEnrolmentProblem(course, member({ joinedOn: '2026-05-13' }), [])?.kind).toBe('not-on-roster');
    expect(newEnrolmentProblem(course, member({ deleted: true }), [])?.kind).toBe('not-on-roster');
  });
});

describe('attendance and hours', () => {
  const check = (f: EnrolmentFields, over: Partial<Parameters<typeof enrolmentProblem>[0]> = {}) =>
    enrolmentProblem({ cls: march, memberId: 'li', fields: f, self: null, records: ledger, ...over });

  it('缺训 needs a reason', () => {
    expect(check(fields({ status: 'absent', attendedHours: 0 }))).toEqual({ kind: 'absence-reason', message: '请填写李强的缺训原因', path: ['absenceReason'] });
    expect(check(fields({ status: 'absent', attendedHours: 0, absenceReason: '出差' }))).toBeNull();
  });

  it('hours above the class’s planned hours are refused; equal, or any hours in a class without planned hours, are fine', () => {
    expect(check(fields({ attendedHours: 8.5 }))).toEqual({ kind: 'hours', message: '参训学时（8.5 学时）不能超过本班计划学时（8 学时），请核对', path: ['attendedHours'] });
    expect(check(fields({ attendedHours: 8 }))).toBeNull();
    expect(check(fields({ attendedHours: 12 }), { cls: { ...march, hours: 0 } })).toBeNull();
  });

  it('per session: only the class’s sessions, and 参训 with none is refused', () => {
    const split = { ...march, sessions: [session('s1', '2026-03-10', 4), session('s2', '2026-03-11', 4)] };
    expect(check(fields({ attendedSessionIds: ['s3'] }), { cls: split })?.message).toBe('所选课次不属于本培训班（课次可能已被修改），请刷新后重新勾选');
    expect(check(fields({ attendedSessionIds: ['s1'], attendedHours: 4 }), { cls: split, requested: ['s1', 's9'] })?.kind).toBe('hours');
    expect(check(fields({ attendedSessionIds: [], attendedHours: 0 }), { cls: split })?.message).toBe('李强一次课都没有参加，请将参训情况改为“缺训”并填写原因');
    expect(check(fields({ attendedSessionIds: ['s2'], attendedHours: 4 }), { cls: split })).toBeNull();
  });

  it('an absence made up elsewhere cannot become attendance until the make-up goes', () => {
    const r = enrolmentProblem({ cls: march, memberId: 'wang', fields: fields({}), self: wangMissed, records: ledger });
    expect(r).toEqual({ kind: 'has-make-up', message: '王芳缺训本班后已在《五月补训班》补训。如实际参加了本班，请先删除那条补训记录。', path: ['status'] });
    expect(enrolmentProblem({ cls: march, memberId: 'wang', fields: fields({ status: 'absent', attendedHours: 0, absenceReason: '病假' }), self: wangMissed, records: ledger })).toBeNull();
  });
});

describe('make-ups (补训)', () => {
  const june = cls('c6', '六月党课', '2026-06-02');
  const madeUp = (makeUpOfClassId: string, over: Partial<EnrolmentFields> = {}) => fields({ status: 'madeUp', makeUpOfClassId, ...over });
  const inJune = (f: EnrolmentFields, memberId = 'li', recs = records([march, may, june], [wangMissed, liAttended, wangMadeUp])) =>
    enrolmentProblem({ cls: june, memberId, fields: f, self: null, records: recs });

  it('of a class that was not missed: refused', () => {
    expect(inJune(madeUp('c3'))?.message).toBe('李强在《三月专题学习》中没有缺训或缺课记录，不能登记为补训');
    expect(makeUpProblem(liAttended, march, 'inClass', ledger)?.message).toBe('李强在本班全程参训，无需补训');
  });

  it('a partial miss (fewer hours than planned) can be made up, in a class only', () => {
    const partly = enr('p', 'c3', 'li', { attendedHours: 5 });
    expect(inJune(madeUp('c3'), 'li', records([march, june], [partly]))).toBeNull();
    expect(makeUpProblem(partly, march, 'inClass', ledger)).toBeNull();
    expect(makeUpProblem(partly, march, 'self', ledger)?.message).toBe('部分缺课的补学请在补训班中登记（本人已有参训记录），或在本班勾选补上的课次');
    expect(makeUpProblem(wangMissed, march, 'self', ledger)).toBeNull();
  });

  it('each miss is made up once', () => {
    expect(inJune(madeUp('c3'), 'wang')?.message).toBe('王芳缺训的《三月专题学习》已在《五月补训班》登记补训，不能重复补训');
    // the make-up itself, edited, is not a second one
    expect(enrolmentProblem({ cls: may, memberId: 'wang', fields: madeUp('c3'), self: wangMadeUp, records: ledger })).toBeNull();
  });

  it('the class made up exists, is another class, and is not later than the make-up (same day is fine)', () => {
    expect(inJune(madeUp('gone'))?.message).toBe('所补的培训班不存在或已被删除，请重新选择');
    expect(inJune(madeUp('c6'))?.message).toBe('所补的培训班不能是本培训班，请重新选择');
    const early = enrolmentProblem({ cls: cls('c2', '二月学习', '2026-02-01'), memberId: 'wang', fields: madeUp('c3'), self: null, records: records([march], [wangMissed]) });
    expect(early?.message).toBe('补训应在缺训之后：《二月学习》早于所补的《三月专题学习》，请重新选择');
    const sameDay = enrolmentProblem({ cls: cls('c3b', '三月补课', '2026-03-10'), memberId: 'wang', fields: madeUp('c3'), self: null, records: records([march], [wangMissed]) });
    expect(sameDay).toBeNull();
  });

  it('an enrolment already in the make-up class becomes the make-up unless it is an absence or makes up another class', () => {
    expect(makeUpThereProblem(wangMissed, june, enr('j', 'c6', 'wang', { status: 'absent', attendedHours: 0 }), ledger)?.message).toBe('王芳在《六月党课》也是缺训，不能作为补训');
    expect(makeUpThereProblem(wangMissed, june, enr('j', 'c6', 'wang', { status: 'madeUp', makeUpOfClassId: 'c5' }), ledger)?.message).toBe(
      '王芳在《六月党课》的参训已登记为《五月补训班》的补训，一次参训只能补一个培训班',
    );
    expect(makeUpThereProblem(wangMissed, june, enr('j', 'c6', 'wang'), ledger)).toBeNull();
    expect(makeUpThereProblem(wangMissed, june, enr('j', 'c6', 'wang', { status: 'madeUp', makeUpOfClassId: 'c3' }), ledger)).toBeNull();
  });
});

describe('normalised fields', () => {
  const split = { sessions: [session('s1', '2026-03-10', 2.5), session('s2', '2026-03-11', 3)] };

  it('缺训 has no hours, no sessions, no make-up link; 参训 has no reason; 补训 keeps its reason, trimmed', () => {
    expect(normaliseEnrolment(fields({ status: 'absent', attendedHours: 5, absenceReason: '  出差 ', makeUpOfClassId: 'c3' }), march)).toEqual(
      fields({ status: 'absent', attendedHours: 0, absenceReason: '出差' }),
    );
    expect(normaliseEnrolment(fields({ absenceReason: '出差', makeUpOfClassId: 'c3' }), march)).toEqual(fields({}));
    expect(normaliseEnrolment(fields({ status: 'madeUp', absenceReason: ' 病假 ', makeUpOfClassId: 'c3' }), march)).toEqual(
      fields({ status: 'madeUp', absenceReason: '病假', makeUpOfClassId: 'c3' }),
    );
    expect(normaliseEnrolment(fields({ status: 'absent', absenceReason: '   ' }), march).absenceReason).toBeNull();
  });

  it('per session: the hours are the sum of the sessions attended (never typed), in the class’s order; null means all', () => {
    expect(normaliseEnrolment(fields({ attendedHours: 99, attendedSessionIds: ['s2', 's1'] }), split)).toEqual(fields({ attendedHours: 5.5, attendedSessionIds: ['s1', 's2'] }));
    expect(normaliseEnrolment(fields({ attendedSessionIds: null }), split).attendedSessionIds).toEqual(['s1', 's2']);
    expect(normaliseEnrolment(fields({ status: 'absent', absenceReason: '出差', attendedSessionIds: null }), split)).toMatchObject({ attendedSessionIds: [], attendedHours: 0 });
    expect(normaliseEnrolment(fields({ attendedSessionIds: ['s1'] }), march).attendedSessionIds).toBeNull(); // no sessions: typed hours
    expect(fullAttendance({ hours: 5.5, ...split })).toEqual(fields({ attendedHours: 5.5, attendedSessionIds: ['s1', 's2'] }));
  });

  it('hours in words', () => {
    expect(hoursText(0.1 + 0.2)).toBe('0.3 学时');
    expect(hoursText(8)).toBe('8 学时');
  });
});
