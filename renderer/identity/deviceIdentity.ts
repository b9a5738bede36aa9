/**
 * This device's identity: a device id and two key pairs made with WebCrypto — Ed25519 to sign
 * the bundles it sends, X25519 to receive bundles encrypted to it. The private keys are created
 * non-extractable: they can sign and derive on this device and can never be read out of it.
 */
import { keyFingerprint as sharedKeyFingerprint, publicKeyFromBase64 } from '../../shared/bundle/keys';
import { bytesToBase64 } from '../../shared/encoding/base64';
import { newId } from '../../shared/ids/uuidv7';

/** A new device's id and key pairs (public keys as base64 raw bytes); db/ stores it as the device row. */
export interface DeviceIdentity {
  deviceId: string;
  signingPublicKey: string; // base64 raw Ed25519
  signingPrivateKey: CryptoKey;
  encryptionPublicKey: string; // base64 raw X25519
  encryptionPrivateKey: CryptoKey;
  createdAt: string;
}

async function exportRawPublicKey(key: CryptoKey): Promise<string> {
  return bytesToBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export async function createDeviceIdentity(now: Date = new Date()): Promise<DeviceIdentity> {
  const signing = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const encryption = (await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
  return {
    deviceId: newId(),
    signingPublicKey: await exportRawPublicKey(signing.publicKey),
    signingPrivateKey: signing.privateKey,
    encryptionPublicKey: await exportRawPublicKey(encryption.publicKey),
    encryptionPrivateKey: encryption.privateKey,
    createdAt: now.toISOString(),
  };
}

/**
 * A short fingerprint people can read aloud to compare keys (e.g. "3F2A-91C0-7B44-E0D1"): the shared
 * `keyFingerprint` over the RAW 32-byte key, so this device, the committee and the CLI show the same.
 */
export function keyFingerprint(publicKeyBase64: string): Promise<string> {
  const raw = publicKeyFromBase64(publicKeyBase64);
  return Promise.resolve(raw === null ? '（密钥格式错误）' : sharedKeyFingerprint(raw));
}
