/**
 * The conflicts list: versions that lost a last-writer-wins merge (two devices edited the same
 * record). Nothing is ever dropped: restoring puts the kept-aside version back and keeps the
 * displaced one in the list in its place; 保留现状 only marks the row settled (it stays stored).
 *
 * Who can restore how: the merge never overwrites a record of the importing side's own (docs/sync.md),
 * so every conflict an import finds is of a record the OTHER side writes — unit records at the
 * committee, committee records (notices, cards…) at a unit. This side's repository refuses to write
 * those, so restoring them swaps the versions on this PC only, and the owner must re-save the record
 * on its own PC (or its next newer version wins again). A conflict on a record this side owns (none
 * arises from imports today) is restored as a NEW revision through the repository, so it is audited
 * and travels in the next bundle like any edit.
 */
import { expectedError, fail, ok, type ExpectedError, type Result } from '../../../shared/errors/errors';
import { isRecordTable, recordOwner, type RecordTable } from '../../../shared/model/tables';
import type { StoredRecord, TaizhangDb } from '../db';
import type { ConflictRow } from '../localTypes';
import { deleteRecord, updateRecord, type RecordPatch, type WriteError } from '../recordRepository';
import type { WriteContext } from '../writeContext';
import { runWrite } from '../runWrite';

export async function openConflicts(db: TaizhangDb): Promise<ConflictRow[]> {
  return (await db.conflicts.toArray()).filter((c) => !c.resolved).reverse();
}

export interface RestoreOutcome {
  /** true: written as a new revision of this side's own record (it syncs onward); false: swapped on this PC only. */
  readonly rewritten: boolean;
}

const settled = (): ExpectedError<'not-found'> => expectedError('not-found', '该冲突记录不存在或已处理，请刷新后重试。');

async function openRow(db: TaizhangDb, seq: number): Promise<(ConflictRow & { table: RecordTable }) | null> {
  const row = await db.conflicts.get(seq);
  return row && !row.resolved && isRecordTable(row.table) ? (row as ConflictRow & { table: RecordTable }) : null;
}

function owns(ctx: WriteContext, table: RecordTable, record: StoredRecord): boolean {
  return recordOwner(table, record as { organiser?: unknown }) === ctx.mode && record.unitId === ctx.ownerId;
}

/** Put the kept-aside version back as this side's current copy (one transaction). */
export async function restoreConflict(ctx: WriteContext, seq: number): Promise<Result<RestoreOutcome, ExpectedError | WriteError>> {
  const { db } = ctx;
  const first = await openRow(db, seq);
  if (!first) return fail(settled());
  const table = db.table(first.table);
  return runWrite(db, [table, db.conflicts, db.changes, db.audit, db.device], async (): Promise<Result<RestoreOutcome, ExpectedError | WriteError>> => {
    const row = await openRow(db, seq); // again inside the transaction: another tab may have settled it
    if (!row) return fail(settled());
    const lost = row.lost as StoredRecord;
    const current = (await table.get(row.id)) as StoredRecord | undefined;
    const at = ctx.now().toISOString();
    let keptRev = lost.rev;
    const rewritten = current !== undefined && owns(ctx, row.table, current) && owns(ctx, row.table, lost);
    if (rewritten) {
      const { id: _id, unitId: _unit, rev: _rev, deleted, updatedBy: _by, createdAt: _created, ...fields } = lost;
      const written = deleted ? await deleteRecord(ctx, row.table, row.id) : await updateRecord(ctx, row.table, row.id, fields as RecordPatch<RecordTable>);
      if (!written.ok) return written;
      keptRev = (written.value as { rev: string }).rev;
    } else {
      await table.put(lost);
    }
    await db.conflicts.update(seq, { resolved: true, resolution: 'restored', resolvedAt: at });
    if (current) {
      await db.conflicts.add({ table: row.table, id: row.id, keptRev, lostRev: current.rev, lost: current, at, resolved: false, bundleId: null });
    }
    return ok({ rewritten });
  });
}

/** 保留现状: keep the current version; the kept-aside one stays stored, marked settled. */
export async function dismissConflict(ctx: WriteContext, seq: number): Promise<Result<void, ExpectedError>> {
  const { db } = ctx;
  return runWrite(db, [db.conflicts], async () => {
    if (!(await openRow(db, seq))) return fail(settled());
    await db.conflicts.update(seq, { resolved: true, resolution: 'dismissed', resolvedAt: ctx.now().toISOString() });
    return ok(undefined);
  });
}
