/**
 * Test-only helpers for the bundle tests, the CLI tests and benchmarks: deterministic parties
 * (ids and keys), sample records from the model's arbitraries, seeded randomness. Nothing in the
 * app imports this file.
 */
import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { createUuidV7Generator } from '../../ids/uuidv7';
import { recordArbitrary } from '../../model/testing/arbitraries';
import type { RecordOf } from '../../model/registry';
import { RECORD_OWNER, RECORD_TABLES, recordOwner } from '../../model/tables';
import type { RecordTable } from '../../model/tables';
import { base64ToBytes, bytesToBase64 } from '../../encoding/base64';
import { canonicalBytes } from '../canonical';
import { frameBundle, signatureInput } from '../container';
import { aeadEncrypt, decrypterFromSecretKey, newEphemeralKey, NONCE_BYTES, PAYLOAD_ALG, sha256Bytes, signerFromSecretKey, TAG_BYTES } from '../crypto';
import type { BundleDecrypter, BundleSigner, RandomSource } from '../crypto';
import { sealPayload } from '../encode';
import type { EncodeBundleInput, SealHeaderFields } from '../encode';
import { BUNDLE_FORMAT, BUNDLE_SCHEMA_VERSION, BUNDLE_VERSION } from '../header';
import type { BundleHeader } from '../header';
import { joinNdjsonLines } from '../ndjson';
import { writeZip } from '../zip';
import { publicKeyToBase64 } from '../keys';
import type { KeyPair } from '../keys';
import type { BundleRecords } from '../records';

/** Deterministic bytes: SHA-256 in counter mode over `seed` (NOT for real keys). */
export function seededRandom(seed: string): RandomSource {
  let counter = 0;
  return (length) => {
    const out = new Uint8Array(length);
    for (let filled = 0; filled < length; filled += 32) {
      const block = sha256(concatBytes(utf8ToBytes(seed), utf8ToBytes(`#${counter++}`)));
      out.set(block.subarray(0, Math.min(32, length - filled)), filled);
    }
    return out;
  };
}

function keyPairs(seed: string): { signing: KeyPair; encryption: KeyPair } {
  const random = seededRandom(seed);
  const s = random(32);
  const e = random(32);
  return {
    signing: { secretKey: s, publicKey: ed25519.getPublicKey(s) },
    encryption: { secretKey: e, publicKey: x25519.getPublicKey(e) },
  };
}

export interface TestParty {
  readonly id: string;
  readonly deviceId: string;
  readonly signing: KeyPair;
  readonly encryption: KeyPair;
  readonly signer: BundleSigner;
  readonly decrypter: BundleDecrypter;
}

/** A unit or committee with deterministic ids and keys derived from `seed`. */
export function testParty(seed: string): TestParty {
  const random = seededRandom(`party:${seed}`);
  const ids = createUuidV7Generator({ now: () => Date.UTC(2026, 0, 15), random });
  const id = ids();
  const deviceId = ids();
  const { signing, encryption } = keyPairs(`keys:${seed}`);
  return {
    id,
    deviceId,
    signing,
    encryption,
    signer: signerFromSecretKey(signing.secretKey),
    decrypter: decrypterFromSecretKey(encryption.secretKey),
  };
}

/** Tables a unit sends (unit-owned); committee-organised training classes are filtered out. */
export const UNIT_TABLES: readonly RecordTable[] = RECORD_TABLES.filter((t) => RECORD_OWNER[t] === 'unit');
export const COMMITTEE_TABLES: readonly RecordTable[] = RECORD_TABLES.filter((t) => RECORD_OWNER[t] === 'committee');

/** `n` valid records of `table` belonging to `unitId`, made by `deviceId` (fast-check sample, seeded). */
export function sampleRecords<T extends RecordTable>(table: T, n: number, unitId: string, deviceId: string, seed: number): RecordOf<T>[] {
  if (n === 0) return [];
  // a record its table's owner writes (recordOwner): no 工委 training class, no notice's attachment
  const arb = recordArbitrary(table, { unitId, deviceId }).filter((r) => recordOwner(table, r as { organiser?: unknown; ownerTable?: unknown }) === RECORD_OWNER[table]);
  const out: RecordOf<T>[] = [];
  const ids = new Set<string>();
  for (const r of fc.sample(arb, { numRuns: n * 2 + 4, seed })) {
    if (table === 'unit' ? ids.size > 0 : ids.has(r.id)) continue;
    ids.add(r.id);
    out.push(r);
    if (out.length === n) break;
  }
  return out;
}

