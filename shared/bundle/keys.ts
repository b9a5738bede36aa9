/**
 * Key material of the sync bundle: Ed25519 keys sign (each device has one), X25519 keys receive
 * encrypted payloads (the committee, and each unit device). Keys travel as raw 32-byte public keys,
 * written in canonical padded base64 (44 characters) in headers and key files.
 *
 * Fingerprint (docs/bundle-format.md §6): the first 8 bytes of SHA-256 over the RAW 32-byte public
 * key, as 16 upper-case hex digits in 4 groups of 4 joined by '-', e.g. "3F2A-91C0-7B44-E0D1".
 * People read it aloud over the phone to confirm a key before it is pinned.
 *
 * Secret keys exist as bytes only in the CLI and in tests; the app keeps its own as non-extractable
 * WebCrypto keys behind `BundleSigner` / `BundleDecrypter` (crypto.ts).
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';

export const PUBLIC_KEY_BYTES = 32;
export const SECRET_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

/** Canonical padded base64 of 32 bytes: 43 significant characters, the last one with 2 zero bits, then '='. */
export const KEY_BASE64_PATTERN = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

export interface KeyPair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

/** "3F2A-91C0-7B44-E0D1": first 8 bytes of SHA-256 of the raw public key, upper-case hex, 4 groups. */
export function keyFingerprint(rawPublicKey: Uint8Array): string {
  const hex = bytesToHex(sha256(rawPublicKey).subarray(0, 8)).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}`;
}

export function publicKeyToBase64(rawPublicKey: Uint8Array): string {
  return bytesToBase64(rawPublicKey);
}

/** Raw 32-byte key from its canonical base64 form, or null for anything else. */
export function publicKeyFromBase64(text: unknown): Uint8Array | null {
  if (typeof text !== 'string' || !KEY_BASE64_PATTERN.test(text)) return null;
  try {
    const bytes = base64ToBytes(text);
    return bytes.length === PUBLIC_KEY_BYTES ? bytes : null;
  } catch {
    return null;
  }
}

/** Fingerprint of a key given in base64, or null when it is not a key. */
export function keyFingerprintOfBase64(text: unknown): string | null {
  const raw = publicKeyFromBase64(text);
  return raw === null ? null : keyFingerprint(raw);
}

/** Byte equality (for public values; not constant-time). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when `raw` is a valid Ed25519 public key (a canonical encoding of a curve point). */
export function isValidSigningPublicKey(raw: Uint8Array): boolean {
  try {
    return raw.length === PUBLIC_KEY_BYTES && ed25519.utils.isValidPublicKey(raw, false);
  } catch {
    return false;
  }
}

/** A new Ed25519 key pair (CLI and tests; the app makes non-extractable WebCrypto keys). */
export function generateSigningKeyPair(): KeyPair {
  const { secretKey, publicKey } = ed25519.keygen();
  return { secretKey, publicKey };
}

/** A new X25519 key pair (CLI and tests; the app makes non-extractable WebCrypto keys). */
export function generateEncryptionKeyPair(): KeyPair {
  const { secretKey, publicKey } = x25519.keygen();
  return { secretKey, publicKey };
}

export function signingPublicKeyOf(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secretKey);
}

export function encryptionPublicKeyOf(secretKey: Uint8Array): Uint8Array {
  return x25519.getPublicKey(secretKey);
}
