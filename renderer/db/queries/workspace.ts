/** Reads of this installation's own settings (the workspace row). */
import type { TaizhangDb } from '../db';

/** The unit's 台账起始日期 (设置), or null when none is set (or this is a committee). */
export async function ledgerStart(db: TaizhangDb): Promise<string | null> {
  const workspace = await db.workspace.get('workspace');
  return workspace?.mode === 'unit' ? (workspace.ledgerStartedOn ?? null) : null;
}
