/**
 * The automatic (rolling) workspace backups, kept in one folder under the app's data
 * (`<userData>/backups`). The renderer makes the sealed `.tzbak` bytes; this file only stores,
 * lists, reads and prunes them. A backup's id is its file name
 * (shared/backup/automaticBackupName.ts): nothing else in the folder is listed, read or deleted,
 * and no path from the renderer is ever joined as given.
 *
 * A write goes to `<name>.partial`, is flushed to disk, then renamed: a crash leaves at most a
 * `.partial` (never listed; removed once it is an hour old), never half a backup under a real name.
 * After each write, retention (shared/backup/retention.ts) decides what to delete.
 */
import { lstat, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { automaticBackupFileName, parseAutomaticBackupFileName } from '../shared/backup/automaticBackupName';
import { BACKUP_LIMITS } from '../shared/backup/format';
import { DEFAULT_RETENTION, planRetention, type RetentionPolicy } from '../shared/backup/retention';
import { expectedError, ExpectedFailure } from '../shared/errors/errors';
import { MAX_LISTED_AUTOMATIC_BACKUPS, type AutomaticBackupEntry, type AutomaticBackupKind } from '../shared/ipc/contract';
import type { AutomaticBackupStore } from '../shared/platform';

const PARTIAL = '.partial';
/** A `.partial` older than this was left by a crash (a write takes seconds, not an hour). */
export const STALE_PARTIAL_MS = 60 * 60 * 1000;
/** How many milliseconds a write moves its time forward to find a free name. */
const MAX_NAME_TRIES = 1000;

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;
const MB = (n: number) => Math.round(n / (1024 * 1024));

const notFound = () => new ExpectedFailure(expectedError('automatic-backup-not-found', '未找到该自动备份'));
const tooLarge = () =>
  new ExpectedFailure(expectedError('automatic-backup-too-large', `自动备份文件超过 ${MB(BACKUP_LIMITS.maxFileBytes)} MB，不是本程序写出的备份，无法使用。`));

function writeFailed(e: unknown): ExpectedFailure {
  const why = code(e) === 'ENOSPC' ? '磁盘空间不足' : code(e) === 'EACCES' || code(e) === 'EPERM' ? '没有写入权限' : `错误：${code(e) ?? '未知'}`;
  return new ExpectedFailure(expectedError('automatic-backup-write-failed', `自动备份未能保存到本机（${why}）。请清理磁盘空间或检查程序数据文件夹后重试。`));
}

async function isFile(file: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    const s = await lstat(file); // a link is not one of ours: never followed
    return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch (e) {
    if (code(e) === 'ENOENT') return null;
    throw e;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (e) {
    if (code(e) === 'ENOENT') return false;
    throw e;
  }
}

async function removeIfThere(file: string): Promise<boolean> {
  try {
    await unlink(file);
    return true;
  } catch (e) {
    if (code(e) === 'ENOENT') return false;
    throw e;
  }
}

async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    if (code(e) === 'ENOENT') return [];
    throw e;
  }
}

