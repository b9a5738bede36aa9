/**
 * A second reader of `.tzb` files, written from docs/bundle-format.md alone — node:crypto and
 * node:zlib, no code of shared/bundle — run over the spec bundles of test/fixtures/bundles/spec. It
 * must come to the same outcome as expected.json (and so as the reference reader) for every file:
 * if the document and the code disagree, one of the two tests fails. Record schemas (zod) are out of
 * its reach; of §7's record rules it checks the ones §14 spells out (tables, fields and values a
 * declared schemaVersion does not have).
 */
import { createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, hkdfSync, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(import.meta.dirname, '../fixtures/bundles/spec');
const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, { expect: string; openAs: string }>;
const keyFile = (name: string) => JSON.parse(readFileSync(path.join(DIR, name), 'utf8')) as { id: string; signingPublicKey: string; encryptionPublicKey: string; encryptionSecretKey: string };

class Refusal extends Error {}
const refuse = (kind: string): never => {
  throw new Refusal(kind);
};

// §3
function canonical(v: unknown): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isSafeInteger(v) ? String(v === 0 ? 0 : v) : '\u0000';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}
function depth(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  const kids = Array.isArray(v) ? v : Object.values(v as object);
  return 1 + Math.max(0, ...kids.map(depth));
}
function forbidden(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (!Array.isArray(v) && Object.keys(v).some((k) => ['__proto__', 'constructor', 'prototype'].includes(k))) return true;
  return (Array.isArray(v) ? v : Object.values(v as object)).some(forbidden);
}
function parseJson(bytes: Buffer, maxDepth: number, kind: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return refuse(kind);
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return refuse(kind);
  }
  if (forbidden(v) || depth(v) > maxDepth) refuse(kind);
  return v;
}

// §14, as the table says
const ADDED: Record<number, { tables: string[]; fields: Record<string, string[]>; values: Record<string, Record<string, string[]>>; nested?: Record<string, Record<string, string[]>> }> = {
  2: { tables: ['ruleProfile'], fields: { trainingClass: ['sessions'], enrolment: ['attendedSessionIds'], enrolledUnit: ['creditCode'] }, values: { attachment: { ownerTable: ['ruleProfile'] } } },
  3: {
    tables: ['noticeRead', 'dutyReview'],
    fields: { rectification: ['cardId'], card: ['evidence'], notice: ['batchId', 'dueOn'], member: ['education', 'note'] },
    values: { rectification: { source: ['card', 'dutyReview'] }, attachment: { ownerTable: ['noticeRead', 'dutyReview'] } },
  },
  4: { tables: [], fields: { fundLine: ['special'], expense: ['voucherNo'] }, values: {} },
  5: { tables: [], fields: {}, values: {}, nested: { dutyList: { items: ['status'] } } },
  6: { tables: [], fields: {}, values: { member: { idNumber: [''] } } },
  7: { tables: ['projectRating', 'cadreExchange'], fields: { publicity: ['level'], meeting: ['observers'], card: ['visitId'], supervisionVisit: ['guidanceScore'], secretaryProject: ['attachmentIds', 'problem', 'measures'] }, values: { meeting: { kind: ['democraticLifeMeeting'] }, attachment: { ownerTable: ['cadreExchange', 'projectRating'] } }, nested: { meeting: { attendance: ['appraisalGrade'] } } },
};
const V1_TABLES = 'unit organisation election committeeSeat member meeting attachment trainingClass enrolment secretaryProject dutyList rectification fundLine expense careVisit commendation publicity enrolledUnit card notice supervisionVisit assessment receipt'.split(' ');
const TABLES = [...V1_TABLES, ...Object.values(ADDED).flatMap((a) => a.tables)];

