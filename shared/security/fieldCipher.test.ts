import { describe, expect, it } from 'vitest';
import { createFieldCipher, isSealedValue, SealedFieldError, SEALED_FIELD_PREFIX } from './fieldCipher';

const key = (fill: number) => new Uint8Array(32).fill(fill);

describe('field cipher (encryption at rest)', () => {
  it('seals a value so that it opens again and shows nothing of the plain text', () => {
    const cipher = createFieldCipher(key(1));
    const sealed = cipher.seal('11010519491231002X', 'member.idNumber');
    expect(sealed.startsWith(SEALED_FIELD_PREFIX)).toBe(true);
    expect(isSealedValue(sealed)).toBe(true);
    expect(sealed).not.toContain('1101');
    expect(sealed).not.toContain('002X');
    expect(cipher.open(sealed, 'member.idNumber')).toBe('11010519491231002X');
    expect(cipher.open(cipher.seal('术后康复，需定期复查', 'careVisit.reason'), 'careVisit.reason')).toBe('术后康复，需定期复查');
  });

  it('gives a fresh nonce each time: the same number sealed twice differs', () => {
    const cipher = createFieldCipher(key(1));
    expect(cipher.seal('13800138000', 'member.phone')).not.toBe(cipher.seal('13800138000', 'member.phone'));
  });

  it('does not open under another key, in another field, or when altered', () => {
    const cipher = createFieldCipher(key(1));
    const sealed = cipher.seal('13800138000', 'member.phone');
    expect(() => createFieldCipher(key(2)).open(sealed, 'member.phone')).toThrow(SealedFieldError);
    expect(() => cipher.open(sealed, 'member.idNumber')).toThrow(SealedFieldError);
    const flipped = sealed.slice(0, -3) + (sealed.at(-3) === 'A' ? 'B' : 'A') + sealed.slice(-2);
    expect(() => cipher.open(flipped, 'member.phone')).toThrow(SealedFieldError);
    expect(() => cipher.open('tz1:not base64!', 'member.phone')).toThrow(SealedFieldError);
    expect(() => cipher.open('13800138000', 'member.phone')).toThrow(SealedFieldError);
  });

  it('opens a value it opened before to the same text, and still refuses it in another field, altered or under another key', () => {
    const cipher = createFieldCipher(key(1));
    const sealed = cipher.seal('13800138000', 'member.phone');
    expect(cipher.open(sealed, 'member.phone')).toBe('13800138000');
    expect(cipher.open(sealed, 'member.phone')).toBe('13800138000'); // remembered: the same text again
    expect(() => cipher.open(sealed, 'member.idNumber')).toThrow(SealedFieldError);
    const flipped = sealed.slice(0, -3) + (sealed.at(-3) === 'A' ? 'B' : 'A') + sealed.slice(-2);
    expect(() => cipher.open(flipped, 'member.phone')).toThrow(SealedFieldError);
    expect(() => createFieldCipher(key(2)).open(sealed, 'member.phone')).toThrow(SealedFieldError);
    // a value that failed is not remembered as anything: it fails again
    expect(() => cipher.open(flipped, 'member.phone')).toThrow(SealedFieldError);
  });

  it('keeps opening correctly past its memory bound (the older values dropped, opened again on demand)', () => {
    const cipher = createFieldCipher(key(1));
    const sealed = Array.from({ length: 120_000 }, (_, i) => [`13${String(i).padStart(9, '0')}`, cipher.seal(`13${String(i).padStart(9, '0')}`, 'member.phone')] as const);
    for (const [plain, s] of sealed) expect(cipher.open(s, 'member.phone')).toBe(plain);
    for (const [plain, s] of sealed.slice(0, 100)) expect(cipher.open(s, 'member.phone')).toBe(plain);
    const long = '需长期照护。'.repeat(30_000);
    expect(cipher.open(cipher.seal(long, 'careVisit.reason'), 'careVisit.reason')).toBe(long);
  });

  it('looks a value up by a keyed hash: the same under one key and context, different under another', () => {
    const a = createFieldCipher(key(1));
    expect(a.lookup('11010519491231002X', 'member.idNumber')).toBe(createFieldCipher(key(1)).lookup('11010519491231002X', 'member.idNumber'));
    expect(a.lookup('11010519491231002X', 'member.idNumber')).not.toBe(createFieldCipher(key(2)).lookup('11010519491231002X', 'member.idNumber'));
    expect(a.lookup('11010519491231002X', 'member.idNumber')).not.toBe(a.lookup('11010519491231002X', 'member.phone'));
    expect(a.lookup('11010519491231002X', 'member.idNumber')).not.toContain('1101');
  });

  it('seals bytes (the device keys)', () => {
    const cipher = createFieldCipher(key(3));
    const secret = Uint8Array.from({ length: 64 }, (_, i) => i);
    expect(cipher.openBytes(cipher.sealBytes(secret, 'device.keys'), 'device.keys')).toEqual(secret);
  });

  it('refuses a data key of the wrong size', () => {
    expect(() => createFieldCipher(new Uint8Array(16))).toThrow();
  });
});
