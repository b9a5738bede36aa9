/**
 * The cryptography of format 1 (docs/bundle-format.md §5), and the two small interfaces through
 * which the app's non-extractable WebCrypto keys plug in:
 *
 *   - Signature: Ed25519 (RFC 8032, pure, no context) by the sender device's key. Verification is
 *     strict RFC 8032 (noble `zip215: false`), the policy OpenSSL — hence Node's `crypto.verify` —
 *     follows, so both accept exactly the same honest signatures.
 *   - Encryption: a fresh ephemeral X25519 key pair per bundle; shared = X25519(ephemeral secret,
 *     recipient public) (an all-zero result is refused); key = HKDF-SHA256(ikm = shared,
 *     salt = ephemeral public ‖ recipient public, info = "taizhang-bundle/v1 payload key", 32 bytes);
 *     AES-256-GCM with a random 96-bit nonce, 128-bit tag appended, and the header bytes as AAD.
 *
 * In the app: `sign` is `crypto.subtle.sign('Ed25519', privateKey, message)` and
 * `deriveSharedSecret` is `crypto.subtle.deriveBits({ name: 'X25519', public }, privateKey, 256)`,
 * both over keys created with `extractable: false`.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { BugError } from '../errors/errors';
import { encryptionPublicKeyOf, PUBLIC_KEY_BYTES, SECRET_KEY_BYTES, SIGNATURE_BYTES, signingPublicKeyOf } from './keys';

export const PAYLOAD_ALG = 'X25519-HKDF-SHA256-AES-256-GCM';
export const HKDF_INFO_TEXT = 'taizhang-bundle/v1 payload key';
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const AES_KEY_BYTES = 32;

/** Signs bundles as this device. `publicKey` is the raw 32-byte Ed25519 public key. */
export interface BundleSigner {
  readonly publicKey: Uint8Array;
  /** A 64-byte Ed25519 signature of `message`. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** Opens bundles sent to this device or committee. `publicKey` is the raw 32-byte X25519 public key. */
export interface BundleDecrypter {
  readonly publicKey: Uint8Array;
  /** X25519(own secret key, `ephemeralPublicKey`): 32 bytes. May reject (e.g. a low-order point). */
  deriveSharedSecret(ephemeralPublicKey: Uint8Array): Promise<Uint8Array>;
}

/** A source of cryptographically random bytes; tests pass a seeded one to freeze fixtures. */
export type RandomSource = (length: number) => Uint8Array;

export const defaultRandom: RandomSource = (n) => randomBytes(n);

/** A signer over a raw Ed25519 secret key (CLI, tests). */
export function signerFromSecretKey(secretKey: Uint8Array): BundleSigner {
  if (secretKey.length !== SECRET_KEY_BYTES) throw new BugError('signerFromSecretKey: an Ed25519 secret key has 32 bytes');
  const key = Uint8Array.from(secretKey);
  return {
    publicKey: signingPublicKeyOf(key),
    sign: (message) => Promise.resolve(ed25519.sign(message, key)),
  };
}

/** A decrypter over a raw X25519 secret key (CLI, tests). */
export function decrypterFromSecretKey(secretKey: Uint8Array): BundleDecrypter {
  if (secretKey.length !== SECRET_KEY_BYTES) throw new BugError('decrypterFromSecretKey: an X25519 secret key has 32 bytes');
  const key = Uint8Array.from(secretKey);
  return {
    publicKey: encryptionPublicKeyOf(key),
    deriveSharedSecret: async (ephemeralPublicKey) => x25519.getSharedSecret(key, ephemeralPublicKey),
  };
}

/** Strict RFC 8032 verification; false for anything malformed (never throws). */
export function verifySignature(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== SIGNATURE_BYTES || publicKey.length !== PUBLIC_KEY_BYTES) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

export function isAllZero(bytes: Uint8Array): boolean {
  let acc = 0;
  for (const b of bytes) acc |= b;
  return acc === 0;
}

/** HKDF-SHA256(shared, salt = ephemeral public ‖ recipient public, info = HKDF_INFO_TEXT) → 32-byte AES key. */
export function derivePayloadKey(sharedSecret: Uint8Array, ephemeralPublicKey: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  const salt = concatBytes(ephemeralPublicKey, recipientPublicKey);
  return hkdf(sha256, sharedSecret, salt, utf8ToBytes(HKDF_INFO_TEXT), AES_KEY_BYTES);
}

export interface EphemeralKey {
  readonly publicKey: Uint8Array;
  /** The AES key for a payload to `recipientPublicKey`; the ephemeral secret is used once and dropped. */
  readonly payloadKey: Uint8Array;
}

/** A fresh ephemeral X25519 key and the payload key it agrees with the recipient. */
export function newEphemeralKey(recipientPublicKey: Uint8Array, random: RandomSource = defaultRandom): EphemeralKey {
  if (recipientPublicKey.length !== PUBLIC_KEY_BYTES) throw new BugError('newEphemeralKey: an X25519 public key has 32 bytes');
  const secret = random(SECRET_KEY_BYTES);
  const publicKey = x25519.getPublicKey(secret);
  // Throws for a low-order recipient key: the recipient key comes from our own key files/records.
  const shared = x25519.getSharedSecret(secret, recipientPublicKey);
  secret.fill(0);
  if (isAllZero(shared)) throw new BugError('newEphemeralKey: all-zero shared secret (low-order recipient key)');
  return { publicKey, payloadKey: derivePayloadKey(shared, publicKey, recipientPublicKey) };
}

/** AES-256-GCM: ciphertext ‖ 16-byte tag. */
export function aeadEncrypt(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
  return gcm(key, nonce, aad).encrypt(plaintext);
}

/** AES-256-GCM open; null when the tag does not match (wrong key, damaged or altered data). */
export function aeadDecrypt(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | null {
  if (key.length !== AES_KEY_BYTES || nonce.length !== NONCE_BYTES || sealed.length < TAG_BYTES) return null;
  try {
    return gcm(key, nonce, aad).decrypt(sealed);
  } catch {
    return null;
  }
}

export function sha256Bytes(data: Uint8Array): Uint8Array {
  return sha256(data);
}

// ── the platform's WebCrypto where there is one (Chromium, Node ≥ 19), the @noble code otherwise ──
// shared/ compiles without DOM or Node types: SubtleCrypto is reached through a minimal local type.

interface SubtleLike {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
  importKey(format: 'raw', key: Uint8Array, algorithm: 'AES-GCM', extractable: false, usages: readonly ['decrypt']): Promise<unknown>;
  decrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array; additionalData: Uint8Array; tagLength: 128 }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

let forceNoble = false;

/** Tests: run the async functions below on the @noble code as on a platform without WebCrypto (true), or back (false). */
export function useNobleCryptoOnly(on: boolean): void {
  forceNoble = on;
}

function platformSubtle(): SubtleLike | null {
  if (forceNoble) return null;
  const platformCrypto: unknown = Reflect.get(globalThis, 'crypto');
  const subtle = (platformCrypto as { subtle?: SubtleLike } | undefined)?.subtle;
  return subtle !== undefined && typeof subtle.digest === 'function' && typeof subtle.decrypt === 'function' ? subtle : null;
}

/** SHA-256 by the platform's native WebCrypto where available (the same bytes as `sha256Bytes`). */
export async function sha256Async(data: Uint8Array): Promise<Uint8Array> {
  const subtle = platformSubtle();
  if (subtle === null) return sha256(data);
  return new Uint8Array(await subtle.digest('SHA-256', data));
}

/**
 * AES-256-GCM open by the platform's native WebCrypto where available, else `aeadDecrypt`: the
 * same plaintext, and null for the same inputs (a tag that does not match, a wrong key size…).
 */
export async function aeadDecryptAsync(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Promise<Uint8Array | null> {
  if (key.length !== AES_KEY_BYTES || nonce.length !== NONCE_BYTES || sealed.length < TAG_BYTES) return null;
  const subtle = platformSubtle();
  if (subtle === null) return aeadDecrypt(key, nonce, sealed, aad);
  try {
    const cryptoKey = await subtle.importKey('raw', key, 'AES-GCM', false, ['decrypt']);
    return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 }, cryptoKey, sealed));
  } catch {
    return null;
  }
}
