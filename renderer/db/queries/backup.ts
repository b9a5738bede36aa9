/** Reads for 设置 → 备份与恢复: the last workspace backup of this PC (or the one it was restored from), and whether a restore is allowed here. */
import type { TaizhangDb } from '../db';
import type { WorkspaceBackupState } from '../localTypes';
import { workspaceIsEmpty } from '../backup/restore';

/** null when this PC never saved or restored a backup. */
export async function workspaceBackupState(db: TaizhangDb): Promise<WorkspaceBackupState | null> {
  return (await db.device.get('device'))?.workspaceBackup ?? null;
}

/**
 * True when the workspace holds no ledger data yet (a backup may be restored onto it) and was not
 * itself restored from a backup: a ledger restored from a backup of an empty ledger is empty too,
 * and offering a second restore over it would only invite restoring the wrong file.
 */
export async function restoreAllowed(db: TaizhangDb): Promise<boolean> {
  if ((await workspaceBackupState(db))?.restoredFrom) return false;
  return workspaceIsEmpty(db);
}

/** Unit side: the committee this unit is enrolled with (its name), or null when not enrolled. */
export async function committeePeerName(db: TaizhangDb): Promise<string | null> {
  const peer = (await db.syncPeer.toArray()).find((p) => p.role === 'committee');
  return peer?.name ?? null;
}

/**
 * For the backup reminder: the last backup saved on this PC, and whether the ledger holds anything
 * worth keeping (an organisation, a member, an enrolled unit or a meeting).
 */
export async function backupReminderInput(db: TaizhangDb): Promise<{ last: WorkspaceBackupState | null; hasData: boolean }> {
  const counts = await Promise.all([db.organisation, db.member, db.enrolledUnit, db.meeting].map((t) => t.limit(1).count()));
  return { last: await workspaceBackupState(db), hasData: counts.some((n) => n > 0) };
}
