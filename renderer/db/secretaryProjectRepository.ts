/**
 * Writes of 书记项目 (党组(党委)书记项目): the unit writes them (the 工委 only sees them). Each write
 * reads what it checks inside ONE transaction (`runWrite`) and writes through the record repository
 * (meta, change log, audit, tombstones); the record's own zod schema validates every field.
 *   - one project per secretary per year (the model's rule): a second project of the same
 *     secretary in a year is refused, another year or another secretary is not;
 *   - milestones are kept in order of their due date (undated last), so that the index a screen
 *     shows is the index it writes; a milestone write names the title it expects at that index,
 *     and is refused when the record changed meanwhile (another window, an import);
 *   - 证明材料 (evidence attachments) are added and removed one file at a time, each in ONE
 *     transaction with the project: the bytes (attachmentBlobs, once per SHA-256), the attachment
 *     record (`ownerTable: 'secretaryProject'`), the project's `attachmentIds`; deleting the project
 *     tombstones its attachments too (as a meeting's).
 */
import { ExpectedFailure, expectedError, fail, type ExpectedError, type Result } from '../../shared/errors/errors';
import { projectAttachmentIds, type Milestone, type SecretaryProject } from '../../shared/model/secretaryProject';
import { compareIsoDates } from '../../shared/rules/dates';
import type { NewAttachment } from './meetingRepository';
import { createRecord, deleteRecord, updateRecord, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import type { WriteContext } from './writeContext';

export type SecretaryProjectWriteError = WriteError | ExpectedError<'duplicate-project' | 'stale-milestone' | 'wrong-mode'>;

export interface SecretaryProjectInput {
  readonly year: number;
  readonly secretaryName: string;
  readonly title: string;
  readonly goal: string;
  /** 针对的问题 and 主要措施 (record schema 7); left out, an older project keeps its one text in `goal`. */
  readonly problem?: string;
  readonly measures?: string;
  readonly progress: string;
  readonly evaluation: string;
}

export interface MilestoneInput {
  readonly title: string;
  readonly due: string | null;
}

const projectTables = (ctx: WriteContext) => [ctx.db.secretaryProject, ctx.db.changes, ctx.db.audit, ctx.db.device];
const withAttachmentTables = (ctx: WriteContext) => [...projectTables(ctx), ctx.db.attachment, ctx.db.attachmentBlobs];

function unitOnly(ctx: WriteContext): SecretaryProjectWriteError | null {
  return ctx.mode === 'unit' ? null : expectedError('wrong-mode', '书记项目由单位填报，工委端只能查看。');
}

function projectGone(): SecretaryProjectWriteError {
  return expectedError('not-found', '该书记项目不存在或已被删除，请刷新后重试。');
}

async function liveProject(ctx: WriteContext, id: string): Promise<SecretaryProject | null> {
  const p = await ctx.db.secretaryProject.get(id);
  return p && !p.deleted && p.unitId === ctx.ownerId ? p : null;
}

async function duplicateProject(ctx: WriteContext, input: SecretaryProjectInput, exceptId: string | null): Promise<SecretaryProjectWriteError | null> {
  const name = input.secretaryName.trim();
  const same = (await ctx.db.secretaryProject.where('year').equals(input.year).toArray()).find(
    (p) => !p.deleted && p.unitId === ctx.ownerId && p.id !== exceptId && p.secretaryName.trim() === name,
  );
  return same
    ? expectedError('duplicate-project', `${name}已有${input.year}年的书记项目“${same.title}”。每位书记每年一个项目：请修改原有项目，或核对年度和书记姓名。`, ['secretaryName'])
    : null;
}

/** Milestones in order of due date, undated last; equal dates keep their order. */
export function orderedMilestones(milestones: readonly Milestone[]): Milestone[] {
  return milestones
    .map((m, i) => ({ m, i }))
    .sort((a, b) => {
      if (a.m.due === null || b.m.due === null) return a.m.due === b.m.due ? a.i - b.i : a.m.due === null ? 1 : -1;
      return compareIsoDates(a.m.due, b.m.due) || a.i - b.i;
    })
    .map(({ m }) => m);
}

function fields(input: SecretaryProjectInput) {
  return {
    year: input.year,
    secretaryName: input.secretaryName.trim(),
    title: input.title.trim(),
    goal: input.goal.trim(),
    ...(input.problem === undefined ? {} : { problem: input.problem.trim() }),
    ...(input.measures === undefined ? {} : { measures: input.measures.trim() }),
    progress: input.progress.trim(),
    evaluation: input.evaluation.trim(),
  };
}

// ── projects ──────────────────────────────────────────────────────────────────────────────────

export async function createSecretaryProject(ctx: WriteContext, input: SecretaryProjectInput): Promise<Result<SecretaryProject, SecretaryProjectWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<SecretaryProject, SecretaryProjectWriteError>(ctx.db, projectTables(ctx), async () => {
    const dup = await duplicateProject(ctx, input, null);
    if (dup) return fail(dup);
    return createRecord(ctx, 'secretaryProject', { ...fields(input), milestones: [] });
  });
}

/** Edits the project's own fields; its milestones are written by the milestone functions. */
export async function updateSecretaryProject(
  ctx: WriteContext,
  id: string,
  input: SecretaryProjectInput,
): Promise<Result<SecretaryProject, SecretaryProjectWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<SecretaryProject, SecretaryProjectWriteError>(ctx.db, projectTables(ctx), async () => {
    if (!(await liveProject(ctx, id))) return fail(projectGone());
    const dup = await duplicateProject(ctx, input, id);
    if (dup) return fail(dup);
    return updateRecord(ctx, 'secretaryProject', id, fields(input));
  });
}

