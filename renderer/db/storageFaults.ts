/**
 * Faults of the browser's storage that a user can act on, in words: the disk is full
 * (QuotaExceededError), or this window's connection was closed because another window opened a
 * newer version of the ledger (DatabaseClosedError / VersionChangeError after `versionchange`).
 * Anything else stays a defect and is thrown on.
 */
import { expectedError, type ExpectedError } from '../../shared/errors/errors';

export type StorageFaultKind = 'storage-full' | 'database-closed';

export const STORAGE_FULL_MESSAGE =
  '磁盘空间不足，本次保存没有写入任何内容。请清理本机磁盘（删除不用的文件、清空回收站）后再保存；窗口中已填写的内容仍在，请不要关闭。';

export const DATABASE_CLOSED_MESSAGE =
  '本窗口已停止保存：另一个窗口打开了新版本的台账，本窗口的程序已经过时，本次保存没有写入任何内容。请记下窗口中尚未保存的内容，然后重新加载（按 F5）。';

/** The error names along an error's chain (Dexie wraps the browser's DOMException as `inner`). */
function errorNames(e: unknown): string[] {
  const names: string[] = [];
  let current: unknown = e;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner;
  }
  return names;
}

/** The fault `e` is, in words, or null when it is not one the user can act on. */
export function storageFault(e: unknown): ExpectedError<StorageFaultKind> | null {
  const names = errorNames(e);
  if (names.includes('QuotaExceededError')) return expectedError('storage-full', STORAGE_FULL_MESSAGE);
  if (names.includes('DatabaseClosedError') || names.includes('VersionChangeError')) return expectedError('database-closed', DATABASE_CLOSED_MESSAGE);
  return null;
}
