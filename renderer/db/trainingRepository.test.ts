import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Enrolment, TrainingClass } from '../../shared/model/training';
import { NATIONAL_PROFILE_V1 } from '../../shared/rules/profile';
import { trainingCoverage } from '../../shared/rules/training/trainingCoverage';
import { openDatabase, type StoredRecord, type TaizhangDb } from './db';
import { changeMemberStatus } from './memberRepository';
import { createOrganisation } from './organisationRepository';
import { updateRecord, type RecordInput } from './recordRepository';
import {
  createTrainingClass,
  deleteTrainingClass,
  enrolMembers,
  enrolOrganisation,
  markAllAttended,
  recordMakeUp,
  removeEnrolment,
  updateEnrolment,
  updateTrainingClass,
} from './trainingRepository';
import { completeSetup } from './workspaceRepository';
import { openWriteContext, type WriteContext } from './writeContext';
import { addTestMember } from './testing/members';

let db: TaizhangDb;
let ctx: WriteContext;
let n = 0;
const clock = Date.parse('2026-11-28T08:00:00.000Z');

let top: string;
let b1: string;
let b2: string;
/** name → member id */
const m: Record<string, string> = {};


async function org(name: string, kind: 'organCommittee' | 'branch', parentId: string | null): Promise<string> {
  const r = await createOrganisation(ctx, {
    name,
    kind,
    parentId,
    foundedOn: '2015-03-01',
    dissolvedOn: null,
    termStart: '2024-03-01',
    termYears: kind === 'branch' ? 3 : 5,
    termEnd: null,
    extension: null,
    approvalNo: '',
    approvedOn: null,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}

async function member(name: string, organisationId: string, seq: number, joinedOn = '2008-07-01'): Promise<string> {
  const id = await addTestMember(ctx, organisationId, name, seq, { joinedOn });
  m[name] = id;
  return id;
}

const klass = (over: Partial<RecordInput<'trainingClass'>> = {}): RecordInput<'trainingClass'> => ({
  title: '2026年党员集中轮训',
  organiser: 'unit',
  category: '党员教育培训',
  format: '专题讲座',
  placeKind: '本单位',
  place: '三楼会议室',
  startDate: '2026-03-10',
  endDate: '2026-03-10',
  hours: 8,
  lecturer: '陈教授',
  sessions: [],
  ...over,
});

async function newClass(over: Partial<RecordInput<'trainingClass'>> = {}): Promise<TrainingClass> {
  const r = await createTrainingClass(ctx, klass(over));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function enrolmentOf(classId: string, memberId: string): Promise<Enrolment> {
  const e = (await db.enrolment.where('classId').equals(classId).toArray()).find((x) => x.memberId === memberId && !x.deleted);
  if (!e) throw new Error('not enrolled');
  return e as unknown as Enrolment;
}

async function counts() {
  return { enrolments: await db.enrolment.count(), changes: await db.changes.count(), audit: await db.audit.count() };
}

beforeEach(async () => {
  db = openDatabase(`test-training-${++n}`);
  const r = await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 180, partyGroupKind: 'partyGroup', operatorName: '张敏' });
  if (!r.ok) throw new Error(r.error.message);
  ctx = await openWriteContext(db, () => new Date(clock));
  top = await org('机关党委', 'organCommittee', null);
  b1 = await org('第一党支部', 'branch', top);
  b2 = await org('第二党支部', 'branch', top);
  await member('王芳', b1, 1);
  await member('李强', b1, 2);
  await member('赵敏', b1, 3);
  await member('孙丽', b2, 4);
  await member('周杰', b2, 5);
  await member('钱退', b1, 6);
  await changeMemberStatus(ctx, m['钱退']!, 'retired', '2025-12-31');
  await member('吴新', b2, 7, '2026-06-01'); // joined after the March class
});
afterEach(async () => {
  await db.delete();
});

describe('training classes', () => {
  it('a unit creates its own class: change log and audit like every record', async () => {
    const c = await newClass();
    expect(await db.trainingClass.get(c.id)).toMatchObject({ title: '2026年党员集中轮训', organiser: 'unit', deleted: false, updatedBy: '张敏' });
    expect(await db.changes.where('[table+id]').equals(['trainingClass', c.id]).count()).toBe(1);
    expect((await db.audit.where('[table+id]').equals(['trainingClass', c.id]).toArray())[0]!.action).toBe('create');
  });

  it('refuses an invalid class with the field named, and writes nothing', async () => {
    const before = await counts();
    const r = await createTrainingClass(ctx, klass({ endDate: '2026-03-01' }));
    expect(!r.ok && r.error.kind).toBe('validation');
    expect(!r.ok && r.error.message).toContain('结束日期不能早于开始日期');
    expect(await counts()).toEqual(before);
  });

  it('planned hours cannot drop below hours already recorded', async () => {
    const c = await newClass({ hours: 8 });
    await enrolMembers(ctx, c.id, [m['王芳']!]);
    const r = await updateTrainingClass(ctx, c.id, { hours: 6 });
    expect(!r.ok && r.error.kind).toBe('hours');
    expect(!r.ok && r.error.message).toContain('已有 1 人登记的参训学时（最多 8 学时）超过新的计划学时');
    expect((await updateTrainingClass(ctx, c.id, { hours: 10, title: '2026年党员集中轮训（第一期）' })).ok).toBe(true);
  });

  it('the organiser never changes — not through the training repository, nor through the generic update', async () => {
    const c = await newClass();
    const r = await updateTrainingClass(ctx, c.id, { organiser: 'committee' });
    expect(!r.ok && r.error.kind).toBe('organiser-fixed');
    // the generic update checks the owner of the new version too: a unit cannot hand its class to the committee
    const raw = await updateRecord(ctx, 'trainingClass', c.id, { organiser: 'committee' });
    expect(!raw.ok && raw.error.kind).toBe('not-owner');
    expect(await db.trainingClass.get(c.id)).toMatchObject({ organiser: 'unit' });
  });

  it('deleting a class tombstones it and its enrolments in one go', async () => {
    const c = await newClass();
    await enrolOrganisation(ctx, c.id, b1);
    const r = await deleteTrainingClass(ctx, c.id);
    expect(r.ok && r.value.enrolments).toBe(3);
    expect(await db.trainingClass.get(c.id)).toMatchObject({ deleted: true });
    const rows = await db.enrolment.where('classId').equals(c.id).toArray();
    expect(rows.map((e) => e.deleted)).toEqual([true, true, true]);
    const deletes = (await db.audit.toArray()).filter((a) => a.action === 'delete');
    expect(deletes.map((a) => a.table).sort()).toEqual(['enrolment', 'enrolment', 'enrolment', 'trainingClass']);
  });
});

describe('enrolment', () => {
  it('enrols a whole organisation and its branches in ONE transaction: active members on the class’s first day', async () => {
    const c = await newClass();
    const before = await counts();
    const r = await enrolOrganisation(ctx, c.id, top);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 钱退 retired before the class, 吴新 joined after it
    const names = Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
    expect(r.value.added.map((e) => names[e.memberId]).sort()).toEqual(['周杰', '孙丽', '李强', '王芳', '赵敏'].sort());
    expect(r.value.added.every((e) => e.status === 'attended' && e.attendedHours === 8 && e.unitId === ctx.ownerId)).toBe(true);
    expect(await counts()).toEqual({ enrolments: before.enrolments + 5, changes: before.changes + 5, audit: before.audit + 5 });
    expect((await db.device.get('device'))!.lastRev).toBe(r.value.added.at(-1)!.rev);
  });

  it('a branch alone, or the organisation without its branches', async () => {
    const c = await newClass();
    const r = await enrolOrganisation(ctx, c.id, b2);
    expect(r.ok && r.value.added.length).toBe(2);
    const none = await enrolOrganisation(ctx, c.id, top, { includeSubtree: false });
    expect(none.ok && none.value.added.length).toBe(0);
  });

  it('never enrols a member twice: the organisation again skips those already enrolled', async () => {
    const c = await newClass();
    await enrolMembers(ctx, c.id, [m['王芳']!, m['王芳']!]);
    const again = await enrolOrganisation(ctx, c.id, b1);
    expect(again.ok && again.value.added.length).toBe(2);
    expect(again.ok && again.value.alreadyEnrolled).toEqual([m['王芳']]);
    const rows = (await db.enrolment.where('classId').equals(c.id).toArray()).filter((e) => e.memberId === m['王芳']);
    expect(rows).toHaveLength(1);
  });

  it('a removed enrolment can be made again', async () => {
    const c = await newClass();
    await enrolMembers(ctx, c.id, [m['王芳']!]);
    expect((await removeEnrolment(ctx, (await enrolmentOf(c.id, m['王芳']!)).id)).ok).toBe(true);
    const r = await enrolMembers(ctx, c.id, [m['王芳']!]);
    expect(r.ok && r.value.added.length).toBe(1);
  });

  it('one member who cannot be enrolled refuses the whole batch, and nothing is written', async () => {
    const c = await newClass();
    const before = await counts();
    const r = await enrolMembers(ctx, c.id, [m['王芳']!, m['李强']!, m['吴新']!]);
    expect(!r.ok && r.error.kind).toBe('not-on-roster');
    expect(!r.ok && r.error.message).toBe('吴新在培训期间（2026-03-10至2026-03-10）不在本单位党员名册中，不能报名');
    expect(await counts()).toEqual(before);
    const ghost = await enrolMembers(ctx, c.id, [m['王芳']!, '01900000-0000-7000-8000-000000000000']);
    expect(!ghost.ok && ghost.error.kind).toBe('not-found');
    expect(await counts()).toEqual(before);
  });
});

describe('attendance', () => {
  let c: TrainingClass;
  let e: Enrolment;
  beforeEach(async () => {
    c = await newClass();
    await enrolOrganisation(ctx, c.id, b1);
    e = await enrolmentOf(c.id, m['赵敏']!);
  });

  it('缺训 needs a reason and has no hours; back to 参训 clears the reason', async () => {
    const noReason = await updateEnrolment(ctx, e.id, { status: 'absent', absenceReason: '  ' });
    expect(!noReason.ok && noReason.error).toMatchObject({ kind: 'absence-reason', message: '请填写赵敏的缺训原因', path: ['absenceReason'] });
    const absent = await updateEnrolment(ctx, e.id, { status: 'absent', absenceReason: '公务出差' });
    expect(absent.ok && [absent.value.status, absent.value.attendedHours, absent.value.absenceReason]).toEqual(['absent', 0, '公务出差']);
    const back = await updateEnrolment(ctx, e.id, { status: 'attended', attendedHours: 8 });
    expect(back.ok && [back.value.status, back.value.attendedHours, back.value.absenceReason]).toEqual(['attended', 8, null]);
  });

  it('partial hours are fine; more than planned is refused', async () => {
    expect((await updateEnrolment(ctx, e.id, { attendedHours: 4.5 })).ok).toBe(true);
    const over = await updateEnrolment(ctx, e.id, { attendedHours: 9 });
    expect(!over.ok && over.error).toMatchObject({ kind: 'hours', path: ['attendedHours'] });
    expect(!over.ok && over.error.message).toBe('参训学时（9 学时）不能超过本班计划学时（8 学时），请核对');
  });

  it('全部参训 resets absences and partial hours, in one transaction', async () => {
    await updateEnrolment(ctx, e.id, { status: 'absent', absenceReason: '病假' });
    await updateEnrolment(ctx, (await enrolmentOf(c.id, m['李强']!)).id, { attendedHours: 2 });
    const r = await markAllAttended(ctx, c.id);
    expect(r.ok && r.value).toEqual({ updated: 2, kept: 0 });
    const rows = await db.enrolment.where('classId').equals(c.id).toArray();
    expect(rows.map((x) => [x.status, x.attendedHours])).toEqual([
      ['attended', 8],
      ['attended', 8],
      ['attended', 8],
    ]);
  });
});

describe('make-up (补训)', () => {
  let a: TrainingClass;
  let later: TrainingClass;
  let absent: Enrolment;
  beforeEach(async () => {
    a = await newClass({ title: '三月集中轮训', startDate: '2026-03-10', endDate: '2026-03-10' });
    later = await newClass({ title: '五月补训班', startDate: '2026-05-10', endDate: '2026-05-10', hours: 4 });
    await enrolOrganisation(ctx, a.id, b1);
    const r = await updateEnrolment(ctx, (await enrolmentOf(a.id, m['赵敏']!)).id, { status: 'absent', absenceReason: '公务出差' });
    if (!r.ok) throw new Error(r.error.message);
    absent = r.value;
  });

  it('in a later class: a 补训 enrolment there, linked to the missed class, and coverage counts it once', async () => {
    const r = await recordMakeUp(ctx, absent.id, { kind: 'inClass', classId: later.id, attendedHours: 4 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ classId: later.id, memberId: m['赵敏'], status: 'madeUp', makeUpOfClassId: a.id, attendedHours: 4, absenceReason: null });
    // the absence stays on record, with its reason
    expect(await db.enrolment.get(absent.id)).toMatchObject({ status: 'absent', absenceReason: '公务出差' });

    const live = <T,>(rows: StoredRecord[]) => rows.filter((x) => !x.deleted) as unknown as T[];
    const cov = trainingCoverage(
      {
        year: 2026,
        asOf: '2026-11-28',
        members: live(await db.member.toArray()),
        classes: live(await db.trainingClass.toArray()),
        enrolments: live(await db.enrolment.toArray()),
        seats: [],
        organisations: [],
      },
      NATIONAL_PROFILE_V1,
    );
    expect(cov.memberHours.find((h) => h.memberId === m['赵敏'])).toEqual({ memberId: m['赵敏'], hours: 4, trained: true });
    expect([cov.members.trained, cov.members.shouldTrain]).toEqual([3, 6]);
  });

  it('when already enrolled in the later class, that enrolment becomes the make-up (no duplicate)', async () => {
    await enrolMembers(ctx, later.id, [m['赵敏']!]);
    const r = await recordMakeUp(ctx, absent.id, { kind: 'inClass', classId: later.id, attendedHours: 4 });
    expect(r.ok && r.value.makeUpOfClassId).toBe(a.id);
    expect((await db.enrolment.where('classId').equals(later.id).toArray()).filter((x) => !x.deleted)).toHaveLength(1);
  });

  it('on its own (补学 without a class): the absence itself becomes 补训, keeping its reason', async () => {
    const r = await recordMakeUp(ctx, absent.id, { kind: 'self', attendedHours: 3 });
    expect(r.ok && [r.value.status, r.value.attendedHours, r.value.absenceReason, r.value.makeUpOfClassId]).toEqual(['madeUp', 3, '公务出差', null]);
  });

  type Refused = { ok: boolean; error?: { kind: string; message: string } };
  it.each<[string, () => Promise<() => Promise<Refused>>, string]>([
    [
      'only a miss (absence or hours missed) can be made up',
      async () => {
        const e = await enrolmentOf(a.id, m['王芳']!);
        return () => recordMakeUp(ctx, e.id, { kind: 'self', attendedHours: 2 });
      },
      '王芳在本班全程参训，无需补训',
    ],
    [
      'a make-up cannot come before the missed class',
      async () => {
        const feb = await newClass({ title: '二月班', startDate: '2026-02-01', endDate: '2026-02-01' });
        return () => recordMakeUp(ctx, absent.id, { kind: 'inClass', classId: feb.id, attendedHours: 2 });
      },
      '补训应在缺训之后：《二月班》早于所补的《三月集中轮训》，请重新选择',
    ],
    [
      'a make-up must point at an absence of the same member',
      async () => {
        await enrolMembers(ctx, later.id, [m['王芳']!]);
        const e = await enrolmentOf(later.id, m['王芳']!);
        return () => updateEnrolment(ctx, e.id, { status: 'madeUp', makeUpOfClassId: a.id });
      },
      '王芳在《三月集中轮训》中没有缺训或缺课记录，不能登记为补训',
    ],
    [
      'an absence is made up once',
      async () => {
        await recordMakeUp(ctx, absent.id, { kind: 'inClass', classId: later.id, attendedHours: 4 });
        const june = await newClass({ title: '六月班', startDate: '2026-06-10', endDate: '2026-06-10' });
        return () => recordMakeUp(ctx, absent.id, { kind: 'inClass', classId: june.id, attendedHours: 4 });
      },
      '赵敏缺训的《三月集中轮训》已在《五月补训班》登记补训，不能重复补训',
    ],
    [
      'a make-up on its own after one in a class is a second make-up',
      async () => {
        await recordMakeUp(ctx, absent.id, { kind: 'inClass', classId: later.id, attendedHours: 4 });
        return () => recordMakeUp(ctx, absent.id, { kind: 'self', attendedHours: 4 });
      },
      '赵敏缺训本班后已在《五月补训班》补训。如实际参加了本班，请先删除那条补训记录。',
    ],
    [
      'one attendance makes up one class',
      async () => {
        const april = await newClass({ title: '四月班', startDate: '2026-04-10', endDate: '2026-04-10' });
        await enrolOrganisation(ctx, april.id, b1);
        const e = await enrolmentOf(april.id, m['李强']!);
        await updateEnrolment(ctx, e.id, { status: 'absent', absenceReason: '病假' });
        await recordMakeUp(ctx, e.id, { kind: 'inClass', classId: later.id, attendedHours: 4 }); // 李强 makes up April in May
        const march = await enrolmentOf(a.id, m['李强']!);
        await updateEnrolment(ctx, march.id, { status: 'absent', absenceReason: '事假' });
        return () => recordMakeUp(ctx, march.id, { kind: 'inClass', classId: later.id, attendedHours: 4 });
      },
      '李强在《五月补训班》的参训已登记为《四月班》的补训，一次参训只能补一个培训班',
    ],
    [
      'hours of the make-up class bound the make-up',
      async () => () => recordMakeUp(ctx, absent.id, { kind: 'inClass', classId: later.id, attendedHours: 8 }),
      '参训学时（8 学时）不能超过本班计划学时（4 学时），请核对',
    ],
  ])('%s', async (_, arrange, message) => {
    const act = await arrange();
    const before = await counts();
    const r = await act();
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe(message);
    expect(await counts()).toEqual(before);
  });

  it('an absence made up elsewhere cannot be changed, removed, or its class deleted until the make-up goes', async () => {
    await recordMakeUp(ctx, absent.id, { kind: 'inClass', classId: later.id, attendedHours: 4 });
    const change = await updateEnrolment(ctx, absent.id, { status: 'attended', attendedHours: 8 });
    expect(!change.ok && change.error.kind).toBe('has-make-up');
    expect(!change.ok && change.error.message).toBe('赵敏缺训本班后已在《五月补训班》补训。如实际参加了本班，请先删除那条补训记录。');
    expect(!(await removeEnrolment(ctx, absent.id)).ok).toBe(true);
    const del = await deleteTrainingClass(ctx, a.id);
    expect(!del.ok && del.error.kind).toBe('has-make-up');
    expect(await db.trainingClass.get(a.id)).toMatchObject({ deleted: false });
    // 全部参训 on the missed class keeps the made-up absence
    const all = await markAllAttended(ctx, a.id);
    expect(all.ok && all.value).toEqual({ updated: 0, kept: 1 });
    // dates keep the make-up after the missed class
    const moved = await updateTrainingClass(ctx, a.id, { startDate: '2026-06-01', endDate: '2026-06-01' });
    expect(!moved.ok && moved.error.kind).toBe('invalid-date');
    // deleting the make-up class takes the make-up with it; then the absence is free again
    expect((await deleteTrainingClass(ctx, later.id)).ok).toBe(true);
    expect((await updateEnrolment(ctx, absent.id, { status: 'attended', attendedHours: 8 })).ok).toBe(true);
  });
});

const valueOf = <T, E>(r: { ok: true; value: T } | { ok: false; error: E }): T | undefined => (r.ok ? r.value : undefined);
const errorOf = <T, E>(r: { ok: true; value: T } | { ok: false; error: E }): E | undefined => (r.ok ? undefined : r.error);

describe('attendance per session (课次)', () => {
  // a two-day class: day 1 morning and afternoon (3 + 3 h), day 2 (6 h)
  const sessions = [
    { id: 's1', date: '2026-03-10', label: '上午', hours: 3 },
    { id: 's2', date: '2026-03-10', label: '下午', hours: 3 },
    { id: 's3', date: '2026-03-11', label: '', hours: 6 },
  ];
  let two: TrainingClass;
  beforeEach(async () => {
    two = await newClass({ title: '两天轮训班', endDate: '2026-03-11', hours: 12, sessions });
    const r = await enrolOrganisation(ctx, two.id, b1);
    if (!r.ok) throw new Error(r.error.message);
  });

  it('a new enrolment attends every session, with the planned hours', async () => {
    const e = await enrolmentOf(two.id, m['王芳']!);
    expect([e.status, e.attendedSessionIds, e.attendedHours]).toEqual(['attended', ['s1', 's2', 's3'], 12]);
  });

  it('missing a session: the hours are those of the sessions attended, never typed; 缺训 has none', async () => {
    const e = await enrolmentOf(two.id, m['李强']!);
    const r = await updateEnrolment(ctx, e.id, { attendedSessionIds: ['s3', 's1'], attendedHours: 99 });
    expect(r.ok).toBe(true);
    expect([valueOf(r)?.attendedSessionIds, valueOf(r)?.attendedHours]).toEqual([['s1', 's3'], 9]); // class order, 3 + 6
    const absent = await updateEnrolment(ctx, e.id, { status: 'absent', absenceReason: '病假' });
    expect([valueOf(absent)?.attendedSessionIds, valueOf(absent)?.attendedHours]).toEqual([[], 0]);
    const back = await updateEnrolment(ctx, e.id, { status: 'attended' }); // back to 参训: every session
    expect([valueOf(back)?.attendedSessionIds, valueOf(back)?.attendedHours]).toEqual([['s1', 's2', 's3'], 12]);
  });

  it('refuses no session at all for 参训, and a session the class does not have', async () => {
    const e = await enrolmentOf(two.id, m['李强']!);
    const none = await updateEnrolment(ctx, e.id, { attendedSessionIds: [] });
    expect(errorOf(none)?.message).toBe('李强一次课都没有参加，请将参训情况改为“缺训”并填写原因');
    const unknown = await updateEnrolment(ctx, e.id, { attendedSessionIds: ['s1', 's9'] });
    expect(errorOf(unknown)?.message).toBe('所选课次不属于本培训班（课次可能已被修改），请刷新后重新勾选');
    expect((await enrolmentOf(two.id, m['李强']!)).attendedSessionIds).toEqual(['s1', 's2', 's3']);
  });

  it('the missed day is made up in a later class; coverage credits both days, the planned 12 hours', async () => {
    const e = await enrolmentOf(two.id, m['李强']!);
    await updateEnrolment(ctx, e.id, { attendedSessionIds: ['s1', 's2'] }); // missed day 2
    const later = await newClass({ title: '补训班', startDate: '2026-05-10', endDate: '2026-05-10', hours: 6 });
    const r = await recordMakeUp(ctx, e.id, { kind: 'inClass', classId: later.id, attendedHours: 6 });
    expect(r.ok, errorOf(r)?.message).toBe(true);
    expect([valueOf(r)?.status, valueOf(r)?.makeUpOfClassId, valueOf(r)?.attendedSessionIds]).toEqual(['madeUp', two.id, null]);
    const classes = (await db.trainingClass.toArray()) as unknown as TrainingClass[];
    const enrolments = (await db.enrolment.toArray()) as unknown as Enrolment[];
    const members = (await db.member.toArray()) as never[];
    const cov = trainingCoverage({ year: 2026, asOf: '2026-12-31', members, classes, enrolments, seats: [], organisations: [] }, NATIONAL_PROFILE_V1);
    expect(cov.memberHours.find((h) => h.memberId === m['李强'])?.hours).toBe(12);
    // now that it is made up, the miss cannot quietly become full attendance
    const full = await updateEnrolment(ctx, e.id, { attendedSessionIds: ['s1', 's2', 's3'] });
    expect(errorOf(full)?.kind).toBe('has-make-up');
    // a partial attendance is made up in a class, not on its own
    const zhao = await enrolmentOf(two.id, m['赵敏']!);
    await updateEnrolment(ctx, zhao.id, { attendedSessionIds: ['s3'] });
    const self = await recordMakeUp(ctx, zhao.id, { kind: 'self', attendedHours: 6 });
    expect(errorOf(self)?.message).toBe('部分缺课的补学请在补训班中登记（本人已有参训记录），或在本班勾选补上的课次');
  });

  it('editing the sessions carries the enrolments along: a removed session leaves the lists, hours recomputed', async () => {
    const li = await enrolmentOf(two.id, m['李强']!);
    await updateEnrolment(ctx, li.id, { attendedSessionIds: ['s1', 's3'] });
    const r = await updateTrainingClass(ctx, two.id, { sessions: [sessions[0]!, { ...sessions[2]!, hours: 5 }], hours: 8 });
    expect(r.ok, errorOf(r)?.message).toBe(true);
    expect((await enrolmentOf(two.id, m['李强']!)).attendedSessionIds).toEqual(['s1', 's3']);
    expect((await enrolmentOf(two.id, m['李强']!)).attendedHours).toBe(8);
    expect((await enrolmentOf(two.id, m['王芳']!)).attendedSessionIds).toEqual(['s1', 's3']);
    expect((await enrolmentOf(two.id, m['王芳']!)).attendedHours).toBe(8);
  });

  it('refuses to remove the only session someone attended, and changes nothing', async () => {
    const li = await enrolmentOf(two.id, m['李强']!);
    await updateEnrolment(ctx, li.id, { attendedSessionIds: ['s2'] });
    const before = await counts();
    const r = await updateTrainingClass(ctx, two.id, { sessions: [sessions[0]!, sessions[2]!], hours: 9 });
    expect(errorOf(r)?.message).toBe('李强只参加了要删除的第2次（3月10日 下午），删除后其参训记录将无课次可依。请先核对该课次，或将其改为缺训。');
    expect(await counts()).toEqual(before);
    expect(((await db.trainingClass.get(two.id)) as unknown as TrainingClass).sessions).toHaveLength(3);
  });

  it('dropping the sessions keeps the hours; splitting a class again needs to know who attended in full', async () => {
    const li = await enrolmentOf(two.id, m['李强']!);
    await updateEnrolment(ctx, li.id, { attendedSessionIds: ['s1', 's2'] });
    const flat = await updateTrainingClass(ctx, two.id, { sessions: [] });
    expect(flat.ok, errorOf(flat)?.message).toBe(true);
    const after = await enrolmentOf(two.id, m['李强']!);
    expect([after.attendedSessionIds, after.attendedHours]).toEqual([null, 6]);
    const split = await updateTrainingClass(ctx, two.id, { sessions });
    expect(errorOf(split)?.message).toBe(
      '李强登记的参训学时（6 学时）少于计划学时，分次后无法确定其参加了哪几次课。请先将其参训学时改为计划学时（分次后再逐次取消未参加的课次），或暂不分次。',
    );
    await updateEnrolment(ctx, li.id, { attendedHours: 12 });
    const again = await updateTrainingClass(ctx, two.id, { sessions });
    expect(again.ok, errorOf(again)?.message).toBe(true);
    expect((await enrolmentOf(two.id, m['李强']!)).attendedSessionIds).toEqual(['s1', 's2', 's3']);
  });

  it('全部参训 ticks every session again', async () => {
    const li = await enrolmentOf(two.id, m['李强']!);
    await updateEnrolment(ctx, li.id, { attendedSessionIds: ['s1'] });
    const r = await markAllAttended(ctx, two.id);
    expect(valueOf(r)).toEqual({ updated: 1, kept: 0 });
    expect((await enrolmentOf(two.id, m['李强']!)).attendedHours).toBe(12);
  });
});

describe('classes the 工委 organises', () => {
  let committeeDb: TaizhangDb;
  let committeeCtx: WriteContext;
  let fromCommittee: TrainingClass;
  beforeEach(async () => {
    committeeDb = openDatabase(`test-training-committee-${n}`);
    const r = await completeSetup(committeeDb, { mode: 'committee', name: '中共示范市委直属机关工作委员会' });
    if (!r.ok) throw new Error(r.error.message);
    committeeCtx = await openWriteContext(committeeDb, () => new Date(clock));
    const c = await createTrainingClass(committeeCtx, klass({ title: '全市党支部书记示范培训班', organiser: 'committee', category: '党支部书记示范培训' }));
    if (!c.ok) throw new Error(c.error.message);
    fromCommittee = c.value;
    // as the committee's bundle brings it (apply-bundle writes received records as they are)
    await db.trainingClass.put(fromCommittee);
  });
  afterEach(async () => {
    await committeeDb?.delete();
  });

  it('a unit cannot create one itself', async () => {
    const r = await createTrainingClass(ctx, klass({ organiser: 'committee' }));
    expect(!r.ok && r.error).toMatchObject({ kind: 'committee-class', path: ['organiser'] });
  });

  it('a unit cannot edit or delete it', async () => {
    const edit = await updateTrainingClass(ctx, fromCommittee.id, { title: '改名' });
    expect(!edit.ok && edit.error.kind).toBe('committee-class');
    expect(!edit.ok && edit.error.message).toContain('由机关工委举办');
    const del = await deleteTrainingClass(ctx, fromCommittee.id);
    expect(!del.ok && del.error.kind).toBe('committee-class');
    expect(await db.trainingClass.get(fromCommittee.id)).toMatchObject({ title: '全市党支部书记示范培训班', deleted: false });
  });

  it('a unit enrols its members and records their attendance: the enrolments are the unit’s', async () => {
    const r = await enrolOrganisation(ctx, fromCommittee.id, b1);
    expect(r.ok && r.value.added.length).toBe(3);
    expect(r.ok && r.value.added.every((e) => e.unitId === ctx.ownerId)).toBe(true);
    const e = await enrolmentOf(fromCommittee.id, m['王芳']!);
    expect((await updateEnrolment(ctx, e.id, { status: 'absent', absenceReason: '病假' })).ok).toBe(true);
    const later = await newClass({ title: '本单位补训', startDate: '2026-04-01', endDate: '2026-04-01' });
    expect((await recordMakeUp(ctx, e.id, { kind: 'inClass', classId: later.id, attendedHours: 4 })).ok).toBe(true);
    expect((await markAllAttended(ctx, fromCommittee.id)).ok).toBe(true);
    expect((await removeEnrolment(ctx, (await enrolmentOf(fromCommittee.id, m['李强']!)).id)).ok).toBe(true);
    // the class record itself is untouched
    expect(await db.trainingClass.get(fromCommittee.id)).toEqual(fromCommittee);
  });

  it('the committee edits its class but cannot enrol anyone, nor create a unit’s class', async () => {
    expect((await updateTrainingClass(committeeCtx, fromCommittee.id, { place: '市委党校' })).ok).toBe(true);
    const enrol = await enrolMembers(committeeCtx, fromCommittee.id, []);
    expect(enrol.ok).toBe(true); // nothing to do
    const unitClass = await createTrainingClass(committeeCtx, klass());
    expect(!unitClass.ok && unitClass.error.kind).toBe('committee-class');
  });

  it('the committee cannot delete its class once a unit has enrolled members (their records are the unit’s); before that it can', async () => {
    // the unit's enrolments, as the unit's bundle brings them to the committee
    await enrolOrganisation(ctx, fromCommittee.id, b1);
    const enrolled = (await db.enrolment.toArray()).filter((e) => e.classId === fromCommittee.id);
    await committeeDb.enrolment.bulkPut(enrolled);
    const before = await committeeDb.changes.count();
    const refused = await deleteTrainingClass(committeeCtx, fromCommittee.id);
    expect(!refused.ok && refused.error.message).toBe('已有 1 个单位为本班登记了 3 人的参训情况，这些记录由单位填报，工委不能删除，因此本班也不能删除。如班次信息有误，请编辑修改。');
    expect(await committeeDb.changes.count()).toBe(before);
    expect(await committeeDb.trainingClass.get(fromCommittee.id)).toMatchObject({ deleted: false });
    const empty = await createTrainingClass(committeeCtx, klass({ title: '未报名的班', organiser: 'committee' }));
    expect(empty.ok && (await deleteTrainingClass(committeeCtx, empty.value.id)).ok).toBe(true);
  });
});
