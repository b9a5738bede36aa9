/** The staged import and each of its refusals: typed, with a Chinese message, nothing half-done. */
import { describe, expect, it } from 'vitest';
import { canonicalBytes } from './canonical';
import { frameBundle } from './container';
import { decrypterFromSecretKey } from './crypto';
import type { BundleDecrypter } from './crypto';
import { decodeBundle, openBundle, readHeader, verifyBundle } from './decode';
import type { OpenOptions, SenderTrust } from './decode';
import { encodeBundle } from './encode';
import type { EncodeBundleInput } from './encode';
import { BUNDLE_ERROR_KINDS } from './errors';
import type { BundleError } from './errors';
import { keyFingerprint } from './keys';
import { joinNdjsonLines } from './ndjson';
import { manifestFor, sampleRecords, sampleUnitContent, sealTestPayload, testParty, unitBundleInput } from './testing/testkit';
import { encodeUtf8 } from './utf8';
import { writeZip } from './zip';
import { RECORD_SCHEMA_VERSION } from '../model/upgrade';

const unit = testParty('decode-unit');
const committee = testParty('decode-committee');
const stranger = testParty('decode-stranger');
const content = sampleUnitContent(unit.id, unit.deviceId, 40, 11, 2);

async function encode(overrides: Partial<EncodeBundleInput> = {}): Promise<Uint8Array> {
  const r = await encodeBundle(unitBundleInput(unit, committee, content, overrides), unit.signer);
  if (!r.ok) throw new Error(r.error.detail);
  return r.value.bytes;
}

async function refusal(
  bytes: Uint8Array,
  sender: SenderTrust | Uint8Array = unit.signing.publicKey,
  decrypter: BundleDecrypter = committee.decrypter,
  options: OpenOptions = { recipientId: committee.id, kind: 'unit-to-committee' },
): Promise<BundleError> {
  const r = await decodeBundle(bytes, sender, decrypter, options);
  if (r.ok) throw new Error('expected a refusal');
  expect(BUNDLE_ERROR_KINDS).toContain(r.error.kind);
  expect(r.error.message).toMatch(/\p{Script=Han}/u);
  return r.error;
}

function headerOf(bytes: Uint8Array): Record<string, unknown> {
  const r = readHeader(bytes);
  if (!r.ok) throw new Error(r.error.detail);
  return { ...r.value.claimedHeader };
}

describe('staged import', () => {
  it('reads, verifies and opens a bundle, with distinct stages', async () => {
    const bytes = await encode();
    const untrusted = readHeader(bytes);
    expect(untrusted.ok && untrusted.value.stage).toBe('untrusted');
    if (!untrusted.ok) return;
    expect(untrusted.value.claimedHeader.senderUnitId).toBe(unit.id);
    expect(untrusted.value.claimedSenderFingerprint).toBe(keyFingerprint(unit.signing.publicKey));
    const verified = verifyBundle(untrusted.value, { status: 'pinned', publicKey: unit.signing.publicKey });
    expect(verified.ok && verified.value.stage).toBe('verified');
    if (!verified.ok) return;
    const opened = await openBundle(verified.value, committee.decrypter, { recipientId: committee.id, kind: 'unit-to-committee' });
    expect(opened.ok && opened.value.stage).toBe('opened');
    if (!opened.ok) return;
    expect(opened.value.trust).toBe('pinned');
    expect(opened.value.counts.unit).toBe(1);
    expect(opened.value.attachments.size).toBe(2);
    expect(opened.value.manifest.tables.map((t) => t.table)).toEqual([...opened.value.manifest.tables.map((t) => t.table)].sort());
  });

  it('accepts an unpinned sender but says so (the user must confirm the fingerprint)', async () => {
    const r = await decodeBundle(await encode(), { status: 'unpinned' }, committee.decrypter);
    expect(r.ok && r.value.trust).toBe('unpinned');
    expect(r.ok && r.value.senderFingerprint).toBe(keyFingerprint(unit.signing.publicKey));
  });
});

