/**
 * Writes of the member roster: add and edit, transfer between organisations (history kept in
 * `postings`), status changes (调出, 退休, 去世 keep the record), the confirmed 花名册 import in
 * ONE transaction, and audited reveals of sensitive fields.
 */
import { ExpectedFailure, expectedError, fail, ok, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { Member } from '../../shared/model/member';
import type { MemberStatus } from '../../shared/model/vocabulary';
import { MEMBER_STATUS_LABELS } from '../../shared/model/vocabulary';
import type { RosterPlan } from '../../shared/roster/rosterImport';
import { idNumberLookup } from '../identity/dataKeySession';
import { auditAction, createRecord, updateRecord, type RecordInput, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import type { WriteContext } from './writeContext';

const memberTables = (ctx: WriteContext) => [ctx.db.member, ctx.db.organisation, ctx.db.changes, ctx.db.audit, ctx.db.device];

async function liveMember(ctx: WriteContext, id: string): Promise<Member | null> {
  const m = (await ctx.db.member.get(id));
  return m && !m.deleted ? m : null;
}

async function checkOrganisationOpen(ctx: WriteContext, organisationId: string): Promise<ExpectedError<'organisation-closed'> | null> {
  const org = (await ctx.db.organisation.get(organisationId)) as { deleted: boolean; dissolvedOn: string | null; name: string } | undefined;
  if (!org || org.deleted) return expectedError('organisation-closed', '所选党组织不存在，请重新选择', ['organisationId']);
  if (org.dissolvedOn) return expectedError('organisation-closed', `“${org.name}”已撤销，不能再接收党员，请选择其他党组织`, ['organisationId']);
  return null;
}

export type MemberWriteError = WriteError | ExpectedError<'organisation-closed' | 'duplicate-id-number' | 'invalid-date'>;

async function duplicateIdNumber(ctx: WriteContext, idNumber: string, selfId: string | null): Promise<ExpectedError<'duplicate-id-number'> | null> {
  // by the keyed hash of the number (the number itself is sealed on disk: encryption/sealedFields.ts)
  const same = (await ctx.db.member.where('idLookup').equals(idNumberLookup(idNumber)).toArray()).find((m) => !m.deleted && m.id !== selfId);
  return same ? expectedError('duplicate-id-number', `身份证号与已登记的党员“${same.name}”相同，请核对；同一人请直接编辑原记录`, ['idNumber']) : null;
}

export async function createMember(ctx: WriteContext, input: RecordInput<'member'>): Promise<Result<Member, MemberWriteError>> {
  return runWrite<Member, MemberWriteError>(ctx.db, memberTables(ctx), async () => {
    const closed = await checkOrganisationOpen(ctx, input.organisationId);
    if (closed) return fail(closed);
    const dup = await duplicateIdNumber(ctx, input.idNumber.trim().toUpperCase(), null);
    if (dup) return fail(dup);
    return createRecord(ctx, 'member', input);
  });
}

/** Edits personal data; the organisation changes only through `transferMember`. */
export async function updateMember(
  ctx: WriteContext,
  id: string,
  patch: Partial<Omit<RecordInput<'member'>, 'organisationId' | 'postings' | 'status' | 'statusChangedOn'>>,
): Promise<Result<Member, MemberWriteError>> {
  return runWrite<Member, MemberWriteError>(ctx.db, memberTables(ctx), async () => {
    if (patch.idNumber) {
      const dup = await duplicateIdNumber(ctx, patch.idNumber.trim().toUpperCase(), id);
      if (dup) return fail(dup);
    }
    return updateRecord(ctx, 'member', id, patch);
  });
}

/** 组织关系转接 within the unit: the open posting closes the day before `date`, a new one opens on `date`. */
export async function transferMember(ctx: WriteContext, id: string, organisationId: string, date: string): Promise<Result<Member, MemberWriteError>> {
  return runWrite<Member, MemberWriteError>(ctx.db, memberTables(ctx), async () => {
    const member = await liveMember(ctx, id);
    if (!member) return fail(expectedError('not-found', '该党员记录不存在或已删除，请刷新后重试。'));
    if (member.organisationId === organisationId) return ok(member);
    const closed = await checkOrganisationOpen(ctx, organisationId);
    if (closed) return fail(closed);
    const open = member.postings.find((p) => p.to === null);
    if (open && date <= open.from) {
      return fail(expectedError('invalid-date', `转入日期应晚于在原党组织的转入日期（${open.from}），请核对`, ['date']));
    }
    const dayBefore = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const postings = [...member.postings.map((p) => (p.to === null ? { ...p, to: dayBefore } : p)), { organisationId, from: date, to: null }];
    return updateRecord(ctx, 'member', id, { organisationId, postings });
  });
}

/**
 * 调出 / 退休 / 去世 (or back to 在职): the record stays. Leaving the unit (调出, 去世) closes the
 * open posting on that day, so the member no longer counts in any organisation afterwards.
 */
export async function changeMemberStatus(ctx: WriteContext, id: string, status: MemberStatus, date: string): Promise<Result<Member, MemberWriteError>> {
  return runWrite<Member, MemberWriteError>(ctx.db, memberTables(ctx), async () => {
    const member = await liveMember(ctx, id);
    if (!member) return fail(expectedError('not-found', '该党员记录不存在或已删除，请刷新后重试。'));
    if (date < member.joinedOn) return fail(expectedError('invalid-date', `${MEMBER_STATUS_LABELS[status]}日期不能早于入党时间，请核对`, ['date']));
    return updateRecord(ctx, 'member', id, statusChange(member, status, date));
  });
}

/** The fields a status change writes: 调出 and 去世 close the member's open posting on the day. */
function statusChange(member: Member, status: MemberStatus, date: string): Pick<Member, 'status' | 'statusChangedOn' | 'postings'> {
  const leaves = status === 'transferredOut' || status === 'deceased';
  const postings = leaves ? member.postings.map((p) => (p.to === null ? { ...p, to: date } : p)) : member.postings;
  return { status, statusChangedOn: status === 'active' ? null : date, postings };
}

/**
 * 批量状态变更: the same status and date for several members, in ONE transaction — all of them or
 * none. A member already in that status is left as is (counted in `unchanged`); one deleted
 * meanwhile, or whose 入党时间 is after the date, refuses the whole change, named.
 */
export async function changeMembersStatus(
  ctx: WriteContext,
  ids: readonly string[],
  status: MemberStatus,
  date: string,
): Promise<Result<{ changed: number; unchanged: number }, MemberWriteError>> {
  return runWrite<{ changed: number; unchanged: number }, MemberWriteError>(ctx.db, memberTables(ctx), async () => {
    if (ids.length === 0) return fail(expectedError('not-found', '请先勾选要变更状态的党员。'));
    let changed = 0;
    let unchanged = 0;
    for (const id of new Set(ids)) {
      const member = await liveMember(ctx, id);
      if (!member) throw new ExpectedFailure(expectedError('not-found', '所选党员中有记录已被删除，请刷新后重新勾选。本次没有变更任何人。'));
      if (member.status === status) {
        unchanged++;
        continue;
      }
      if (date < member.joinedOn) {
        throw new ExpectedFailure(expectedError('invalid-date', `${member.name}的入党时间（${member.joinedOn}）晚于${MEMBER_STATUS_LABELS[status]}日期，请核对日期或不勾选此人。本次没有变更任何人。`, ['date']));
      }
      const r = await updateRecord(ctx, 'member', id, statusChange(member, status, date));
      if (!r.ok) throw new ExpectedFailure({ ...r.error, message: `${member.name}：${r.error.message}。本次没有变更任何人。` });
      changed++;
    }
    return ok({ changed, unchanged });
  });
}

export interface RosterImportSummary {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: number;
}

/**
 * Applies a confirmed plan in ONE transaction: all rows or none. The plan was made from the roster
 * as it was at the preview; a row to add whose ID number is registered by now (the same plan
 * applied twice — a double click — or a member entered meanwhile) refuses the whole import, checked
 * inside the transaction, so that no ID number is ever stored twice.
 */
export async function applyRosterPlan(ctx: WriteContext, plan: RosterPlan): Promise<Result<RosterImportSummary, MemberWriteError>> {
  return runWrite<RosterImportSummary, MemberWriteError>(ctx.db, memberTables(ctx), async () => {
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const row of plan.rows) {
      if (row.action === 'skip' || !row.input) continue;
      if (row.action === 'add') {
        const dup = await duplicateIdNumber(ctx, row.input.idNumber.trim().toUpperCase(), null);
        if (dup) {
          const message = `第 ${row.rowNumber} 行：${dup.message.replace(/，请核对；同一人请直接编辑原记录$/, '')}（可能已导入过一次）。本次导入没有写入任何内容，请重新选择文件，按新的预览导入。`;
          return fail({ ...dup, message });
        }
        const r = await createRecord(ctx, 'member', row.input);
        if (!r.ok) throw new ExpectedFailure({ ...r.error, message: `第 ${row.rowNumber} 行：${r.error.message}` });
        added++;
      } else {
        const before = (await ctx.db.member.get(row.existingId!))?.rev;
        const r = await updateRecord(ctx, 'member', row.existingId!, row.input);
        if (!r.ok) throw new ExpectedFailure({ ...r.error, message: `第 ${row.rowNumber} 行：${r.error.message}` });
        if (r.value.rev === before) unchanged++;
        else updated++;
      }
    }
    return ok({ added, updated, unchanged, skipped: plan.counts.skip });
  });
}

/** Showing a full ID number or phone is audited (who, when, whose). */
export async function recordReveal(ctx: WriteContext, member: Pick<Member, 'id' | 'name'>, field: 'idNumber' | 'phone'): Promise<void> {
  await auditAction(ctx, 'reveal', 'member', member.id, `查看${member.name}的完整${field === 'idNumber' ? '身份证号' : '联系电话'}`);
}

/** A full (unmasked) roster export is audited. */
export async function recordFullExport(ctx: WriteContext, count: number): Promise<void> {
  await auditAction(ctx, 'export-full', 'member', '*', `导出完整花名册（含身份证号、联系电话），共 ${count} 人`);
}
