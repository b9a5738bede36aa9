/**
 * Writes of 教育培训: training classes, enrolments (报名), attendance (参训/缺训) and make-ups (补训).
 * Each write reads the records it needs inside ONE transaction (`runWrite`), asks the rules of
 * shared/rules/training/enrolmentRules.ts (ownership, enrolment, attendance and hours, make-ups,
 * what editing a class does to its enrolments — the invariants are listed there), and writes
 * through the record repository (meta, change log, masked audit, tombstones).
 */
import { ExpectedFailure, expectedError, fail, ok, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { Member } from '../../shared/model/member';
import type { Enrolment, TrainingClass } from '../../shared/model/training';
import {
  carryEnrolments,
  classDeletionProblem,
  classOwnerProblem,
  classUpdateProblem,
  enrolmentProblem,
  enrolmentRemovalProblem,
  fullAttendance,
  keptByMarkAll,
  makeUpProblem,
  makeUpThereProblem,
  membersToEnrol,
  newClassProblem,
  newEnrolmentProblem,
  normaliseEnrolment,
  type EnrolmentFields,
  type TrainingRecords,
  type TrainingRuleErrorKind,
} from '../../shared/rules/training/enrolmentRules';
import { createRecord, deleteRecord, updateRecord, type RecordInput, type RecordPatch, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import type { WriteContext } from './writeContext';

export type { EnrolmentFields } from '../../shared/rules/training/enrolmentRules';
/** Pure: the members an organisation's enrolment takes (for the preview in the form). */
export { membersToEnrol } from '../../shared/rules/training/enrolmentRules';

export type TrainingWriteErrorKind = TrainingRuleErrorKind;

export type TrainingWriteError = WriteError | ExpectedError<TrainingWriteErrorKind>;

const trainingTables = (ctx: WriteContext) => [ctx.db.trainingClass, ctx.db.enrolment, ctx.db.member, ctx.db.organisation, ctx.db.changes, ctx.db.audit, ctx.db.device];

// ── reads inside the transaction ──────────────────────────────────────────────────────────────

async function liveClass(ctx: WriteContext, id: string): Promise<TrainingClass | null> {
  const c = await ctx.db.trainingClass.get(id);
  return c && !c.deleted ? c : null;
}

async function liveEnrolment(ctx: WriteContext, id: string): Promise<Enrolment | null> {
  const e = await ctx.db.enrolment.get(id);
  return e && !e.deleted ? e : null;
}

async function liveMember(ctx: WriteContext, id: string): Promise<Member | null> {
  const m = await ctx.db.member.get(id);
  return m && !m.deleted ? m : null;
}

async function enrolmentsOfClass(ctx: WriteContext, classId: string): Promise<Enrolment[]> {
  return (await ctx.db.enrolment.where('classId').equals(classId).toArray()).filter((e) => !e.deleted);
}

/**
 * What the rules look up about some members: their live enrolments, the live classes those name
 * (held in, or made up) plus `classIds`, and the members themselves (deleted too, for their names).
 */
async function recordsAbout(ctx: WriteContext, memberIds: Iterable<string>, classIds: Iterable<string> = []): Promise<TrainingRecords> {
  const ids = [...new Set(memberIds)];
  const enrolments = (await ctx.db.enrolment.where('memberId').anyOf(ids).toArray()).filter((e) => !e.deleted);
  const named = new Set(classIds);
  for (const e of enrolments) {
    named.add(e.classId);
    if (e.makeUpOfClassId !== null) named.add(e.makeUpOfClassId);
  }
  const classes = (await ctx.db.trainingClass.bulkGet([...named])).filter((c): c is TrainingClass => c !== undefined && !c.deleted);
  const members = (await ctx.db.member.bulkGet(ids)).filter((m): m is Member => m !== undefined);
  return { classes, enrolments, members };
}

// ── messages ──────────────────────────────────────────────────────────────────────────────────

function classGone(): ExpectedError<'not-found'> {
  return expectedError('not-found', '该培训班不存在或已被删除，请刷新后重试。');
}

function enrolmentGone(): ExpectedError<'not-found'> {
  return expectedError('not-found', '该参训记录不存在或已被删除，请刷新后重试。');
}

// ── classes ───────────────────────────────────────────────────────────────────────────────────

export async function createTrainingClass(ctx: WriteContext, input: RecordInput<'trainingClass'>): Promise<Result<TrainingClass, TrainingWriteError>> {
  const problem = newClassProblem(ctx.mode, input);
  if (problem) return fail(problem);
  return createRecord(ctx, 'trainingClass', input);
}

/**
 * Edit a class of this workspace (`classUpdateProblem`: the organiser never changes, planned hours
 * cannot drop below hours already recorded, dates keep every make-up after the class it makes up).
 * When the sessions (课次) change, the class's enrolments follow in the same transaction
 * (`carryEnrolments`), or the whole edit is refused.
 */
export async function updateTrainingClass(
  ctx: WriteContext,
  id: string,
  patch: RecordPatch<'trainingClass'>,
): Promise<Result<TrainingClass, TrainingWriteError>> {
  return runWrite<TrainingClass, TrainingWriteError>(ctx.db, trainingTables(ctx), async () => {
    const current = await liveClass(ctx, id);
    if (!current) return fail(classGone());
    const notOwner = classOwnerProblem(ctx.mode, current);
    if (notOwner) return fail(notOwner);
    const enrolments = await enrolmentsOfClass(ctx, id);
    const records = await recordsAbout(ctx, enrolments.map((e) => e.memberId));
    const problem = classUpdateProblem(current, patch, enrolments, records);
    if (problem) return fail(problem);
    const updated = await updateRecord(ctx, 'trainingClass', id, patch);
    if (!updated.ok || patch.sessions === undefined) return updated;
    const carried = carryEnrolments(current, updated.value, enrolments, records);
    if (!carried.ok) throw new ExpectedFailure(carried.error); // rolls the class edit back
    for (const c of carried.changes) {
      const r = await updateRecord(ctx, 'enrolment', c.id, { attendedSessionIds: c.attendedSessionIds, attendedHours: c.attendedHours });
      if (!r.ok) throw new ExpectedFailure(r.error);
    }
    return updated;
  });
}

/**
 * Deletes a class of this workspace and, in the same transaction, its enrolments (tombstones).
 * Refused while an absence from it has been made up in another class (`classDeletionProblem`).
 */
export async function deleteTrainingClass(ctx: WriteContext, id: string): Promise<Result<{ trainingClass: TrainingClass; enrolments: number }, TrainingWriteError>> {
  return runWrite<{ trainingClass: TrainingClass; enrolments: number }, TrainingWriteError>(ctx.db, trainingTables(ctx), async () => {
    const current = await liveClass(ctx, id);
    if (!current) return fail(classGone());
    const notOwner = classOwnerProblem(ctx.mode, current);
    if (notOwner) return fail(notOwner);
    const enrolments = await enrolmentsOfClass(ctx, id);
    const problem = classDeletionProblem(ctx.mode, enrolments, await recordsAbout(ctx, enrolments.map((e) => e.memberId)));
    if (problem) return fail(problem);
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
  return runWrite<EnrolSummary, TrainingWriteError>(ctx.db, trainingTables(ctx), async () => {
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
    const problem = newEnrolmentProblem(cls, await liveMember(ctx, memberId), existing);
    if (problem) throw new ExpectedFailure(problem);
    const r = await createRecord(ctx, 'enrolment', { classId: cls.id, memberId, ...recordFields(fullAttendance(cls)) });
    if (!r.ok) throw new ExpectedFailure(r.error);
    added.push(r.value);
    enrolled.add(memberId);
  }
  return { added, alreadyEnrolled };
}

/** Enrols every member of an organisation (and its sub-organisations) in one transaction. */
export async function enrolOrganisation(
  ctx: WriteContext,
  classId: string,
  organisationId: string,
  options: { includeSubtree?: boolean } = {},
): Promise<Result<EnrolSummary, TrainingWriteError>> {
  return runWrite<EnrolSummary, TrainingWriteError>(ctx.db, trainingTables(ctx), async () => {
    const cls = await liveClass(ctx, classId);
    if (!cls) return fail(classGone());
    const organisations = (await ctx.db.organisation.toArray()).filter((o) => !o.deleted);
    if (!organisations.some((o) => o.id === organisationId)) {
      return fail(expectedError('not-found', '所选党组织不存在或已被删除，请重新选择', ['organisationId']));
    }
    const members = await ctx.db.member.toArray();
    const ids = membersToEnrol(cls, organisationId, organisations, members, options.includeSubtree ?? true).map((m) => m.id);
    return ok(await enrol(ctx, cls, ids));
  });
}

/**
 * Changes an enrolment: 参训 with hours, 缺训 with a reason, 补训 (with the class it makes up, or
 * none when the make-up was done without another class). The checks are `enrolmentProblem`'s.
 */
export async function updateEnrolment(ctx: WriteContext, id: string, fields: Partial<EnrolmentFields>): Promise<Result<Enrolment, TrainingWriteError>> {
  return runWrite<Enrolment, TrainingWriteError>(ctx.db, trainingTables(ctx), async () => {
    const current = await liveEnrolment(ctx, id);
    if (!current) return fail(enrolmentGone());
    const cls = await liveClass(ctx, current.classId);
    if (!cls) return fail(classGone());
    const status = fields.status ?? current.status;
    // a member turned from 缺训 to 参训/补训 without a list of sessions attended every session
    const sessions = fields.attendedSessionIds !== undefined ? fields.attendedSessionIds : current.status === 'absent' && status !== 'absent' ? null : current.attendedSessionIds;
    const next = normaliseEnrolment(
      {
        status,
        attendedHours: fields.attendedHours ?? current.attendedHours,
        absenceReason: fields.absenceReason === undefined ? current.absenceReason : fields.absenceReason,
        makeUpOfClassId: fields.makeUpOfClassId === undefined ? current.makeUpOfClassId : fields.makeUpOfClassId,
        attendedSessionIds: sessions,
      },
      cls,
    );
    const records = await recordsAbout(ctx, [current.memberId], next.makeUpOfClassId === null ? [] : [next.makeUpOfClassId]);
    const problem = enrolmentProblem({ cls, memberId: current.memberId, fields: next, self: current, requested: fields.attendedSessionIds ?? null, records });
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
  return runWrite<Enrolment, TrainingWriteError>(ctx.db, trainingTables(ctx), async () => {
    const missed = await liveEnrolment(ctx, absentEnrolmentId);
    if (!missed) return fail(enrolmentGone());
    const missedClass = await liveClass(ctx, missed.classId);
    if (!missedClass) return fail(classGone());
    const records = await recordsAbout(ctx, [missed.memberId]);
    const notMissed = makeUpProblem(missed, missedClass, makeUp.kind, records);
    if (notMissed) return fail(notMissed);
    if (makeUp.kind === 'self') return updateEnrolment(ctx, missed.id, { status: 'madeUp', attendedHours: makeUp.attendedHours });
    const cls = await liveClass(ctx, makeUp.classId);
    if (!cls) return fail(expectedError('not-found', '所选的补训班不存在或已被删除，请重新选择', ['classId']));
    const requested = makeUp.attendedSessionIds ?? null;
    const fields = normaliseEnrolment({ status: 'madeUp', attendedHours: makeUp.attendedHours, absenceReason: null, makeUpOfClassId: missed.classId, attendedSessionIds: requested }, cls);
    const there = (await enrolmentsOfClass(ctx, cls.id)).find((e) => e.memberId === missed.memberId);
    if (there) {
      const problem = makeUpThereProblem(missed, cls, there, records);
      if (problem) return fail(problem);
      return updateEnrolment(ctx, there.id, fields);
    }
    const newProblem = newEnrolmentProblem(cls, await liveMember(ctx, missed.memberId), []);
    if (newProblem) return fail(newProblem);
    const problem = enrolmentProblem({ cls, memberId: missed.memberId, fields, self: null, requested, records });
    if (problem) return fail(problem);
    return createRecord(ctx, 'enrolment', { classId: cls.id, memberId: missed.memberId, ...recordFields(fields) });
  });
}

/**
 * 全部参训: every enrolment of the class becomes 参训 with the planned hours (every session), in one
 * transaction — except make-ups (补训) and misses already made up elsewhere, which keep their record.
 */
export async function markAllAttended(ctx: WriteContext, classId: string): Promise<Result<{ updated: number; kept: number }, TrainingWriteError>> {
  return runWrite<{ updated: number; kept: number }, TrainingWriteError>(ctx.db, trainingTables(ctx), async () => {
    const cls = await liveClass(ctx, classId);
    if (!cls) return fail(classGone());
    const enrolments = await enrolmentsOfClass(ctx, classId);
    const records = await recordsAbout(ctx, enrolments.map((e) => e.memberId));
    const full = fullAttendance(cls);
    let updated = 0;
    let kept = 0;
    for (const e of enrolments) {
      if (keptByMarkAll(e, cls, records)) {
        kept++;
        continue;
      }
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
  return runWrite<Enrolment, TrainingWriteError>(ctx.db, trainingTables(ctx), async () => {
    const current = await liveEnrolment(ctx, id);
    if (!current) return fail(enrolmentGone());
    const problem = enrolmentRemovalProblem(current, await recordsAbout(ctx, [current.memberId]));
    if (problem) return fail(problem);
    return deleteRecord(ctx, 'enrolment', id);
  });
}
