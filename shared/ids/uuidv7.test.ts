import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createUuidV7Generator, isUuidV7, newId, uuidV7Time } from './uuidv7';

describe('newId', () => {
  it('makes lower-case RFC 9562 version-7 UUIDs with the RFC variant', () => {
    const id = newId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUuidV7(id)).toBe(true);
  });

  it('carries the creation time in its first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(uuidV7Time(id)).toBeGreaterThanOrEqual(before);
    expect(uuidV7Time(id)).toBeLessThanOrEqual(after + 1);
  });

  it('sorts ids made in a burst in creation order and never repeats one', () => {
    const ids = Array.from({ length: 10_000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('createUuidV7Generator', () => {
  it('encodes a known time exactly (2026-01-01T00:00:00.000Z)', () => {
    const t = Date.UTC(2026, 0, 1);
    const gen = createUuidV7Generator({ now: () => t, random: (n) => new Uint8Array(n) });
    const id = gen();
    expect(id).toBe(`${t.toString(16).padStart(12, '0').replace(/^(.{8})(.{4})$/, '$1-$2')}-7000-8000-000000000000`);
    expect(uuidV7Time(id)).toBe(t);
  });

  it('stays in order when the clock stands still for more than 4096 ids (the counter overflows into the time)', () => {
    const gen = createUuidV7Generator({ now: () => 1_000, random: (n) => new Uint8Array(n).fill(0xff) });
    const ids = Array.from({ length: 9_000 }, () => gen());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(uuidV7Time(ids.at(-1) ?? '')).toBeGreaterThan(1_000);
  });

  it('never goes back when the PC clock jumps back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 47 }), { minLength: 1, maxLength: 200 }), (times) => {
        let i = 0;
        const gen = createUuidV7Generator({ now: () => times[i++ % times.length] ?? 0 });
        const ids = times.map(() => gen());
        for (let k = 1; k < ids.length; k++) expect((ids[k] ?? '') > (ids[k - 1] ?? '')).toBe(true);
        expect(ids.every(isUuidV7)).toBe(true);
      }),
    );
  });
});

describe('isUuidV7 / uuidV7Time', () => {
  it.each([
    ['01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e0f', true],
    ['01943F0E-8C2A-7B1D-9E3F-5A6B7C8D9E0F', false], // upper case: one spelling only
    ['01943f0e-8c2a-4b1d-9e3f-5a6b7c8d9e0f', false], // version 4
    ['01943f0e-8c2a-7b1d-1e3f-5a6b7c8d9e0f', false], // wrong variant
    ['01943f0e8c2a7b1d9e3f5a6b7c8d9e0f', false],
    ['', false],
  ])('isUuidV7(%s) = %s', (s, expected) => {
    expect(isUuidV7(s)).toBe(expected);
  });

  it('rejects non-strings', () => {
    expect(isUuidV7(42)).toBe(false);
    expect(isUuidV7(null)).toBe(false);
  });

  it('throws a BugError when asked the time of something that is not a UUIDv7', () => {
    expect(() => uuidV7Time('nope')).toThrow(/not a UUIDv7/);
  });
});
