/**
 * Import, in stages whose results have different TYPES (DESIGN.md §10.4), so that nothing can act
 * on a claim before it has been checked:
 *
 *   readHeader(bytes)                      → UntrustedBundle   sizes, magic, header schema; nothing trusted
 *   verifyBundle(untrusted, sender)        → VerifiedBundle    sender key pinned/accepted, Ed25519 signature
 *                                                               over header ‖ SHA-256(payload)
 *   openBundle(verified, decrypter, opts)  → OpenedBundle      recipient, decrypt, bounded unzip,
 *                                                               manifest hashes, every record checked
 *
 * Nothing is decrypted or inflated before the signature is verified. Every refusal is a
 * `BundleError` value; these functions do not throw for any input (a throw is a bug).
 * The app then previews the OpenedBundle, the user confirms, and the app applies it in ONE
 * transaction and writes a receipt.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { base64ToBytes } from '../encoding/base64';
import { fail, ok } from '../errors/errors';
import type { Result } from '../errors/errors';
import type { RecordOf } from '../model/registry';
import { isRecordTable } from '../model/tables';
import type { RecordTable } from '../model/tables';
import { parseCanonical, tryCanonicalJson } from './canonical';
import { signatureInput, unframeBundle } from './container';
import { aeadDecryptAsync, derivePayloadKey, isAllZero, sha256Async, sha256Bytes, verifySignature } from './crypto';
import type { BundleDecrypter } from './crypto';
import { bundleError } from './errors';
import type { BundleError } from './errors';
import { BUNDLE_FORMAT, BUNDLE_SCHEMA_VERSION, BUNDLE_VERSION, BundleHeaderSchema } from './header';
import type { BundleHeader, BundleKind } from './header';
import { parseUntrustedJson } from './json';
import { bytesEqual, keyFingerprint, publicKeyFromBase64 } from './keys';
import { BUNDLE_LIMITS } from './limits';
import type { BundleLimits } from './limits';
import { attachmentPath, MANIFEST_PATH, ManifestShapeSchema, recordsPath } from './manifest';
import type { BundleManifest } from './manifest';
import { parseNdjson } from './ndjson';
import { checkRecord, duplicateError, duplicateTracker } from './records';
import { tableNewerThanDeclaredMessage, tableSince } from './schemaHistory';
import type { BundleRecords } from './records';
import { decodeUtf8 } from './utf8';
import { readZipBounded } from './zip';

declare const untrustedBrand: unique symbol;
declare const verifiedBrand: unique symbol;
declare const openedBrand: unique symbol;

/** A file that looks like a bundle. Its header is only a CLAIM: nothing in it is authenticated yet. */
export interface UntrustedBundle {
  readonly [untrustedBrand]: true;
  readonly stage: 'untrusted';
  /** What the file says about itself; use it only to look up the sender's key. */
  readonly claimedHeader: BundleHeader;
  /** Fingerprint of the key the header claims signed it (for the "confirm the first key" dialog). */
  readonly claimedSenderFingerprint: string;
  readonly headerBytes: Uint8Array;
  readonly signature: Uint8Array;
  readonly payload: Uint8Array;
}

/**
 * What the importer knows about the claimed sender (looked up by `claimedHeader.senderUnitId`):
 *   - pinned: its key was confirmed before (enrolment, earlier bundle) — the signature must be by it;
 *   - unpinned: expected (e.g. an invited unit) but no key confirmed yet — the header's own key is
 *     checked for a valid signature and the result says `trust: 'unpinned'`: the app must show the
 *     fingerprint and have the user confirm it (by phone) before applying, then pin it;
 *   - revoked / unknown: refused.
 */
export type SenderTrust =
  | { readonly status: 'pinned'; readonly publicKey: Uint8Array }
  | { readonly status: 'unpinned' }
  | { readonly status: 'revoked' }
  | { readonly status: 'unknown' };

/** A bundle whose header and payload are authentic (signed by the sender's key, unchanged). */
export interface VerifiedBundle {
  readonly [verifiedBrand]: true;
  readonly stage: 'verified';
  readonly header: BundleHeader;
  /** 'unpinned': signed by the key in the header, which nobody has confirmed yet. */
  readonly trust: 'pinned' | 'unpinned';
  readonly senderFingerprint: string;
  readonly headerBytes: Uint8Array;
  readonly payload: Uint8Array;
}

