/**
 * The import's hashing and decryption run on the platform's WebCrypto where there is one, on the
 * @noble code otherwise: the same bytes and the same refusals either way; and the NDJSON reader,
 * which decodes a part's text in one call, refuses in line order as reading line by line did.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { aeadDecrypt, aeadDecryptAsync, aeadEncrypt, sha256Async, sha256Bytes, useNobleCryptoOnly } from './crypto';
import { decodeBundle } from './decode';
import { encodeBundle } from './encode';
import { parseNdjson } from './ndjson';
import { sampleUnitContent, testParty, unitBundleInput } from './testing/testkit';

afterEach(() => useNobleCryptoOnly(false));

const enc = new TextEncoder();

describe('WebCrypto and @noble agree', () => {
  it('has WebCrypto in this Node (so both paths are exercised below)', () => {
    expect(typeof globalThis.crypto?.subtle?.digest).toBe('function');
  });

  it('SHA-256: the same digest, views with an offset included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.nat(16), async (bytes, skip) => {
        const view = bytes.subarray(Math.min(skip, bytes.length));
        const noble = sha256Bytes(view);
        expect(await sha256Async(view)).toEqual(noble);
        useNobleCryptoOnly(true);
        expect(await sha256Async(view)).toEqual(noble);
        useNobleCryptoOnly(false);
      }),
      { numRuns: 50 },
    );
  });

  it('AES-256-GCM: the same plaintext, and null for a wrong tag, key, nonce, AAD or a short input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        fc.uint8Array({ maxLength: 2000 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.nat(),
        async (key, nonce, plain, aad, flip) => {
          const sealed = aeadEncrypt(key, nonce, plain, aad);
          const tampered = sealed.slice();
          tampered[flip % tampered.length]! ^= 1;
          const cases: [Uint8Array, Uint8Array, Uint8Array, Uint8Array][] = [
            [key, nonce, sealed, aad],
            [key, nonce, tampered, aad],
            [key, nonce, sealed, enc.encode('other aad')],
            [key.subarray(1), nonce, sealed, aad],
            [key, nonce.subarray(1), sealed, aad],
            [key, nonce, sealed.subarray(0, 15), aad],
          ];
          for (const c of cases) {
            const noble = aeadDecrypt(...c);
            expect(await aeadDecryptAsync(...c)).toEqual(noble);
            useNobleCryptoOnly(true);
            expect(await aeadDecryptAsync(...c)).toEqual(noble);
            useNobleCryptoOnly(false);
          }
          expect(aeadDecrypt(key, nonce, sealed, aad)).toEqual(plain);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a whole bundle opens to the same records either way', async () => {
    const unit = testParty('webcrypto-unit');
    const committee = testParty('webcrypto-committee');
    const encoded = await encodeBundle(unitBundleInput(unit, committee, sampleUnitContent(unit.id, unit.deviceId, 60, 3, 2)), unit.signer);
    if (!encoded.ok) throw new Error(encoded.error.message);
    const open = () => decodeBundle(encoded.value.bytes, unit.signing.publicKey, committee.decrypter, { recipientId: committee.id, kind: 'unit-to-committee' });
    const native = await open();
    useNobleCryptoOnly(true);
    const noble = await open();
    expect(native.ok).toBe(true);
    expect(noble).toEqual(native);
  });
});

describe('NDJSON read in one decode', () => {
  const limits = { maxRecordBytes: 40, maxJsonDepth: 4, maxLines: 5 };
  const read = (text: string | Uint8Array) => parseNdjson(typeof text === 'string' ? enc.encode(text) : text, limits);

  it('reads lines as before', () => {
    expect(read('{"a":1}\n[2]\n"三"\n')).toEqual({ ok: true, values: [{ a: 1 }, [2], '三'] });
    expect(read('')).toEqual({ ok: true, values: [] });
  });

  it('refuses in line order: an earlier bad line before a later line too long, blank or unterminated', () => {
    expect(read(`{"a":1}\nnot json\n${'x'.repeat(60)}\n`)).toMatchObject({ ok: false, problem: { kind: 'invalid', line: 2 } });
    expect(read(`{"a":1}\n${'x'.repeat(60)}\nnot json\n`)).toMatchObject({ ok: false, problem: { kind: 'too-large', line: 2 } });
    expect(read('1\n\n2\n')).toMatchObject({ ok: false, problem: { kind: 'invalid', line: 2, detail: 'blank line' } });
    expect(read('1\n2')).toMatchObject({ ok: false, problem: { kind: 'invalid', line: 2, detail: 'last line has no terminating newline' } });
    expect(read('1\n2\n3\n4\n5\n6\n')).toMatchObject({ ok: false, problem: { kind: 'too-many-lines', line: 6 } });
    expect(read('1\n{"__proto__":1}\n1\n2\n3\n4\n')).toMatchObject({ ok: false, problem: { kind: 'invalid', line: 2 } });
  });

  it('names the line with invalid UTF-8, a sequence cut by a newline included', () => {
    const bytes = new Uint8Array([...enc.encode('"a"\n"'), 0xe4, 0x0a, ...enc.encode('"b"\n')]);
    expect(read(bytes)).toMatchObject({ ok: false, problem: { kind: 'invalid', line: 2, detail: 'not valid UTF-8' } });
    const third = new Uint8Array([...enc.encode('1\n2\n"'), 0xff, ...enc.encode('"\n')]);
    expect(read(third)).toMatchObject({ ok: false, problem: { kind: 'invalid', line: 3, detail: 'not valid UTF-8' } });
  });
});
