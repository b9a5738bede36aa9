/**
 * Re-admission (重新纳入) after the committee restored its keys from a backup (docs/sync.md): the
 * restored register is empty, a unit's delta is refused with the way to a full snapshot, the full
 * snapshot is previewed as a re-admission, needs the fingerprint confirmation, and then enters the
 * unit under its EXISTING id with its keys pinned — in the one import transaction. The committee's
 * restarted bundle sequence is harmless at the unit. Refusals write nothing. scrypt at logN 15.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeBundle, publicKeyFromBase64 } from '../../../shared/bundle';
import { sampleRecords, sampleUnitContent, testParty, unitBundleInput, type TestParty } from '../../../shared/bundle/testing/testkit';
import { keyBackupCopy, restoreCommittee, setUpCommittee } from '../committeeSetup';
import type { TaizhangDb } from '../db';
import type { DeviceRow } from '../localTypes';
import { createRecord, updateRecord } from '../recordRepository';
import { openDatabase } from '../db';
import { openWriteContext, type WriteContext } from '../writeContext';
import { acceptEnrolment, enrolmentFileFor, enrolUnit, revokeUnit } from './enrolment';
import { parseEnrolmentFile } from './enrolmentFile';
import { exportReturnBundle, exportUnitBundle } from './exportBundle';
import { applyImport, prepareImport } from './importBundle';
import { importInto, must, testClock } from './testing/syncTestPair';
import { freshSide, TEST_CREDIT_CODE } from './testing/testSupport';
import { READMIT_NO_UNIT_RECORD } from './syncErrors';

const PASSPHRASE = '我们支部2026年去了井冈山';
const now = testClock('2026-12-01T08:00:00.000Z');
const opened: TaizhangDb[] = [];
let n = 0;

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function freshDb(): TaizhangDb {
  const db = openDatabase(`test-readmit-${++n}`);
  opened.push(db);
  return db;
}

/** A committee set up with a key backup (as the app does), and the backup file. */
async function committeeWithBackup(): Promise<{ ctx: WriteContext; backup: Uint8Array }> {
  const db = freshDb();
  const r = await setUpCommittee(db, { name: '中共示范市委直属机关工作委员会', operatorName: '李工', passphrase: PASSPHRASE, passphraseConfirmation: PASSPHRASE }, { logN: 15, now: now() });
  if (!r.ok) throw new Error(r.error.message);
  const copy = await keyBackupCopy(db, now());
  if (!copy) throw new Error('no key backup');
  return { ctx: await openWriteContext(db, now), backup: copy.bytes };
}

/** The committee's PC died: a fresh database restored from the backup. */
async function restored(backup: Uint8Array): Promise<WriteContext> {
  const db = freshDb();
  const r = await restoreCommittee(db, { fileName: 'backup.tzkey', fileBytes: backup, passphrase: PASSPHRASE, operatorName: '王新' }, { now: now() });
  if (!r.ok) throw new Error(r.error.message);
  return openWriteContext(db, now);
}

/** A unit enrolled with `committee`, with one branch, its first snapshot imported and the receipt taken back. */
async function enrolledUnit(committee: WriteContext): Promise<{ unit: WriteContext; unitId: string; orgId: string }> {
  const side = await freshSide('unit', now, '市财政局');
  opened.push(side.db);
  const enrolled = await must(enrolUnit(committee, '市财政局', TEST_CREDIT_CODE));
  const file = parseEnrolmentFile((await must(enrolmentFileFor(committee, enrolled.id))).bytes);
  if (!file.ok) throw new Error(file.error.message);
  await must(acceptEnrolment(side.db, file.value));
  const unit = await openWriteContext(side.db, now);
  const org = await must(
    createRecord(unit, 'organisation', {
      name: '第一党支部',
      kind: 'branch',
      parentId: null,
      foundedOn: '2015-03-01',
      dissolvedOn: null,
      termStart: '2024-03-01',
      termYears: 3,
      termEnd: null,
      extension: null,
      approvalNo: '',
      approvedOn: null,
    }),
  );
  await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
  const back = await must(exportReturnBundle(committee, enrolled.id));
  expect(back.header.sequence).toBe(1);
  await importInto(unit, back.bytes);
  return { unit, unitId: enrolled.id, orgId: org.id };
}

/** Row counts of every store of a database: a refusal must leave them all as they were. */
async function storeCounts(db: TaizhangDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of db.tables) out[t.name] = await t.count();
  return out;
}

function asCommitteeParty(ctx: WriteContext, device: DeviceRow): TestParty {
  return { id: ctx.ownerId, encryption: { publicKey: publicKeyFromBase64(device.encryptionPublicKey)! } } as unknown as TestParty;
}