/** Records of several unit tables, roughly `total` in all, plus attachment files with matching records. */
export function sampleUnitContent(
  unitId: string,
  deviceId: string,
  total: number,
  seed: number,
  attachmentCount = 0,
): { records: BundleRecords; attachments: Uint8Array[] } {
  const tables = UNIT_TABLES.filter((t) => t !== 'unit' && t !== 'attachment');
  const per = Math.max(1, Math.floor(total / tables.length));
  const records: Record<string, unknown[]> = { unit: sampleRecords('unit', 1, unitId, deviceId, seed) };
  tables.forEach((t, i) => {
    records[t] = sampleRecords(t, per, unitId, deviceId, seed + i + 1);
  });
  const attachments: Uint8Array[] = [];
  const random = seededRandom(`attachments:${seed}`);
  const attachmentRecords = sampleRecords('attachment', attachmentCount, unitId, deviceId, seed + 100);
  records.attachment = attachmentRecords.map((r, i) => {
    const blob = random(200 + i * 37);
    attachments.push(blob);
    return { ...r, sha256: bytesToHex(sha256(blob)), size: blob.length };
  });
  return { records: records as BundleRecords, attachments };
}

/** A complete unit-to-committee encode input. */
export function unitBundleInput(
  unit: TestParty,
  committee: TestParty,
  content: { records: BundleRecords; attachments?: readonly Uint8Array[] },
  overrides: Partial<EncodeBundleInput> = {},
): EncodeBundleInput {
  return {
    kind: 'unit-to-committee',
    senderUnitId: unit.id,
    senderDeviceId: unit.deviceId,
    sequence: 1,
    recipientId: committee.id,
    recipientPublicKey: committee.encryption.publicKey,
    createdAt: '2026-01-15T08:00:00.000Z',
    ruleProfileVersion: 1,
    changeRange: null,
    records: content.records,
    attachments: content.attachments ?? [],
    ...overrides,
  };
}

/** Drop empty tables (the encoder leaves them out of the file). */
export function withoutEmptyTables(records: BundleRecords): BundleRecords {
  const out: Record<string, readonly unknown[]> = {};
  for (const [table, list] of Object.entries(records) as [string, readonly unknown[] | undefined][]) {
    if (list && list.length > 0) out[table] = list;
  }
  return out as BundleRecords;
}

// ── hostile payloads (fuzz and refusal tests) ─────────────────────────────────────────────────────

export interface RawZipEntry {
  readonly name: string;
  /** The bytes as stored in the zip (already deflated when method is 8). */
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  /** Declared uncompressed size (may lie). */
  readonly size: number;
  readonly flags?: number;
}

/** A zip written byte by byte, so tests can make every field lie. */
export function rawZip(entries: readonly RawZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8ToBytes(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, e.flags ?? 0, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, e.flags ?? 0, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const cd = concatBytes(...centrals);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cd.length, true);
  ev.setUint32(16, offset, true);
  return concatBytes(...locals, cd, eocd);
}

/** Seal any plaintext as a bundle from `unit` to `committee`, correctly signed and encrypted. */
export async function sealTestPayload(
  unit: TestParty,
  committee: TestParty,
  plaintext: Uint8Array,
  overrides: Partial<SealHeaderFields> = {},
): Promise<Uint8Array> {
  const fields: SealHeaderFields = {
    bundleId: overrides.bundleId ?? '019bc000-0000-7000-8000-00000000b001',
    kind: 'unit-to-committee',
    senderUnitId: unit.id,
    senderDeviceId: unit.deviceId,
    sequence: 1,
    recipientId: committee.id,
    recipientPublicKey: publicKeyToBase64(committee.encryption.publicKey),
    createdAt: '2026-01-15T08:00:00.000Z',
    ruleProfileVersion: 1,
    snapshot: true,
    changeRange: null,
    ...overrides,
  };
  return (await sealPayload(fields, plaintext, unit.signer, seededRandom(`seal:${plaintext.length}`))).bytes;
}

