/**
 * Storage faults reach the user in words and leave nothing half-written: a full disk
 * (QuotaExceededError injected below Dexie, where the browser raises it) and a window whose
 * database another window has upgraded (a real `versionchange` in fake-indexeddb).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DBCore, DBCoreTable } from 'dexie';
import { ExpectedFailure } from '../../shared/errors/errors';
import { idNumberCheckChar } from '../../shared/model/idNumber';
import { openDatabase, type TaizhangDb } from './db';
import { createMember } from './memberRepository';
import { createRecord, type RecordInput } from './recordRepository';
import { runWrite } from './runWrite';
import { DATABASE_CLOSED_MESSAGE, STORAGE_FULL_MESSAGE, storageFault } from './storageFaults';
import { completeSetup } from './workspaceRepository';
import { openWriteContext } from './writeContext';

let n = 0;
const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete().catch(() => undefined);
  }
});

const branch: RecordInput<'organisation'> = {
  name: '第一党支部',
  kind: 'branch',
  parentId: null,
  foundedOn: null,
  dissolvedOn: null,
  termStart: null,
  termYears: null,
  termEnd: null,
  extension: null,
  approvalNo: '',
  approvedOn: null,
};

async function setUp(options: Parameters<typeof openDatabase>[1] = {}) {
  const name = `test-storage-faults-${++n}`;
  const db = openDatabase(name, options);
  opened.push(db);
  let diskFull = false;
  // below Dexie, where the browser raises it: every write to the audit trail fails once the disk is "full"
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(tableName: string): DBCoreTable {
        const table = down.table(tableName);
        if (tableName !== 'audit') return table;
        return {
          ...table,
          mutate: (req) => (diskFull ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req)),
        };
      },
    }),
  });
  await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 180, partyGroupKind: 'partyGroup' });
  const ctx = await openWriteContext(db);
  return { db, ctx, name, fillDisk: () => (diskFull = true) };
}

const withCheckChar = (first17: string) => first17 + idNumberCheckChar(first17);

/** What a write leaves behind. */
async function footprint(db: TaizhangDb) {
  return { organisations: await db.organisation.count(), members: await db.member.count(), changes: await db.changes.count(), audit: await db.audit.count() };
}

describe('a full disk', () => {
  it('refuses the write in words, with nothing of it stored', async () => {
    const { db, ctx, fillDisk } = await setUp();
    const before = await footprint(db);
    fillDisk();
    const write = runWrite(db, [db.organisation, db.changes, db.audit, db.device], async () => createRecord(ctx, 'organisation', branch));
    await expect(write).rejects.toBeInstanceOf(ExpectedFailure);
    await expect(write).rejects.toMatchObject({ error: { kind: 'storage-full', message: STORAGE_FULL_MESSAGE } });
    expect(await footprint(db)).toEqual(before);
  });

  it('reaches a repository’s caller the same way (a member is not half-saved)', async () => {
    const { db, ctx, fillDisk } = await setUp();
    const org = await createRecord(ctx, 'organisation', branch);
    if (!org.ok) throw new Error(org.error.message);
    const before = await footprint(db);
    fillDisk();
    await expect(
      createMember(ctx, {
        name: '王芳',
        gender: 'female',
        ethnicity: '汉族',
        birthDate: '1985-03-12',
        idNumber: withCheckChar('11010119850312002'),
        phone: '',
        joinedOn: '2008-07-01',
        convertedOn: '2009-07-01',
        membership: 'full',
        organisationId: org.value.id,
        postings: [{ organisationId: org.value.id, from: '2020-01-01', to: null }],
        status: 'active',
        statusChangedOn: null,
        cadre: null,
        excludedReason: null,
      }),
    ).rejects.toMatchObject({ error: { kind: 'storage-full' } });
    expect(await footprint(db)).toEqual(before);
  });
});

describe('another window opens a newer version of the database', () => {
  /** What another window does when it upgrades: opens the same database at a higher version. */
  function upgradeElsewhere(name: string, version: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(name, version);
      request.onblocked = () => reject(new Error('the upgrade was blocked by the old window'));
      request.onerror = () => reject(request.error ?? new Error('open failed'));
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
  }

  it('closes this window’s connection for good: the upgrade is not blocked, the app is told, and the next write is refused in words', async () => {
    const closed = vi.fn();
    const { db, ctx, name } = await setUp({ onClosedByOtherWindow: closed });
    const before = await footprint(db);
    await upgradeElsewhere(name, 1000);
    expect(closed).toHaveBeenCalledTimes(1);
    const write = runWrite(db, [db.organisation, db.changes, db.audit, db.device], async () => createRecord(ctx, 'organisation', branch));
    await expect(write).rejects.toMatchObject({ error: { kind: 'database-closed', message: DATABASE_CLOSED_MESSAGE } });
    expect(db.isOpen()).toBe(false);
    // the newer database holds nothing of the refused write (Dexie's default would have reopened it and written there)
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    expect(raw.version).toBe(1000);
    const count = await new Promise<number>((resolve) => {
      const request = raw.transaction('organisation').objectStore('organisation').count();
      request.onsuccess = () => resolve(request.result);
    });
    raw.close();
    expect(count).toBe(before.organisations);
  });
});

describe('storageFault', () => {
  it('names only the faults a user can act on', () => {
    expect(storageFault(new DOMException('x', 'QuotaExceededError'))?.kind).toBe('storage-full');
    expect(storageFault({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })?.kind).toBe('storage-full');
    expect(storageFault({ name: 'DatabaseClosedError' })?.kind).toBe('database-closed');
    expect(storageFault(new TypeError('a bug'))).toBeNull();
    expect(storageFault(null)).toBeNull();
  });
});
