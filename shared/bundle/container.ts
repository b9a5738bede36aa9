/**
 * The byte layout of a `.tzb` file, format 1 (docs/bundle-format.md §2):
 *
 *   offset      size  field
 *   0           8     magic: ASCII "TZBUNDLE" (54 5A 42 55 4E 44 4C 45)
 *   8           4     H = header length in bytes, unsigned 32-bit big-endian, 1 ≤ H ≤ 16384
 *   12          H     header: canonical JSON (canonical.ts), UTF-8
 *   12+H        64    signature: Ed25519 over the signature input below
 *   76+H        P     payload: AES-256-GCM ciphertext of the zip, 16-byte tag at the end;
 *                     P = header.payloadBytes, and the file ends right after it
 *
 *   signature input = ASCII "taizhang-bundle/v1 signature" ‖ 0x00 ‖ header bytes ‖ SHA-256(payload)
 *
 * Magic, length and a JSON header carrying `format` and `version` are the part every later format
 * keeps, so an old reader can always say "this needs a newer program".
 */
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { BugError, fail, ok } from '../errors/errors';
import type { Result } from '../errors/errors';
import { TAG_BYTES } from './crypto';
import { bundleError } from './errors';
import type { BundleError } from './errors';
import { SIGNATURE_BYTES } from './keys';
import type { BundleLimits } from './limits';

const MAGIC_TEXT = 'TZBUNDLE';
const MAGIC = utf8ToBytes(MAGIC_TEXT);
export const PREAMBLE_BYTES = MAGIC_TEXT.length + 4;
export const SIGNATURE_CONTEXT_TEXT = 'taizhang-bundle/v1 signature';
const SIGNATURE_CONTEXT = utf8ToBytes(SIGNATURE_CONTEXT_TEXT);

/** The 8 magic bytes (a fresh copy). */
export function magicBytes(): Uint8Array {
  return MAGIC.slice();
}

/** The three parts of a framed bundle, not yet checked. */
export interface BundleFrame {
  readonly headerBytes: Uint8Array;
  readonly signature: Uint8Array;
  /** Everything after the signature (its length is checked against the header later). */
  readonly payload: Uint8Array;
}

export function frameBundle(headerBytes: Uint8Array, signature: Uint8Array, payload: Uint8Array): Uint8Array {
  if (signature.length !== SIGNATURE_BYTES) throw new BugError('frameBundle: an Ed25519 signature has 64 bytes');
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, headerBytes.length, false);
  return concatBytes(MAGIC, length, headerBytes, signature, payload);
}

/** The bytes the sender signs: context ‖ 0x00 ‖ header ‖ SHA-256(payload). */
export function signatureInput(headerBytes: Uint8Array, payloadSha256: Uint8Array): Uint8Array {
  if (payloadSha256.length !== 32) throw new BugError('signatureInput: a SHA-256 digest has 32 bytes');
  return concatBytes(SIGNATURE_CONTEXT, new Uint8Array([0]), headerBytes, payloadSha256);
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  const n = Math.min(bytes.length, prefix.length);
  for (let i = 0; i < n; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Split a file into header, signature and payload; only lengths and the magic are checked here. */
export function unframeBundle(bytes: Uint8Array, limits: BundleLimits): Result<BundleFrame, BundleError> {
  if (bytes.length > limits.maxFileBytes) {
    return fail(bundleError('too-large', `file is ${bytes.length} bytes, limit ${limits.maxFileBytes}`));
  }
  if (!startsWith(bytes, MAGIC)) return fail(bundleError('not-a-bundle', 'magic "TZBUNDLE" not found'));
  if (bytes.length < PREAMBLE_BYTES) {
    return fail(bundleError('truncated', `file ends after ${bytes.length} bytes, inside the preamble`));
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, false);
  if (headerLength === 0) return fail(bundleError('malformed-header', 'header length 0'));
  if (headerLength > limits.maxHeaderBytes) {
    return fail(
      bundleError(
        'too-large',
        `header length ${headerLength}, limit ${limits.maxHeaderBytes}`,
        `同步包的头部信息有${headerLength}字节，超过了允许的${limits.maxHeaderBytes}字节，不是本系统生成的同步包或已损坏。请向发送方核实后重新索取同步包。`,
      ),
    );
  }
  const signatureStart = PREAMBLE_BYTES + headerLength;
  const payloadStart = signatureStart + SIGNATURE_BYTES;
  if (bytes.length < payloadStart + TAG_BYTES) {
    return fail(bundleError('truncated', `file ends after ${bytes.length} bytes, before the end of header, signature and payload`));
  }
  return ok({
    headerBytes: bytes.subarray(PREAMBLE_BYTES, signatureStart),
    signature: bytes.subarray(signatureStart, payloadStart),
    payload: bytes.subarray(payloadStart),
  });
}
