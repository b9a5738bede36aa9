/** Small JSON helpers for the sync's own files (enrolment file, device key card): canonical bytes out, strict parse in. */
import { canonicalBytes as bundleCanonicalBytes, tryCanonicalJson } from '../../../shared/bundle/canonical';
import { KEY_BASE64_PATTERN } from '../../../shared/bundle/keys';

export const KEY_BASE64_PATTERN_FOR_FILES = KEY_BASE64_PATTERN;

export function canonicalBytes(value: unknown): Uint8Array {
  return bundleCanonicalBytes(value);
}

/** The JSON value of canonical UTF-8 bytes, or null for anything else (not UTF-8, not JSON, not canonical). */
export function parseEnrolmentJson(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return tryCanonicalJson(value) === text ? value : null;
}
