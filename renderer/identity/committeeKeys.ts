/**
 * The committee's device keys, which (unlike a unit's) must be backed up: they are made as raw
 * bytes (shared/bundle/keys.ts, @noble/curves), sealed into the backup file, and then imported as
 * NON-extractable WebCrypto keys — from then on they can sign and derive on this device and can
 * never be read out again. The caller wipes the raw secret bytes after use (best effort: a
 * JavaScript engine may keep copies it made on its own).
 *
 * Import is by PKCS #8 (RFC 8410): a fixed 16-byte prefix and the 32-byte secret, which both
 * Chromium and Node accept for Ed25519 and X25519. Each imported key is checked against the
 * public key it must belong to before it is used.
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { bytesEqual, generateEncryptionKeyPair, generateSigningKeyPair, type KeyPair } from '../../shared/bundle/keys';
import { BugError } from '../../shared/errors/errors';

const PKCS8_PREFIX = {
  Ed25519: Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]),
  X25519: Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20]),
} as const;

export interface CommitteeKeyPairs {
  readonly signing: KeyPair;
  readonly encryption: KeyPair;
}

export interface ImportedCommitteeKeys {
  readonly signingPrivateKey: CryptoKey;
  readonly encryptionPrivateKey: CryptoKey;
}

/** Two fresh key pairs as raw bytes (they live only until they are sealed and imported). */
export function newCommitteeKeyPairs(): CommitteeKeyPairs {
  return { signing: generateSigningKeyPair(), encryption: generateEncryptionKeyPair() };
}

async function importPrivate(algorithm: 'Ed25519' | 'X25519', secretKey: Uint8Array): Promise<CryptoKey> {
  if (secretKey.length !== 32) throw new BugError(`${algorithm} secret key must have 32 bytes`);
  const pkcs8 = new Uint8Array(48);
  pkcs8.set(PKCS8_PREFIX[algorithm]);
  pkcs8.set(secretKey, 16);
  try {
    const usages: KeyUsage[] = algorithm === 'Ed25519' ? ['sign'] : ['deriveBits'];
    return await crypto.subtle.importKey('pkcs8', pkcs8, { name: algorithm }, false, usages);
  } finally {
    pkcs8.fill(0);
  }
}

/** The imported signing key must sign so that its public key verifies. */
async function checkSigningKey(privateKey: CryptoKey, publicKey: Uint8Array): Promise<void> {
  const message = crypto.getRandomValues(new Uint8Array(32));
  const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', privateKey, message));
  if (!ed25519.verify(signature, message, publicKey)) throw new BugError('imported Ed25519 key does not match its public key');
}

/** The imported encryption key must agree with its public key on a shared secret. */
async function checkEncryptionKey(privateKey: CryptoKey, publicKey: Uint8Array): Promise<void> {
  const probe = x25519.keygen();
  const peer = await crypto.subtle.importKey('raw', probe.publicKey as Uint8Array<ArrayBuffer>, { name: 'X25519' }, false, []);
  const ours = new Uint8Array(await crypto.subtle.deriveBits({ name: 'X25519', public: peer }, privateKey, 256));
  const theirs = x25519.getSharedSecret(probe.secretKey, publicKey);
  probe.secretKey.fill(0);
  if (!bytesEqual(ours, theirs)) throw new BugError('imported X25519 key does not match its public key');
}

/** Import both secret keys as non-extractable WebCrypto keys, checked against their public keys. */
export async function importCommitteeKeys(pairs: CommitteeKeyPairs): Promise<ImportedCommitteeKeys> {
  const signingPrivateKey = await importPrivate('Ed25519', pairs.signing.secretKey);
  const encryptionPrivateKey = await importPrivate('X25519', pairs.encryption.secretKey);
  await checkSigningKey(signingPrivateKey, pairs.signing.publicKey);
  await checkEncryptionKey(encryptionPrivateKey, pairs.encryption.publicKey);
  return { signingPrivateKey, encryptionPrivateKey };
}

/** Overwrite the secret bytes once they are sealed and imported. */
export function wipeSecretKeys(pairs: CommitteeKeyPairs): void {
  pairs.signing.secretKey.fill(0);
  pairs.encryption.secretKey.fill(0);
}
