/**
 * A committee of before encryption at rest: its device row as such a program stored it (the
 * CryptoKeys themselves, no `sealedKeys`), then sealed from its key backup with the backup's passphrase.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { publicKeyFromBase64 } from '../../../shared/bundle/keys';
import { lockDataKey } from '../../identity/dataKeySession';
import { TEST_DATA_KEY, unlockTestDataKey } from '../../identity/testing/dataKey';
import { setUpCommittee } from '../committeeSetup';
import { openDatabase, type TaizhangDb } from '../db';
import { dismissRekeyNotice, replaceUnitDeviceKeys, sealCommitteeKeysFromBackup } from './legacyDeviceKeys';
import { exportUnitBundle } from '../sync/exportBundle';
import { prepareImport } from '../sync/importBundle';
import { reEnrolUnit } from '../sync/enrolment';
import { enrolledPair, importInto, must, testClock } from '../sync/testing/syncTestPair';
import { openWriteContext } from '../writeContext';
import { installDataKey } from './workspaceUnlock';

const PASSPHRASE = '我们支部2026年去了井冈山';
let db: TaizhangDb;
let n = 0;

afterEach(async () => {
  unlockTestDataKey();
  db.close();
  await Dexie.delete(db.name);
});

async function rawDevice(): Promise<Record<string, unknown>> {
  const raw = new Dexie(db.name);
  await raw.open();
  try {
    return (await raw.table('device').get('device')) as Record<string, unknown>;
  } finally {
    raw.close();
  }
}

/** The device row as a program of before encryption at rest stored it. */
async function makeLegacy(): Promise<void> {
  const device = await db.device.get('device');
  const { sealedKeys: _sealed, ...legacy } = device!;
  const raw = new Dexie(db.name);
  await raw.open();
  await raw.table('device').put(legacy);
  raw.close();
}

describe('sealing a committee’s old device keys from its key backup', () => {
  it('seals the same keys under the data key, drops the stored CryptoKeys, and signs as before after a restart', async () => {
    db = openDatabase(`test-legacy-keys-${++n}`);
    const set = await setUpCommittee(db, { name: '中共示范市委直属机关工作委员会', passphrase: PASSPHRASE, passphraseConfirmation: PASSPHRASE }, { logN: 15 });
    if (!set.ok) throw new Error(set.error.message);
    await makeLegacy();
    const before = await rawDevice();
    expect(Object.values(before).filter((v) => v instanceof CryptoKey)).toHaveLength(2);
    expect(before).not.toHaveProperty('sealedKeys');

    const wrong = await sealCommitteeKeysFromBackup(db, '不是这个口令123456');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toContain('口令不正确');
    expect(await rawDevice()).not.toHaveProperty('sealedKeys');

    expect(await sealCommitteeKeysFromBackup(db, PASSPHRASE)).toEqual({ ok: true, value: true });
    const after = await rawDevice();
    expect(Object.values(after).filter((v) => v instanceof CryptoKey)).toHaveLength(0);
    expect(typeof after.sealedKeys).toBe('string');
    expect(after.signingPublicKey).toBe(before.signingPublicKey);
    expect(await sealCommitteeKeysFromBackup(db, PASSPHRASE)).toMatchObject({ ok: false, error: { kind: 'already-sealed' } });

    // a restart: the keys come back from the sealed bytes, the same keys
    lockDataKey();
    await installDataKey(db, TEST_DATA_KEY);
    const row = await db.device.get('device');
    const message = new TextEncoder().encode('return bundle header');
    const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', row!.signingPrivateKey, message));
    expect(ed25519.verify(signature, message, publicKeyFromBase64(row!.signingPublicKey)!)).toBe(true);
  });

  it('gives a unit of before encryption at rest new keys, sealed, under a new device id; the committee takes its full bundle after re-enrolling it', async () => {
    const now = testClock();
    const opened: TaizhangDb[] = [];
    const { committee, unit, unitId } = await enrolledPair(now, opened);
    db = unit.db;
    // the committee has the unit's first bundle: its key is pinned
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
    await makeLegacy();
    const before = await rawDevice();
    expect(Object.values(before).filter((v) => v instanceof CryptoKey)).toHaveLength(2);

    expect(await replaceUnitDeviceKeys(committee.db)).toMatchObject({ ok: false, error: { kind: 'wrong-mode' } });
    const r = await must(replaceUnitDeviceKeys(db, new Date('2026-12-06T08:00:00Z')));
    expect(r.previousDeviceId).toBe(before.deviceId);
    const after = await rawDevice();
    expect(Object.values(after).filter((v) => v instanceof CryptoKey)).toHaveLength(0);
    expect(after).toMatchObject({ deviceId: r.deviceId, lastRev: before.lastRev, rekeyed: { at: '2026-12-06T08:00:00.000Z', previousDeviceId: before.deviceId } });
    expect(after.signingPublicKey).not.toBe(before.signingPublicKey);
    expect(typeof after.sealedKeys).toBe('string');

    // signed with the new key: refused until 重新登记, then the full bundle is taken and the new key pinned
    const next = await must(exportUnitBundle(await openWriteContext(db, now), { full: true }));
    const refused = await prepareImport(committee, next.bytes);
    expect(refused.ok ? null : refused.error.kind).toBe('sender-key-mismatch');
    await must(reEnrolUnit(committee, unitId));
    await importInto(committee, next.bytes, { confirm: true });
    expect((await committee.db.enrolledUnit.get(unitId))?.publicKey).toBe(after.signingPublicKey);
    await dismissRekeyNotice(db);
    expect(await rawDevice()).not.toHaveProperty('rekeyed');
    for (const d of opened) if (d !== db) await d.delete();
  });
});
