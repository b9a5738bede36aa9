/**
 * Canonical JSON bytes (docs/bundle-format.md §3), for the bundle header and manifest: the bytes
 * that are signed and hashed, defined exactly so another implementation can rebuild them.
 *
 * It is RFC 8785 (JSON Canonicalization Scheme) restricted to values that make number formatting
 * trivial:
 *   - values: null, true, false, strings, integers, arrays, objects; no floats, no NaN/Infinity;
 *     integers are safe integers (|n| ≤ 2^53 − 1) written in plain decimal, no '+', no leading
 *     zeros, no exponent, and −0 written as 0;
 *   - strings: well-formed Unicode (no lone surrogates), escaped exactly like ECMAScript
 *     JSON.stringify: `\"` `\\` `\b` `\f` `\n` `\r` `\t`, other code points below U+0020 as
 *     `\u00xx` (lower-case hex), everything else (including '/', non-ASCII and U+2028/2029) as is;
 *   - objects: members sorted by key, comparing keys as sequences of UTF-16 code units (for the
 *     ASCII keys of format 1 this is plain byte order); no duplicate keys;
 *   - no whitespace anywhere; the text is encoded as UTF-8 without a BOM.
 * A reader accepts a header only when re-encoding what it parsed gives back the very same bytes.
 */
import { BugError } from '../errors/errors';
import { parseUntrustedJson } from './json';
import { decodeUtf8, encodeUtf8, isWellFormedString } from './utf8';

/** The canonical JSON text of `value`, or null when `value` has no canonical form. */
export function tryCanonicalJson(value: unknown): string | null {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isSafeInteger(value) ? String(value === 0 ? 0 : value) : null;
    case 'string':
      return isWellFormedString(value) ? JSON.stringify(value) : null;
    case 'object':
      break;
    default:
      return null;
  }
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value as unknown[]) {
      const s = tryCanonicalJson(item);
      if (s === null) return null;
      items.push(s);
    }
    return `[${items.join(',')}]`;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    if (!isWellFormedString(key)) return null;
    const s = tryCanonicalJson(record[key]);
    if (s === null) return null;
    members.push(`${JSON.stringify(key)}:${s}`);
  }
  return `{${members.join(',')}}`;
}

/** Canonical JSON text of a value the program built; a value without a canonical form is a bug. */
export function canonicalJson(value: unknown): string {
  const s = tryCanonicalJson(value);
  if (s === null) throw new BugError('canonicalJson: value has no canonical form (float, undefined, lone surrogate, class instance…)');
  return s;
}

/** Canonical JSON as UTF-8 bytes. */
export function canonicalBytes(value: unknown): Uint8Array {
  return encodeUtf8(canonicalJson(value));
}

export type CanonicalParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/**
 * Parse untrusted bytes that must be canonical JSON: strict UTF-8, JSON, no prototype keys, at most
 * `maxDepth` levels, and re-encoding must reproduce the bytes exactly.
 */
export function parseCanonical(bytes: Uint8Array, maxDepth = 8): CanonicalParseResult {
  const text = decodeUtf8(bytes);
  if (text === null) return { ok: false, reason: 'not valid UTF-8' };
  const parsed = parseUntrustedJson(text, maxDepth);
  if (!parsed.ok) return parsed;
  const again = tryCanonicalJson(parsed.value);
  if (again !== text) return { ok: false, reason: 'not canonical JSON (key order, whitespace, number format or escaping)' };
  return parsed;
}
