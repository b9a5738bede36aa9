import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, parseCanonical, tryCanonicalJson } from './canonical';
import { encodeUtf8 } from './utf8';

const bytes = (s: string): Uint8Array => encodeUtf8(s);

describe('canonical JSON', () => {
  it('sorts keys, writes no whitespace and integers in plain decimal', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: -0, y: -42 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":-42,"z":0}}');
    expect(canonicalJson({ B: 1, a: 2, _: 3, '10': 4, '9': 5 })).toBe('{"10":4,"9":5,"B":1,"_":3,"a":2}');
  });

  it('escapes strings like JSON.stringify (RFC 8785) and keeps non-ASCII as UTF-8', () => {
    expect(canonicalJson('机关"\\/\n\u0001\u2028')).toBe('"机关\\"\\\\/\\n\\u0001\u2028"');
    expect(bytes(canonicalJson('党'))).toEqual(new Uint8Array([0x22, 0xe5, 0x85, 0x9a, 0x22]));
  });

  it('has no form for floats, non-finite or unsafe numbers, undefined, lone surrogates or class instances', () => {
    for (const v of [1.5, Number.NaN, Infinity, 2 ** 53, undefined, '\ud800', { k: undefined }, new Date(0), [1n]]) {
      expect(tryCanonicalJson(v)).toBeNull();
    }
    expect(() => canonicalJson(0.1)).toThrow(/BugError|canonical/);
  });

  it('parses only its own exact bytes', () => {
    expect(parseCanonical(bytes('{"a":1,"b":[2]}'))).toEqual({ ok: true, value: { a: 1, b: [2] } });
    for (const text of ['{"b":1,"a":2}', '{"a": 1}', '{"a":1}\n', '{"a":1.0}', '{"a":1e2}', '{"a":-0}', '{"a":1,"a":1}', '{"a":"\\u0041"}', '\ufeff{}']) {
      expect(parseCanonical(bytes(text)).ok, text).toBe(false);
    }
  });

  it('refuses invalid UTF-8, prototype keys and deep nesting', () => {
    expect(parseCanonical(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))).toMatchObject({ ok: false, reason: 'not valid UTF-8' });
    expect(parseCanonical(bytes('{"__proto__":{"x":1}}'))).toMatchObject({ ok: false, reason: 'forbidden key "__proto__"' });
    expect(parseCanonical(bytes('{"a":{"constructor":1}}'))).toMatchObject({ ok: false });
    expect(parseCanonical(bytes(`${'['.repeat(20)}${']'.repeat(20)}`), 8)).toMatchObject({ ok: false });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('round-trips every JSON value of integers and strings', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.constant(null), fc.boolean(), fc.maxSafeInteger(), fc.string({ unit: 'grapheme' })),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string().filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const text = canonicalJson(v);
        const parsed = parseCanonical(bytes(text), 64);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(canonicalJson(parsed.value)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