/** Records of one table as they came, in file order. */
export type OpenedRecords = BundleRecords;

/** A decrypted bundle whose every part matched the manifest and every record passed its checks. */
export interface OpenedBundle {
  readonly [openedBrand]: true;
  readonly stage: 'opened';
  readonly header: BundleHeader;
  readonly trust: 'pinned' | 'unpinned';
  readonly senderFingerprint: string;
  readonly manifest: BundleManifest;
  /** Checked records per table (tables without records are absent). */
  readonly records: OpenedRecords;
  /** Attachment files by lower-case hex SHA-256 (each verified). */
  readonly attachments: ReadonlyMap<string, Uint8Array>;
  /** Record count per table (only tables present), for the preview. */
  readonly counts: Readonly<Partial<Record<RecordTable, number>>>;
  readonly totalRecords: number;
}

export interface OpenOptions {
  /** The importer's own id (unit or committee): a bundle for anyone else is refused. */
  readonly recipientId?: string;
  /** The direction this side accepts: a committee imports 'unit-to-committee', a unit 'committee-to-unit'. */
  readonly kind?: BundleKind;
  readonly limits?: BundleLimits;
  /**
   * Progress of the record checks (the long part of a large bundle): called with (0, total) before
   * the first record, after every `RECORD_PROGRESS_STEP` records, and with (total, total) after the
   * last; `total` is the manifest's record count. When it returns a promise, the checks wait for it
   * (the app yields to the event loop there, so a progress bar can paint). Omitted: no calls, no waits.
   */
  readonly onRecordsChecked?: (done: number, total: number) => void | Promise<void>;
}

/** How many records are checked between two `onRecordsChecked` calls. */
export const RECORD_PROGRESS_STEP = 100;

const refuse = (kind: BundleError['kind'], detail: string, message?: string): { ok: false; error: BundleError } =>
  fail(bundleError(kind, detail, message));

// ── stage 1: read ───────────────────────────────────────────────────────────────────────────────

/** Read the frame and the header. Checks sizes, magic, version, canonical form and schema; trusts nothing. */
export function readHeader(bytes: Uint8Array, limits: BundleLimits = BUNDLE_LIMITS): Result<UntrustedBundle, BundleError> {
  const frame = unframeBundle(bytes, limits);
  if (!frame.ok) return frame;
  const { headerBytes, signature, payload } = frame.value;

  const text = decodeUtf8(headerBytes);
  if (text === null) return refuse('malformed-header', 'header is not valid UTF-8');
  const parsed = parseUntrustedJson(text, 4);
  if (!parsed.ok) return refuse('malformed-header', `header: ${parsed.reason}`);
  const raw = parsed.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return refuse('malformed-header', 'header is not a JSON object');
  const claims = raw as { format?: unknown; version?: unknown; schemaVersion?: unknown };
  if (claims.format !== BUNDLE_FORMAT) return refuse('not-a-bundle', 'header format is not "taizhang-bundle"');
  if (typeof claims.version === 'number' && Number.isInteger(claims.version) && claims.version > BUNDLE_VERSION) {
    return refuse(
      'unsupported-version',
      `format version ${claims.version}, this program reads ${BUNDLE_VERSION}`,
      `此同步包的格式版本（${claims.version}）高于本程序支持的版本（${BUNDLE_VERSION}），是由更新版本的程序生成的。请将本程序升级到最新版本后再导入。`,
    );
  }
  if (typeof claims.schemaVersion === 'number' && Number.isInteger(claims.schemaVersion) && claims.schemaVersion > BUNDLE_SCHEMA_VERSION) {
    return refuse(
      'unsupported-version',
      `schema version ${claims.schemaVersion}, this program reads ${BUNDLE_SCHEMA_VERSION}`,
      `此同步包的数据结构版本（${claims.schemaVersion}）高于本程序支持的版本（${BUNDLE_SCHEMA_VERSION}）。请将本程序升级到最新版本后再导入。`,
    );
  }
  if (tryCanonicalJson(raw) !== text) return refuse('malformed-header', 'header is not canonical JSON');
  const header = BundleHeaderSchema.safeParse(raw);
  if (!header.success) {
    const issue = header.error.issues[0];
    return refuse('malformed-header', `header ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`);
  }
  if (payload.length < header.data.payloadBytes) {
    return refuse('truncated', `payload is ${payload.length} bytes, header says ${header.data.payloadBytes}`);
  }
  if (payload.length > header.data.payloadBytes) {
    return refuse(
      'corrupt-payload',
      `${payload.length - header.data.payloadBytes} unexpected bytes after the payload`,
      '同步包文件末尾有多余的数据，文件可能被改动或拷贝出错。请重新拷贝；仍不行请向发送方重新索取。',
    );
  }
  const senderKey = publicKeyFromBase64(header.data.senderPublicKey);
  if (senderKey === null) return refuse('malformed-header', 'sender key not decodable');
  const untrusted = {
    stage: 'untrusted',
    claimedHeader: header.data,
    claimedSenderFingerprint: keyFingerprint(senderKey),
    headerBytes,
    signature,
    payload,
  };
  return ok(untrusted as unknown as UntrustedBundle);
}

