/**
 * The whole sync path over fake-indexeddb with the devices' real WebCrypto keys: enrol, export,
 * import with preview and fingerprint, receipt, delta, idempotency, refusals, conflicts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TaizhangDb } from '../db';
import { createRecord, updateRecord, type RecordInput } from '../recordRepository';
import type { WriteContext } from '../writeContext';
import { openConflicts, restoreConflict } from './conflicts';
import { acceptEnrolment, enrolmentFileFor, enrolUnit, previewEnrolment, reEnrolUnit, revokeUnit } from './enrolment';
import { parseEnrolmentFile } from './enrolmentFile';
import { exportReturnBundle, exportUnitBundle } from './exportBundle';
import { applyImport, prepareImport } from './importBundle';
import { freshSide, TEST_CREDIT_CODE } from './testing/testSupport';
import { keyFingerprint } from '../../identity/deviceIdentity';
import { openWriteContext } from '../writeContext';

let clock = Date.parse('2026-11-28T08:00:00.000Z');
const now = () => new Date((clock += 1000));
const opened: TaizhangDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const branch = (name = '第一党支部'): RecordInput<'organisation'> => ({
  name,
  kind: 'branch',
  parentId: null,
  foundedOn: '2015-03-01',
  dissolvedOn: null,
  termStart: '2024-03-01',
  termYears: 3,
  termEnd: null,
  extension: null,
  approvalNo: '市直工〔2024〕8号',
  approvedOn: '2024-03-10',
});

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A committee and an enrolled unit (unit re-keyed to the assigned id, contexts reopened). */
async function enrolledPair() {
  const committee = await freshSide('committee', now);
  const unitSide = await freshSide('unit', now);
  opened.push(committee.db, unitSide.db);
  const org = await must(createRecord(unitSide.ctx, 'organisation', branch()));
  const enrolled = await must(enrolUnit(committee.ctx, '市财政局', TEST_CREDIT_CODE));
  const file = await must(enrolmentFileFor(committee.ctx, enrolled.id));
  const parsed = parseEnrolmentFile(file.bytes);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const preview = await must(previewEnrolment(unitSide.db, parsed.value));
  expect(preview.rekey).toBe(true);
  const device = (await committee.db.device.get('device'))!;
  expect(preview.committeeFingerprint).toBe(await keyFingerprint(device.signingPublicKey));
  await must(acceptEnrolment(unitSide.db, parsed.value));
  const unitCtx = await openWriteContext(unitSide.db, now); // the app reloads after a re-key
  return { committee: committee.ctx, unit: unitCtx, unitId: enrolled.id, orgId: org.id };
}

async function carry(from: WriteContext, to: WriteContext, bundle: Uint8Array, confirm = false) {
  void from;
  const preview = await must(prepareImport(to, bundle));
  return { preview, summary: await must(applyImport(to, preview, { fingerprintConfirmed: confirm })) };
}

