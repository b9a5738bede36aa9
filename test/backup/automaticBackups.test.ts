/**
 * Automatic backups end to end in Node: the app's own backup code over a real IndexedDB
 * (fake-indexeddb) and the desktop shell's real store over a real folder (electron/automaticBackups.ts):
 * made before an import and daily, sealed with the data key, pruned by the retention plan, and taken
 * out as an ordinary backup file that restores to the same fingerprint.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackup } from '../../shared/backup/codec';
import { sealWithPassphrase } from '../../shared/bundle/passphrase';
import { createFieldCipher } from '../../shared/security/fieldCipher';
import { createAutomaticBackupStore } from '../../electron/automaticBackups';
import { openDatabase, type TaizhangDb } from '../../renderer/db/db';
import { automaticBackupPassphrase, dailyBackupDue, exportAutomaticBackup, makeAutomaticBackup, makeDailyBackupIfDue } from '../../renderer/db/backup/automaticBackup';
import { databaseFingerprint } from '../../renderer/db/backup/dump';
import { restoreBackup } from '../../renderer/db/backup/restore';
import { backupBeforeMigration, keyringAsStored, migrationPending, storedDatabaseVersion } from '../../renderer/db/backup/preMigrationBackup';
import { SCHEMA_VERSION } from '../../renderer/db/schema';
import { createOrganisation } from '../../renderer/db/organisationRepository';
import { addTestMember, testIdNumber } from '../../renderer/db/testing/members';
import { completeSetup } from '../../renderer/db/workspaceRepository';
import { openWriteContext } from '../../renderer/db/writeContext';
import { lockDataKey, unlockDataKey, unlockedFieldCipher } from '../../renderer/identity/dataKeySession';
import { openThroughMigration } from '../../renderer/db/encryption/dataKeyAccess';
import { TEST_DATA_KEY, unlockTestDataKey } from '../../renderer/identity/testing/dataKey';

let dir = '';
let db: TaizhangDb;
let n = 0;
const opened: TaizhangDb[] = [];

beforeEach(async () => {
  unlockTestDataKey();
  dir = mkdtempSync(path.join(os.tmpdir(), 'tz-auto-backups-'));
  db = openDatabase(`test-auto-backup-${++n}`);
  opened.push(db);
  await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 120, partyGroupKind: 'partyGroup' });
  const ctx = await openWriteContext(db);
  const org = await createOrganisation(ctx, {
    name: '第一党支部', kind: 'branch', parentId: null, foundedOn: '2010-01-01', dissolvedOn: null, termStart: '2024-01-01',
    termYears: 3, termEnd: null, extension: null, approvalNo: '', approvedOn: null,
  });
  if (!org.ok) throw new Error(org.error.message);
  await addTestMember(ctx, org.value.id, '王芳', 3, { phone: '13912345678' });
});

afterEach(async () => {
  unlockTestDataKey();
  for (const d of opened.splice(0)) await d.delete();
  rmSync(dir, { recursive: true, force: true });
});

describe('automatic backups', () => {
  it('keeps a pre-import backup in the shell’s folder, sealed with the data key: it opens to the ledger’s fingerprint, with nothing else', async () => {
    const store = createAutomaticBackupStore(dir);
    const made = await makeAutomaticBackup(db, 'pre-import', store, '0.1.0', new Date('2026-12-06T02:00:00Z'));
    if (!made.ok) throw new Error(made.error.message);
    expect(readdirSync(dir)).toEqual([made.value.id]);
    expect(made.value.id).toMatch(/^auto-pre-import-20261206T020000000Z\.tzbak$/);
    const bytes = await store.read(made.value.id);
    const opened = await openBackup(bytes, automaticBackupPassphrase());
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.manifest.fingerprint).toBe(await databaseFingerprint(db));
    expect((await openBackup(bytes, '另一个口令0123456789')).ok).toBe(false);
    // another workspace's data key derives another passphrase
    unlockDataKey(new Uint8Array(32).fill(1));
    expect((await openBackup(bytes, automaticBackupPassphrase())).ok).toBe(false);
  });

  it('makes the daily backup once a calendar day, and the shell prunes pre-import ones to the newest five', async () => {
    const store = createAutomaticBackupStore(dir);
    const day = new Date('2026-12-06T01:00:00Z');
    const first = await makeDailyBackupIfDue(db, store, '0.1.0', day);
    expect(first.ok && first.value !== null).toBe(true);
    expect(await makeDailyBackupIfDue(db, store, '0.1.0', new Date('2026-12-06T03:00:00Z'))).toEqual({ ok: true, value: null });
    expect(dailyBackupDue(await store.list(), new Date('2026-12-07T03:00:00Z'), (d) => d.toISOString().slice(0, 10))).toBe(true);
    for (let i = 0; i < 7; i++) {
      const r = await makeAutomaticBackup(db, 'pre-import', store, '0.1.0', new Date(Date.UTC(2026, 11, 6, 4, i)));
      if (!r.ok) throw new Error(r.error.message);
    }
    const kept = await store.list();
    expect(kept.filter((e) => e.kind === 'pre-import').map((e) => e.at)).toEqual([6, 5, 4, 3, 2].map((m) => new Date(Date.UTC(2026, 11, 6, 4, m)).toISOString()));
    expect(kept.filter((e) => e.kind === 'daily')).toHaveLength(1);
  });

  it('takes a backup out as an ordinary backup file under a chosen passphrase, which restores on a new PC to the same fingerprint', async () => {
    const store = createAutomaticBackupStore(dir);
    const made = await makeAutomaticBackup(db, 'daily', store, '0.1.0');
    if (!made.ok) throw new Error(made.error.message);
    const weak = await exportAutomaticBackup(store, made.value.id, { passphrase: '短', passphraseConfirmation: '短', workspaceName: '市财政局' }, { logN: 15 });
    expect(weak.ok).toBe(false);
    const out = await exportAutomaticBackup(store, made.value.id, { passphrase: '我们支部2026年去了井冈山', passphraseConfirmation: '我们支部2026年去了井冈山', workspaceName: '市财政局' }, { logN: 15 });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.fileName).toMatch(/^台账备份_市财政局_\d{4}-\d{2}-\d{2}\.tzbak$/);
    expect(out.value.manifest.fingerprint).toBe(made.value.manifest.fingerprint);

    const fresh = openDatabase(`test-auto-backup-restore-${++n}`);
    opened.push(fresh);
    const restored = await restoreBackup(fresh, { fileName: out.value.fileName, fileBytes: out.value.bytes, passphrase: '我们支部2026年去了井冈山' });
    if (!restored.ok) throw new Error(restored.error.message);
    expect(await databaseFingerprint(fresh)).toBe(made.value.manifest.fingerprint);
    expect((await fresh.member.toArray())[0]).toMatchObject({ name: '王芳', idNumber: testIdNumber(3), phone: '13912345678' });
  });

  it('says in words when an automatic backup is not this workspace’s', async () => {
    const store = createAutomaticBackupStore(dir);
    const made = await makeAutomaticBackup(db, 'daily', store, '0.1.0');
    if (!made.ok) throw new Error(made.error.message);
    unlockDataKey(new Uint8Array(32).fill(7));
    const out = await exportAutomaticBackup(store, made.value.id, { passphrase: '我们支部2026年去了井冈山', passphraseConfirmation: '我们支部2026年去了井冈山', workspaceName: '市财政局' }, { logN: 15 });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.message).toContain('无法打开');
    unlockDataKey(TEST_DATA_KEY);
  });

  it('before a migration, backs the ledger up as it is stored — nothing upgraded, values opened, the keyring left out — with the ledger’s fingerprint', async () => {
    const store = createAutomaticBackupStore(dir);
    const fingerprint = await databaseFingerprint(db);
    const keyring = { key: 'dataKey' as const, protection: 'passphrase' as const, wrapped: '{}', check: 'tz1:x', createdAt: '2026-12-06T00:00:00.000Z', changedAt: null, fieldsSealed: true };
    await db.keyring.put(keyring);
    db.close();
    const name = db.name;
    expect(await storedDatabaseVersion(name)).toBe(SCHEMA_VERSION);
    // no migration pending at today's version: nothing made
    expect(await backupBeforeMigration(store, '0.1.0', { name })).toEqual({ ok: true, value: null });
    // a program one version newer would migrate it: the backup comes first, from the stored version
    expect(await migrationPending(name, SCHEMA_VERSION + 1)).toBe(true);
    expect(await keyringAsStored(name)).toEqual(keyring);
    const made = await backupBeforeMigration(store, '0.1.0', { name, target: SCHEMA_VERSION + 1, now: new Date('2026-12-06T05:00:00Z') });
    if (!made.ok || made.value === null) throw new Error(made.ok ? 'no backup' : made.error.message);
    expect(made.value.id).toMatch(/^auto-pre-migration-/);
    expect(made.value.manifest).toMatchObject({ databaseVersion: SCHEMA_VERSION, fingerprint });
    expect(await storedDatabaseVersion(name)).toBe(SCHEMA_VERSION); // nothing upgraded
    const opened = await openBackup(await store.read(made.value.id), automaticBackupPassphrase());
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.stores.map((s) => s.name)).not.toContain('keyring');
    const members = opened.value.stores.find((s) => s.name === 'member')!.rows as { idNumber: string }[];
    expect(members.map((m) => m.idNumber)).toEqual([testIdNumber(3)]); // opened, not sealed
  });

  it('on the start screen before a migration: the 开机口令 opens the key from the keyring as stored, the backup is made, then the ledger opens unlocked', async () => {
    const store = createAutomaticBackupStore(dir);
    // this ledger's data key is the test key: its keyring row wraps that one under the 开机口令
    const wrapped = await newKeyringFor(TEST_DATA_KEY, '台账开机口令2026');
    await db.keyring.put(wrapped);
    const fingerprint = await databaseFingerprint(db);
    db.close();
    lockDataKey(); // a new start: nothing in memory
    const app = openDatabase(db.name);
    opened.push(app);
    const wrong = await openThroughMigration(app, wrapped, { passphrase: '不是这个口令123' }, { store, appVersion: '0.1.0', target: SCHEMA_VERSION + 1 });
    expect(wrong.ok).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    const r = await openThroughMigration(app, wrapped, { passphrase: '台账开机口令2026' }, { store, appVersion: '0.1.0', target: SCHEMA_VERSION + 1 });
    expect(r).toEqual({ ok: true, value: { backupProblem: null } });
    expect(readdirSync(dir)).toHaveLength(1);
    expect((await store.list())[0]).toMatchObject({ kind: 'pre-migration' });
    expect(unlockedFieldCipher()).not.toBeNull();
    expect((await app.device.get('device'))?.signingPrivateKey.extractable).toBe(false);
    expect(await databaseFingerprint(app)).toBe(fingerprint);
  });
});

/** A keyring row holding `dataKey` under `passphrase` (the app makes its own key; the test needs the test key's). */
async function newKeyringFor(dataKey: Uint8Array, passphrase: string) {
  const sealed = await sealWithPassphrase(dataKey, passphrase, { purpose: 'workspace-data-key', logN: 15 });
  if (!sealed.ok) throw new Error(sealed.error.message);
  return {
    key: 'dataKey' as const,
    protection: 'passphrase' as const,
    wrapped: new TextDecoder().decode(sealed.value),
    check: createFieldCipher(dataKey).seal('taizhang data key', 'keyring.check'),
    createdAt: '2026-12-06T00:00:00.000Z',
    changedAt: null,
    fieldsSealed: true,
  };
}