// ── stage 2: verify ─────────────────────────────────────────────────────────────────────────────

/**
 * Check who sent it: the sender's key (pinned, or accepted as unpinned) and the Ed25519 signature
 * over context ‖ 0 ‖ header ‖ SHA-256(payload). `sender` may be a raw pinned public key.
 */
export function verifyBundle(untrusted: UntrustedBundle, sender: SenderTrust | Uint8Array): Result<VerifiedBundle, BundleError> {
  const checked = checkSender(untrusted, sender);
  if (!checked.ok) return checked;
  return verifyWithDigest(untrusted, checked.value, sha256Bytes(untrusted.payload));
}

/** `verifyBundle` with the payload hashed by the platform's WebCrypto where available: the same result. */
export async function verifyBundleAsync(untrusted: UntrustedBundle, sender: SenderTrust | Uint8Array): Promise<Result<VerifiedBundle, BundleError>> {
  const checked = checkSender(untrusted, sender);
  if (!checked.ok) return checked;
  return verifyWithDigest(untrusted, checked.value, await sha256Async(untrusted.payload));
}

/** The sender's key as trusted (pinned or unpinned), before anything is hashed. */
function checkSender(
  untrusted: UntrustedBundle,
  sender: SenderTrust | Uint8Array,
): Result<{ claimedKey: Uint8Array; status: 'pinned' | 'unpinned' }, BundleError> {
  const trustInfo: SenderTrust = sender instanceof Uint8Array ? { status: 'pinned', publicKey: sender } : sender;
  const header = untrusted.claimedHeader;
  const claimedKey = publicKeyFromBase64(header.senderPublicKey);
  if (claimedKey === null) return refuse('malformed-header', 'sender key not decodable');

  if (trustInfo.status === 'unknown') {
    return refuse('unknown-sender', `no key known for sender ${header.senderUnitId}`);
  }
  if (trustInfo.status === 'revoked') {
    return refuse('revoked-sender', `sender ${header.senderUnitId} is revoked`);
  }
  if (trustInfo.status === 'pinned' && !bytesEqual(trustInfo.publicKey, claimedKey)) {
    const pinned = keyFingerprint(trustInfo.publicKey);
    const claimed = keyFingerprint(claimedKey);
    return refuse(
      'sender-key-mismatch',
      `signed by key ${claimed}, pinned key is ${pinned}`,
      `此同步包的签名密钥（指纹 ${claimed}）与登记的密钥（指纹 ${pinned}）不一致，可能是他人伪造，也可能是对方重装了程序。请勿导入，并与发送方电话核对密钥指纹。`,
    );
  }
  return ok({ claimedKey, status: trustInfo.status });
}

function verifyWithDigest(untrusted: UntrustedBundle, sender: { claimedKey: Uint8Array; status: 'pinned' | 'unpinned' }, digest: Uint8Array): Result<VerifiedBundle, BundleError> {
  if (!verifySignature(untrusted.signature, signatureInput(untrusted.headerBytes, digest), sender.claimedKey)) {
    return refuse('bad-signature', 'Ed25519 signature does not verify');
  }
  const verified = {
    stage: 'verified',
    header: untrusted.claimedHeader,
    trust: sender.status,
    senderFingerprint: keyFingerprint(sender.claimedKey),
    headerBytes: untrusted.headerBytes,
    payload: untrusted.payload,
  };
  return ok(verified as unknown as VerifiedBundle);
}

