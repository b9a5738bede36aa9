/**
 * The one way records are written. Each call is ONE transaction that validates the record
 * with its zod schema, stamps the meta (rev from the hybrid logical clock), writes the record,
 * appends to the local change log and to the audit trail. Deletes are tombstones.
 * Expected failures (validation, not found, not ours) come back as values with Chinese messages.
 */
import { expectedError, fail, ok, type ExpectedError, type Result } from '../../shared/errors/errors';
import { newId } from '../../shared/ids/uuidv7';
import type { RecordFields } from '../../shared/model/meta';
import type { RecordOf } from '../../shared/model/registry';
import { recordOwner, RECORD_TABLE_LABELS, type RecordTable } from '../../shared/model/tables';
import { asTombstone } from '../../shared/model/tombstone';
import { validateRecord, type ValidationError } from '../../shared/model/validate';
import { WORKSPACE_MODE_LABELS } from '../../shared/model/vocabulary';
import { diffFields } from './auditDiff';
import type { StoredRecord } from './db';
import type { AuditAction } from './localTypes';
import type { WriteContext } from './writeContext';
import { runWrite } from './runWrite';

export type RecordInput<T extends RecordTable> = RecordFields<RecordOf<T>> & { unitId?: string };
export type RecordPatch<T extends RecordTable> = Partial<RecordFields<RecordOf<T>>>;

export type WriteError = ValidationError | ExpectedError<'not-found' | 'not-owner'>;

function notOwner(ctx: WriteContext, table: RecordTable): ExpectedError<'not-owner'> {
  return expectedError(
    'not-owner',
    `“${RECORD_TABLE_LABELS[table]}”由${ctx.mode === 'unit' ? '工委' : '单位'}填报，本机（${WORKSPACE_MODE_LABELS[ctx.mode]}模式）只能查看，不能修改。`,
  );
}

function notFound(table: RecordTable): ExpectedError<'not-found'> {
  return expectedError('not-found', `要修改的${RECORD_TABLE_LABELS[table]}记录不存在或已被删除，请刷新后重试。`);
}

/** Writes one validated version: record + change-log row + audit row, and advances the device clock. */
async function writeVersion(
  ctx: WriteContext,
  table: RecordTable,
  record: StoredRecord,
  before: StoredRecord | null,
  action: AuditAction,
): Promise<void> {
  const { db } = ctx;
  await db.table(table).put(record);
  await db.changes.add({ table, id: record.id, rev: record.rev });
  await db.audit.add({
    at: ctx.now().toISOString(),
    actor: ctx.actor,
    deviceId: ctx.deviceId,
    action,
    table,
    id: record.id,
    changes: diffFields(before, action === 'delete' ? null : record, table),
    note: '',
  });
  await db.device.update('device', { lastRev: record.rev });
}

function tablesFor(ctx: WriteContext, table: RecordTable) {
  return [ctx.db.table(table), ctx.db.changes, ctx.db.audit, ctx.db.device];
}

export async function createRecord<T extends RecordTable>(
  ctx: WriteContext,
  table: T,
  input: RecordInput<T>,
  options: { id?: string } = {},
): Promise<Result<RecordOf<T>, WriteError>> {
  if (recordOwner(table, input as { organiser?: unknown }) !== ctx.mode) return fail(notOwner(ctx, table));
  return runWrite<RecordOf<T>, WriteError>(ctx.db, tablesFor(ctx, table), async () => {
    const candidate = {
      ...input,
      id: options.id ?? newId(),
      unitId: input.unitId ?? ctx.ownerId,
      rev: ctx.hlc.tick(),
      deleted: false,
      updatedBy: ctx.actor,
      createdAt: ctx.now().toISOString(),
    };
    const checked = validateRecord(table, candidate);
    if (!checked.ok) return checked;
    await writeVersion(ctx, table, checked.value, null, 'create');
    return ok(checked.value);
  });
}

export async function updateRecord<T extends RecordTable>(
  ctx: WriteContext,
  table: T,
  id: string,
  patch: RecordPatch<T>,
): Promise<Result<RecordOf<T>, WriteError>> {
  return runWrite<RecordOf<T>, WriteError>(ctx.db, tablesFor(ctx, table), async () => {
    const existing = await ctx.db.table<RecordOf<T>, string>(table).get(id);
    if (!existing || existing.deleted) return fail(notFound(table));
    if (recordOwner(table, existing as { organiser?: unknown }) !== ctx.mode) return fail(notOwner(ctx, table));
    const candidate = {
      ...existing,
      ...patch,
      id: existing.id,
      unitId: existing.unitId,
      createdAt: existing.createdAt,
      deleted: false,
      rev: existing.rev,
      updatedBy: ctx.actor,
    };
    const checked = validateRecord(table, candidate);
    if (!checked.ok) return checked;
    // the new version must stay ours too (e.g. a unit's class cannot be handed to the committee)
    if (recordOwner(table, checked.value as { organiser?: unknown }) !== ctx.mode) return fail(notOwner(ctx, table));
    if (diffFields(existing, checked.value).length === 0) {
      return ok(existing); // nothing changed: no new revision
    }
    const next: RecordOf<T> = { ...checked.value, rev: ctx.hlc.tick() };
    await writeVersion(ctx, table, next, existing, 'update');
    return ok(next);
  });
}

/**
 * Marks a record deleted: a tombstone that travels in bundles, keeping its id, name and dates but
 * not the person's sensitive details (shared/model/tombstone.ts); the audit trail keeps them masked.
 */
export async function deleteRecord<T extends RecordTable>(
  ctx: WriteContext,
  table: T,
  id: string,
): Promise<Result<RecordOf<T>, WriteError>> {
  return runWrite<RecordOf<T>, WriteError>(ctx.db, tablesFor(ctx, table), async () => {
    const existing = await ctx.db.table<RecordOf<T>, string>(table).get(id);
    if (!existing || existing.deleted) return fail(notFound(table));
    if (recordOwner(table, existing as { organiser?: unknown }) !== ctx.mode) return fail(notOwner(ctx, table));
    // a tombstone keeps no personal details (ID number, phone, health details): it travels in every bundle
    const tombstone: RecordOf<T> = asTombstone(table, { ...existing, deleted: true, rev: ctx.hlc.tick(), updatedBy: ctx.actor });
    await writeVersion(ctx, table, tombstone, existing, 'delete');
    return ok(tombstone);
  });
}

/** Records an audited action that changes no record, e.g. showing a full ID number. */
export async function auditAction(ctx: WriteContext, action: AuditAction, table: RecordTable, id: string, note: string): Promise<void> {
  await ctx.db.audit.add({ at: ctx.now().toISOString(), actor: ctx.actor, deviceId: ctx.deviceId, action, table, id, changes: [], note });
}
