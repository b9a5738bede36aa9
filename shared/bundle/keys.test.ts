import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, keyFingerprintOfBase64, publicKeyFromBase64, publicKeyToBase64 } from './keys';

describe('keys', () => {
  it('fingerprint = first 8 bytes of SHA-256 of the raw key, upper-case hex, 4 groups', () => {
    const raw = Uint8Array.from({ length: 32 }, (_, i) => i);
    const hex = createHash('sha256').update(raw).digest('hex').slice(0, 16).toUpperCase();
    expect(keyFingerprint(raw)).toBe(`${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12)}`);
    expect(keyFingerprint(raw)).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(keyFingerprintOfBase64(publicKeyToBase64(raw))).toBe(keyFingerprint(raw));
  });

  it('reads only canonical base64 of 32 bytes', () => {
    const raw = new Uint8Array(32).fill(7);
    const b64 = publicKeyToBase64(raw);
    expect(publicKeyFromBase64(b64)).toEqual(raw);
    expect(publicKeyFromBase64(`${b64.slice(0, 42)}${b64[42] === 'B' ? 'C' : 'B'}=`)).toBeNull(); // non-zero padding bits
    expect(publicKeyFromBase64(b64.slice(0, 43))).toBeNull();
    expect(publicKeyFromBase64(`${b64} `)).toBeNull();
    expect(publicKeyFromBase64(42)).toBeNull();
  });
});
