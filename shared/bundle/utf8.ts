/**
 * Strict UTF-8, the same in Node and Chromium. shared/ compiles without DOM or Node types, so the
 * platform's TextDecoder (present in both) is reached through a minimal local type.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';

interface StrictDecoder {
  decode(bytes: Uint8Array): string;
}
type DecoderConstructor = new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => StrictDecoder;

let decoder: StrictDecoder | null = null;

function strictDecoder(): StrictDecoder {
  if (decoder === null) {
    const Ctor = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;
    // fatal: invalid sequences throw instead of becoming U+FFFD; ignoreBOM: a BOM is kept (and then refused by JSON.parse).
    decoder = new Ctor('utf-8', { fatal: true, ignoreBOM: true });
  }
  return decoder;
}

/** Decode UTF-8, or null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictDecoder().decode(bytes);
  } catch {
    return null;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `s` has no lone surrogate, i.e. it has exactly one UTF-8 encoding. */
export function isWellFormedString(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/** UTF-8 bytes of a well-formed string (lone surrogates would silently become U+FFFD: check first). */
export function encodeUtf8(s: string): Uint8Array {
  return utf8ToBytes(s);
}
