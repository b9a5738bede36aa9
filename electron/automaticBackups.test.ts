/** The automatic backup folder, on a real temporary folder: store, list, read, prune, and every refusal. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { automaticBackupFileName, parseAutomaticBackupFileName } from '../shared/backup/automaticBackupName';
import { BACKUP_LIMITS } from '../shared/backup/format';
import { planRetention } from '../shared/backup/retention';
import { isExpectedFailure } from '../shared/errors/errors';
import { createAutomaticBackupStore } from './automaticBackups';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tz-autobak-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const bytesOf = (text: string) => new TextEncoder().encode(text);
const DAY = 86_400_000;

async function refusal(p: Promise<unknown>): Promise<{ kind: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isExpectedFailure(e)) return e.error;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('automatic backup store', () => {
  it('writes into a folder it makes, lists newest first and reads the bytes back', async () => {
    const dir = path.join(tempDir(), 'userData', 'backups'); // does not exist yet
    const store = createAutomaticBackupStore(dir);
    const first = await store.write('daily', '2026-12-01T02:00:00.000Z', bytesOf('first'));
    const second = await store.write('pre-import', '2026-12-01T03:30:00.250Z', bytesOf('second!'));
    expect(first).toEqual({ id: 'auto-daily-20261201T020000000Z.tzbak', removed: [] });
    expect(second).toEqual({ id: 'auto-pre-import-20261201T033000250Z.tzbak', removed: [] });
    expect(await store.list()).toEqual([
      { id: second.id, kind: 'pre-import', at: '2026-12-01T03:30:00.250Z', bytes: 7 },
      { id: first.id, kind: 'daily', at: '2026-12-01T02:00:00.000Z', bytes: 5 },
    ]);
    expect(new TextDecoder().decode(await store.read(first.id))).toBe('first');
    expect(readFileSync(path.join(dir, second.id), 'utf8')).toBe('second!');
    expect(readdirSync(dir).sort()).toEqual([first.id, second.id].sort()); // no .partial left behind
  });

  it('lists nothing for a folder that does not exist yet', async () => {
    expect(await createAutomaticBackupStore(path.join(tempDir(), 'none')).list()).toEqual([]);
  });

  it('keeps what planRetention keeps of 10 daily backups on 10 consecutive days (7 daily + weekly) and reports what it removed', async () => {
    const dir = tempDir();
    const store = createAutomaticBackupStore(dir);
    const start = Date.parse('2026-11-20T12:00:00.000Z');
    const ids: string[] = [];
    const removed: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await store.write('daily', new Date(start + i * DAY).toISOString(), bytesOf(`day ${i}`));
      ids.push(r.id);
      removed.push(...r.removed);
    }
    const plan = planRetention(ids.map((id) => ({ id, ...parseAutomaticBackupFileName(id)! })));
    const expected = plan.keep.map((k) => k.id).sort();
    expect(plan.keep.filter((k) => k.reason === 'daily')).toHaveLength(7);
    expect(plan.keep.filter((k) => k.reason === 'weekly').length).toBeGreaterThanOrEqual(1);
    expect(plan.remove.length).toBeGreaterThan(0);
    expect((await store.list()).map((e) => e.id).sort()).toEqual(expected);
    expect(readdirSync(dir).sort()).toEqual(expected);
    expect(removed.sort()).toEqual([...plan.remove].sort());
    expect(ids.slice(-7).every((id) => expected.includes(id))).toBe(true);
  });

  it('keeps the newest 5 pre-import backups, and never counts them as daily ones', async () => {
    const dir = tempDir();
    const store = createAutomaticBackupStore(dir);
    const daily = await store.write('daily', '2026-12-01T01:00:00.000Z', bytesOf('d'));
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await store.write('pre-import', new Date(Date.parse('2026-12-01T08:00:00.000Z') + i * 60_000).toISOString(), bytesOf(`i${i}`))).id);
    const listed = await store.list();
    expect(listed.filter((e) => e.kind === 'pre-import').map((e) => e.id)).toEqual(ids.slice(-5).reverse());
    expect(listed.filter((e) => e.kind === 'daily').map((e) => e.id)).toEqual([daily.id]);
  });

  it.each([
    ['a traversal', '../secret.tzbak'],
    ['a traversal to a real-looking name', '../auto-daily-20261201T020000000Z.tzbak'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows path', 'C:\\Windows\\win.ini'],
    ['another file in the folder', 'notes.txt'],
    ['a name that parses but is not there', 'auto-daily-20261202T020000000Z.tzbak'],
    ['a partial file', 'auto-daily-20261201T020000000Z.tzbak.partial'],
  ])('refuses to read %s', async (_what, id) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    writeFileSync(path.join(dir, 'auto-daily-20261201T020000000Z.tzbak.partial'), 'x');
    const store = createAutomaticBackupStore(dir);
    await store.write('daily', '2026-12-01T02:00:00.000Z', bytesOf('x'));
    const error = await refusal(store.read(id));
    expect(error.kind).toBe('automatic-backup-not-found');
    expect(error.message).toBe('未找到该自动备份');
  });

  // creating a symbolic link needs extra rights on Windows
  it.skipIf(process.platform === 'win32')('neither lists nor reads a link that carries a backup name', async () => {
    const dir = tempDir();
    const outside = path.join(tempDir(), 'outside.tzbak');
    writeFileSync(outside, 'not ours');
    const name = 'auto-daily-20261201T020000000Z.tzbak';
    symlinkSync(outside, path.join(dir, name));
    const store = createAutomaticBackupStore(dir);
    expect(await store.list()).toEqual([]);
    expect((await refusal(store.read(name))).kind).toBe('automatic-backup-not-found');
  });

  it('refuses to store an empty or oversized backup, and writes nothing', async () => {
    const dir = tempDir();
    const store = createAutomaticBackupStore(dir);
    const empty = await refusal(store.write('daily', '2026-12-01T02:00:00.000Z', new Uint8Array(0)));
    expect(empty.kind).toBe('automatic-backup-empty');
    expect(empty.message).toMatch(/为空/);
    const huge = new Uint8Array(1);
    Object.defineProperty(huge, 'byteLength', { value: BACKUP_LIMITS.maxFileBytes + 1 });
    const tooLarge = await refusal(store.write('daily', '2026-12-01T02:00:00.000Z', huge));
    expect(tooLarge.kind).toBe('automatic-backup-too-large');
    expect(tooLarge.message).toMatch(/超过 512 MB/);
    expect(readdirSync(dir)).toEqual([]);
    // and the store still works after a refusal
    expect((await store.write('daily', '2026-12-01T02:00:00.000Z', bytesOf('ok'))).id).toBe('auto-daily-20261201T020000000Z.tzbak');
  });

  it('refuses to read a backup file larger than the limit', async () => {
    const dir = tempDir();
    const name = 'auto-daily-20261201T020000000Z.tzbak';
    writeFileSync(path.join(dir, name), '');
    truncateSync(path.join(dir, name), BACKUP_LIMITS.maxFileBytes + 1); // sparse: takes no disk
    const error = await refusal(createAutomaticBackupStore(dir).read(name));
    expect(error.kind).toBe('automatic-backup-too-large');
  });

  it('does not list a crash-left .partial, removes it on the next write once it is an hour old, and leaves other files alone', async () => {
    const dir = tempDir();
    const fresh = 'auto-daily-20261130T020000000Z.tzbak.partial';
    const stale = 'auto-daily-20261129T020000000Z.tzbak.partial';
    const foreign = 'old.partial';
    for (const name of [fresh, stale, foreign, 'readme.txt', 'auto-weekly-20261129T020000000Z.tzbak']) writeFileSync(path.join(dir, name), 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(path.join(dir, stale), twoHoursAgo, twoHoursAgo);
    utimesSync(path.join(dir, foreign), twoHoursAgo, twoHoursAgo);
    const store = createAutomaticBackupStore(dir);
    expect(await store.list()).toEqual([]);
    const { id, removed } = await store.write('daily', '2026-12-01T02:00:00.000Z', bytesOf('x'));
    expect(removed).toEqual([]); // a .partial is not a backup
    expect(readdirSync(dir).sort()).toEqual([id, fresh, foreign, 'readme.txt', 'auto-weekly-20261129T020000000Z.tzbak'].sort());
    expect((await store.list()).map((e) => e.id)).toEqual([id]);
  });

  it('gives two writes in the same millisecond distinct names, one millisecond apart', async () => {
    const dir = tempDir();
    const store = createAutomaticBackupStore(dir);
    const at = '2026-12-01T02:00:00.000Z';
    const [a, b] = await Promise.all([store.write('pre-import', at, bytesOf('a')), store.write('pre-import', at, bytesOf('b'))]);
    const c = await store.write('pre-import', at, bytesOf('c'));
    expect([a.id, b.id, c.id]).toEqual([
      automaticBackupFileName('pre-import', new Date(at)),
      automaticBackupFileName('pre-import', new Date(Date.parse(at) + 1)),
      automaticBackupFileName('pre-import', new Date(Date.parse(at) + 2)),
    ]);
    expect(new TextDecoder().decode(await store.read(a.id))).toBe('a');
    expect(new TextDecoder().decode(await store.read(b.id))).toBe('b');
    expect(new TextDecoder().decode(await store.read(c.id))).toBe('c');
  });

  it('refuses a time it cannot read', async () => {
    const error = await refusal(createAutomaticBackupStore(tempDir()).write('daily', 'yesterday', bytesOf('x')));
    expect(error.kind).toBe('automatic-backup-bad-time');
  });
});