export async function deleteSecretaryProject(ctx: WriteContext, id: string): Promise<Result<SecretaryProject, SecretaryProjectWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<SecretaryProject, SecretaryProjectWriteError>(ctx.db, withAttachmentTables(ctx), async () => {
    if (!(await liveProject(ctx, id))) return fail(projectGone());
    const r = await deleteRecord(ctx, 'secretaryProject', id);
    if (!r.ok) return r;
    for (const a of projectAttachmentIds(r.value)) {
      const d = await deleteRecord(ctx, 'attachment', a);
      if (!d.ok && d.error.kind !== 'not-found') throw new ExpectedFailure(d.error);
    }
    return r;
  });
}

// ── 证明材料 (evidence attachments) ──────────────────────────────────────────────────────────

/** Stores one checked, hashed file (renderer/features/common/attachmentPrep.ts) as 证明材料 of the project. */
export async function addProjectAttachment(ctx: WriteContext, projectId: string, file: NewAttachment): Promise<Result<SecretaryProject, SecretaryProjectWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<SecretaryProject, SecretaryProjectWriteError>(ctx.db, withAttachmentTables(ctx), async () => {
    const current = await liveProject(ctx, projectId);
    if (!current) return fail(projectGone());
    if (!(await ctx.db.attachmentBlobs.get(file.sha256))) {
      await ctx.db.attachmentBlobs.put({ sha256: file.sha256, blob: new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mime }), thumbnail: file.thumbnail });
    }
    const a = await createRecord(ctx, 'attachment', { sha256: file.sha256, mime: file.mime, size: file.bytes.byteLength, name: file.name, ownerTable: 'secretaryProject', ownerId: projectId });
    if (!a.ok) throw new ExpectedFailure(a.error); // rolls back the bytes too
    const r = await updateRecord(ctx, 'secretaryProject', projectId, { attachmentIds: [...projectAttachmentIds(current), a.value.id] });
    if (!r.ok) throw new ExpectedFailure(r.error);
    return r;
  });
}

/** Removes one 证明材料 from the project (its attachment record becomes a tombstone). */
export async function removeProjectAttachment(ctx: WriteContext, projectId: string, attachmentId: string): Promise<Result<SecretaryProject, SecretaryProjectWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<SecretaryProject, SecretaryProjectWriteError>(ctx.db, withAttachmentTables(ctx), async () => {
    const current = await liveProject(ctx, projectId);
    if (!current) return fail(projectGone());
    const ids = projectAttachmentIds(current);
    if (!ids.includes(attachmentId)) return fail(expectedError('not-found', '该证明材料已被移除（可能在另一个窗口或导入同步包时），请刷新后查看。'));
    const d = await deleteRecord(ctx, 'attachment', attachmentId);
    if (!d.ok && d.error.kind !== 'not-found') throw new ExpectedFailure(d.error);
    const r = await updateRecord(ctx, 'secretaryProject', projectId, { attachmentIds: ids.filter((x) => x !== attachmentId) });
    if (!r.ok) throw new ExpectedFailure(r.error);
    return r;
  });
}

// ── milestones ────────────────────────────────────────────────────────────────────────────────

/** Where a milestone write applies: its index in the stored (ordered) list and the title seen there. */
export interface MilestoneRef {
  readonly index: number;
  readonly title: string;
}

function stale(): SecretaryProjectWriteError {
  return expectedError('stale-milestone', '该工作节点已被修改或删除（可能在另一个窗口或导入同步包时），请查看最新内容后重试。');
}

async function changeMilestones(
  ctx: WriteContext,
  projectId: string,
  ref: MilestoneRef | null,
  change: (list: Milestone[], index: number) => void,
): Promise<Result<SecretaryProject, SecretaryProjectWriteError>> {
  const refused = unitOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<SecretaryProject, SecretaryProjectWriteError>(ctx.db, projectTables(ctx), async () => {
    const current = await liveProject(ctx, projectId);
    if (!current) return fail(projectGone());
    const list = [...current.milestones];
    const index = ref?.index ?? -1;
    if (ref && list[index]?.title !== ref.title) return fail(stale());
    change(list, index);
    return updateRecord(ctx, 'secretaryProject', projectId, { milestones: orderedMilestones(list) });
  });
}

const milestoneOf = (input: MilestoneInput, done: boolean): Milestone => ({ title: input.title.trim(), due: input.due, done });

export function addMilestone(ctx: WriteContext, projectId: string, input: MilestoneInput): Promise<Result<SecretaryProject, SecretaryProjectWriteError>> {
  return changeMilestones(ctx, projectId, null, (list) => void list.push(milestoneOf(input, false)));
}

/** Edits a milestone's title and due date (its done mark stays). */
export function updateMilestone(
  ctx: WriteContext,
  projectId: string,
  ref: MilestoneRef,
  input: MilestoneInput,
): Promise<Result<SecretaryProject, SecretaryProjectWriteError>> {
  return changeMilestones(ctx, projectId, ref, (list, i) => {
    list[i] = milestoneOf(input, list[i]!.done);
  });
}

export function setMilestoneDone(ctx: WriteContext, projectId: string, ref: MilestoneRef, done: boolean): Promise<Result<SecretaryProject, SecretaryProjectWriteError>> {
  return changeMilestones(ctx, projectId, ref, (list, i) => {
    list[i] = { ...list[i]!, done };
  });
}

export function removeMilestone(ctx: WriteContext, projectId: string, ref: MilestoneRef): Promise<Result<SecretaryProject, SecretaryProjectWriteError>> {
  return changeMilestones(ctx, projectId, ref, (list, i) => void list.splice(i, 1));
}
