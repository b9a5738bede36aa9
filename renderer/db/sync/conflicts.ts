/**
 * The conflicts list: versions that lost a last-writer-wins merge (two devices of one unit edited
 * the same record). Restoring puts the kept-aside version back as this side's current copy and
 * keeps the displaced one in the list in its place, in one transaction: nothing is ever dropped.
 * Restoring at the committee changes only the committee's copy: the unit should re-save the
 * record on its own PC, or a later bundle with a newer version replaces it again (docs/sync.md).
 */
import { fail, ok, type ExpectedError, type Result } from '../../../shared/errors/errors';
import { expectedError } from '../../../shared/errors/errors';
import { isRecordTable } from '../../../shared/model/tables';
import type { StoredRecord, TaizhangDb } from '../db';
import type { ConflictRow } from '../localTypes';

export async function openConflicts(db: TaizhangDb): Promise<ConflictRow[]> {
  return (await db.conflicts.toArray()).filter((c) => !c.resolved).reverse();
}

export async function restoreConflict(db: TaizhangDb, seq: number, now: Date = new Date()): Promise<Result<void, ExpectedError>> {
  const row = await db.conflicts.get(seq);
  if (!row || row.resolved || !isRecordTable(row.table)) return fail(expectedError('not-found', '该冲突记录不存在或已处理，请刷新后重试。'));
  const table = db.table(row.table);
  return db.transaction('rw', [table, db.conflicts], async () => {
    const current = (await table.get(row.id)) as StoredRecord | undefined;
    const lost = row.lost as StoredRecord;
    await table.put(lost);
    await db.conflicts.update(seq, { resolved: true });
    if (current) {
      await db.conflicts.add({ table: row.table, id: row.id, keptRev: lost.rev, lostRev: current.rev, lost: current, at: now.toISOString(), resolved: false });
    }
    return ok(undefined);
  });
}
