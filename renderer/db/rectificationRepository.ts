/**
 * Writes of 整改落实 (the unit's rectification ledger): items the unit enters itself (巡视, 巡察,
 * 督导, 考核), edits, dated progress notes, 销号 with a date and evidence, 重新打开, and deleting an
 * item the unit entered. Items the committee's records bring (a 红黄牌's 整改, a 述职评议 problem:
 * accountabilityRepository answerCard / rectifyReviewProblem) are edited here too, but keep their
 * source and problem, and are never deleted. What is allowed is decided by the rules of
 * shared/rules/duties/rectification.ts; each write runs in one transaction through `runWrite` and
 * the record repository (validation, meta, change log, audit).
 */
import { expectedError, fail, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { Rectification } from '../../shared/model/rectification';
import type { RectificationSource } from '../../shared/model/vocabulary';
import type { IsoDate } from '../../shared/rules/dates';
import {
  closeProblem,
  deleteProblem,
  editProblem,
  newItemProblem,
  progressNoteProblem,
  reopenProblem,
  withProgressNote,
  type RectificationProblem,
} from '../../shared/rules/duties/rectification';
import { localIsoDate } from '../../shared/clock/localDate';
import { createRecord, deleteRecord, updateRecord, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import type { WriteContext } from './writeContext';

export type RectificationWriteError = WriteError | ExpectedError<'wrong-mode' | 'refused'>;

/** What the unit enters or edits; 销号 and 重新打开 are their own writes. */
export interface RectificationInput {
  readonly source: RectificationSource;
  readonly problem: string;
  readonly measures: string;
  readonly owner: string;
  readonly deadline: IsoDate | null;
  readonly status: 'open' | 'inProgress';
  readonly evidence: string;
}

/**
 * An edit: as the input, but the status may be left out (an item already 已销号 keeps it; to
 * change it the unit reopens the item first).
 */
export type RectificationEdit = Omit<RectificationInput, 'status'> & { readonly status?: 'open' | 'inProgress' };

const tables = (ctx: WriteContext) => [ctx.db.rectification, ctx.db.changes, ctx.db.audit, ctx.db.device];

function unitOnly(ctx: WriteContext): RectificationWriteError | null {
  return ctx.mode === 'unit' ? null : expectedError('wrong-mode', '整改事项由单位填报和销号，工委端只能查看。');
}

function refused(problem: RectificationProblem): RectificationWriteError {
  return expectedError('refused', problem.message, problem.field ? [problem.field] : undefined);
}

/** The unit's own live item, or null (another unit's item is as good as missing). */
async function liveItem(ctx: WriteContext, id: string): Promise<Rectification | null> {
  const r = await ctx.db.rectification.get(id);
  return r && !r.deleted && r.unitId === ctx.ownerId ? r : null;
}

const missing = () => expectedError('not-found', '该整改事项不存在或已被删除，请刷新后重试。');

/** Today on this PC (the context's clock), for the "not in the future" checks. */
const today = (ctx: WriteContext): IsoDate => localIsoDate(ctx.now());

/** 登记整改事项: a new item of one of the unit's own sources. */
export async function createRectification(ctx: WriteContext, input: RectificationInput): Promise<Result<Rectification, RectificationWriteError>> {
  const wrong = unitOnly(ctx);
  if (wrong) return fail(wrong);
  const problem = newItemProblem(input);
  if (problem) return fail(refused(problem));
  return createRecord(ctx, 'rectification', {
    source: input.source,
    problem: input.problem,
    measures: input.measures,
    owner: input.owner,
    deadline: input.deadline,
    status: input.status,
    evidence: input.evidence,
    closedOn: null,
    cardId: null,
  });
}

/** 修改: the fields of an item; one from the committee keeps its source and problem. */
export async function updateRectification(ctx: WriteContext, id: string, edit: RectificationEdit): Promise<Result<Rectification, RectificationWriteError>> {
  const wrong = unitOnly(ctx);
  if (wrong) return fail(wrong);
  return runWrite<Rectification, RectificationWriteError>(ctx.db, tables(ctx), async () => {
    const before = await liveItem(ctx, id);
    if (!before) return fail(missing());
    const status = edit.status ?? before.status;
    const problem = editProblem(before, { source: edit.source, problem: edit.problem, status });
    if (problem) return fail(refused(problem));
    return updateRecord(ctx, 'rectification', id, {
      source: edit.source,
      problem: edit.problem,
      measures: edit.measures,
      owner: edit.owner,
      deadline: edit.deadline,
      status,
      evidence: edit.evidence,
    });
  });
}

/** 记录进展: a dated line appended to 整改措施及进展; an item not yet started is 整改中 from now on. */
export async function addProgressNote(ctx: WriteContext, id: string, date: IsoDate, note: string): Promise<Result<Rectification, RectificationWriteError>> {
  const wrong = unitOnly(ctx);
  if (wrong) return fail(wrong);
  return runWrite<Rectification, RectificationWriteError>(ctx.db, tables(ctx), async () => {
    const before = await liveItem(ctx, id);
    if (!before) return fail(missing());
    const problem = progressNoteProblem(before, date, note, today(ctx));
    if (problem) return fail(refused(problem));
    return updateRecord(ctx, 'rectification', id, {
      measures: withProgressNote(before.measures, date, note),
      status: before.status === 'open' ? 'inProgress' : before.status,
    });
  });
}

/** 销号: the item is done on `closedOn` (not in the future), with its evidence. */
export async function closeRectification(ctx: WriteContext, id: string, closedOn: IsoDate, evidence: string): Promise<Result<Rectification, RectificationWriteError>> {
  const wrong = unitOnly(ctx);
  if (wrong) return fail(wrong);
  return runWrite<Rectification, RectificationWriteError>(ctx.db, tables(ctx), async () => {
    const before = await liveItem(ctx, id);
    if (!before) return fail(missing());
    const problem = closeProblem(before, closedOn, evidence, today(ctx));
    if (problem) return fail(refused(problem));
    return updateRecord(ctx, 'rectification', id, { status: 'closed', closedOn, evidence });
  });
}

/** 重新打开: a closed item is 整改中 again, its 销号 date cleared (the evidence stays). */
export async function reopenRectification(ctx: WriteContext, id: string): Promise<Result<Rectification, RectificationWriteError>> {
  const wrong = unitOnly(ctx);
  if (wrong) return fail(wrong);
  return runWrite<Rectification, RectificationWriteError>(ctx.db, tables(ctx), async () => {
    const before = await liveItem(ctx, id);
    if (!before) return fail(missing());
    const problem = reopenProblem(before);
    if (problem) return fail(refused(problem));
    return updateRecord(ctx, 'rectification', id, { status: 'inProgress', closedOn: null });
  });
}

/** 删除: only an item the unit entered itself (a tombstone that travels in the next bundle). */
export async function deleteRectification(ctx: WriteContext, id: string): Promise<Result<Rectification, RectificationWriteError>> {
  const wrong = unitOnly(ctx);
  if (wrong) return fail(wrong);
  return runWrite<Rectification, RectificationWriteError>(ctx.db, tables(ctx), async () => {
    const before = await liveItem(ctx, id);
    if (!before) return fail(missing());
    const problem = deleteProblem(before);
    if (problem) return fail(refused(problem));
    return deleteRecord(ctx, 'rectification', id);
  });
}
