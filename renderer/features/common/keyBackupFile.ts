/** The committee's key backup file: its filter in file dialogs, and saving a copy through the platform bridge (dialog or download). Used by setup, the key-backup step and 设置. */
import { KEY_BACKUP_EXTENSION } from '../../../shared/bundle/keyBackup';
import type { FileFilter } from '../../../shared/platform';
import { keyBackupCopy, markKeyBackupSaved } from '../../db/committeeSetup';
import type { TaizhangDb } from '../../db/db';
import { platform } from '../../platform';

export const KEY_BACKUP_FILTERS: readonly FileFilter[] = [{ name: '工委密钥备份', extensions: [KEY_BACKUP_EXTENSION] }];

/** 'saved' with the file name, 'cancelled' when the user closed the dialog, 'none' when this device keeps no backup. */
export async function saveKeyBackupCopy(db: TaizhangDb): Promise<{ outcome: 'saved'; fileName: string } | { outcome: 'cancelled' | 'none' }> {
  const copy = await keyBackupCopy(db);
  if (!copy) return { outcome: 'none' };
  const saved = await platform().saveFile(copy.fileName, copy.bytes, KEY_BACKUP_FILTERS);
  if (!saved.saved) return { outcome: 'cancelled' };
  await markKeyBackupSaved(db, saved.fileName);
  return { outcome: 'saved', fileName: saved.fileName };
}
