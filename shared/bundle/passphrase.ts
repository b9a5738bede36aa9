/**
 * A small secret (the committee's private keys, for a backup file) sealed under a passphrase
 * (docs/bundle-format.md §9). The file is canonical JSON:
 *
 *   { "cipher": { "alg": "AES-256-GCM", "nonce": <base64 12 bytes> },
 *     "ciphertext": <base64: AES-256-GCM(secret) ‖ 16-byte tag>,
 *     "format": "taizhang-sealed-secret",
 *     "kdf": { "alg": "scrypt", "logN": 17, "p": 1, "r": 8, "salt": <base64 16 bytes> },
 *     "purpose": "committee-key-backup",
 *     "version": 1 }
 *
 *   key  = scrypt(passphrase, salt, N = 2^logN, r = 8, p = 1, 32 bytes), passphrase = UTF-8 of its NFC form
 *   AAD  = canonical JSON of the same object without "ciphertext"
 *
 * scrypt with N = 2^17, r = 8 costs 128 MiB and about a second per guess on an office PC. A file
 * asking for less than 2^15 or more than 2^18 is refused unread (too weak, or a memory bomb).
 */
import { z } from 'zod';
import { gcm } from '@noble/ciphers/aes.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';
import { BugError, fail, ok } from '../errors/errors';
import type { Result } from '../errors/errors';
import { canonicalBytes, parseCanonical } from './canonical';
import { defaultRandom, NONCE_BYTES, TAG_BYTES } from './crypto';
import type { RandomSource } from './crypto';
import { bundleError } from './errors';
import type { BundleError } from './errors';
import { PASSPHRASE_LIMITS } from './limits';
import { encodeUtf8 } from './utf8';

export const SEALED_SECRET_FORMAT = 'taizhang-sealed-secret' as const;
export const DEFAULT_SCRYPT_LOG_N = 17;
const SCRYPT_R = 8 as const;
const SCRYPT_P = 1 as const;
const SALT_BYTES = 16;

const base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);

const SealedSecretSchema = z.strictObject({
  format: z.literal(SEALED_SECRET_FORMAT),
  version: z.literal(1),
  purpose: z.string().regex(/^[a-z0-9-]{1,64}$/),
  kdf: z.strictObject({
    alg: z.literal('scrypt'),
    logN: z.int().min(PASSPHRASE_LIMITS.minLogN).max(PASSPHRASE_LIMITS.maxLogN),
    r: z.literal(SCRYPT_R),
    p: z.literal(SCRYPT_P),
    salt: base64,
  }),
  cipher: z.strictObject({ alg: z.literal('AES-256-GCM'), nonce: base64 }),
  ciphertext: base64,
});
export type SealedSecretFile = z.infer<typeof SealedSecretSchema>;

export interface SealOptions {
  /** What the secret is, e.g. 'committee-key-backup' (lower case, digits, '-'). */
  readonly purpose?: string;
  /** log2 of scrypt's N; default 17. Tests may go down to the minimum the reader accepts (15). */
  readonly logN?: number;
  readonly random?: RandomSource;
  /** Called with 0…1 while scrypt runs (about a second at logN 17), e.g. for a progress bar. */
  readonly onProgress?: (fraction: number) => void;
}

export interface OpenOptions {
  /** Called with 0…1 while scrypt runs. */
  readonly onProgress?: (fraction: number) => void;
}

function passphraseBytes(passphrase: string): Uint8Array {
  return encodeUtf8(passphrase.normalize('NFC'));
}

function deriveKey(passphrase: string, salt: Uint8Array, logN: number, onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  return scryptAsync(passphraseBytes(passphrase), salt, {
    N: 2 ** logN,
    r: SCRYPT_R,
    p: SCRYPT_P,
    dkLen: 32,
    maxmem: 2 ** 29,
    ...(onProgress ? { onProgress } : {}),
  });
}

function aadOf(file: Omit<SealedSecretFile, 'ciphertext'>): Uint8Array {
  return canonicalBytes(file);
}