describe('enrolment', () => {
  it('re-keys every own record of the unit to the assigned id in one go', async () => {
    const { unit, unitId, orgId } = await enrolledPair();
    expect((await unit.db.workspace.get('workspace'))!.ownerId).toBe(unitId);
    expect(await unit.db.unit.get(unitId)).toMatchObject({ id: unitId, unitId });
    expect(await unit.db.unit.count()).toBe(1);
    expect(await unit.db.organisation.get(orgId)).toMatchObject({ unitId });
    expect(await unit.db.changes.where('[table+id]').equals(['unit', unitId]).count()).toBe(1);
  });

  it('refuses a file that is not an enrolment file', () => {
    const r = parseEnrolmentFile(new TextEncoder().encode('{"hello":1}'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('不是有效的纳管登记文件');
  });
});

describe('unit → committee → unit', () => {
  it('first bundle needs the fingerprint, then receipt; the next export carries only the change', async () => {
    const { committee, unit, unitId, orgId } = await enrolledPair();
    const first = await must(exportUnitBundle(unit, {}));
    expect(first.header.snapshot).toBe(true);
    expect(first.fileName).toMatch(/^市财政局_\d{4}-\d{2}-\d{2}_第1号\.tzb$/);
    expect(first.counts).toMatchObject({ unit: 1, organisation: 1, attachment: 1 });

    const preview = await must(prepareImport(committee, first.bytes));
    expect(preview.firstContact).toBe(true);
    expect(preview.senderName).toBe('市财政局');
    const unitDevice = (await unit.db.device.get('device'))!;
    expect(preview.senderFingerprint).toBe(await keyFingerprint(unitDevice.signingPublicKey));
    expect(preview.tables.get('organisation')).toMatchObject({ new: 1 });
    expect(preview.keyCard?.encryptionPublicKey).toBe(unitDevice.encryptionPublicKey);
    const refused = await applyImport(committee, preview);
    expect(refused.ok).toBe(false);
    const summary = await must(applyImport(committee, preview, { fingerprintConfirmed: true }));
    expect(summary).toMatchObject({ written: 3, pinned: true });
    expect(await committee.db.enrolledUnit.get(unitId)).toMatchObject({ status: 'active', publicKey: unitDevice.signingPublicKey });

    // the same bundle again: refused as already imported, nothing changes
    const again = await prepareImport(committee, first.bytes);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toBe('此同步包已导入过，没有新的变化。');

    // the return bundle: receipt → the unit's next export starts after it
    const back = await must(exportReturnBundle(committee, unitId));
    expect(back.counts).toMatchObject({ receipt: 1 });
    await carry(committee, unit, back.bytes);
    const peer = (await unit.db.syncPeer.toArray())[0]!;
    expect(peer.lastReceipt).toMatchObject({ highestSequence: 1 });

    await must(updateRecord(unit, 'organisation', orgId, { name: '第一党支部（机关）' }));
    const second = await must(exportUnitBundle(unit, {}));
    expect(second.header.snapshot).toBe(false);
    expect(second.counts).toEqual({ organisation: 1 });
    expect(second.fileName).toContain('第2号');
    const { preview: p2, summary: s2 } = await carry(unit, committee, second.bytes);
    expect(p2.firstContact).toBe(false);
    expect(p2.tables.get('organisation')).toMatchObject({ update: 1 });
    expect(s2.written).toBe(1);
    expect(await committee.db.organisation.get(orgId)).toMatchObject({ name: '第一党支部（机关）' });

    // no receipt for bundle 2 yet: the next export starts again from receipt 1 (a lost bundle is covered)
    const third = await must(exportUnitBundle(unit, {}));
    expect(third.counts).toEqual({ organisation: 1 });
    expect((await carry(unit, committee, third.bytes)).summary).toMatchObject({ written: 0, unchanged: 1 });
    // an older bundle after a newer one changes nothing
    // (the import log would call it "already imported": forget that, as if bundle 1 arrived only now)
    await committee.db.importLog.delete(first.header.bundleId);
    const older = await carry(unit, committee, first.bytes);
    expect(older.summary).toMatchObject({ written: 0 });
    expect(await committee.db.organisation.get(orgId)).toMatchObject({ name: '第一党支部（机关）' });
  });

  it('refuses a tampered bundle, a revoked unit, and a reinstalled PC until re-enrolled', async () => {
    const { committee, unit, unitId } = await enrolledPair();
    const b = await must(exportUnitBundle(unit, {}));
    const tampered = Uint8Array.from(b.bytes);
    tampered[tampered.length - 5]! ^= 1;
    const t = await prepareImport(committee, tampered);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.error.message).toContain('签名无效');

    await carry(unit, committee, b.bytes, true);
    // a new PC of the same unit: new key → refused as a key mismatch
    const other = await freshSide('unit', now);
    opened.push(other.db);
    const file = await must(enrolmentFileFor(committee, unitId));
    const parsed = parseEnrolmentFile(file.bytes);
    if (!parsed.ok) throw new Error('bad file');
    await must(acceptEnrolment(other.db, parsed.value));
    const otherCtx = await openWriteContext(other.db, now);
    const fromNewPc = await must(exportUnitBundle(otherCtx, {}));
    const mismatch = await prepareImport(committee, fromNewPc.bytes);
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok) expect(mismatch.error.kind).toBe('sender-key-mismatch');
    // re-enrolment: the next bundle is a first contact again
    await must(reEnrolUnit(committee, unitId));
    const p = await must(prepareImport(committee, fromNewPc.bytes));
    expect(p.firstContact).toBe(true);
    await must(applyImport(committee, p, { fingerprintConfirmed: true }));

    await must(revokeUnit(committee, unitId));
    const next = await must(exportUnitBundle(otherCtx, {}));
    const revoked = await prepareImport(committee, next.bytes);
    expect(revoked.ok).toBe(false);
    if (!revoked.ok) expect(revoked.error.message).toContain('已被吊销');
  });

  it('keeps the losing version of two devices in conflicts, restorable', async () => {
    const { committee, unit, unitId, orgId } = await enrolledPair();
    await carry(unit, committee, (await must(exportUnitBundle(unit, {}))).bytes, true);
    // the same record edited on a second PC of the unit (same unit id, different device)
    const other = await freshSide('unit', now);
    opened.push(other.db);
    const file = parseEnrolmentFile((await must(enrolmentFileFor(committee, unitId))).bytes);
    if (!file.ok) throw new Error('bad file');
    await must(acceptEnrolment(other.db, file.value));
    const otherCtx = await openWriteContext(other.db, now);
    const copy = (await unit.db.organisation.get(orgId))!;
    await other.db.organisation.put(copy);
    await must(updateRecord(otherCtx, 'organisation', orgId, { name: '第二台电脑改的名称' }));
    await must(reEnrolUnit(committee, unitId));
    const { summary } = await carry(otherCtx, committee, (await must(exportUnitBundle(otherCtx, {}))).bytes, true);
    // the organisation (and the unit record each PC wrote at setup) differ between the two PCs
    expect(summary.conflicts).toBe(2);
    const conflict = (await openConflicts(committee.db)).find((c) => c.table === 'organisation')!;
    expect((conflict.lost as { name: string }).name).toBe('第一党支部');
    expect(await committee.db.organisation.get(orgId)).toMatchObject({ name: '第二台电脑改的名称' });
    await must(restoreConflict(committee, conflict.seq!));
    expect(await committee.db.organisation.get(orgId)).toMatchObject({ name: '第一党支部' });
    const after = (await openConflicts(committee.db)).find((c) => c.table === 'organisation')!;
    expect((after.lost as { name: string }).name).toBe('第二台电脑改的名称');
  });
});
