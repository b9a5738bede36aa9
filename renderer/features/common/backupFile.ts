/** The workspace backup file (.tzbak): its filter in file dialogs, and making one and saving it through the platform bridge (dialog or download). Used by 设置 and setup. */
import { BACKUP_EXTENSION, type BackupError } from '../../../shared/backup/format';
import type { Result } from '../../../shared/errors/errors';
import type { FileFilter } from '../../../shared/platform';
import type { TaizhangDb } from '../../db/db';
import { makeBackup, markBackupSaved, type MakeBackupInput, type MakeBackupOptions } from '../../db/backup/makeBackup';
import { platform } from '../../platform';

export const BACKUP_FILTERS: readonly FileFilter[] = [{ name: '台账备份', extensions: [BACKUP_EXTENSION] }];

export type SavedBackup = { outcome: 'saved'; fileName: string } | { outcome: 'cancelled' };

/** Seal the workspace under the passphrase and let the user save the file; remembered only when saved. */
export async function saveWorkspaceBackup(db: TaizhangDb, input: MakeBackupInput, options: MakeBackupOptions = {}): Promise<Result<SavedBackup, BackupError>> {
  const made = await makeBackup(db, input, options);
  if (!made.ok) return made;
  const saved = await platform().saveFile(made.value.fileName, made.value.bytes, BACKUP_FILTERS);
  if (!saved.saved) return { ok: true, value: { outcome: 'cancelled' } };
  await markBackupSaved(db, saved.fileName);
  return { ok: true, value: { outcome: 'saved', fileName: saved.fileName } };
}
