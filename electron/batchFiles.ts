/**
 * Several files at once, main-process side, with no dialog in it (fileHandlers.ts asks the user):
 * read the files picked or every wanted file of a folder within bounds (shared/ipc/batchFiles.ts),
 * and write several files into a folder without overwriting anything there.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { selectBatchFiles, type BatchFileLimits, type SkippedFile } from '../shared/ipc/batchFiles';
import { BATCH_FILE_LIMITS, type FileToSave, type OpenedFile } from '../shared/ipc/contract';

interface PathEntry {
  readonly name: string;
  readonly size: number;
  readonly isFile: boolean;
  readonly filePath: string;
}

/** lstat, so that a link is never followed out of the folder the user chose. */
async function entryFor(filePath: string): Promise<PathEntry> {
  try {
    const stat = await fs.lstat(filePath);
    return { name: path.basename(filePath), size: stat.size, isFile: stat.isFile(), filePath };
  } catch {
    return { name: path.basename(filePath), size: 0, isFile: false, filePath };
  }
}

async function readTaken(taken: readonly PathEntry[], skipped: SkippedFile[]): Promise<OpenedFile[]> {
  const files: OpenedFile[] = [];
  for (const entry of taken) {
    try {
      files.push({ name: entry.name, bytes: new Uint8Array(await fs.readFile(entry.filePath)) });
    } catch (e) {
      skipped.push({ name: entry.name, reason: `读取失败（${(e as NodeJS.ErrnoException).code ?? '未知错误'}），请确认U盘没有拔出后重试` });
    }
  }
  return files;
}

/** The files the user picked in a multi-select dialog: each one not taken is named with the reason. */
export async function readPickedFiles(
  filePaths: readonly string[],
  extensions: readonly string[],
  limits: BatchFileLimits = BATCH_FILE_LIMITS,
): Promise<{ files: OpenedFile[]; skipped: SkippedFile[] }> {
  const entries = await Promise.all(filePaths.map(entryFor));
  const { take, skipped } = selectBatchFiles(entries, extensions, limits);
  return { files: await readTaken(take, skipped), skipped };
}

/** Every file with one of `extensions` directly in `folder` (not in sub-folders; links are not followed). */
export async function readFolderFiles(
  folder: string,
  extensions: readonly string[],
  limits: BatchFileLimits = BATCH_FILE_LIMITS,
): Promise<{ folderName: string; files: OpenedFile[]; skipped: SkippedFile[] }> {
  const names = await fs.readdir(folder);
  const entries = await Promise.all(names.map((name) => entryFor(path.join(folder, name))));
  const { take, skipped } = selectBatchFiles(entries, extensions, limits, { quietOthers: true });
  return { folderName: path.basename(folder), files: await readTaken(take, skipped), skipped };
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await fs.lstat(filePath);
    return true;
  } catch {
    return false;
  }
}

/** `name`, or `name（2）.ext`, `name（3）.ext` … — the first one not yet in `folder`. */
export async function freeName(folder: string, name: string): Promise<string> {
  if (!(await exists(path.join(folder, name)))) return name;
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 2; i < 1000; i++) {
    const candidate = `${stem}（${i}）${ext}`;
    if (!(await exists(path.join(folder, candidate)))) return candidate;
  }
  return `${stem}（${Date.now()}）${ext}`;
}

export interface WrittenFile {
  /** The name asked for (the renderer's). */
  readonly name: string;
  readonly saved: boolean;
  /** When saved under another name (one existed), or why it was not saved. */
  readonly message?: string;
}

/**
 * Writes each file into `folder`: through a temporary file and a rename (a full USB stick never
 * leaves half a file), never over an existing file. One file failing does not stop the others.
 */
export async function writeFilesToFolder(folder: string, files: readonly FileToSave[]): Promise<WrittenFile[]> {
  const out: WrittenFile[] = [];
  for (const file of files) {
    const name = await freeName(folder, file.name);
    const target = path.join(folder, name);
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      await fs.writeFile(tmp, file.bytes);
      await fs.rename(tmp, target);
      out.push(name === file.name ? { name: file.name, saved: true } : { name: file.name, saved: true, message: `同名文件已存在，另存为“${name}”` });
    } catch (e) {
      await fs.rm(tmp, { force: true });
      out.push({ name: file.name, saved: false, message: `未能保存（${(e as NodeJS.ErrnoException).code ?? '写入失败'}），请检查磁盘空间或U盘是否已拔出` });
    }
  }
  return out;
}
