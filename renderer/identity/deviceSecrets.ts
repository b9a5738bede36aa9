/**
 * The device's secret keys at rest: made as raw bytes (@noble/curves), sealed under the data key
 * into the device row's `sealedKeys`, and imported at unlock as NON-extractable WebCrypto keys that
 * live in this window's memory only (dataKeySession.ts). Before encryption at rest, the keys were
 * CryptoKeys structured-cloned into IndexedDB — which writes their secret bytes into the profile's
 * files; a device of that time keeps its keys until it is set up again (docs/security.md).
 */
import { concatBytes } from '@noble/hashes/utils.js';
import { generateEncryptionKeyPair, generateSigningKeyPair, publicKeyFromBase64, SECRET_KEY_BYTES } from '../../shared/bundle/keys';
import { BugError } from '../../shared/errors/errors';
import type { FieldCipher } from '../../shared/security/fieldCipher';
import { importCommitteeKeys, type CommitteeKeyPairs } from './committeeKeys';
import { rememberDeviceKeys, type UnlockedDeviceKeys } from './dataKeySession';

const SEALED_KEYS_CONTEXT = 'device.keys';

/** Two fresh key pairs as raw bytes; the caller seals them and wipes them. */
export function newDeviceKeyPairs(): CommitteeKeyPairs {
  return { signing: generateSigningKeyPair(), encryption: generateEncryptionKeyPair() };
}

/** The 64 secret bytes (signing ‖ encryption), sealed for the device row. */
export function sealDeviceKeys(cipher: FieldCipher, pairs: CommitteeKeyPairs): string {
  const both = concatBytes(pairs.signing.secretKey, pairs.encryption.secretKey);
  try {
    return cipher.sealBytes(both, SEALED_KEYS_CONTEXT);
  } finally {
    both.fill(0);
  }
}

/**
 * Opens a device row's sealed keys, imports them (each checked against its public key) and keeps
 * them for this window; the rows read from then on carry them.
 */
export async function unsealDeviceKeys(
  cipher: FieldCipher,
  device: { readonly deviceId: string; readonly sealedKeys: string; readonly signingPublicKey: string; readonly encryptionPublicKey: string },
): Promise<UnlockedDeviceKeys> {
  const both = cipher.openBytes(device.sealedKeys, SEALED_KEYS_CONTEXT);
  const signingPublic = publicKeyFromBase64(device.signingPublicKey);
  const encryptionPublic = publicKeyFromBase64(device.encryptionPublicKey);
  if (both.length !== 2 * SECRET_KEY_BYTES || !signingPublic || !encryptionPublic) throw new BugError('device row: sealed keys or public keys of the wrong size');
  try {
    const keys = await importCommitteeKeys({
      signing: { publicKey: signingPublic, secretKey: both.subarray(0, SECRET_KEY_BYTES) },
      encryption: { publicKey: encryptionPublic, secretKey: both.subarray(SECRET_KEY_BYTES) },
    });
    rememberDeviceKeys(device.deviceId, keys);
    return keys;
  } finally {
    both.fill(0);
  }
}