// ── stage 3: open ───────────────────────────────────────────────────────────────────────────────

function checkRecipient(header: BundleHeader, decrypter: BundleDecrypter, options: OpenOptions): Result<void, BundleError> {
  if (options.kind !== undefined && header.kind !== options.kind) {
    return refuse(
      'wrong-recipient',
      `bundle kind ${header.kind}, this side imports ${options.kind}`,
      header.kind === 'unit-to-committee'
        ? '此同步包是单位报送工委的，不能在单位端导入。请确认选择了工委发来的同步包。'
        : '此同步包是工委发给单位的，不能在工委端导入。请确认选择了单位报送的同步包。',
    );
  }
  if (options.recipientId !== undefined && header.recipientId !== options.recipientId) {
    return refuse('wrong-recipient', `recipient ${header.recipientId}, this side is ${options.recipientId}`);
  }
  const recipientKey = publicKeyFromBase64(header.recipientPublicKey);
  if (recipientKey === null) return refuse('malformed-header', 'recipient key not decodable');
  if (!bytesEqual(recipientKey, decrypter.publicKey)) {
    return refuse(
      'wrong-recipient',
      `encrypted to key ${keyFingerprint(recipientKey)}, this side holds ${keyFingerprint(decrypter.publicKey)}`,
      `此同步包不是发给本单位的：它是用另一把密钥（指纹 ${keyFingerprint(recipientKey)}）加密的，本机的密钥指纹是 ${keyFingerprint(decrypter.publicKey)}。请确认选择了正确的文件；如本机重新生成过密钥，请让发送方更新后重新导出。`,
    );
  }
  return ok(undefined);
}

async function decryptPayload(verified: VerifiedBundle, decrypter: BundleDecrypter): Promise<Result<Uint8Array, BundleError>> {
  const { header } = verified;
  const ephemeral = base64ToBytes(header.encryption.ephemeralPublicKey);
  let shared: Uint8Array;
  try {
    shared = await decrypter.deriveSharedSecret(ephemeral);
  } catch (e) {
    return refuse('decrypt-failed', `key agreement refused: ${e instanceof Error ? e.name : 'error'}`);
  }
  if (shared.length !== 32 || isAllZero(shared)) return refuse('decrypt-failed', 'key agreement gave an unusable secret');
  const key = derivePayloadKey(shared, ephemeral, decrypter.publicKey);
  const plaintext = await aeadDecryptAsync(key, base64ToBytes(header.encryption.nonce), verified.payload, verified.headerBytes);
  key.fill(0);
  if (plaintext === null) return refuse('decrypt-failed', 'AES-GCM tag does not match');
  return ok(plaintext);
}

const RECORDS_ENTRY = /^records\/([A-Za-z]+)\.ndjson$/;
const ATTACHMENT_ENTRY = /^attachments\/[0-9a-f]{64}$/;

/** The size limit of an entry by its name (§7, §8); null for a name no bundle entry can have. */
function maxEntryBytesFor(limits: BundleLimits): (name: string) => number | null {
  return (name) => {
    if (name === MANIFEST_PATH) return limits.maxManifestBytes;
    if (ATTACHMENT_ENTRY.test(name)) return limits.maxAttachmentBytes;
    const table = RECORDS_ENTRY.exec(name)?.[1];
    return table !== undefined && isRecordTable(table) ? limits.maxRecordsPartBytes : null;
  };
}

/** The record and attachment counts a manifest declares, checked against the limits before its schema (§8). */
function manifestCountsTooLarge(raw: unknown, limits: BundleLimits): { ok: false; error: BundleError } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { attachments, tables, totalRecords } = raw as { attachments?: unknown; tables?: unknown; totalRecords?: unknown };
  if (Array.isArray(attachments) && attachments.length > limits.maxAttachments) {
    return refuse(
      'too-large',
      `manifest lists ${attachments.length} attachments, limit ${limits.maxAttachments}`,
      `同步包声明含有${attachments.length}个附件，超过了允许的${limits.maxAttachments}个。请发送方分批导出后重新发送。`,
    );
  }
  let declared = typeof totalRecords === 'number' ? totalRecords : 0;
  if (Array.isArray(tables)) {
    let sum = 0;
    for (const t of tables as unknown[]) {
      const count = typeof t === 'object' && t !== null ? (t as { count?: unknown }).count : undefined;
      if (typeof count === 'number') sum += count;
    }
    declared = Math.max(declared, sum);
  }
  if (declared > limits.maxRecords) {
    return refuse(
      'too-large',
      `manifest declares ${declared} records, limit ${limits.maxRecords}`,
      `同步包声明含有${declared}条记录，超过了允许的${limits.maxRecords}条。请发送方分批导出后重新发送。`,
    );
  }
  return null;
}

