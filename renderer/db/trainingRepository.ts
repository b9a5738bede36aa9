/**
 * Writes of 教育培训: training classes, enrolments (报名), attendance (参训/缺训) and make-ups (补训).
 * Domain checks run inside the same transaction as the write; every write goes through the record
 * repository (meta, change log, masked audit, tombstones).
 *
 * Ownership (shared/model/tables.ts `recordOwner`): a class the unit organises (`organiser: 'unit'`)
 * is the unit's; a class the 工委 organises (`organiser: 'committee'`) is the committee's and arrives
 * in its bundles — a unit workspace cannot create, edit or delete it. Enrolments are always the
 * unit's, in the unit's own classes and in the committee's alike: the committee's class says what
 * was held, the unit records which of its members attended. The organiser of a class never changes
 * after it is created (it would hand the record to the other side).
 *
 * Invariants kept here (the schemas check single records; these need the other records):
 * - a member is enrolled in a class at most once (live enrolments), and only while on the unit's
 *   roster during the class;
 * - 缺训 has a reason and 0 hours; 参训 has no reason; hours never exceed the class's planned hours;
 * - in a class kept per session (课次, `sessions` not empty) every enrolment lists the sessions
 *   attended (缺训: none) and its hours are the sum of theirs — computed here, never typed; in a
 *   class without sessions the list is null and the hours are typed;
 * - a make-up (补训 with `makeUpOfClassId`) makes up a live enrolment of the same member that MISSED
 *   something of an earlier (or same-day) class — 缺训, or 参训 with fewer hours than planned (some
 *   sessions missed) — and each such enrolment is made up at most once;
 * - an enrolment whose miss has been made up elsewhere cannot stop being a miss, be removed, or
 *   have its class deleted, until the make-up is removed — otherwise the make-up would point at nothing;
 * - editing a class's sessions carries its enrolments along in the same transaction (removed
 *   sessions leave the lists, hours are recomputed); it is refused when it would lose what was
 *   recorded (see `updateTrainingClass`).
 */
