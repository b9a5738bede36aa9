/**
 * This device's identity: a device id and two key pairs — Ed25519 to sign the bundles it sends,
 * X25519 to receive bundles encrypted to it. The secret keys are made as bytes, sealed under the
 * workspace's data key for the disk (`sealedKeys`, renderer/db/encryption/deviceSecrets.ts), and
 * imported as non-extractable CryptoKeys that exist only in this window's memory; the bytes are
 * then wiped. (Until encryption at rest the CryptoKeys themselves were stored, and IndexedDB's
 * structured clone wrote their secret bytes into the profile's files.)
 */
import { keyFingerprint as sharedKeyFingerprint, publicKeyFromBase64 } from '../../shared/bundle/keys';
import { bytesToBase64 } from '../../shared/encoding/base64';
import { newId } from '../../shared/ids/uuidv7';
import { rememberDeviceKeys, requireFieldCipher } from './dataKeySession';
import { newDeviceKeyPairs, sealDeviceKeys } from './deviceSecrets';
import { importCommitteeKeys, wipeSecretKeys } from './committeeKeys';

/** A new device's id and key pairs (public keys as base64 raw bytes); db/ stores it as the device row. */
export interface DeviceIdentity {
  deviceId: string;
  signingPublicKey: string; // base64 raw Ed25519
  signingPrivateKey: CryptoKey;
  encryptionPublicKey: string; // base64 raw X25519
  encryptionPrivateKey: CryptoKey;
  /** Both secret keys sealed under the data key; absent on a device set up before encryption at rest. */
  sealedKeys?: string;
  createdAt: string;
}

/** A new identity; the data key must be unlocked (its keys are sealed under it). */
export async function createDeviceIdentity(now: Date = new Date()): Promise<DeviceIdentity> {
  const cipher = requireFieldCipher();
  const pairs = newDeviceKeyPairs();
  try {
    const keys = await importCommitteeKeys(pairs);
    const deviceId = newId();
    rememberDeviceKeys(deviceId, keys);
    return {
      deviceId,
      signingPublicKey: bytesToBase64(pairs.signing.publicKey),
      signingPrivateKey: keys.signingPrivateKey,
      encryptionPublicKey: bytesToBase64(pairs.encryption.publicKey),
      encryptionPrivateKey: keys.encryptionPrivateKey,
      sealedKeys: sealDeviceKeys(cipher, pairs),
      createdAt: now.toISOString(),
    };
  } finally {
    wipeSecretKeys(pairs);
  }
}

/**
 * A short fingerprint people can read aloud to compare keys (e.g. "3F2A-91C0-7B44-E0D1"): the shared
 * `keyFingerprint` over the RAW 32-byte key, so this device, the committee and the CLI show the same.
 */
export function keyFingerprint(publicKeyBase64: string): Promise<string> {
  const raw = publicKeyFromBase64(publicKeyBase64);
  return Promise.resolve(raw === null ? '（密钥格式错误）' : sharedKeyFingerprint(raw));
}