describe('refusals', () => {
  it('not a bundle, truncated, trailing bytes, oversize', async () => {
    const bytes = await encode();
    expect((await refusal(encodeUtf8('PK\u0003\u0004 a zip, not a bundle'))).kind).toBe('not-a-bundle');
    expect((await refusal(bytes.subarray(0, 5))).kind).toBe('truncated');
    expect((await refusal(bytes.subarray(0, 300))).kind).toBe('truncated');
    const t = await refusal(bytes.subarray(0, bytes.length - 1));
    expect(t).toMatchObject({ kind: 'truncated', message: expect.stringContaining('文件不完整，请重新拷贝') });
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expect((await refusal(longer)).kind).toBe('corrupt-payload');
    const small = await decodeBundle(bytes, unit.signing.publicKey, committee.decrypter, {
      limits: { ...(await import('./limits')).BUNDLE_LIMITS, maxFileBytes: 1000 },
    });
    expect(!small.ok && small.error.kind).toBe('too-large');
  });

  it('bad signature: "签名无效，文件可能被篡改"', async () => {
    const bytes = (await encode()).slice();
    bytes[bytes.length - 100]! ^= 0x01;
    expect(await refusal(bytes)).toMatchObject({ kind: 'bad-signature', message: expect.stringContaining('签名无效，文件可能被篡改') });
  });

  it('unknown, revoked and changed sender keys', async () => {
    const bytes = await encode();
    expect((await refusal(bytes, { status: 'unknown' })).kind).toBe('unknown-sender');
    expect((await refusal(bytes, { status: 'revoked' })).kind).toBe('revoked-sender');
    const changed = await refusal(bytes, stranger.signing.publicKey);
    expect(changed.kind).toBe('sender-key-mismatch');
    expect(changed.message).toContain(keyFingerprint(unit.signing.publicKey));
    expect(changed.message).toContain(keyFingerprint(stranger.signing.publicKey));
  });

  it('a bundle re-signed by someone else under the same header key is refused', async () => {
    const bytes = await encode();
    const r = readHeader(bytes);
    if (!r.ok) throw new Error();
    const forged = frameBundle(r.value.headerBytes, await stranger.signer.sign(new Uint8Array(1)), r.value.payload);
    expect((await refusal(forged)).kind).toBe('bad-signature');
  });

  it('wrong recipient: another committee id, another key, the other direction', async () => {
    const bytes = await encode();
    expect(await refusal(bytes, unit.signing.publicKey, committee.decrypter, { recipientId: stranger.id })).toMatchObject({
      kind: 'wrong-recipient',
      message: expect.stringContaining('此同步包不是发给本单位的'),
    });
    expect((await refusal(bytes, unit.signing.publicKey, stranger.decrypter, {})).kind).toBe('wrong-recipient');
    expect((await refusal(bytes, unit.signing.publicKey, committee.decrypter, { kind: 'committee-to-unit' })).kind).toBe('wrong-recipient');
  });

  it('decrypt-failed when the key claims to be the recipient but is not', async () => {
    const impostor: BundleDecrypter = { publicKey: committee.decrypter.publicKey, deriveSharedSecret: stranger.decrypter.deriveSharedSecret };
    expect((await refusal(await encode(), unit.signing.publicKey, impostor)).kind).toBe('decrypt-failed');
    const throwing: BundleDecrypter = { publicKey: committee.decrypter.publicKey, deriveSharedSecret: () => Promise.reject(new Error('OperationError')) };
    expect((await refusal(await encode(), unit.signing.publicKey, throwing)).kind).toBe('decrypt-failed');
    const zero: BundleDecrypter = { publicKey: committee.decrypter.publicKey, deriveSharedSecret: () => Promise.resolve(new Uint8Array(32)) };
    expect((await refusal(await encode(), unit.signing.publicKey, zero)).kind).toBe('decrypt-failed');
  });

  it('a newer format or schema version asks to upgrade; a non-canonical or unknown header field is malformed', async () => {
    const bytes = await encode();
    const resign = async (header: Record<string, unknown>, canonical = true): Promise<Uint8Array> => {
      const r = readHeader(bytes);
      if (!r.ok) throw new Error();
      const headerBytes = canonical ? canonicalBytes(header) : encodeUtf8(JSON.stringify(header));
      const { signatureInput } = await import('./container');
      const { sha256Bytes } = await import('./crypto');
      return frameBundle(headerBytes, await unit.signer.sign(signatureInput(headerBytes, sha256Bytes(r.value.payload))), r.value.payload);
    };
    const h = headerOf(bytes);
    expect(await refusal(await resign({ ...h, version: 2, newField: 1.5 }, false))).toMatchObject({ kind: 'unsupported-version', message: expect.stringContaining('升级') });
    expect((await refusal(await resign({ ...h, schemaVersion: RECORD_SCHEMA_VERSION + 1 }))).kind).toBe('unsupported-version');
    expect((await refusal(await resign(h, false))).kind).toBe('malformed-header');
    expect((await refusal(await resign({ ...h, extra: 'x' }))).kind).toBe('malformed-header');
    expect((await refusal(await resign({ ...h, format: 'other' }))).kind).toBe('not-a-bundle');
    expect((await refusal(await resign({ ...h, sequence: 0 }))).kind).toBe('malformed-header');
    // The header is authenticated data of the AEAD: a validly re-signed header with another createdAt no longer decrypts.
    expect((await refusal(await resign({ ...h, createdAt: '2027-01-01T00:00:00.000Z' }))).kind).toBe('decrypt-failed');
  });
});