/** Flushes the folder's entry for the rename (POSIX; Windows cannot open a folder and needs no such step). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // best effort: the file itself is already on disk
  }
}

export function createAutomaticBackupStore(dir: string, policy: RetentionPolicy = DEFAULT_RETENTION): AutomaticBackupStore {
  // one write at a time: the free-name search and the pruning see a folder nobody else changes
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function list(): Promise<AutomaticBackupEntry[]> {
    const out: AutomaticBackupEntry[] = [];
    for (const name of await names(dir)) {
      const parsed = parseAutomaticBackupFileName(name);
      if (!parsed) continue;
      const file = await isFile(path.join(dir, name));
      if (file) out.push({ id: name, kind: parsed.kind, at: parsed.at, bytes: file.size });
    }
    out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    return out.slice(0, MAX_LISTED_AUTOMATIC_BACKUPS);
  }

  /** Stores the bytes under the first free name at or after `at`; returns the name. */
  async function store(kind: AutomaticBackupKind, at: number, bytes: Uint8Array): Promise<string> {
    for (let i = 0; i < MAX_NAME_TRIES; i++) {
      const name = automaticBackupFileName(kind, new Date(at + i));
      const target = path.join(dir, name);
      if (await exists(target)) continue;
      const partial = target + PARTIAL;
      let fh;
      try {
        fh = await open(partial, 'wx');
      } catch (e) {
        if (code(e) === 'EEXIST') continue; // another process is writing this name
        throw e;
      }
      try {
        try {
          await fh.writeFile(bytes);
          await fh.sync();
        } finally {
          await fh.close();
        }
        await rename(partial, target);
      } catch (e) {
        await removeIfThere(partial).catch(() => undefined);
        throw e;
      }
      await syncDir(dir);
      return name;
    }
    throw new ExpectedFailure(expectedError('automatic-backup-write-failed', '自动备份未能保存到本机（同一时刻的备份太多）。请稍后重试。'));
  }

  /** Deletes what retention says (never `keep`, the backup just written) and crash-left `.partial` files. */
  async function prune(keep: string): Promise<string[]> {
    const all = await names(dir);
    const backups = all.flatMap((id) => {
      const parsed = parseAutomaticBackupFileName(id);
      return parsed ? [{ id, ...parsed }] : [];
    });
    const removed: string[] = [];
    for (const id of planRetention(backups, policy).remove) {
      if (id === keep) continue; // made with an older time than what is kept (a PC clock set back): kept until the next write
      if (!(await isFile(path.join(dir, id)))) continue;
      if (await removeIfThere(path.join(dir, id))) removed.push(id);
    }
    const now = Date.now();
    for (const name of all) {
      if (!name.endsWith(PARTIAL) || !parseAutomaticBackupFileName(name.slice(0, -PARTIAL.length))) continue;
      const file = await isFile(path.join(dir, name));
      if (file && now - file.mtimeMs > STALE_PARTIAL_MS) await removeIfThere(path.join(dir, name));
    }
    return removed;
  }

  return {
    write(kind, createdAt, bytes) {
      return serial(async () => {
        const at = Date.parse(createdAt);
        if (Number.isNaN(at)) throw new ExpectedFailure(expectedError('automatic-backup-bad-time', '自动备份的时间不正确，未保存。'));
        if (bytes.byteLength === 0) throw new ExpectedFailure(expectedError('automatic-backup-empty', '自动备份内容为空，未保存。'));
        if (bytes.byteLength > BACKUP_LIMITS.maxFileBytes) {
          throw new ExpectedFailure(expectedError('automatic-backup-too-large', `自动备份超过 ${MB(BACKUP_LIMITS.maxFileBytes)} MB，未保存。请到“设置 → 备份与恢复”手动备份到U盘。`));
        }
        let id: string;
        try {
          await mkdir(dir, { recursive: true });
          id = await store(kind, at, bytes);
        } catch (e) {
          if (e instanceof ExpectedFailure) throw e;
          throw writeFailed(e);
        }
        // the backup is saved: a failure to prune is retried by the next write
        const removed = await prune(id).catch(() => []);
        return { id, removed };
      });
    },

    list,

    async read(id) {
      if (id.length > 80 || id !== path.basename(id) || !parseAutomaticBackupFileName(id)) throw notFound();
      const file = path.join(dir, id);
      const found = await isFile(file);
      if (!found) throw notFound();
      if (found.size > BACKUP_LIMITS.maxFileBytes) throw tooLarge();
      let buf: Buffer;
      try {
        buf = await readFile(file);
      } catch (e) {
        if (code(e) === 'ENOENT') throw notFound();
        throw new ExpectedFailure(expectedError('automatic-backup-read-failed', `自动备份读取失败（错误：${code(e) ?? '未知'}），请重试。`));
      }
      if (buf.byteLength > BACKUP_LIMITS.maxFileBytes) throw tooLarge();
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    },
  };
}
