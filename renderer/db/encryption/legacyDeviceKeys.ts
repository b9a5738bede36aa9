/**
 * A committee set up before encryption at rest keeps its device keys as CryptoKeys in IndexedDB —
 * whose structured clone writes their secret bytes into the profile (docs/security.md). Its keys
 * cannot be read out of WebCrypto, but its key backup holds them: with the backup's passphrase the
 * very same keys are sealed under the data key (`sealedKeys`) and the CryptoKeys are no longer
 * stored. The keys do not change, so no unit has to do anything. (A unit has no key backup; its
 * keys can be sealed only by getting new ones, with re-enrolment.)
 */
import { openCommitteeKeyBackup } from '../../../shared/bundle/keyBackup';
import { publicKeyToBase64 } from '../../../shared/bundle/keys';
import type { BundleError } from '../../../shared/bundle/errors';
import { encodeUtf8 } from '../../../shared/bundle/utf8';
import { expectedError, fail, ok, type ExpectedError, type Result } from '../../../shared/errors/errors';
import { importCommitteeKeys, wipeSecretKeys } from '../../identity/committeeKeys';
import { rememberDeviceKeys, requireFieldCipher } from '../../identity/dataKeySession';
import { sealDeviceKeys } from '../../identity/deviceSecrets';
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
