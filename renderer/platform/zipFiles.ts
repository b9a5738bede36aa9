/**
 * Several files as one `.zip` (the browser's way to "save into a folder"): stored, not deflated
 * (sync bundles are encrypted, so compressing them gains nothing), names in UTF-8 (fflate sets the
 * zip's UTF-8 flag, so Windows' and UOS's unzip show 回执_… as written).
 */
import { zipSync, type Zippable } from 'fflate';
import type { FileToSave } from '../../shared/ipc/contract';

export function zipFiles(files: readonly FileToSave[], at: Date = new Date()): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) entries[f.name] = [f.bytes, { level: 0, mtime: at }];
  return zipSync(entries);
}