function read(file: Buffer, me: ReturnType<typeof keyFile>, openAs: string, senderKey: string): void {
  // §8, §2
  if (file.length > 256 * 1024 * 1024) refuse('too-large');
  const magic = Buffer.from('TZBUNDLE');
  if (!file.subarray(0, 8).equals(magic.subarray(0, Math.min(8, file.length)))) refuse('not-a-bundle');
  if (file.length < 12) refuse('truncated');
  const H = file.readUInt32BE(8);
  if (H === 0) refuse('malformed-header');
  if (H > 16384) refuse('too-large');
  if (file.length < 12 + H + 64 + 16) refuse('truncated');
  const headerBytes = file.subarray(12, 12 + H);
  // §4, steps 1–6
  const h = parseJson(headerBytes, 4, 'malformed-header') as Record<string, unknown>;
  if (h === null || typeof h !== 'object' || Array.isArray(h)) refuse('malformed-header');
  if (h.format !== 'taizhang-bundle') refuse('not-a-bundle');
  if (Number.isInteger(h.version) && (h.version as number) > 1) refuse('unsupported-version');
  if (Number.isInteger(h.schemaVersion) && (h.schemaVersion as number) > 7) refuse('unsupported-version');
  if (canonical(h) !== headerBytes.toString('utf8')) refuse('malformed-header');
  const members = 'bundleId changeRange createdAt encryption format kind payloadBytes recipientId recipientPublicKey ruleProfileVersion schemaVersion senderDeviceId senderPublicKey senderUnitId sequence snapshot version'.split(' ');
  if (Object.keys(h).join() !== members.join() || h.version !== 1 || !Number.isInteger(h.schemaVersion) || (h.schemaVersion as number) < 1) refuse('malformed-header');
  if (h.snapshot !== (h.changeRange === null) || h.senderUnitId === h.recipientId) refuse('malformed-header');
  const P = h.payloadBytes as number;
  const rest = file.length - 12 - H - 64;
  if (rest < P) refuse('truncated');
  if (rest > P) refuse('corrupt-payload');
  const signature = file.subarray(12 + H, 76 + H);
  const payload = file.subarray(76 + H);
  // §5.1, pinned key
  if (h.senderPublicKey !== senderKey) refuse('sender-key-mismatch');
  const spki = (raw: Buffer, prefix: string) => createPublicKey({ key: Buffer.concat([Buffer.from(prefix, 'hex'), raw]), format: 'der', type: 'spki' });
  const signed = Buffer.concat([Buffer.from('taizhang-bundle/v1 signature'), Buffer.from([0]), headerBytes, createHash('sha256').update(payload).digest()]);
  if (!verify(null, signed, spki(Buffer.from(senderKey, 'base64'), '302a300506032b6570032100'), signature)) refuse('bad-signature');
  // §10 step 3
  if (h.kind !== openAs || h.recipientId !== me.id || h.recipientPublicKey !== me.encryptionPublicKey) refuse('wrong-recipient');
  // §5.2
  const enc = h.encryption as { ephemeralPublicKey: string; nonce: string };
  const own = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), Buffer.from(me.encryptionSecretKey, 'base64')]), format: 'der', type: 'pkcs8' });
  const shared = diffieHellman({ privateKey: own, publicKey: spki(Buffer.from(enc.ephemeralPublicKey, 'base64'), '302a300506032b656e032100') });
  if (shared.every((b) => b === 0)) refuse('decrypt-failed');
  const salt = Buffer.concat([Buffer.from(enc.ephemeralPublicKey, 'base64'), Buffer.from(h.recipientPublicKey as string, 'base64')]);
  const key = Buffer.from(hkdfSync('sha256', shared, salt, Buffer.from('taizhang-bundle/v1 payload key'), 32));
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(enc.nonce, 'base64'));
  decipher.setAAD(headerBytes);
  decipher.setAuthTag(payload.subarray(P - 16));
  let zip: Buffer;
  try {
    zip = Buffer.concat([decipher.update(payload.subarray(0, P - 16)), decipher.final()]);
  } catch {
    return refuse('decrypt-failed');
  }
  // §7 zip subset, §8
  const eocd = zip.length - 22;
  if (eocd < 0 || zip.readUInt32LE(eocd) !== 0x06054b50) refuse('corrupt-payload');
  const count = zip.readUInt16LE(eocd + 10);
  if (count > 5100) refuse('too-large');
  const entries = new Map<string, Buffer>();
  let p = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) refuse('corrupt-payload');
    const method = zip.readUInt16LE(p + 10);
    const csize = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nlen = zip.readUInt16LE(p + 28);
    const name = zip.subarray(p + 46, p + 46 + nlen).toString('utf8');
    const local = zip.readUInt32LE(p + 42);
    if (entries.has(name) || name === '') refuse('corrupt-payload');
    const records = /^records\/([A-Za-z]+)\.ndjson$/.exec(name);
    const limit = name === 'manifest.json' ? 2 * 1024 * 1024 : /^attachments\/[0-9a-f]{64}$/.test(name) ? 32 * 1024 * 1024 : records && TABLES.includes(records[1] as string) ? 128 * 1024 * 1024 : refuse('unknown-entry');
    if (size > limit || (total += size) > 512 * 1024 * 1024 || (size > 1024 * 1024 && size > 200 * Math.max(csize, 1))) refuse('too-large');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + csize);
    entries.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    if ((entries.get(name) as Buffer).length !== size) refuse('corrupt-payload');
    p += 46 + nlen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  // §7 manifest
  const manifestBytes = entries.get('manifest.json') ?? refuse('corrupt-payload');
  const m = parseJson(manifestBytes, 6, 'corrupt-payload') as { tables: { table: string; count: number; bytes: number; sha256: string }[]; attachments: { sha256: string; bytes: number }[]; totalRecords: number; bundleId: string; changeRange: unknown };
  if (canonical(m) !== manifestBytes.toString('utf8')) refuse('corrupt-payload');
  const sum = m.tables.reduce((n, t) => n + t.count, 0);
  if (m.attachments.length > 5000 || Math.max(sum, m.totalRecords) > 1_000_000) refuse('too-large');
  const names = m.tables.map((t) => t.table);
  if (names.some((t, i) => i > 0 && (names[i - 1] as string) >= t) || m.tables.some((t) => !TABLES.includes(t.table) || t.count < 1)) refuse('corrupt-payload');
  if (sum !== m.totalRecords) refuse('manifest-mismatch');
  if (m.bundleId !== h.bundleId || canonical(m.changeRange) !== canonical(h.changeRange)) refuse('manifest-mismatch');
  const listed = new Set(['manifest.json', ...m.tables.map((t) => `records/${t.table}.ndjson`), ...m.attachments.map((a) => `attachments/${a.sha256}`)]);
  if ([...entries.keys()].some((n) => !listed.has(n)) || [...listed].some((n) => !entries.has(n))) refuse('manifest-mismatch');
  // §7 record rules 1–2 (§14)
  const declared = h.schemaVersion as number;
  const newer = Object.entries(ADDED).filter(([v]) => Number(v) > declared).map(([, a]) => a);
  if (m.tables.some((t) => newer.some((a) => a.tables.includes(t.table)))) refuse('invalid-record');
  for (const t of m.tables) {
    const data = entries.get(`records/${t.table}.ndjson`) as Buffer;
    if (data.length !== t.bytes || createHash('sha256').update(data).digest('hex') !== t.sha256) refuse('manifest-mismatch');
    if (data.length === 0 || data[data.length - 1] !== 0x0a) refuse('invalid-record');
    const lines = data.subarray(0, data.length - 1).toString('utf8').split('\n');
    if (lines.length > t.count) refuse('manifest-mismatch');
    const values = lines.map((l) => (l === '' ? refuse('invalid-record') : (parseJson(Buffer.from(l), 16, 'invalid-record') as Record<string, unknown>)));
    if (values.length !== t.count) refuse('manifest-mismatch');
    for (const r of values) {
      for (const a of newer) {
        if ((a.fields[t.table] ?? []).some((f) => Object.hasOwn(r, f))) refuse('invalid-record');
        if (Object.entries(a.values[t.table] ?? {}).some(([f, vs]) => vs.includes(r[f] as string))) refuse('invalid-record');
        const nestedIn = (f: string, subs: string[]) => Array.isArray(r[f]) && (r[f] as unknown[]).some((e) => typeof e === 'object' && e !== null && subs.some((sub) => Object.hasOwn(e, sub)));
        if (Object.entries(a.nested?.[t.table] ?? {}).some(([f, subs]) => nestedIn(f, subs))) refuse('invalid-record');
      }
    }
  }
}

describe('a reader written from docs/bundle-format.md alone agrees with expected.json', () => {
  const committee = keyFile('committee.private.json');
  const unit = keyFile('unit.private.json');
  for (const [name, spec] of Object.entries(expected)) {
    it(`${name}: ${spec.expect}`, () => {
      const me = spec.openAs === 'unit-to-committee' ? committee : unit;
      const sender = name === 'committee-to-unit.tzb' ? committee : unit;
      let outcome = 'accepted';
      try {
        read(readFileSync(path.join(DIR, name)), me, spec.openAs, sender.signingPublicKey);
      } catch (e) {
        if (!(e instanceof Refusal)) throw e;
        outcome = e.message;
      }
      expect(outcome).toBe(spec.expect);
    });
  }
});