describe('payload refusals (signed and encrypted correctly, hostile inside)', () => {
  const bundleId = '019bc000-0000-7000-8000-00000000b001';
  const members = sampleRecords('member', 3, unit.id, unit.deviceId, 5);

  async function payloadRefusal(parts: { table: 'member' | 'card'; lines: string[]; count?: number }[], mutateManifest?: (m: Record<string, unknown>) => void): Promise<BundleError> {
    const built = parts.map((p) => ({ table: p.table, data: joinNdjsonLines(p.lines), count: p.count ?? p.lines.length }));
    const manifest = manifestFor(bundleId, built);
    mutateManifest?.(manifest);
    const zip = writeZip([
      { name: 'manifest.json', data: canonicalBytes(manifest), compress: true },
      ...built.map((p) => ({ name: `records/${p.table}.ndjson`, data: p.data, compress: true })),
    ]);
    return refusal(await sealTestPayload(unit, committee, zip));
  }
  const line = (r: unknown): string => JSON.stringify(r);

  it('accepts the well-formed control case', async () => {
    const built = [{ table: 'member' as const, data: joinNdjsonLines(members.map(line)), count: 3 }];
    const zip = writeZip([
      { name: 'manifest.json', data: canonicalBytes(manifestFor(bundleId, built)), compress: true },
      { name: 'records/member.ndjson', data: built[0]!.data, compress: true },
    ]);
    const r = await decodeBundle(await sealTestPayload(unit, committee, zip), unit.signing.publicKey, committee.decrypter);
    expect(r.ok && r.value.records.member).toEqual(members);
  });

  it('refuses __proto__ and constructor keys in records, and leaves Object.prototype alone', async () => {
    const proto = `{"__proto__":{"polluted":true},${line(members[0]).slice(1)}`;
    expect((await payloadRefusal([{ table: 'member', lines: [proto] }])).kind).toBe('invalid-record');
    const ctor = line({ ...members[0], postings: [{ constructor: { prototype: { polluted: true } } }] });
    expect((await payloadRefusal([{ table: 'member', lines: [ctor] }])).kind).toBe('invalid-record');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses duplicate ids, foreign units, committee-owned tables and invalid fields', async () => {
    expect(await payloadRefusal([{ table: 'member', lines: [line(members[0]), line(members[0])] }])).toMatchObject({
      kind: 'duplicate-record',
      message: expect.stringContaining('第2条党员记录'),
    });
    const other = { ...members[1], unitId: stranger.id };
    expect((await payloadRefusal([{ table: 'member', lines: [line(other)] }])).kind).toBe('foreign-record');
    const card = sampleRecords('card', 1, unit.id, unit.deviceId, 9);
    expect((await payloadRefusal([{ table: 'card', lines: card.map(line) }])).kind).toBe('foreign-record');
    const bad = await payloadRefusal([{ table: 'member', lines: [line({ ...members[2], idNumber: '123' })] }]);
    expect(bad).toMatchObject({ kind: 'invalid-record', message: expect.stringMatching(/第1条党员记录/) });
    expect(bad.detail).not.toContain('123');
  });

  it('refuses counts and hashes that disagree with the manifest, and parts it does not list', async () => {
    expect((await payloadRefusal([{ table: 'member', lines: members.map(line), count: 999_999 }])).kind).toBe('manifest-mismatch');
    expect((await payloadRefusal([{ table: 'member', lines: members.map(line), count: 1 }])).kind).toBe('manifest-mismatch');
    expect(
      (await payloadRefusal([{ table: 'member', lines: members.map(line) }], (m) => {
        (m.tables as { sha256: string }[])[0]!.sha256 = '0'.repeat(64);
      })).kind,
    ).toBe('manifest-mismatch');
    expect(
      (await payloadRefusal([{ table: 'member', lines: members.map(line) }], (m) => {
        m.bundleId = stranger.id;
      })).kind,
    ).toBe('manifest-mismatch');
    expect(
      (await payloadRefusal([{ table: 'member', lines: members.map(line) }], (m) => {
        m.tables = [];
        m.totalRecords = 0;
      })).kind,
    ).toBe('manifest-mismatch');
  });

  it('refuses a record line over the size limit before parsing it', async () => {
    // Varied text, so that the zip's compression-ratio check does not fire first.
    let seed = 1;
    const noise = Array.from({ length: 1024 * 1024 }, () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 26))).join('');
    const huge = line({ ...members[0], name: noise });
    expect(await payloadRefusal([{ table: 'member', lines: [huge] }])).toMatchObject({ kind: 'too-large', detail: expect.stringMatching(/line 1: line longer than/) });
  });

  it('the encoder refuses what the decoder would', async () => {
    const dup = await encodeBundle(unitBundleInput(unit, committee, { records: { member: [members[0]!, members[0]!] } }), unit.signer);
    expect(!dup.ok && dup.error.kind).toBe('duplicate-record');
    const foreign = await encodeBundle(unitBundleInput(unit, committee, { records: { card: sampleRecords('card', 1, unit.id, unit.deviceId, 3) } }), unit.signer);
    expect(!foreign.ok && foreign.error.kind).toBe('foreign-record');
    const invalid = await encodeBundle(unitBundleInput(unit, committee, { records: { member: [{ ...members[0]!, gender: 'x' } as never] } }), unit.signer);
    expect(!invalid.ok && invalid.error.kind).toBe('invalid-record');
  });

  it('the encoder stores a part that compresses beyond the reader\'s ratio limit, so its bundles stay readable', async () => {
    const { BUNDLE_LIMITS } = await import('./limits');
    const limits = { ...BUNDLE_LIMITS, ratioFloorBytes: 1000, maxCompressionRatio: 2 };
    const encoded = await encodeBundle(unitBundleInput(unit, committee, content), unit.signer, { limits });
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    const decoded = await decodeBundle(encoded.value.bytes, unit.signing.publicKey, committee.decrypter, { limits });
    expect(decoded.ok, decoded.ok ? '' : decoded.error.detail).toBe(true);
  });

  it('the committee private key opens only what was sent to it', async () => {
    const other = decrypterFromSecretKey(stranger.encryption.secretKey);
    expect((await refusal(await encode(), unit.signing.publicKey, other, {})).kind).toBe('wrong-recipient');
  });
});