function readManifest(files: ReadonlyMap<string, Uint8Array>, header: BundleHeader, limits: BundleLimits): Result<BundleManifest, BundleError> {
  const bytes = files.get(MANIFEST_PATH);
  if (bytes === undefined) return refuse('corrupt-payload', 'manifest.json missing');
  const parsed = parseCanonical(bytes, 6);
  if (!parsed.ok) return refuse('corrupt-payload', `manifest.json: ${parsed.reason}`);
  const tooLarge = manifestCountsTooLarge(parsed.value, limits);
  if (tooLarge !== null) return tooLarge;
  const manifest = ManifestShapeSchema.safeParse(parsed.value);
  if (!manifest.success) {
    const issue = manifest.error.issues[0];
    return refuse('corrupt-payload', `manifest.json ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`);
  }
  const m = manifest.data;
  const sum = m.tables.reduce((n, t) => n + t.count, 0);
  if (sum !== m.totalRecords) {
    return refuse(
      'manifest-mismatch',
      `manifest totalRecords ${m.totalRecords}, its tables add up to ${sum}`,
      `同步包清单中的记录总数（${m.totalRecords}条）与各表条数之和（${sum}条）不符，文件不完整或被改动。请重新拷贝或向发送方重新索取。`,
    );
  }
  if (m.bundleId !== header.bundleId || tryCanonicalJson(m.changeRange) !== tryCanonicalJson(header.changeRange)) {
    return refuse('manifest-mismatch', 'manifest bundle id or change range differs from the header');
  }
  const expected = new Set<string>([MANIFEST_PATH, ...m.tables.map((t) => recordsPath(t.table)), ...m.attachments.map((a) => attachmentPath(a.sha256))]);
  for (const name of files.keys()) {
    if (!expected.has(name)) return refuse('manifest-mismatch', `entry not in the manifest: ${name.slice(0, 80)}`);
  }
  for (const name of expected) {
    if (!files.has(name)) return refuse('manifest-mismatch', `entry in the manifest but not in the zip: ${name}`);
  }
  return ok(m);
}

async function checkPart(name: string, data: Uint8Array, bytes: number, sha256: string): Promise<Result<void, BundleError>> {
  if (data.length !== bytes) return refuse('manifest-mismatch', `${name} is ${data.length} bytes, manifest says ${bytes}`);
  if (bytesToHex(await sha256Async(data)) !== sha256) return refuse('manifest-mismatch', `${name} SHA-256 differs from the manifest`);
  return ok(undefined);
}

