/** Reads of the sync's local log for the 同步 screens (both sides): the bundles applied here, newest first. */
import type { TaizhangDb } from '../db';
import type { ImportLogRow } from '../localTypes';

/** The `limit` most recently applied bundles. */
export async function recentImports(db: TaizhangDb, limit: number): Promise<ImportLogRow[]> {
  return db.importLog.orderBy('at').reverse().limit(limit).toArray();
}