describe('re-admitting a unit after the committee restored its keys', () => {
  it('refuses the delta, re-admits from the confirmed snapshot under the same id, and syncs on normally', async () => {
    const { ctx: original, backup } = await committeeWithBackup();
    const { unit, unitId, orgId } = await enrolledUnit(original);
    const unitDevice = (await unit.db.device.get('device'))!;
    await must(updateRecord(unit, 'organisation', orgId, { name: '机关第一党支部' }));

    // The committee's PC dies; a new one restores the keys — the register is empty.
    const committee = await restored(backup);
    expect(committee.ownerId).toBe(original.ownerId);
    expect(await committee.db.enrolledUnit.count()).toBe(0);

    // The unit's next bundle is a delta: refused, with the button that makes a full snapshot.
    const delta = await must(exportUnitBundle(unit, {}));
    expect(delta.header.snapshot).toBe(false);
    const before = await storeCounts(committee.db);
    const refused = await prepareImport(committee, delta.bytes);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'readmit-needs-snapshot' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('本机没有该单位的登记记录');
      expect(refused.error.message).toContain('导出全部数据（不论回执）');
      expect(refused.error.message).toContain('导出同步包');
    }
    expect(await storeCounts(committee.db)).toEqual(before);

    // The unit exports everything: the preview offers re-admission.
    const full = await must(exportUnitBundle(unit, { full: true }));
    expect(full.header.snapshot).toBe(true);
    const preview = await must(prepareImport(committee, full.bytes));
    expect(preview).toMatchObject({ readmit: true, firstContact: true, senderName: '市财政局' });
    expect(preview.keyCard).toMatchObject({ unitId, encryptionPublicKey: unitDevice.encryptionPublicKey });
    expect(preview.senderFingerprint).toMatch(/\S/);

    // Without the phone check: refused, nothing written.
    const unconfirmed = await applyImport(committee, preview);
    expect(unconfirmed).toMatchObject({ ok: false, error: { kind: 'readmit-not-confirmed' } });
    if (!unconfirmed.ok) expect(unconfirmed.error.message).toContain('已与单位电话核对，密钥指纹一致');
    expect(await storeCounts(committee.db)).toEqual(before);

    // Confirmed: the unit is back under its own id, keys pinned, records applied, receipt written.
    const summary = await must(applyImport(committee, preview, { fingerprintConfirmed: true }));
    expect(summary).toMatchObject({ readmitted: true, pinned: true });
    expect(await committee.db.enrolledUnit.get(unitId)).toMatchObject({
      id: unitId,
      unitId,
      name: '市财政局',
      status: 'active',
      publicKey: unitDevice.signingPublicKey,
      revokedAt: null,
      deleted: false,
    });
    expect(await committee.db.syncPeer.get(unitId)).toMatchObject({
      role: 'unit',
      signingPublicKey: unitDevice.signingPublicKey,
      encryptionPublicKey: unitDevice.encryptionPublicKey,
      deviceId: unitDevice.deviceId,
      lastBundle: { sequence: full.header.sequence, bundleId: full.header.bundleId, snapshot: true },
    });
    expect(await committee.db.organisation.get(orgId)).toMatchObject({ name: '机关第一党支部', unitId });
    expect(await committee.db.unit.get(unitId)).toMatchObject({ name: '市财政局' });
    expect((await committee.db.receipt.toArray()).filter((r) => !r.deleted)).toEqual([
      expect.objectContaining({ unitId, highestSequence: full.header.sequence, bundleId: full.header.bundleId }),
    ]);
    // The register entry is an ordinary audited committee write.
    expect(await committee.db.changes.where('[table+id]').equals(['enrolledUnit', unitId]).count()).toBe(1);
    expect(await committee.db.importLog.get(full.header.bundleId)).toMatchObject({ senderId: unitId, senderName: '市财政局', snapshot: true });

    // The restored committee numbers its bundles from 1 again: the unit takes the receipt all the same.
    const back = await must(exportReturnBundle(committee, unitId));
    expect(back.header.sequence).toBe(1);
    await importInto(unit, back.bytes);
    const committeePeerRow = (await unit.db.syncPeer.toArray()).find((p) => p.role === 'committee')!;
    expect(committeePeerRow.lastReceipt).toMatchObject({ highestSequence: full.header.sequence, bundleId: full.header.bundleId });

    // The unit's next delta imports as usual: pinned, no confirmation.
    await must(updateRecord(unit, 'organisation', orgId, { name: '机关第一党支部（更名）' }));
    const next = await must(exportUnitBundle(unit, {}));
    expect(next.header.snapshot).toBe(false);
    expect(next.totalRecords).toBe(1);
    const { preview: p2, summary: s2 } = await importInto(committee, next.bytes);
    expect(p2).toMatchObject({ readmit: false, firstContact: false });
    expect(s2).toMatchObject({ written: 1, readmitted: false, pinned: false });
    expect(await committee.db.organisation.get(orgId)).toMatchObject({ name: '机关第一党支部（更名）' });
    expect(await committee.db.receipt.toArray()).toEqual([expect.objectContaining({ highestSequence: next.header.sequence })]);

    // A second return bundle (sequence 2) reaches the unit as well.
    const back2 = await must(exportReturnBundle(committee, unitId));
    expect(back2.header.sequence).toBe(2);
    await importInto(unit, back2.bytes);
    expect((await unit.db.syncPeer.get(committeePeerRow.peerId))!.lastReceipt).toMatchObject({ highestSequence: next.header.sequence });
  }, 120_000);

  it('still refuses what it refused before, and writes nothing', async () => {
    const { ctx: original, backup } = await committeeWithBackup();
    const { unit } = await enrolledUnit(original);
    const committee = await restored(backup);
    const device = (await committee.db.device.get('device'))!;
    const before = await storeCounts(committee.db);
    const full = await must(exportUnitBundle(unit, { full: true }));

    // Tampered: the signature (self-signed by the header's key) fails.
    const tampered = Uint8Array.from(full.bytes);
    tampered[tampered.length - 5]! ^= 1;
    expect(await prepareImport(committee, tampered)).toMatchObject({ ok: false, error: { kind: 'bad-signature' } });

    // A bundle addressed to another committee says so (not "未登记的单位", which sends the user to enrol it).
    const other = await freshSide('committee', now, '中共另一市委直属机关工作委员会');
    opened.push(other.db);
    const elsewhere = await prepareImport(other.ctx, full.bytes);
    expect(elsewhere).toMatchObject({ ok: false, error: { kind: 'other-committee' } });
    if (!elsewhere.ok) expect(elsewhere.error.message).toContain('此同步包是报送给其他工委的');

    // Our committee id but another encryption key: refused the same way (not offered for re-admission).
    const stranger = testParty('readmit-stranger');
    const wrongKey = await encodeBundle(unitBundleInput(stranger, { ...asCommitteeParty(committee, device), encryption: stranger.encryption }, sampleUnitContent(stranger.id, stranger.deviceId, 4, 3)), stranger.signer);
    if (!wrongKey.ok) throw new Error(wrongKey.error.message);
    expect(await prepareImport(committee, wrongKey.value.bytes)).toMatchObject({ ok: false, error: { kind: 'other-committee', message: expect.stringContaining('公钥不是本机的') } });

    // (A sender claiming to be the committee itself cannot even be written: the header schema refuses sender = recipient.)

    // A snapshot without the unit's own record cannot name the unit.
    const nameless = await encodeBundle(
      unitBundleInput(stranger, asCommitteeParty(committee, device), { records: { member: sampleRecords('member', 2, stranger.id, stranger.deviceId, 7) } }),
      stranger.signer,
    );
    if (!nameless.ok) throw new Error(nameless.error.message);
    expect(await prepareImport(committee, nameless.value.bytes)).toMatchObject({ ok: false, error: { kind: 'readmit-needs-snapshot', message: READMIT_NO_UNIT_RECORD } });

    // A well-formed snapshot from an unknown unit addressed to us IS offered — but only as a re-admission.
    const content = sampleUnitContent(stranger.id, stranger.deviceId, 4, 9);
    const records = { ...content.records, unit: (content.records.unit ?? []).map((u) => ({ ...u, id: stranger.id, deleted: false, name: '市审计局' })) }; // the app's unit record has id = unit id
    const crafted = await encodeBundle(unitBundleInput(stranger, asCommitteeParty(committee, device), { records }), stranger.signer);
    if (!crafted.ok) throw new Error(crafted.error.message);
    const offered = await must(prepareImport(committee, crafted.value.bytes));
    expect(offered).toMatchObject({ readmit: true, firstContact: true, senderName: '市审计局', keyCard: null });
    expect(await applyImport(committee, offered, { fingerprintConfirmed: false })).toMatchObject({ ok: false, error: { kind: 'readmit-not-confirmed' } });

    expect(await storeCounts(committee.db)).toEqual(before);
  }, 120_000);

  it('keeps a revoked unit refused, and rolls back if the unit was enrolled meanwhile', async () => {
    const { ctx: committee } = await committeeWithBackup();
    const { unit, unitId } = await enrolledUnit(committee);
    await must(revokeUnit(committee, unitId));
    const full = await must(exportUnitBundle(unit, { full: true }));
    expect(await prepareImport(committee, full.bytes)).toMatchObject({ ok: false, error: { kind: 'revoked-sender' } });

    // Restored, previewed as a re-admission; then (before 确认导入) an entry with that id appears.
    const { ctx: second, backup } = await committeeWithBackup();
    const b = await enrolledUnit(second);
    const restoredCtx = await restored(backup);
    const snapshot = await must(exportUnitBundle(b.unit, { full: true }));
    const preview = await must(prepareImport(restoredCtx, snapshot.bytes));
    expect(preview.readmit).toBe(true);
    await must(
      createRecord(restoredCtx, 'enrolledUnit', { name: '市财政局', publicKey: null, status: 'invited', revokedAt: null, unitId: b.unitId }, { id: b.unitId }),
    );
    const before = await storeCounts(restoredCtx.db);
    expect(await applyImport(restoredCtx, preview, { fingerprintConfirmed: true })).toMatchObject({ ok: false, error: { kind: 'readmit-changed' } });
    expect(await storeCounts(restoredCtx.db)).toEqual(before);
    expect(await restoredCtx.db.organisation.count()).toBe(0);
  }, 120_000);
});
