/**
 * Field encryption at rest (docs/security.md): the few values that must not be readable from a
 * copied browser profile — an ID number, a phone number, a 慰问事由, the device's secret keys —
 * are stored sealed under the workspace's data key.
 *
 *   data key     32 random bytes per workspace, never stored in clear (wrapped by the OS keystore or
 *                by the 开机口令, see renderer/db/encryption/)
 *   field key    HKDF-SHA256(data key, info "taizhang-field/v1 seal")
 *   lookup key   HKDF-SHA256(data key, info "taizhang-field/v1 lookup")
 *   sealed value "tz1:" + base64(nonce 12 bytes ‖ AES-256-GCM(UTF-8 of the value) ‖ tag 16 bytes),
 *                with AAD = the field's context ("member.idNumber"), so a sealed value moved to
 *                another field does not open
 *   lookup       HMAC-SHA256(lookup key, context ‖ 0x00 ‖ value), first 16 bytes, base64: an index
 *                that finds a member by ID number without the number being on disk
 *
 * Synchronous on purpose (@noble/ciphers): it runs inside IndexedDB transactions, which end as
 * soon as the code awaits anything that is not IndexedDB (WebCrypto would).
 */
import { gcm } from '@noble/ciphers/aes.js';
import { bytesToUtf8 } from '@noble/ciphers/utils.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';
import { BugError } from '../errors/errors';

export const SEALED_FIELD_PREFIX = 'tz1:';
export const DATA_KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const LOOKUP_BYTES = 16;
/** Characters of opened values (and their sealed texts) a cipher keeps: ~16 MB of strings, the ID numbers and phones of ~60,000 members. */
const OPENED_CHARS_KEPT = 8_000_000;

/** A value as sealed on disk: the prefix marks it, so plain values of an older database can be told apart. */
export function isSealedValue(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_FIELD_PREFIX);
}

export interface FieldCipher {
  /** Seals `plain` for the field `context` (e.g. "member.idNumber"). A fresh nonce each time. */
  seal(plain: string, context: string): string;
  /** Opens a sealed value; throws `SealedFieldError` when it was not sealed under this key and context. */
  open(sealed: string, context: string): string;
  /** Seals bytes (the device's secret keys). */
  sealBytes(plain: Uint8Array, context: string): string;
  openBytes(sealed: string, context: string): Uint8Array;
  /** The keyed look-up value of `value` for `context` (deterministic). */
  lookup(value: string, context: string): string;
}

/** A sealed value that does not open: another workspace's key, another field, or a damaged disk. */
export class SealedFieldError extends Error {
  constructor(context: string) {
    super(`加密字段“${context}”无法解开：数据密钥不符或数据已损坏`);
    this.name = 'SealedFieldError';
  }
}

export type FieldRandom = (length: number) => Uint8Array;

export function createFieldCipher(dataKey: Uint8Array, random: FieldRandom = randomBytes): FieldCipher {
  if (dataKey.length !== DATA_KEY_BYTES) throw new BugError(`data key must have ${DATA_KEY_BYTES} bytes`);
  const sealKey = hkdf(sha256, dataKey, undefined, utf8ToBytes('taizhang-field/v1 seal'), 32);
  const lookupKey = hkdf(sha256, dataKey, undefined, utf8ToBytes('taizhang-field/v1 lookup'), 32);

  const sealBytes = (plain: Uint8Array, context: string): string => {
    const nonce = random(NONCE_BYTES);
    const sealed = gcm(sealKey, nonce, utf8ToBytes(context)).encrypt(plain);
    return SEALED_FIELD_PREFIX + bytesToBase64(concatBytes(nonce, sealed));
  };
  const openBytes = (sealed: string, context: string): Uint8Array => {
    if (!isSealedValue(sealed)) throw new SealedFieldError(context);
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(sealed.slice(SEALED_FIELD_PREFIX.length));
    } catch {
      throw new SealedFieldError(context);
    }
    if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new SealedFieldError(context);
    try {
      return gcm(sealKey, bytes.subarray(0, NONCE_BYTES), utf8ToBytes(context)).decrypt(bytes.subarray(NONCE_BYTES));
    } catch {
      throw new SealedFieldError(context);
    }
  };
  // Values opened under this key, by field and sealed text: a live query re-reads a unit's whole
  // roster after every change, and opening (AES-GCM in JS, ~10 µs a field) was most of that read.
  // Sound because GCM authenticates the nonce and the field: one sealed text under one key and field
  // opens to one value or to none (a failure is never remembered). Dies with the cipher (lock).
  // Bounded by the characters it holds; when full, the older half goes (Map keeps insertion order).
  const opened = new Map<string, string>();
  let keptChars = 0;
  const open = (sealed: string, context: string): string => {
    const key = `${context}\u0000${sealed}`;
    const known = opened.get(key);
    if (known !== undefined) return known;
    const plain = bytesToUtf8(openBytes(sealed, context));
    const chars = key.length + plain.length;
    if (chars > OPENED_CHARS_KEPT / 64) return plain; // a long 慰问事由 is not worth keeping
    if (keptChars + chars > OPENED_CHARS_KEPT) {
      for (const [k, v] of opened) {
        opened.delete(k);
        keptChars -= k.length + v.length;
        if (keptChars <= OPENED_CHARS_KEPT / 2) break;
      }
    }
    opened.set(key, plain);
    keptChars += chars;
    return plain;
  };
  return {
    seal: (plain, context) => sealBytes(utf8ToBytes(plain), context),
    open,
    sealBytes,
    openBytes,
    lookup: (value, context) => bytesToBase64(hmac(sha256, lookupKey, concatBytes(utf8ToBytes(context), new Uint8Array([0]), utf8ToBytes(value))).subarray(0, LOOKUP_BYTES)),
  };
}

/** A new random data key. */
export function newDataKey(): Uint8Array {
  return randomBytes(DATA_KEY_BYTES);
}