/** Decrypt (after the recipient checks), unzip within limits, check the manifest and every record. */
export async function openBundle(
  verified: VerifiedBundle,
  decrypter: BundleDecrypter,
  options: OpenOptions = {},
): Promise<Result<OpenedBundle, BundleError>> {
  const limits = options.limits ?? BUNDLE_LIMITS;
  const { header } = verified;
  const recipient = checkRecipient(header, decrypter, options);
  if (!recipient.ok) return recipient;
  const plaintext = await decryptPayload(verified, decrypter);
  if (!plaintext.ok) return plaintext;

  const files = readZipBounded(plaintext.value, {
    maxEntries: limits.maxEntries,
    maxTotalUncompressedBytes: limits.maxTotalUncompressedBytes,
    maxCompressionRatio: limits.maxCompressionRatio,
    ratioFloorBytes: limits.ratioFloorBytes,
    maxEntryBytes: maxEntryBytesFor(limits),
  });
  if (!files.ok) return files;
  const manifest = readManifest(files.value, header, limits);
  if (!manifest.ok) return manifest;
  const m = manifest.value;

  const scope = { kind: header.kind, senderUnitId: header.senderUnitId, recipientId: header.recipientId, schemaVersion: header.schemaVersion };
  const seen = duplicateTracker();
  const records: { [T in RecordTable]?: RecordOf<T>[] } = {};
  const counts: Partial<Record<RecordTable, number>> = {};
  const attachmentSizes = new Map<string, Set<number>>();
  const report = options.onRecordsChecked;
  let checkedCount = 0;
  if (report) await report(0, m.totalRecords);
  for (const part of m.tables) {
    const since = tableSince(part.table);
    if (since > header.schemaVersion) {
      return refuse(
        'invalid-record',
        `table ${part.table} is from schema ${since}, the bundle declares ${header.schemaVersion}`,
        tableNewerThanDeclaredMessage(part.table, header.schemaVersion, since),
      );
    }
  }
  for (const part of m.tables) {
    const name = recordsPath(part.table);
    const data = files.value.get(name) as Uint8Array;
    const checked = await checkPart(name, data, part.bytes, part.sha256);
    if (!checked.ok) return checked;
    const lines = parseNdjson(data, { maxRecordBytes: limits.maxRecordBytes, maxJsonDepth: limits.maxJsonDepth, maxLines: part.count });
    if (!lines.ok) {
      const { problem } = lines;
      if (problem.kind === 'too-large') return refuse('too-large', `${name} line ${problem.line}: ${problem.detail}`);
      if (problem.kind === 'too-many-lines') return refuse('manifest-mismatch', `${name}: ${problem.detail}`);
      return refuse('invalid-record', `${name} line ${problem.line}: ${problem.detail}`);
    }
    if (lines.values.length !== part.count) {
      return refuse('manifest-mismatch', `${name} has ${lines.values.length} records, manifest says ${part.count}`);
    }
    const out: unknown[] = [];
    for (let i = 0; i < lines.values.length; i++) {
      const result = checkRecord(part.table, lines.values[i], scope, i + 1);
      if (!result.ok) return fail(result.error);
      const record = result.record as { id: string; sha256?: string; size?: number };
      if (!seen.add(part.table, record.id)) return fail(duplicateError(part.table, i + 1));
      if (part.table === 'attachment' && record.sha256 !== undefined && record.size !== undefined) {
        const sizes = attachmentSizes.get(record.sha256) ?? new Set<number>();
        sizes.add(record.size);
        attachmentSizes.set(record.sha256, sizes);
      }
      out.push(result.record);
      checkedCount += 1;
      if (report && checkedCount % RECORD_PROGRESS_STEP === 0 && checkedCount < m.totalRecords) await report(checkedCount, m.totalRecords);
    }
    (records as Record<RecordTable, unknown[]>)[part.table] = out;
    counts[part.table] = out.length;
  }

  if (report) await report(checkedCount, m.totalRecords);

  const attachments = new Map<string, Uint8Array>();
  for (const a of m.attachments) {
    const name = attachmentPath(a.sha256);
    const data = files.value.get(name) as Uint8Array;
    const checked = await checkPart(name, data, a.bytes, a.sha256);
    if (!checked.ok) return checked;
    if (!attachmentSizes.get(a.sha256)?.has(data.length)) {
      return refuse('manifest-mismatch', `${name} is not described by an attachment record of the same size`);
    }
    attachments.set(a.sha256, data);
  }

  const opened = {
    stage: 'opened',
    header,
    trust: verified.trust,
    senderFingerprint: verified.senderFingerprint,
    manifest: m,
    records,
    attachments,
    counts,
    totalRecords: m.totalRecords,
  };
  return ok(opened as unknown as OpenedBundle);
}

/** All three stages at once (CLI, tests). The app runs them one by one to look the sender up in between. */
export async function decodeBundle(
  bytes: Uint8Array,
  sender: SenderTrust | Uint8Array,
  decrypter: BundleDecrypter,
  options: OpenOptions = {},
): Promise<Result<OpenedBundle, BundleError>> {
  const untrusted = readHeader(bytes, options.limits);
  if (!untrusted.ok) return untrusted;
  const verified = await verifyBundleAsync(untrusted.value, sender);
  if (!verified.ok) return verified;
  return openBundle(verified.value, decrypter, options);
}
