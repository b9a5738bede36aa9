/** The database fingerprint the sync properties compare: sorted (table, id, rev) of every record table. */
import { RECORD_OWNER, type RecordTable } from '../../../shared/model/tables';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';
import type { TaizhangDb } from '../db';
import { RECORD_TABLE_NAMES } from '../schema';

/** `owner` limits it to the tables one side owns (e.g. what a committee received from units). */
export async function databaseFingerprint(db: TaizhangDb, owner?: WorkspaceMode): Promise<string[]> {
  const out: string[] = [];
  for (const t of RECORD_TABLE_NAMES) {
    if (owner !== undefined && RECORD_OWNER[t as RecordTable] !== owner) continue;
    for (const r of (await db.table(t).toArray()) as { id: string; rev: string }[]) out.push(`${t}\u0000${r.id}\u0000${r.rev}`);
  }
  return out.sort();
}
