/**
 * The workspace backup (docs/backup-format.md) over fake-indexeddb: an enrolled unit with records,
 * a receipt, files and odd local rows is backed up and restored onto a fresh database with the SAME
 * fingerprint and a NEW device identity (receipts and sequences kept; the committee refuses the new
 * key until 重新登记, then takes its full export). Refused in Chinese with nothing written: a wrong
 * passphrase, a truncated or tampered file, an oversized file, another file, a non-empty workspace.
 * scrypt runs at logN 15 here (the app always uses 17).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_LIMITS } from '../../../shared/backup/format';
import { openDatabase, type TaizhangDb } from '../db';
import { createRecord } from '../recordRepository';
import { openWriteContext, type WriteContext } from '../writeContext';
import { exportReturnBundle, exportUnitBundle } from '../sync/exportBundle';
import { prepareImport } from '../sync/importBundle';
import { enrolledPair, importInto, must, testClock } from '../sync/testing/syncTestPair';
import { freshSide } from '../sync/testing/testSupport';
import { completeSetup } from '../workspaceRepository';
import { keyBackupCopy, restoreCommittee, setUpCommittee } from '../committeeSetup';
import { enrolUnit, reEnrolUnit } from '../sync/enrolment';
import { Dexie } from 'dexie';
import { sealBackup } from '../../../shared/backup/codec';
import { backedUpTables, databaseFingerprint, dumpWorkspace } from './dump';
import { primaryKeyPathOf, storesAtVersion } from './olderVersions';
import { makeBackup, markBackupSaved } from './makeBackup';
import { restoreBackup, workspaceIsEmpty } from './restore';
import { restoreAllowed } from '../queries/backup';

const PASSPHRASE = '我们支部2026年去了井冈山';
const FAST = { logN: 15 } as const;
const now = testClock();
const opened: TaizhangDb[] = [];
let n = 0;

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function freshDb(): TaizhangDb {
  const db = openDatabase(`test-backup-${++n}`);
  opened.push(db);
  return db;
}

/** An enrolled unit with a member, a receipt from the committee, files and local rows of every odd kind. */
async function unitWithData(): Promise<{ unit: WriteContext; committee: WriteContext; unitId: string }> {
  const { committee, unit, unitId, orgId } = await enrolledPair(now, opened);
  await must(
    createRecord(unit, 'member', {
      name: '王军',
      gender: 'male',
      ethnicity: '汉族',
      birthDate: '1949-12-31',
      idNumber: '110105194912310011',
      phone: '13812345678',
      joinedOn: '1975-07-01',
      membership: 'full',
      convertedOn: '1976-07-01',
      organisationId: orgId,
      postings: [{ organisationId: orgId, from: '2015-03-01', to: null }],
      status: 'retired',
      statusChangedOn: '2009-12-31',
      cadre: null,
      excludedReason: null,
    }),
  );
  await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
  await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
  // local rows the screens write, with values JSON alone cannot hold
  await unit.db.reportDrafts.add({ unitId, year: 2026, intro: '开头', problems: '', nextSteps: '下一步', addressee: '市委直属机关工委', savedAt: now().toISOString(), savedBy: '张敏' });
  await unit.db.attachmentBlobs.put({ sha256: 'f'.repeat(64), blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), thumbnail: new Blob([new Uint8Array([9])], { type: 'image/jpeg' }) });
  await unit.db.conflicts.add({ table: 'organisation', id: orgId, keptRev: 'a', lostRev: 'b', lost: { ratio: 0.1 + 0.2, nothing: undefined, negativeZero: -0, $t: 'data' }, at: now().toISOString(), resolved: false });
  return { unit, committee, unitId };
}

async function backupOf(db: TaizhangDb) {
  return must(makeBackup(db, { passphrase: PASSPHRASE, passphraseConfirmation: PASSPHRASE, appVersion: '0.1.0-test' }, { ...FAST, now: now() }));
}

async function contents(db: TaizhangDb): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
}