import { ExpectedFailure, expectedError, fail, ok, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { Member } from '../../shared/model/member';
import type { Organisation } from '../../shared/model/organisation';
import { missedSomething, sessionLabel, sumHours, type Enrolment, type TrainingClass } from '../../shared/model/training';
import { RECORD_OWNER, recordOwner } from '../../shared/model/tables';
import type { EnrolmentStatus } from '../../shared/model/vocabulary';
import { compareIsoDates } from '../../shared/rules/dates';
import { isActiveMemberOn, onRosterOn, organisationOn } from '../../shared/rules/members/membership';
import { subtreeIds } from '../../shared/rules/organisations/setupHints';
import { createRecord, deleteRecord, updateRecord, type RecordInput, type RecordPatch, type WriteError } from './recordRepository';
import type { WriteContext } from './writeContext';

export type TrainingWriteErrorKind =
  | 'committee-class'
  | 'organiser-fixed'
  | 'duplicate-enrolment'
  | 'not-on-roster'
  | 'absence-reason'
  | 'hours'
  | 'make-up'
  | 'has-make-up'
  | 'has-enrolments'
  | 'invalid-date';

export type TrainingWriteError = WriteError | ExpectedError<TrainingWriteErrorKind>;

const trainingTables = (ctx: WriteContext) => [ctx.db.trainingClass, ctx.db.enrolment, ctx.db.member, ctx.db.organisation, ctx.db.changes, ctx.db.audit, ctx.db.device];

/** Runs `body` in one transaction; an ExpectedFailure thrown inside rolls everything back and comes out as a value. */
async function inOneTransaction<T>(ctx: WriteContext, body: () => Promise<Result<T, TrainingWriteError>>): Promise<Result<T, TrainingWriteError>> {
  try {
    return await ctx.db.transaction('rw', trainingTables(ctx), body);
  } catch (e) {
    if (e instanceof ExpectedFailure) return fail(e.error as TrainingWriteError);
    throw e;
  }
}

// ── reads inside the transaction ──────────────────────────────────────────────────────────────

async function liveClass(ctx: WriteContext, id: string): Promise<TrainingClass | null> {
  const c = (await ctx.db.trainingClass.get(id));
  return c && !c.deleted ? c : null;
}

async function liveEnrolment(ctx: WriteContext, id: string): Promise<Enrolment | null> {
  const e = (await ctx.db.enrolment.get(id));
  return e && !e.deleted ? e : null;
}

async function enrolmentsOfClass(ctx: WriteContext, classId: string): Promise<Enrolment[]> {
  return (await ctx.db.enrolment.where('classId').equals(classId).toArray()).filter((e) => !e.deleted);
}

async function enrolmentsOfMember(ctx: WriteContext, memberId: string): Promise<Enrolment[]> {
  return (await ctx.db.enrolment.where('memberId').equals(memberId).toArray()).filter((e) => !e.deleted);
}

async function memberName(ctx: WriteContext, memberId: string): Promise<string> {
  const m = (await ctx.db.member.get(memberId));
  return m?.name ?? '该党员';
}

/** Live enrolments elsewhere that make up this enrolment's class for its member. */
async function makeUpsOf(ctx: WriteContext, e: Pick<Enrolment, 'classId' | 'memberId'>): Promise<Enrolment[]> {
  return (await enrolmentsOfMember(ctx, e.memberId)).filter((x) => x.makeUpOfClassId === e.classId);
}

async function classTitle(ctx: WriteContext, id: string): Promise<string> {
  return (await liveClass(ctx, id))?.title ?? '（已删除的培训班）';
}

// ── messages ──────────────────────────────────────────────────────────────────────────────────

function classGone(): ExpectedError<'not-found'> {
  return expectedError('not-found', '该培训班不存在或已被删除，请刷新后重试。');
}

function enrolmentGone(): ExpectedError<'not-found'> {
  return expectedError('not-found', '该参训记录不存在或已被删除，请刷新后重试。');
}

function committeeClass(ctx: WriteContext): ExpectedError<'committee-class'> {
  return expectedError(
    'committee-class',
    ctx.mode === 'unit'
      ? '该培训班由机关工委举办，班次信息以工委下发的为准，本单位不能修改或删除；可以为本单位党员报名、登记参训情况。'
      : '该培训班由单位自行举办，工委只能查看，不能修改或删除。',
  );
}

function hoursText(h: number): string {
  return `${Math.round(h * 100) / 100} 学时`;
}

/** Hours of the given sessions of a class. */
function hoursOfSessions(cls: Pick<TrainingClass, 'sessions'>, ids: readonly string[]): number {
  const wanted = new Set(ids);
  return sumHours(cls.sessions.filter((x) => wanted.has(x.id)).map((x) => x.hours));
}

// ── classes ───────────────────────────────────────────────────────────────────────────────────

export async function createTrainingClass(ctx: WriteContext, input: RecordInput<'trainingClass'>): Promise<Result<TrainingClass, TrainingWriteError>> {
  if (recordOwner('trainingClass', input) !== ctx.mode) {
    return fail(
      expectedError(
        'committee-class',
        ctx.mode === 'unit'
          ? '机关工委举办的培训班由工委通过同步包下发，本单位不能自行登记；本单位举办的培训班请选择主办方“本单位”。'
          : '单位自行举办的培训班由单位登记，工委只能登记工委举办的培训班。',
        ['organiser'],
      ),
    );
  }
  return createRecord(ctx, 'trainingClass', input);
}

/**
 * Edit a class of this workspace. The organiser never changes; planned hours cannot drop below
 * hours already recorded; dates keep every make-up after the class it makes up. When the sessions
 * (课次) change, the class's enrolments follow in the same transaction:
 * - sessions removed leave every attendance list (refused if someone attended only those);
 * - a class split into sessions: those who attended in full attend every session, absences none;
 *   refused while someone is recorded with part of the hours (which sessions is unknown);
 * - sessions dropped altogether: enrolments keep their hours, typed from then on;
 * - hours of every enrolment are recomputed from its sessions.
 */
export async function updateTrainingClass(
  ctx: WriteContext,
  id: string,
  patch: RecordPatch<'trainingClass'>,
): Promise<Result<TrainingClass, TrainingWriteError>> {
  return inOneTransaction(ctx, async () => {
    const current = await liveClass(ctx, id);
    if (!current) return fail(classGone());
    if (recordOwner('trainingClass', current) !== ctx.mode) return fail(committeeClass(ctx));
    if (patch.organiser !== undefined && patch.organiser !== current.organiser) {
      return fail(expectedError('organiser-fixed', '培训班登记后不能更改主办方。如登记错了，请删除后重新登记。', ['organiser']));
    }
    const enrolments = await enrolmentsOfClass(ctx, id);
    const sessions = patch.sessions ?? current.sessions;
    if (patch.hours !== undefined && patch.hours > 0 && sessions.length === 0) {
      const over = enrolments.filter((e) => e.attendedHours > patch.hours!);
      if (over.length > 0) {
        const most = Math.max(...over.map((e) => e.attendedHours));
        return fail(
          expectedError('hours', `已有 ${over.length} 人登记的参训学时（最多 ${hoursText(most)}）超过新的计划学时，请先调整他们的参训学时，或核对计划学时。`, ['hours']),
        );
      }
    }
    const startDate = patch.startDate ?? current.startDate;
    if (patch.startDate !== undefined && patch.startDate !== current.startDate) {
      // make-ups held in this class must not come before the classes they make up …
      for (const e of enrolments) {
        if (e.makeUpOfClassId === null) continue;
        const missed = await liveClass(ctx, e.makeUpOfClassId);
        if (missed && compareIsoDates(startDate, missed.startDate) < 0) {
          return fail(expectedError('invalid-date', `本班有补训《${missed.title}》的记录，开始日期不能早于该培训班（${missed.startDate}）。`, ['startDate']));
        }
      }
      // … and make-ups of this class elsewhere must not come before it.
      for (const e of enrolments) {
        for (const m of await makeUpsOf(ctx, e)) {
          const where = await liveClass(ctx, m.classId);
          if (where && compareIsoDates(where.startDate, startDate) < 0) {
            return fail(expectedError('invalid-date', `本班的缺训已在《${where.title}》（${where.startDate}）补训，开始日期不能晚于该补训班。`, ['startDate']));
          }
        }
      }
    }
    const updated = await updateRecord(ctx, 'trainingClass', id, patch);
    if (!updated.ok || patch.sessions === undefined) return updated;
    const carried = await carryEnrolments(ctx, current, updated.value, enrolments);
    if (carried) throw new ExpectedFailure(carried);
    return updated;
  });
}

/** Inside `updateTrainingClass`: the enrolments after the class's sessions changed (its doc comment). */
async function carryEnrolments(
  ctx: WriteContext,
  before: TrainingClass,
  after: TrainingClass,
  enrolments: readonly Enrolment[],
): Promise<ExpectedError<TrainingWriteErrorKind | 'not-found'> | WriteError | null> {
  const kept = new Set(after.sessions.map((x) => x.id));
  for (const e of enrolments) {
    let next: Pick<Enrolment, 'attendedSessionIds' | 'attendedHours'>;
    if (after.sessions.length === 0) {
      next = { attendedSessionIds: null, attendedHours: e.attendedHours };
    } else if (before.sessions.length === 0 || e.attendedSessionIds === null) {
      if (e.status !== 'absent' && before.hours > 0 && e.attendedHours < before.hours) {
        const name = await memberName(ctx, e.memberId);
        return expectedError(
          'hours',
          `${name}登记的参训学时（${hoursText(e.attendedHours)}）少于计划学时，分次后无法确定其参加了哪几次课。请先将其参训学时改为计划学时（分次后再逐次取消未参加的课次），或暂不分次。`,
          ['sessions'],
        );
      }
      const ids = e.status === 'absent' ? [] : after.sessions.map((x) => x.id);
      next = { attendedSessionIds: ids, attendedHours: hoursOfSessions(after, ids) };
    } else {
      const ids = e.attendedSessionIds.filter((x) => kept.has(x));
      if (e.status !== 'absent' && ids.length === 0) {
        const name = await memberName(ctx, e.memberId);
        const lost = e.attendedSessionIds.map((x) => before.sessions.findIndex((b) => b.id === x)).filter((i) => i >= 0);
        return expectedError(
          'hours',
          `${name}只参加了要删除的${lost.map((i) => sessionLabel(before.sessions[i]!, i)).join('、')}，删除后其参训记录将无课次可依。请先核对该课次，或将其改为缺训。`,
          ['sessions'],
        );
      }
      next = { attendedSessionIds: ids, attendedHours: hoursOfSessions(after, ids) };
    }
    if (missedSomething(e, before) && !missedSomething({ status: e.status, attendedHours: next.attendedHours }, after)) {
      const [m] = await makeUpsOf(ctx, e);
      if (m) {
        return expectedError(
          'has-make-up',
          `${await memberName(ctx, e.memberId)}在本班缺的课已在《${await classTitle(ctx, m.classId)}》补训；改动课次后其将不再缺课，请先删除那条补训记录。`,
          ['sessions'],
        );
      }
    }
    const same = next.attendedHours === e.attendedHours && JSON.stringify(next.attendedSessionIds) === JSON.stringify(e.attendedSessionIds);
    if (same) continue;
    const r = await updateRecord(ctx, 'enrolment', e.id, next);
    if (!r.ok) return r.error;
  }
  return null;
}

/**
 * Deletes a class of this workspace and, in the same transaction, its enrolments (tombstones).
 * Refused while an absence from it has been made up in another class.
 */
export async function deleteTrainingClass(ctx: WriteContext, id: string): Promise<Result<{ trainingClass: TrainingClass; enrolments: number }, TrainingWriteError>> {
  return inOneTransaction(ctx, async () => {
    const current = await liveClass(ctx, id);
    if (!current) return fail(classGone());
    if (recordOwner('trainingClass', current) !== ctx.mode) return fail(committeeClass(ctx));
    const enrolments = await enrolmentsOfClass(ctx, id);
    // the 工委's class: the enrolments are the units' records, which the committee cannot delete
    if (enrolments.length > 0 && RECORD_OWNER.enrolment !== ctx.mode) {
      const units = new Set(enrolments.map((e) => e.unitId)).size;
      return fail(
        expectedError(
          'has-enrolments',
          `已有 ${units} 个单位为本班登记了 ${enrolments.length} 人的参训情况，这些记录由单位填报，工委不能删除，因此本班也不能删除。如班次信息有误，请编辑修改。`,
        ),
      );
    }
    for (const e of enrolments) {
      const [m] = await makeUpsOf(ctx, e);
      if (m) {
        return fail(
          expectedError(
            'has-make-up',
            `${await memberName(ctx, e.memberId)}缺训本班后已在《${await classTitle(ctx, m.classId)}》补训。请先删除该补训记录，再删除本培训班。`,
          ),
        );
      }
    }
    for (const e of enrolments) {
      const r = await deleteRecord(ctx, 'enrolment', e.id);
      if (!r.ok) throw new ExpectedFailure(r.error);
    }
    const r = await deleteRecord(ctx, 'trainingClass', id);
    if (!r.ok) throw new ExpectedFailure(r.error);
    return ok({ trainingClass: r.value, enrolments: enrolments.length });
  });
}

// ── enrolments ────────────────────────────────────────────────────────────────────────────────

export interface EnrolmentFields {
  readonly status: EnrolmentStatus;
  /** Typed in a class without sessions; computed from `attendedSessionIds` in a class with sessions. */
  readonly attendedHours: number;
  readonly absenceReason: string | null;
  readonly makeUpOfClassId: string | null;
  /** Sessions attended, in a class with sessions (null: every session, for a new 参训/补训). */
  readonly attendedSessionIds: readonly string[] | null;
}

/**
 * 缺训: 0 hours, no sessions; 参训: no reason; a make-up link only on 补训 (the schema refuses it
 * otherwise). In a class with sessions the list is kept in the class's order (null → all) and the
 * hours are its sum; without sessions the list is null.
 */
function normalise(f: EnrolmentFields, cls: Pick<TrainingClass, 'sessions'>): EnrolmentFields {
  const reason = f.absenceReason?.trim() ? f.absenceReason.trim() : null;
  let sessions: string[] | null = null;
  let hours = f.attendedHours;
  if (cls.sessions.length > 0) {
    const wanted = f.attendedSessionIds === null ? null : new Set(f.attendedSessionIds);
    sessions = f.status === 'absent' ? [] : cls.sessions.filter((x) => wanted === null || wanted.has(x.id)).map((x) => x.id);
    hours = hoursOfSessions(cls, sessions);
  }
  const g = { ...f, attendedHours: hours, attendedSessionIds: sessions };
  if (f.status === 'absent') return { ...g, attendedHours: 0, absenceReason: reason, makeUpOfClassId: null };
  if (f.status === 'attended') return { ...g, absenceReason: null, makeUpOfClassId: null };
  return { ...g, absenceReason: reason };
}

/** The checks every enrolment write passes; `self` is the enrolment being changed (null for a new one). */
async function checkEnrolment(
  ctx: WriteContext,
  cls: TrainingClass,
  memberId: string,
  f: EnrolmentFields,
  self: Enrolment | null,
  /** The session ids the caller asked for, before normalising (to refuse unknown ones). */
  requested: readonly string[] | null = null,
): Promise<ExpectedError<TrainingWriteErrorKind | 'not-found'> | null> {
  const name = await memberName(ctx, memberId);
  if (f.status === 'absent' && f.absenceReason === null) {
    return expectedError('absence-reason', `请填写${name}的缺训原因`, ['absenceReason']);
  }
  if (f.attendedSessionIds !== null) {
    const known = new Set(cls.sessions.map((x) => x.id));
    if (f.attendedSessionIds.some((x) => !known.has(x)) || (requested !== null && requested.some((x) => !known.has(x)))) {
      return expectedError('hours', '所选课次不属于本培训班（课次可能已被修改），请刷新后重新勾选', ['attendedSessionIds']);
    }
    if (f.status !== 'absent' && f.attendedSessionIds.length === 0) {
      return expectedError('absence-reason', `${name}一次课都没有参加，请将参训情况改为“缺训”并填写原因`, ['attendedSessionIds']);
    }
  }
  if (cls.hours > 0 && f.attendedHours > cls.hours) {
    return expectedError('hours', `参训学时（${hoursText(f.attendedHours)}）不能超过本班计划学时（${hoursText(cls.hours)}），请核对`, ['attendedHours']);
  }
  if (self !== null && missedSomething(self, cls) && !missedSomething(f, cls)) {
    const [m] = await makeUpsOf(ctx, self);
    if (m) {
      return expectedError(
        'has-make-up',
        `${name}缺训本班后已在《${await classTitle(ctx, m.classId)}》补训。如实际参加了本班，请先删除那条补训记录。`,
        ['status'],
      );
    }
  }
  if (f.makeUpOfClassId !== null) {
    const missed = await liveClass(ctx, f.makeUpOfClassId);
    if (!missed) return expectedError('make-up', '所补的培训班不存在或已被删除，请重新选择', ['makeUpOfClassId']);
    if (missed.id === cls.id) return expectedError('make-up', '所补的培训班不能是本培训班，请重新选择', ['makeUpOfClassId']);
    if (compareIsoDates(cls.startDate, missed.startDate) < 0) {
      return expectedError('make-up', `补训应在缺训之后：《${cls.title}》早于所补的《${missed.title}》，请重新选择`, ['makeUpOfClassId']);
    }
    const mine = await enrolmentsOfMember(ctx, memberId);
    if (!mine.some((e) => e.classId === missed.id && missedSomething(e, missed))) {
      return expectedError('make-up', `${name}在《${missed.title}》中没有缺训或缺课记录，不能登记为补训`, ['makeUpOfClassId']);
    }
    const other = mine.find((e) => e.makeUpOfClassId === missed.id && e.id !== self?.id);
    if (other) {
      return expectedError('make-up', `${name}缺训的《${missed.title}》已在《${await classTitle(ctx, other.classId)}》登记补训，不能重复补训`, ['makeUpOfClassId']);
    }
  }
  return null;
}

async function checkNewEnrolment(ctx: WriteContext, cls: TrainingClass, member: Member | null, existing: readonly Enrolment[]): Promise<ExpectedError<TrainingWriteErrorKind | 'not-found'> | null> {
  if (!member) return expectedError('not-found', '所选党员不存在或已被删除，请刷新后重试。', ['memberId']);
  if (existing.some((e) => e.memberId === member.id)) {
    return expectedError('duplicate-enrolment', `${member.name}已报名《${cls.title}》，不能重复报名`, ['memberId']);
  }
  if (!onRosterOn(member, cls.startDate) && !onRosterOn(member, cls.endDate)) {
    return expectedError('not-on-roster', `${member.name}在培训期间（${cls.startDate}至${cls.endDate}）不在本单位党员名册中，不能报名`, ['memberId']);
  }
  return null;
}

async function liveMember(ctx: WriteContext, id: string): Promise<Member | null> {
  const m = (await ctx.db.member.get(id));
  return m && !m.deleted ? m : null;
}

export interface EnrolSummary {
  readonly added: readonly Enrolment[];
  /** Members who were already enrolled and were left as they were. */
  readonly alreadyEnrolled: readonly string[];
}

/**
 * Enrols members in a class, ALL in one transaction: each starts as 参训 with the class's planned
 * hours (the usual case; absences are marked afterwards). Members already enrolled are skipped
 * and reported; any other problem refuses the whole batch.
 */
export async function enrolMembers(ctx: WriteContext, classId: string, memberIds: readonly string[]): Promise<Result<EnrolSummary, TrainingWriteError>> {
  return inOneTransaction(ctx, async () => {
    const cls = await liveClass(ctx, classId);
    if (!cls) return fail(classGone());
    return ok(await enrol(ctx, cls, memberIds));
  });
}

/** Inside a transaction: creates the enrolments, throwing ExpectedFailure (rolling back) on any problem. */
async function enrol(ctx: WriteContext, cls: TrainingClass, memberIds: readonly string[]): Promise<EnrolSummary> {
  const existing = await enrolmentsOfClass(ctx, cls.id);
  const enrolled = new Set(existing.map((e) => e.memberId));
  const added: Enrolment[] = [];
  const alreadyEnrolled: string[] = [];
  for (const memberId of new Set(memberIds)) {
    if (enrolled.has(memberId)) {
      alreadyEnrolled.push(memberId);
      continue;
    }
    const problem = await checkNewEnrolment(ctx, cls, await liveMember(ctx, memberId), existing);
    if (problem) throw new ExpectedFailure(problem);
    const fields = normalise({ status: 'attended', attendedHours: cls.hours, absenceReason: null, makeUpOfClassId: null, attendedSessionIds: null }, cls);
    const r = await createRecord(ctx, 'enrolment', { classId: cls.id, memberId, ...recordFields(fields) });
    if (!r.ok) throw new ExpectedFailure(r.error);
    added.push(r.value);
    enrolled.add(memberId);
  }
  return { added, alreadyEnrolled };
}

/**
 * The members of an organisation (and, by default, of every organisation under it) who are on the
 * roster and 在职 on the class's first day — "all members of …". Pure, for the preview in the form.
 */
export function membersToEnrol(
  cls: Pick<TrainingClass, 'startDate'>,
  organisationId: string,
  organisations: readonly Organisation[],
  members: readonly Member[],
  includeSubtree = true,
): Member[] {
  const ids = includeSubtree ? subtreeIds(organisationId, organisations) : new Set([organisationId]);
  return members.filter((m) => {
    if (m.deleted || !isActiveMemberOn(m, cls.startDate)) return false;
    const at = m.postings.length === 0 ? m.organisationId : organisationOn(m, cls.startDate);
    return at !== null && ids.has(at);
  });
}

/** Enrols every member of an organisation (and its sub-organisations) in one transaction. */
export async function enrolOrganisation(
  ctx: WriteContext,
  classId: string,
  organisationId: string,
  options: { includeSubtree?: boolean } = {},
): Promise<Result<EnrolSummary, TrainingWriteError>> {
  return inOneTransaction(ctx, async () => {
    const cls = await liveClass(ctx, classId);
    if (!cls) return fail(classGone());
    const organisations = ((await ctx.db.organisation.toArray())).filter((o) => !o.deleted);
    if (!organisations.some((o) => o.id === organisationId)) {
      return fail(expectedError('not-found', '所选党组织不存在或已被删除，请重新选择', ['organisationId']));
    }
    const members = (await ctx.db.member.toArray());
    const ids = membersToEnrol(cls, organisationId, organisations, members, options.includeSubtree ?? true).map((m) => m.id);
    return ok(await enrol(ctx, cls, ids));
  });
}

/**
 * Changes an enrolment: 参训 with hours, 缺训 with a reason, 补训 (with the class it makes up, or
 * none when the make-up was done without another class). See the module comment for the checks.
 */
export async function updateEnrolment(ctx: WriteContext, id: string, fields: Partial<EnrolmentFields>): Promise<Result<Enrolment, TrainingWriteError>> {
  return ctx.db.transaction('rw', trainingTables(ctx), async () => {
    const current = await liveEnrolment(ctx, id);
    if (!current) return fail(enrolmentGone());
    const cls = await liveClass(ctx, current.classId);
    if (!cls) return fail(classGone());
    const status = fields.status ?? current.status;
    // a member turned from 缺训 to 参训/补训 without a list of sessions attended every session
    const sessions = fields.attendedSessionIds !== undefined ? fields.attendedSessionIds : current.status === 'absent' && status !== 'absent' ? null : current.attendedSessionIds;
    const next = normalise(
      {
        status,
        attendedHours: fields.attendedHours ?? current.attendedHours,
        absenceReason: fields.absenceReason === undefined ? current.absenceReason : fields.absenceReason,
        makeUpOfClassId: fields.makeUpOfClassId === undefined ? current.makeUpOfClassId : fields.makeUpOfClassId,
        attendedSessionIds: sessions,
      },
      cls,
    );
    const problem = await checkEnrolment(ctx, cls, current.memberId, next, current, fields.attendedSessionIds ?? null);
    if (problem) return fail(problem);
    return updateRecord(ctx, 'enrolment', id, recordFields(next));
  });
}

/** The fields as the record stores them. */
function recordFields(f: EnrolmentFields): Omit<EnrolmentFields, 'attendedSessionIds'> & { attendedSessionIds: string[] | null } {
  return { ...f, attendedSessionIds: f.attendedSessionIds === null ? null : [...f.attendedSessionIds] };
}

/** How an absence was made up: in another (later) class, or on its own (补学, no class recorded). */
export type MakeUp =
  | {
      readonly kind: 'inClass';
      readonly classId: string;
      /** Typed for a make-up class without sessions; from the sessions otherwise. */
      readonly attendedHours: number;
      /** In a make-up class with sessions: those attended (default: all). */
      readonly attendedSessionIds?: readonly string[] | null;
    }
  | { readonly kind: 'self'; readonly attendedHours: number };

/**
 * Records the make-up of an enrolment that missed something (缺训, or sessions/hours missed). In
 * another class: a new 补训 enrolment there, linked to the missed class — or, when the member is
 * already enrolled there, that enrolment becomes the make-up. On its own (补学, absences only): the
 * absence itself becomes 补训 (its reason kept).
 */
export async function recordMakeUp(ctx: WriteContext, absentEnrolmentId: string, makeUp: MakeUp): Promise<Result<Enrolment, TrainingWriteError>> {
  return ctx.db.transaction('rw', trainingTables(ctx), async () => {
    const missed = await liveEnrolment(ctx, absentEnrolmentId);
    if (!missed) return fail(enrolmentGone());
    const missedClass = await liveClass(ctx, missed.classId);
    if (!missedClass) return fail(classGone());
    if (!missedSomething(missed, missedClass)) {
      return fail(expectedError('make-up', `${await memberName(ctx, missed.memberId)}在本班全程参训，无需补训`));
    }
    if (makeUp.kind === 'self') {
      if (missed.status !== 'absent') {
        return fail(expectedError('make-up', '部分缺课的补学请在补训班中登记（本人已有参训记录），或在本班勾选补上的课次', ['kind']));
      }
      return updateEnrolment(ctx, missed.id, { status: 'madeUp', attendedHours: makeUp.attendedHours });
    }
    const cls = await liveClass(ctx, makeUp.classId);
    if (!cls) return fail(expectedError('not-found', '所选的补训班不存在或已被删除，请重新选择', ['classId']));
    const requested = makeUp.attendedSessionIds ?? null;
    const fields = normalise({ status: 'madeUp', attendedHours: makeUp.attendedHours, absenceReason: null, makeUpOfClassId: missed.classId, attendedSessionIds: requested }, cls);
    const there = (await enrolmentsOfClass(ctx, cls.id)).find((e) => e.memberId === missed.memberId);
    if (there) {
      if (there.status === 'absent') {
        return fail(expectedError('make-up', `${await memberName(ctx, missed.memberId)}在《${cls.title}》也是缺训，不能作为补训`, ['classId']));
      }
      if (there.makeUpOfClassId !== null && there.makeUpOfClassId !== missed.classId) {
        return fail(
          expectedError('make-up', `${await memberName(ctx, missed.memberId)}在《${cls.title}》的参训已登记为《${await classTitle(ctx, there.makeUpOfClassId)}》的补训，一次参训只能补一个培训班`, ['classId']),
        );
      }
      return updateEnrolment(ctx, there.id, fields);
    }
    const member = await liveMember(ctx, missed.memberId);
    const newProblem = await checkNewEnrolment(ctx, cls, member, []);
    if (newProblem) return fail(newProblem);
    const problem = await checkEnrolment(ctx, cls, missed.memberId, fields, null, requested);
    if (problem) return fail(problem);
    return createRecord(ctx, 'enrolment', { classId: cls.id, memberId: missed.memberId, ...recordFields(fields) });
  });
}

/**
 * 全部参训: every enrolment of the class becomes 参训 with the planned hours (every session), in one
 * transaction — except make-ups (补训) and misses already made up elsewhere, which keep their record.
 */
export async function markAllAttended(ctx: WriteContext, classId: string): Promise<Result<{ updated: number; kept: number }, TrainingWriteError>> {
  return inOneTransaction(ctx, async () => {
    const cls = await liveClass(ctx, classId);
    if (!cls) return fail(classGone());
    let updated = 0;
    let kept = 0;
    for (const e of await enrolmentsOfClass(ctx, classId)) {
      if (e.status === 'madeUp' || (missedSomething(e, cls) && (await makeUpsOf(ctx, e)).length > 0)) {
        kept++;
        continue;
      }
      const full = normalise({ status: 'attended', attendedHours: cls.hours, absenceReason: null, makeUpOfClassId: null, attendedSessionIds: null }, cls);
      if (e.status === 'attended' && e.attendedHours === full.attendedHours && JSON.stringify(e.attendedSessionIds) === JSON.stringify(full.attendedSessionIds)) continue;
      const r = await updateRecord(ctx, 'enrolment', e.id, recordFields(full));
      if (!r.ok) throw new ExpectedFailure(r.error);
      updated++;
    }
    return ok({ updated, kept });
  });
}

/** Takes a member off a class (tombstone). Refused for a miss made up elsewhere. */
export async function removeEnrolment(ctx: WriteContext, id: string): Promise<Result<Enrolment, TrainingWriteError>> {
  return ctx.db.transaction('rw', trainingTables(ctx), async () => {
    const current = await liveEnrolment(ctx, id);
    if (!current) return fail(enrolmentGone());
    {
      const [m] = await makeUpsOf(ctx, current);
      if (m) {
        return fail(
          expectedError('has-make-up', `${await memberName(ctx, current.memberId)}缺训本班后已在《${await classTitle(ctx, m.classId)}》补训。请先删除那条补训记录，再移除本条。`),
        );
      }
    }
    return deleteRecord(ctx, 'enrolment', id);
  });
}
