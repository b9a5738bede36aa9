/**
 * The committee's key backup: set up → sealed file → restore on a fresh database gives the same
 * committee (id, name, keys) with non-extractable keys that still verify and decrypt; wrong
 * passphrases, altered, oversized and foreign files are refused in Chinese and write nothing.
 * scrypt runs at logN 15 here (the app always uses 17).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle } from '../../shared/bundle';
import { publicKeyFromBase64 } from '../../shared/bundle/keys';
import { PASSPHRASE_LIMITS } from '../../shared/bundle/limits';
import { sealWithPassphrase } from '../../shared/bundle/passphrase';
import { keyBackupFileName, newPassphraseProblem } from '../../shared/bundle/keyBackup';
import { sampleUnitContent, testParty, unitBundleInput } from '../../shared/bundle/testing/testkit';
import { keyBackupCopy, keyBackupPending, markKeyBackupSaved, restoreCommittee, setUpCommittee } from './committeeSetup';
import { openDatabase, type TaizhangDb } from './db';
import type { DeviceRow } from './localTypes';
import { deviceDecrypter, deviceSigner } from './sync/deviceKeys';
import { getWorkspace } from './workspaceRepository';

const PASSPHRASE = '我们支部2026年去了井冈山';
const NAME = '中共示范市委直属机关工作委员会';
const FAST = { logN: 15 } as const;
const unit = testParty('key-backup-unit');
const opened: TaizhangDb[] = [];
let n = 0;

function freshDb(): TaizhangDb {
  const db = openDatabase(`test-key-backup-${++n}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  while (opened.length > 0) await opened.pop()?.delete();
});

async function committee(): Promise<{ db: TaizhangDb; device: DeviceRow; file: Uint8Array; ownerId: string }> {
  const db = freshDb();
  const r = await setUpCommittee(db, { name: NAME, operatorName: '李工', passphrase: PASSPHRASE, passphraseConfirmation: PASSPHRASE }, FAST);
  if (!r.ok) throw new Error(r.error.message);
  const device = (await db.device.get('device')) as DeviceRow;
  const copy = await keyBackupCopy(db, new Date(2026, 4, 20));
  if (!copy) throw new Error('no backup stored');
  return { db, device, file: copy.bytes, ownerId: r.value.ownerId };
}

function raw(base64: string): Uint8Array {
  return publicKeyFromBase64(base64) as Uint8Array;
}

describe('committee key backup', () => {
  it('seals at setup, restores the same committee, and the restored keys verify and decrypt as before', async () => {
    const original = await committee();
    expect(original.device.keyBackup).toMatchObject({ lastSavedAt: null, lastSavedName: null });
    expect(original.device.keyBackup?.sealedFile).not.toContain(NAME); // the name is inside the sealed payload only
    expect(JSON.parse(original.device.keyBackup?.sealedFile ?? '')).toMatchObject({ format: 'taizhang-sealed-secret', purpose: 'committee-key-backup', kdf: { logN: 15 } });

    // Before: a unit encrypts to the committee's key; the committee signs a return bundle.
    const toCommittee = await encodeBundle(
      unitBundleInput(unit, { ...unit, id: original.ownerId, encryption: { publicKey: raw(original.device.encryptionPublicKey), secretKey: new Uint8Array(32) } }, sampleUnitContent(unit.id, unit.deviceId, 6, 7)),
      unit.signer,
    );
    const fromCommittee = await encodeBundle(
      {
        kind: 'committee-to-unit',
        senderUnitId: original.ownerId,
        senderDeviceId: original.device.deviceId,
        sequence: 1,
        recipientId: unit.id,
        recipientPublicKey: unit.encryption.publicKey,
        createdAt: '2026-05-20T08:00:00.000Z',
        ruleProfileVersion: 1,
        changeRange: null,
        records: {},
      },
      deviceSigner(original.device),
    );
    if (!toCommittee.ok || !fromCommittee.ok) throw new Error('encode failed');

    // The PC dies; a new one restores from the file.
    const db = freshDb();
    const restored = await restoreCommittee(db, { fileName: 'backup.tzkey', fileBytes: original.file, passphrase: PASSPHRASE, operatorName: '王新' });
    expect(restored.ok).toBe(true);
    const workspace = await getWorkspace(db);
    expect(workspace).toMatchObject({ mode: 'committee', ownerId: original.ownerId, name: NAME, operatorName: '王新' });
    const device = (await db.device.get('device')) as DeviceRow;
    expect(device.signingPublicKey).toBe(original.device.signingPublicKey);
    expect(device.encryptionPublicKey).toBe(original.device.encryptionPublicKey);
    expect(device.deviceId).not.toBe(original.device.deviceId); // a PC of its own
    expect(device.keyBackup?.lastSavedName).toBe('backup.tzkey');
    expect(keyBackupPending(workspace!, device)).toBe(false);

    // The unit's old bundle still decrypts with the restored key.
    const decoded = await decodeBundle(toCommittee.value.bytes, unit.signing.publicKey, deviceDecrypter(device), { recipientId: original.ownerId, kind: 'unit-to-committee' });
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.value.totalRecords).toBeGreaterThan(0);
    // The old signature verifies against the restored public key, and the restored key signs what the unit pinned.
    expect((await decodeBundle(fromCommittee.value.bytes, raw(device.signingPublicKey), unit.decrypter, { kind: 'committee-to-unit' })).ok).toBe(true);
    const again = await encodeBundle(
      { kind: 'committee-to-unit', senderUnitId: original.ownerId, senderDeviceId: device.deviceId, sequence: 2, recipientId: unit.id, recipientPublicKey: unit.encryption.publicKey, createdAt: '2026-05-21T08:00:00.000Z', ruleProfileVersion: 1, changeRange: null, records: {} },
      deviceSigner(device),
    );
    if (!again.ok) throw new Error('encode failed');
    expect((await decodeBundle(again.value.bytes, raw(original.device.signingPublicKey), unit.decrypter, { kind: 'committee-to-unit' })).ok).toBe(true);
  }, 60_000);

  it('stores the private keys non-extractable, at setup and after a restore', async () => {
    const original = await committee();
    const db = freshDb();
    expect((await restoreCommittee(db, { fileName: 'b.tzkey', fileBytes: original.file, passphrase: PASSPHRASE })).ok).toBe(true);
    const restored = (await db.device.get('device')) as DeviceRow;
    for (const device of [original.device, restored]) {
      for (const key of [device.signingPrivateKey, device.encryptionPrivateKey]) {
        expect(key.extractable).toBe(false);
        await expect(crypto.subtle.exportKey('pkcs8', key)).rejects.toThrow();
        await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow();
      }
      expect(device.signingPrivateKey.algorithm.name).toBe('Ed25519');
      expect(device.encryptionPrivateKey.algorithm.name).toBe('X25519');
    }
  }, 60_000);

  it('refuses a wrong passphrase in Chinese and writes nothing', async () => {
    const { file } = await committee();
    const db = freshDb();
    const r = await restoreCommittee(db, { fileName: 'b.tzkey', fileBytes: file, passphrase: `${PASSPHRASE}!` });
    expect(r).toMatchObject({ ok: false, error: { kind: 'wrong-passphrase', message: expect.stringContaining('口令不正确，或备份文件已被改动、损坏') } });
    expect(await getWorkspace(db)).toBeNull();
    expect(await db.device.count()).toBe(0);
  }, 60_000);

  it('refuses an altered file (ciphertext, or the cost in the authenticated head)', async () => {
    const { file } = await committee();
    const text = new TextDecoder().decode(file);
    const parsed = JSON.parse(text) as { ciphertext: string };
    const flipped = parsed.ciphertext.startsWith('A') ? `B${parsed.ciphertext.slice(1)}` : `A${parsed.ciphertext.slice(1)}`;
    const db = freshDb();
    const altered = await restoreCommittee(db, { fileName: 'b.tzkey', fileBytes: new TextEncoder().encode(text.replace(parsed.ciphertext, flipped)), passphrase: PASSPHRASE });
    expect(altered).toMatchObject({ ok: false, error: { kind: 'wrong-passphrase' } });
    const cost = await restoreCommittee(db, { fileName: 'b.tzkey', fileBytes: new TextEncoder().encode(text.replace('"logN":15', '"logN":16')), passphrase: PASSPHRASE });
    expect(cost).toMatchObject({ ok: false, error: { kind: 'wrong-passphrase' } });
    const garbage = await restoreCommittee(db, { fileName: 'b.tzkey', fileBytes: new TextEncoder().encode(`${text} `), passphrase: PASSPHRASE });
    expect(garbage).toMatchObject({ ok: false, error: { kind: 'not-a-key-backup', message: expect.stringContaining('不是工委密钥备份文件') } });
    expect(await getWorkspace(db)).toBeNull();
  }, 60_000);

  it('refuses an oversized file unread, and a sealed file that is not a committee key backup', async () => {
    const db = freshDb();
    const big = new Uint8Array(PASSPHRASE_LIMITS.maxFileBytes + 1).fill(0x20);
    const r = await restoreCommittee(db, { fileName: 'big.tzkey', fileBytes: big, passphrase: PASSPHRASE });
    expect(r).toMatchObject({ ok: false, error: { kind: 'not-a-key-backup', message: expect.stringContaining('超过 64 KB') } });

    const other = await sealWithPassphrase(new TextEncoder().encode('{"a":1}'), PASSPHRASE, { logN: 15, purpose: 'something-else' });
    if (!other.ok) throw new Error('seal failed');
    expect(await restoreCommittee(db, { fileName: 'x.tzkey', fileBytes: other.value, passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { kind: 'not-a-key-backup', message: expect.stringContaining('不是工委密钥备份') },
    });
    const notKeys = await sealWithPassphrase(new TextEncoder().encode('{"a":1}'), PASSPHRASE, { logN: 15 });
    if (!notKeys.ok) throw new Error('seal failed');
    expect(await restoreCommittee(db, { fileName: 'x.tzkey', fileBytes: notKeys.value, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { kind: 'not-a-key-backup' } });
    expect(await getWorkspace(db)).toBeNull();
  }, 60_000);

  it('asks for a passphrase of at least 10 characters, confirmed, before any key is made', async () => {
    expect(newPassphraseProblem('short-one', 'short-one')).toContain('至少 10 个字符');
    expect(newPassphraseProblem('aaaaaaaaaaaa', 'aaaaaaaaaaaa')).toContain('过于简单');
    expect(newPassphraseProblem(' 我们支部2026年去了井冈山', ' 我们支部2026年去了井冈山')).toContain('空格');
    expect(newPassphraseProblem(PASSPHRASE, `${PASSPHRASE}x`)).toContain('两次输入的口令不一致');
    expect(newPassphraseProblem(PASSPHRASE, PASSPHRASE)).toBeNull();
    const db = freshDb();
    const r = await setUpCommittee(db, { name: NAME, passphrase: '短口令123', passphraseConfirmation: '短口令123' }, FAST);
    expect(r).toMatchObject({ ok: false, error: { kind: 'passphrase', path: ['passphrase'] } });
    expect(await db.device.count()).toBe(0);
  });

  it('keeps the sealed file for more copies, and records when one was saved', async () => {
    const { db, file } = await committee();
    const workspace = (await getWorkspace(db))!;
    expect(keyBackupPending(workspace, await db.device.get('device'))).toBe(true);
    const copy = await keyBackupCopy(db, new Date(2026, 4, 20));
    expect(copy?.fileName).toBe(`工委密钥备份_${NAME}_2026-05-20.tzkey`);
    expect(copy?.bytes).toEqual(file);
    await markKeyBackupSaved(db, copy!.fileName, new Date('2026-05-20T02:00:00Z'));
    const device = await db.device.get('device');
    expect(device?.keyBackup).toMatchObject({ lastSavedAt: '2026-05-20T02:00:00.000Z', lastSavedName: copy!.fileName });
    expect(keyBackupPending(workspace, device)).toBe(false);
    expect(keyBackupFileName('工委/测试:名称', '2026-05-20')).toBe('工委密钥备份_工委_测试_名称_2026-05-20.tzkey');
  }, 60_000);

  it('cannot restore over an existing workspace', async () => {
    const { db, file } = await committee();
    const r = await restoreCommittee(db, { fileName: 'b.tzkey', fileBytes: file, passphrase: PASSPHRASE });
    expect(r).toMatchObject({ ok: false, error: { kind: 'already-set-up' } });
  }, 60_000);
});