/** A manifest (as a plain object) describing the given record parts and attachments. */
export function manifestFor(
  bundleId: string,
  parts: readonly { table: RecordTable; data: Uint8Array; count: number }[],
  attachments: readonly Uint8Array[] = [],
): Record<string, unknown> {
  const tables = [...parts]
    .sort((a, b) => (a.table < b.table ? -1 : 1))
    .map((p) => ({ table: p.table, count: p.count, bytes: p.data.length, sha256: bytesToHex(sha256(p.data)) }));
  return {
    format: 'taizhang-bundle-manifest',
    version: 1,
    bundleId,
    changeRange: null,
    tables,
    attachments: attachments.map((a) => ({ sha256: bytesToHex(sha256(a)), bytes: a.length })).sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)),
    totalRecords: parts.reduce((n, p) => n + p.count, 0),
  };
}

/**
 * Seal a plaintext under a header of the test's choosing: any member may be overridden (e.g. an
 * older `schemaVersion`) or added (`extra`, e.g. padding), and the result is signed by `unit` and
 * encrypted to `committee` as usual. For refusal fixtures: nothing checks the header here.
 */
export async function sealWithHeader(
  sender: TestParty,
  recipient: TestParty,
  plaintext: Uint8Array,
  overrides: Partial<BundleHeader> & Record<string, unknown>,
  seed: string,
): Promise<Uint8Array> {
  const random = seededRandom(`sealWithHeader:${seed}`);
  const recipientPublicKey = typeof overrides.recipientPublicKey === 'string' ? base64ToBytes(overrides.recipientPublicKey) : recipient.encryption.publicKey;
  const ephemeral = newEphemeralKey(recipientPublicKey, random);
  const nonce = random(NONCE_BYTES);
  const header: Record<string, unknown> = {
    bundleId: '019bc000-0000-7000-8000-00000000b001',
    kind: 'unit-to-committee',
    senderUnitId: sender.id,
    senderDeviceId: sender.deviceId,
    sequence: 1,
    recipientId: recipient.id,
    recipientPublicKey: publicKeyToBase64(recipientPublicKey),
    createdAt: '2026-01-15T08:00:00.000Z',
    ruleProfileVersion: 1,
    snapshot: true,
    changeRange: null,
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    senderPublicKey: publicKeyToBase64(sender.signing.publicKey),
    payloadBytes: plaintext.length + TAG_BYTES,
    encryption: { alg: PAYLOAD_ALG, ephemeralPublicKey: bytesToBase64(ephemeral.publicKey), nonce: bytesToBase64(nonce) },
    ...overrides,
  };
  for (const key of Object.keys(header)) if (header[key] === undefined) delete header[key]; // an override of undefined removes the member
  const headerBytes = canonicalBytes(header);
  const payload = aeadEncrypt(ephemeral.payloadKey, nonce, plaintext, headerBytes);
  const signature = await sender.signer.sign(signatureInput(headerBytes, sha256Bytes(payload)));
  return frameBundle(headerBytes, signature, payload);
}

/** The plaintext zip of a bundle from record lines as given (not checked), with a matching manifest unless overridden. */
export function plainPayload(
  bundleId: string,
  parts: readonly { table: RecordTable; records: readonly unknown[]; /** the part's bytes as given instead of JSON.stringify lines */ bytes?: Uint8Array }[],
  options: {
    manifest?: Record<string, unknown>;
    editManifest?: (manifest: Record<string, unknown>) => Record<string, unknown>;
    extraEntries?: readonly { name: string; data: Uint8Array }[];
    changeRange?: unknown;
  } = {},
): Uint8Array {
  const data = parts.map((p) => ({ table: p.table, data: p.bytes ?? joinNdjsonLines(p.records.map((r) => JSON.stringify(r))), count: p.records.length }));
  const made = { ...manifestFor(bundleId, data), changeRange: options.changeRange ?? null, ...options.manifest };
  const manifest = options.editManifest ? options.editManifest(made) : made;
  return writeZip([
    { name: 'manifest.json', data: canonicalBytes(manifest), compress: true },
    ...data.map((p) => ({ name: `records/${p.table}.ndjson`, data: p.data, compress: true })),
    ...(options.extraEntries ?? []).map((e) => ({ ...e, compress: true })),
  ]);
}
