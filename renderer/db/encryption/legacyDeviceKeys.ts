/**
 * A committee set up before encryption at rest keeps its device keys as CryptoKeys in IndexedDB —
 * whose structured clone writes their secret bytes into the profile (docs/security.md). Its keys
 * cannot be read out of WebCrypto, but its key backup holds them: with the backup's passphrase the
 * very same keys are sealed under the data key (`sealedKeys`) and the CryptoKeys are no longer
 * stored. The keys do not change, so no unit has to do anything.
 *
 * A unit has no key backup: `replaceUnitDeviceKeys` gives it new keys, sealed, under a new device id
 * (as a restore onto a new PC does), and the committee re-enrols it (重新登记) before it takes the
 * unit's next — full — bundle. The HLC's last rev, the receipts and the bundle sequence stay.
 */
import { openCommitteeKeyBackup } from '../../../shared/bundle/keyBackup';
import { publicKeyToBase64 } from '../../../shared/bundle/keys';
import type { BundleError } from '../../../shared/bundle/errors';
import { encodeUtf8 } from '../../../shared/bundle/utf8';
import { expectedError, fail, ok, type ExpectedError, type Result } from '../../../shared/errors/errors';
import { importCommitteeKeys, wipeSecretKeys } from '../../identity/committeeKeys';
import { rememberDeviceKeys, requireFieldCipher } from '../../identity/dataKeySession';
import { sealDeviceKeys } from '../../identity/deviceSecrets';
import { createDeviceIdentity } from '../../identity/deviceIdentity';
import type { TaizhangDb } from '../db';
import type { DeviceRow } from '../localTypes';

export type SealLegacyKeysError = BundleError | ExpectedError<'already-sealed' | 'no-key-backup' | 'other-keys'>;

export async function sealCommitteeKeysFromBackup(
  db: TaizhangDb,
  passphrase: string,
  options: { onProgress?: (fraction: number) => void } = {},
): Promise<Result<true, SealLegacyKeysError>> {
  const device = await db.device.get('device');
  if (!device) return fail(expectedError('no-key-backup', '本机尚未完成初始设置。'));
  if (device.sealedKeys) return fail(expectedError('already-sealed', '本机密钥已经加密保存，无需再处理。'));
  if (!device.keyBackup) return fail(expectedError('no-key-backup', '本机没有工委密钥备份，无法加密保存现有密钥。'));
  const material = await openCommitteeKeyBackup(encodeUtf8(device.keyBackup.sealedFile), passphrase, options.onProgress ? { onProgress: options.onProgress } : {});
  if (!material.ok) return material;
  const pairs = material.value;
  try {
    if (publicKeyToBase64(pairs.signing.publicKey) !== device.signingPublicKey || publicKeyToBase64(pairs.encryption.publicKey) !== device.encryptionPublicKey) {
      return fail(expectedError('other-keys', '密钥备份中的密钥与本机正在使用的密钥不一致，未作改动。'));
    }
    const keys = await importCommitteeKeys(pairs);
    const sealedKeys = sealDeviceKeys(requireFieldCipher(), pairs);
    await db.transaction('rw', db.device, async () => {
      const row = await db.device.get('device');
      if (!row || row.sealedKeys) return;
      // written with `sealedKeys`, the row loses its stored CryptoKeys (the middleware never writes them)
      const next: DeviceRow = { ...row, sealedKeys };
      await db.device.put(next);
    });
    rememberDeviceKeys(device.deviceId, keys);
    return ok(true);
  } finally {
    wipeSecretKeys(pairs);
  }
}

/** A unit's new device keys (sealed), new device id; the committee must re-enrol it. */
export async function replaceUnitDeviceKeys(db: TaizhangDb, now: Date = new Date()): Promise<Result<{ previousDeviceId: string; deviceId: string }, ExpectedError<'wrong-mode' | 'not-set-up'>>> {
  const workspace = await db.workspace.get('workspace');
  if (!workspace) return fail(expectedError('not-set-up', '本机尚未完成初始设置。'));
  if (workspace.mode !== 'unit') return fail(expectedError('wrong-mode', '工委的密钥各单位都已登记，不能更换；请用“加密保存本机密钥”。'));
  const identity = await createDeviceIdentity(now);
  return db.transaction('rw', db.device, async () => {
    const row = await db.device.get('device');
    if (!row) return fail(expectedError('not-set-up', '本机尚未完成初始设置。'));
    const { signingPrivateKey: _s, encryptionPrivateKey: _e, ...kept } = row;
    const next: DeviceRow = {
      ...kept,
      deviceId: identity.deviceId,
      signingPublicKey: identity.signingPublicKey,
      signingPrivateKey: identity.signingPrivateKey,
      encryptionPublicKey: identity.encryptionPublicKey,
      encryptionPrivateKey: identity.encryptionPrivateKey,
      sealedKeys: identity.sealedKeys!,
      createdAt: identity.createdAt,
      rekeyed: { at: now.toISOString(), previousDeviceId: row.deviceId },
    };
    await db.device.put(next);
    return ok({ previousDeviceId: row.deviceId, deviceId: identity.deviceId });
  });
}

/** 设置: the unit has been re-enrolled; the steps are no longer shown. */
export async function dismissRekeyNotice(db: TaizhangDb): Promise<void> {
  await db.device.where('key').equals('device').modify((row: DeviceRow) => {
    delete row.rekeyed;
  });
}
