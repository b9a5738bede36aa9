/** The database fingerprint the sync properties compare: sorted (table, id, rev) of every record table. */
import { recordOwner, type RecordTable } from '../../../shared/model/tables';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';
import type { TaizhangDb } from '../db';
import { RECORD_TABLE_NAMES } from '../schema';

/**
 * `owner` limits it to the records one side owns (e.g. what a committee received from units), record
 * by record (`recordOwner`: a committee training class or a notice's attachment is the committee's).
 */
export async function databaseFingerprint(db: TaizhangDb, owner?: WorkspaceMode): Promise<string[]> {
  const out: string[] = [];
  for (const t of RECORD_TABLE_NAMES) {
    for (const r of (await db.table(t).toArray()) as { id: string; rev: string; organiser?: unknown; ownerTable?: unknown }[]) {
      if (owner !== undefined && recordOwner(t as RecordTable, r) !== owner) continue;
      out.push(`${t}\u0000${r.id}\u0000${r.rev}`);
    }
  }
  return out.sort();
}
