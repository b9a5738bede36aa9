/**
 * The automatic backup made before every bundle import (issue 17; renderer/db/backup/automaticBackup.ts):
 * in the desktop app, the whole ledger as it is now goes to the shell's backup folder first. When it
 * cannot be made, the import does not go ahead (a message says why); the web build has no backup
 * folder and imports as before.
 */
import { makeAutomaticBackup } from '../../db/backup/automaticBackup';
import { onAppDatabase } from '../../db/session';
import { platform } from '../../platform';

/** null when the import may go ahead; otherwise why not, in words. */
export async function backupBeforeImport(): Promise<string | null> {
  const store = platform().automaticBackups;
  if (!store) return null;
  try {
    const info = await platform().appInfo();
    const made = await onAppDatabase(makeAutomaticBackup, 'pre-import', store, info.version);
    return made.ok ? null : `导入前的自动备份没有完成：${made.error.message}为稳妥起见，本次没有导入。请处理后重新导入。`;
  } catch {
    return '导入前的自动备份没有完成（本机数据存储出错）。为稳妥起见，本次没有导入。请重新启动程序后再导入。';
  }
}