describe('workspace backup', () => {
  it('restores onto a fresh database with the same fingerprint and a new device identity, keeping receipts and sequences', async () => {
    const { unit, committee, unitId } = await unitWithData();
    const before = await databaseFingerprint(unit.db);
    const backup = await backupOf(unit.db);
    expect(backup.fileName).toMatch(/^台账备份_市财政局_\d{4}-\d{2}-\d{2}\.tzbak$/);
    expect(backup.manifest.fingerprint).toBe(before);
    expect(backup.manifest.workspace).toMatchObject({ mode: 'unit', ownerId: unitId, name: '市财政局' });
    // every store is in it, counted
    expect(Object.keys(backup.manifest.stores).sort()).toEqual(backedUpTables(unit.db).map((t) => t.name).sort());
    expect(backup.manifest.stores).not.toHaveProperty('keyring');
    expect(backup.manifest.stores.syncPeer?.rows).toBe(1);
    expect(backup.manifest.blobs.count).toBeGreaterThanOrEqual(3); // the key card, a file, a thumbnail
    // nothing readable without the passphrase
    const text = new TextDecoder('utf-8', { fatal: false }).decode(backup.bytes);
    expect(text).not.toContain('市财政局');
    expect(text).not.toContain('第一党支部');

    const target = freshDb();
    const restored = await must(restoreBackup(target, { fileName: backup.fileName, fileBytes: backup.bytes, passphrase: PASSPHRASE }, { now: now() }));
    expect(await databaseFingerprint(target)).toBe(before);
    expect(restored).toMatchObject({ fingerprint: before, needsReEnrolment: true });

    const [oldDevice, newDevice] = await Promise.all([unit.db.device.get('device'), target.device.get('device')]);
    expect(newDevice?.deviceId).not.toBe(oldDevice?.deviceId);
    expect(newDevice?.signingPublicKey).not.toBe(oldDevice?.signingPublicKey);
    expect(newDevice?.lastRev).toBe(oldDevice?.lastRev);
    expect(newDevice?.workspaceBackup?.restoredFrom).toMatchObject({ fileName: backup.fileName, previousDeviceId: oldDevice?.deviceId });
    expect(await target.syncPeer.toArray()).toEqual(await unit.db.syncPeer.toArray());
    expect(await target.syncState.toArray()).toEqual(await unit.db.syncState.toArray());
    const lost = (await target.conflicts.toArray())[0]?.lost as Record<string, unknown>;
    expect(lost).toEqual({ ratio: 0.1 + 0.2, nothing: undefined, negativeZero: -0, $t: 'data' });
    expect(Object.hasOwn(lost, 'nothing') && Object.is(lost.negativeZero, -0)).toBe(true);
    const thumb = (await target.attachmentBlobs.get('f'.repeat(64)))?.thumbnail;
    expect(thumb?.type).toBe('image/jpeg');
    expect(new Uint8Array(await (thumb as Blob).arrayBuffer())).toEqual(new Uint8Array([9]));

    // The restored PC signs with its own key: the committee refuses it until 重新登记, then takes its full export.
    const restoredCtx = await openWriteContext(target, now);
    const next = await must(exportUnitBundle(restoredCtx, { full: true }));
    expect(next.header.sequence).toBe(((await unit.db.syncState.get('outgoing'))?.nextSequence ?? 0)); // the sequence carries on
    const refused = await prepareImport(committee, next.bytes);
    expect(refused.ok ? null : refused.error.kind).toBe('sender-key-mismatch');
    await must(reEnrolUnit(committee, unitId));
    await importInto(committee, next.bytes, { confirm: true });
    expect((await committee.db.enrolledUnit.get(unitId))?.publicKey).toBe(newDevice?.signingPublicKey);
  });

  it('refuses a wrong passphrase, a truncated, tampered, oversized or foreign file in Chinese, writing nothing', async () => {
    const { unit } = await unitWithData();
    const backup = await backupOf(unit.db);
    const target = freshDb();
    const attempt = (fileBytes: Uint8Array, passphrase = PASSPHRASE) => restoreBackup(target, { fileName: 'x.tzbak', fileBytes, passphrase }, { now: now() });

    const wrong = await attempt(backup.bytes, '不是这个口令不是这个口令');
    expect(wrong.ok ? null : wrong.error).toMatchObject({ kind: 'backup-wrong-passphrase', message: expect.stringContaining('口令不正确') });

    const truncated = await attempt(backup.bytes.subarray(0, backup.bytes.length - 100));
    expect(truncated.ok ? null : truncated.error).toMatchObject({ kind: 'backup-truncated', message: expect.stringContaining('不完整') });
    const cutInHeader = await attempt(backup.bytes.subarray(0, 40));
    expect(cutInHeader.ok ? null : cutInHeader.error.kind).toBe('backup-truncated');
    const appended = await attempt(new Uint8Array([...backup.bytes, 0]));
    expect(appended.ok ? null : appended.error.kind).toBe('backup-truncated');

    const tampered = backup.bytes.slice();
    tampered[tampered.length - 500] = (tampered[tampered.length - 500] as number) ^ 0x01;
    const altered = await attempt(tampered);
    expect(altered.ok ? null : altered.error).toMatchObject({ kind: 'backup-damaged', message: expect.stringContaining('损坏或被改动') });

    const oversize = await attempt(new Uint8Array(BACKUP_LIMITS.maxFileBytes + 1));
    expect(oversize.ok ? null : oversize.error).toMatchObject({ kind: 'backup-too-large', message: expect.stringContaining('MB') });
    const foreign = await attempt(new TextEncoder().encode('{"format":"taizhang-sealed-secret"}'));
    expect(foreign.ok ? null : foreign.error).toMatchObject({ kind: 'not-a-backup', message: expect.stringContaining('不是台账备份文件') });

    expect(Object.values(await contents(target)).every((count) => count === 0)).toBe(true);
  });

  it('restores only onto an empty workspace: refused once records exist, allowed right after setup', async () => {
    const { unit } = await unitWithData();
    const backup = await backupOf(unit.db);

    const justSetUp = freshDb();
    await must(completeSetup(justSetUp, { mode: 'unit', name: '临时', creditCode: '11410100MB1234567W', staffCount: 10, partyGroupKind: 'partyGroup', operatorName: '' }, now()));
    expect(await workspaceIsEmpty(justSetUp)).toBe(true);
    const busy = await freshSide('unit', now);
    opened.push(busy.db);
    await must(createRecord(busy.ctx, 'organisation', { name: '支部', kind: 'branch', parentId: null, foundedOn: '2015-03-01', dissolvedOn: null, termStart: '2024-03-01', termYears: 3, termEnd: null, extension: null, approvalNo: '', approvedOn: null }));
    expect(await workspaceIsEmpty(busy.db)).toBe(false);
    const before = await databaseFingerprint(busy.db);
    const refused = await restoreBackup(busy.db, { fileName: backup.fileName, fileBytes: backup.bytes, passphrase: PASSPHRASE });
    expect(refused.ok ? null : refused.error).toMatchObject({ kind: 'backup-workspace-not-empty', message: expect.stringContaining('已有数据') });
    expect(await databaseFingerprint(busy.db)).toBe(before);

    const device = await justSetUp.device.get('device');
    await must(restoreBackup(justSetUp, { fileName: backup.fileName, fileBytes: backup.bytes, passphrase: PASSPHRASE }));
    expect(await databaseFingerprint(justSetUp)).toBe(backup.manifest.fingerprint);
    expect((await justSetUp.device.get('device'))?.deviceId).toBe(device?.deviceId); // the fresh identity of this PC, never the old PC's
    expect((await justSetUp.workspace.get('workspace'))?.name).toBe('市财政局');
    expect(await restoreAllowed(justSetUp)).toBe(false); // no second restore over a restored ledger
  });

  it('offers no second restore over a ledger restored from a backup of an empty ledger', async () => {
    const empty = freshDb();
    await must(completeSetup(empty, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 10, partyGroupKind: 'partyGroup', operatorName: '' }, now()));
    const backup = await backupOf(empty);
    const target = freshDb();
    await must(completeSetup(target, { mode: 'unit', name: '临时', creditCode: '11410100MB1234567W', staffCount: 10, partyGroupKind: 'partyGroup', operatorName: '' }, now()));
    expect(await restoreAllowed(target)).toBe(true);
    await must(restoreBackup(target, { fileName: backup.fileName, fileBytes: backup.bytes, passphrase: PASSPHRASE }));
    expect(await workspaceIsEmpty(target)).toBe(true); // empty still…
    expect(await restoreAllowed(target)).toBe(false); // …but restored: 设置 offers no second restore
  });

  it('restores a backup of an older database version through the database own migrations', async () => {
    const { db, ctx } = await freshSide('unit', now);
    opened.push(db);
    await must(createRecord(ctx, 'rectification', { source: 'inspection', problem: '学习制度落实不到位', measures: '', owner: '张敏', deadline: null, status: 'open', evidence: '', closedOn: null, cardId: null }));
    const original = await databaseFingerprint(db);
    // the same ledger as a version 3 database held it: only the stores version 3 had, rectification items without cardId
    const dump = await dumpWorkspace(db);
    const v3 = storesAtVersion(3);
    expect(dump.stores.filter((s) => !v3.has(s.name)).every((s) => s.rows.length === 0)).toBe(true);
    const stores = dump.stores
      .filter((s) => v3.has(s.name))
      .map((s) => (s.name === 'rectification' ? { ...s, rows: s.rows.map(({ cardId: _gone, ...row }) => row) } : s));
    const workspace = (await db.workspace.get('workspace'))!;
    const device = (await db.device.get('device'))!;
    const sealed = await sealBackup(
      {
        appVersion: '0.0.9',
        databaseVersion: 3,
        recordSchemaVersion: 2,
        createdAt: now().toISOString(),
        workspace: { mode: 'unit', ownerId: workspace.ownerId, name: workspace.name, creditCode: workspace.creditCode },
        device: { deviceId: device.deviceId, signingPublicKey: device.signingPublicKey, encryptionPublicKey: device.encryptionPublicKey },
      },
      { stores, blobs: dump.blobs },
      PASSPHRASE,
      FAST,
    );
    if (!sealed.ok) throw new Error(sealed.error.message);
    const target = freshDb();
    await must(restoreBackup(target, { fileName: 'old.tzbak', fileBytes: sealed.value.bytes, passphrase: PASSPHRASE }));
    expect((await target.rectification.toArray())[0]).toMatchObject({ problem: '学习制度落实不到位', cardId: null });
    expect(await databaseFingerprint(target)).toBe(original); // upgraded to exactly what today's program holds
    expect((await Dexie.getDatabaseNames()).filter((n) => n.startsWith('taizhang-restore-'))).toEqual([]); // the scratch database is gone
  });

  it('restores a committee in two steps: its keys from the key backup, then its ledger; refused elsewhere', async () => {
    const original = freshDb();
    await must(setUpCommittee(original, { name: '中共示范市委直属机关工作委员会', operatorName: '李工', passphrase: PASSPHRASE, passphraseConfirmation: PASSPHRASE }, FAST));
    const ctx = await openWriteContext(original, now);
    await must(enrolUnit(ctx, '市财政局', '11410100MB1234567W'));
    const keyFile = (await keyBackupCopy(original))!.bytes;
    const backup = await backupOf(original);

    // on the setup screen: the keys first, says the refusal
    const bare = freshDb();
    const onSetup = await restoreBackup(bare, { fileName: backup.fileName, fileBytes: backup.bytes, passphrase: PASSPHRASE });
    expect(onSetup.ok ? null : onSetup.error.message).toContain('从密钥备份恢复');
    expect(await bare.workspace.count()).toBe(0);
    // another committee's PC: refused
    const other = freshDb();
    await must(setUpCommittee(other, { name: '另一个工委', operatorName: '', passphrase: PASSPHRASE, passphraseConfirmation: PASSPHRASE }, FAST));
    const intoOther = await restoreBackup(other, { fileName: backup.fileName, fileBytes: backup.bytes, passphrase: PASSPHRASE });
    expect(intoOther.ok ? null : intoOther.error.message).toContain('另一个工委');

    const restored = freshDb();
    await must(restoreCommittee(restored, { fileName: 'k.tzkey', fileBytes: keyFile, passphrase: PASSPHRASE }));
    const keys = await restored.device.get('device');
    expect(await workspaceIsEmpty(restored)).toBe(true);
    const r = await must(restoreBackup(restored, { fileName: backup.fileName, fileBytes: backup.bytes, passphrase: PASSPHRASE }));
    expect(r.needsReEnrolment).toBe(false);
    expect(await databaseFingerprint(restored)).toBe(backup.manifest.fingerprint);
    const device = await restored.device.get('device');
    expect(device).toMatchObject({ deviceId: keys?.deviceId, signingPublicKey: keys?.signingPublicKey, keyBackup: keys?.keyBackup });
    expect(device?.deviceId).not.toBe((await original.device.get('device'))?.deviceId);
    expect(await restored.enrolledUnit.count()).toBe(1);
  });

  it('knows the stores of every database version (a new version must be added to olderVersions.ts)', () => {
    const db = freshDb();
    const stores = storesAtVersion(db.verno);
    expect([...stores.keys()].sort()).toEqual(db.tables.map((t) => t.name).sort());
    for (const t of db.tables) expect(primaryKeyPathOf(stores.get(t.name)!)).toEqual(t.schema.primKey.keyPath);
  });

  it('remembers the last backup saved, outside the content', async () => {
    const { unit } = await unitWithData();
    const before = await databaseFingerprint(unit.db);
    await markBackupSaved(unit.db, '台账备份_市财政局_2026-12-05.tzbak', new Date('2026-12-05T08:00:00Z'));
    expect((await unit.db.device.get('device'))?.workspaceBackup).toMatchObject({ lastSavedAt: '2026-12-05T08:00:00.000Z', lastSavedName: '台账备份_市财政局_2026-12-05.tzbak' });
    expect(await databaseFingerprint(unit.db)).toBe(before);
  });

  it('asks for a passphrase of the key backup rule, confirmed', async () => {
    const db = freshDb();
    await must(completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 10, partyGroupKind: 'partyGroup', operatorName: '' }, now()));
    const short = await makeBackup(db, { passphrase: 'abc', passphraseConfirmation: 'abc', appVersion: 't' }, FAST);
    expect(short.ok ? null : short.error.message).toContain('口令太短');
    const differ = await makeBackup(db, { passphrase: PASSPHRASE, passphraseConfirmation: `${PASSPHRASE}x`, appVersion: 't' }, FAST);
    expect(differ.ok ? null : differ.error.message).toContain('不一致');
  });
});