/** Seal `secret` under `passphrase`: the bytes of the file to write. */
export async function sealWithPassphrase(
  secret: Uint8Array,
  passphrase: string,
  options: SealOptions = {},
): Promise<Result<Uint8Array, BundleError>> {
  const logN = options.logN ?? DEFAULT_SCRYPT_LOG_N;
  if (!Number.isInteger(logN) || logN < PASSPHRASE_LIMITS.minLogN || logN > PASSPHRASE_LIMITS.maxLogN) {
    throw new BugError('sealWithPassphrase: logN outside the range the reader accepts');
  }
  if (secret.length === 0 || secret.length > PASSPHRASE_LIMITS.maxSecretBytes) throw new BugError('sealWithPassphrase: secret size');
  const length = [...passphrase.normalize('NFC')].length;
  if (length < PASSPHRASE_LIMITS.minPassphraseLength) {
    return fail(bundleError('weak-passphrase', `passphrase of ${length} characters`));
  }
  if (length > PASSPHRASE_LIMITS.maxPassphraseLength) {
    return fail(bundleError('weak-passphrase', 'passphrase too long', `口令太长，最多${PASSPHRASE_LIMITS.maxPassphraseLength}个字符。请设置较短的口令。`));
  }
  const random = options.random ?? defaultRandom;
  const salt = random(SALT_BYTES);
  const nonce = random(NONCE_BYTES);
  const head: Omit<SealedSecretFile, 'ciphertext'> = {
    format: SEALED_SECRET_FORMAT,
    version: 1,
    purpose: options.purpose ?? 'committee-key-backup',
    kdf: { alg: 'scrypt', logN, r: SCRYPT_R, p: SCRYPT_P, salt: bytesToBase64(salt) },
    cipher: { alg: 'AES-256-GCM', nonce: bytesToBase64(nonce) },
  };
  if (!/^[a-z0-9-]{1,64}$/.test(head.purpose)) throw new BugError('sealWithPassphrase: purpose must match [a-z0-9-]{1,64}');
  const key = await deriveKey(passphrase, salt, logN, options.onProgress);
  const ciphertext = gcm(key, nonce, aadOf(head)).encrypt(secret);
  key.fill(0);
  return ok(canonicalBytes({ ...head, ciphertext: bytesToBase64(ciphertext) }));
}

/** Open a sealed file: the secret and its purpose, or why not ('wrong-passphrase', 'not-a-key-backup'). */
export async function openWithPassphrase(
  fileBytes: Uint8Array,
  passphrase: string,
  options: OpenOptions = {},
): Promise<Result<{ secret: Uint8Array; purpose: string }, BundleError>> {
  if (fileBytes.length > PASSPHRASE_LIMITS.maxFileBytes) return fail(bundleError('not-a-key-backup', `file of ${fileBytes.length} bytes`));
  const parsed = parseCanonical(fileBytes, 4);
  if (!parsed.ok) return fail(bundleError('not-a-key-backup', parsed.reason));
  const file = SealedSecretSchema.safeParse(parsed.value);
  if (!file.success) return fail(bundleError('not-a-key-backup', 'not a sealed-secret file of version 1 (or its scrypt cost is out of range)'));
  const { ciphertext, ...head } = file.data;
  let salt: Uint8Array;
  let nonce: Uint8Array;
  let sealed: Uint8Array;
  try {
    salt = base64ToBytes(head.kdf.salt);
    nonce = base64ToBytes(head.cipher.nonce);
    sealed = base64ToBytes(ciphertext);
  } catch {
    return fail(bundleError('not-a-key-backup', 'base64 fields not decodable'));
  }
  if (salt.length !== SALT_BYTES || nonce.length !== NONCE_BYTES || sealed.length <= TAG_BYTES) {
    return fail(bundleError('not-a-key-backup', 'salt, nonce or ciphertext of the wrong length'));
  }
  const key = await deriveKey(passphrase, salt, head.kdf.logN, options.onProgress);
  try {
    const secret = gcm(key, nonce, aadOf(head)).decrypt(sealed);
    return ok({ secret, purpose: head.purpose });
  } catch {
    return fail(bundleError('wrong-passphrase', 'AES-GCM tag does not match (wrong passphrase or altered file)'));
  } finally {
    key.fill(0);
  }
}
