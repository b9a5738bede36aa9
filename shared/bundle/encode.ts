/**
 * Export: records per table and attachment files → the bytes of one `.tzb` file, signed by the
 * sender device and encrypted to the recipient (docs/bundle-format.md).
 *
 *   1. check every record (valid, owned by the sender's side, right unit, no repeated id);
 *   2. NDJSON per table, attachments by SHA-256, the manifest listing them all → zip;
 *   3. fresh ephemeral X25519 key and nonce → header (canonical JSON);
 *   4. AES-256-GCM(zip, AAD = header bytes) → payload;
 *   5. Ed25519 signature over context ‖ 0 ‖ header ‖ SHA-256(payload) → framed file.
 *
 * The encoder refuses (as ExpectedErrors) what the decoder would refuse; a malformed header input
 * (not a UUID, sequence 0, a key of the wrong length) is a bug in the caller and throws BugError.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';
import { BugError, fail, ok } from '../errors/errors';
import type { Result } from '../errors/errors';
import { newId } from '../ids/uuidv7';
import { RECORD_TABLE_LABELS, RECORD_TABLES } from '../model/tables';
import type { RecordTable } from '../model/tables';
import { canonicalBytes } from './canonical';
import { frameBundle, signatureInput } from './container';
import { aeadEncrypt, defaultRandom, newEphemeralKey, NONCE_BYTES, PAYLOAD_ALG, sha256Bytes, TAG_BYTES } from './crypto';
import type { BundleSigner, RandomSource } from './crypto';
import { bundleError } from './errors';
import type { BundleError } from './errors';
import { BUNDLE_FORMAT, BUNDLE_SCHEMA_VERSION, BUNDLE_VERSION, BundleHeaderSchema } from './header';
import type { BundleHeader, BundleKind, ChangeRange } from './header';
import { bytesEqual, PUBLIC_KEY_BYTES, publicKeyToBase64 } from './keys';
import { BUNDLE_LIMITS } from './limits';
import type { BundleLimits } from './limits';
import { attachmentPath, MANIFEST_FORMAT, MANIFEST_PATH, MANIFEST_VERSION, recordsPath } from './manifest';
import type { BundleManifest } from './manifest';
import { joinNdjsonLines, ndjsonLine } from './ndjson';
import { checkRecord, duplicateError, duplicateTracker } from './records';
import type { BundleRecords } from './records';
import { entriesOverRatio, writeZip } from './zip';
import type { ZipEntryInput } from './zip';

export interface EncodeBundleInput {
  readonly kind: BundleKind;
  /** The sending unit's id, or the committee's id. */
  readonly senderUnitId: string;
  readonly senderDeviceId: string;
  /** This sender's bundle number: 1 for the first, +1 for each next one. */
  readonly sequence: number;
  readonly recipientId: string;
  /** Raw X25519 public key of the recipient (32 bytes). */
  readonly recipientPublicKey: Uint8Array;
  /** IsoInstant, e.g. new Date().toISOString(). */
  readonly createdAt: string;
  readonly ruleProfileVersion: number;
  /** Change-log range of a delta bundle; null for a full snapshot. */
  readonly changeRange: ChangeRange | null;
  /** Records per table, in the order they should travel; empty tables are left out of the file. */
  readonly records: BundleRecords;
  /** Attachment file contents (each stored once, named by its SHA-256). Each must be described by an `attachment` record. */
  readonly attachments?: readonly Uint8Array[];
  /** Defaults to a new UUIDv7. */
  readonly bundleId?: string;
}

export interface EncodeOptions {
  /** Randomness for the ephemeral key and nonce (tests freeze fixtures with a seeded one). */
  readonly random?: RandomSource;
  readonly limits?: BundleLimits;
}

export interface EncodedBundle {
  readonly bytes: Uint8Array;
  readonly header: BundleHeader;
  readonly manifest: BundleManifest;
}

interface PlainPayload {
  readonly zip: Uint8Array;
  readonly manifest: BundleManifest;
}

/** Check the records and build the plaintext zip with its manifest. */
export function buildPayload(
  input: Pick<EncodeBundleInput, 'kind' | 'senderUnitId' | 'recipientId' | 'records' | 'attachments' | 'changeRange'>,
  bundleId: string,
  limits: BundleLimits = BUNDLE_LIMITS,
): Result<PlainPayload, BundleError> {
  const scope = { kind: input.kind, senderUnitId: input.senderUnitId, recipientId: input.recipientId, schemaVersion: BUNDLE_SCHEMA_VERSION };
  const seen = duplicateTracker();
  const attachmentSizes = new Map<string, Set<number>>();
  const tables: { table: RecordTable; data: Uint8Array; count: number }[] = [];
  let totalRecords = 0;
  let totalBytes = 0;

  for (const table of [...RECORD_TABLES].sort()) {
    const records: readonly unknown[] = input.records[table] ?? [];
    if (records.length === 0) continue;
    const lines: string[] = [];
    for (let i = 0; i < records.length; i++) {
      const result = checkRecord(table, records[i], scope, i + 1);
      if (!result.ok) return fail(result.error);
      const record = result.record as { id: string; sha256?: string; size?: number };
      if (!seen.add(table, record.id)) return fail(duplicateError(table, i + 1));
      if (table === 'attachment' && record.sha256 !== undefined && record.size !== undefined) {
        const sizes = attachmentSizes.get(record.sha256) ?? new Set<number>();
        sizes.add(record.size);
        attachmentSizes.set(record.sha256, sizes);
      }
      const line = ndjsonLine(result.record, limits.maxRecordBytes);
      if (line === null) {
        return fail(
          bundleError(
            'too-large',
            `${table} record ${i + 1} exceeds ${limits.maxRecordBytes} bytes`,
            `第${i + 1}条${RECORD_TABLE_LABELS[table]}记录的内容过长，超过了同步包允许的大小，请精简该记录（如会议纪要）后重新导出。`,
          ),
        );
      }
      lines.push(line);
    }
    const data = joinNdjsonLines(lines);
    if (data.length > limits.maxRecordsPartBytes) {
      return fail(bundleError('too-large', `${table} part is ${data.length} bytes`, '本次导出的数据量过大，超过了同步包允许的大小。请联系技术支持。'));
    }
    totalRecords += lines.length;
    totalBytes += data.length;
    tables.push({ table, data, count: lines.length });
  }
  if (totalRecords > limits.maxRecords) {
    return fail(bundleError('too-large', `${totalRecords} records, limit ${limits.maxRecords}`, '本次导出的记录条数过多，超过了同步包允许的数量。请联系技术支持。'));
  }

  const blobs = new Map<string, Uint8Array>();
  for (const blob of input.attachments ?? []) {
    const sha = bytesToHex(sha256Bytes(blob));
    const sizes = attachmentSizes.get(sha);
    if (!sizes) {
      throw new BugError('encodeBundle: an attachment file has no attachment record with its SHA-256 in this bundle');
    }
    if (!sizes.has(blob.length)) throw new BugError('encodeBundle: an attachment record states another size than its file');
    if (blob.length > limits.maxAttachmentBytes) {
      return fail(bundleError('too-large', `attachment of ${blob.length} bytes`, `有附件超过${Math.floor(limits.maxAttachmentBytes / 1048576)}MB，无法放入同步包。请压缩或拆分该附件后重新导出。`));
    }
    if (!blobs.has(sha)) {
      blobs.set(sha, blob);
      totalBytes += blob.length;
    }
  }
  if (blobs.size > limits.maxAttachments || totalBytes > limits.maxTotalUncompressedBytes - limits.maxManifestBytes) {
    return fail(bundleError('too-large', `${blobs.size} attachments, ${totalBytes} bytes`, '本次导出的附件过多或过大，超过了同步包允许的大小。请分批导出或压缩附件。'));
  }

  const attachments = [...blobs.keys()].sort().map((sha) => ({ sha256: sha, bytes: (blobs.get(sha) as Uint8Array).length }));
  const manifest: BundleManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    bundleId,
    changeRange: input.changeRange,
    tables: tables.map((t) => ({ table: t.table, count: t.count, bytes: t.data.length, sha256: bytesToHex(sha256Bytes(t.data)) })),
    attachments,
    totalRecords,
  };
  const entries: ZipEntryInput[] = [
    { name: MANIFEST_PATH, data: canonicalBytes(manifest), compress: true },
    ...tables.map((t) => ({ name: recordsPath(t.table), data: t.data, compress: true })),
    ...attachments.map((a) => ({ name: attachmentPath(a.sha256), data: blobs.get(a.sha256) as Uint8Array, compress: false })),
  ];
  const zip = writeZip(entries);
  // A part so repetitive that it compresses beyond the reader's ratio limit is stored instead.
  const overRatio = new Set(entriesOverRatio(zip, limits));
  if (overRatio.size === 0) return ok({ zip, manifest });
  return ok({ zip: writeZip(entries.map((e) => (overRatio.has(e.name) ? { ...e, compress: false } : e))), manifest });
}

/** Header fields of a bundle about to be sealed (everything but encryption and payload length). */
export type SealHeaderFields = Omit<BundleHeader, 'format' | 'version' | 'schemaVersion' | 'payloadBytes' | 'encryption' | 'senderPublicKey'>;

/**
 * Encrypt a plaintext payload to the recipient and sign it: the low-level step under
 * `encodeBundle`, exported for tests that seal hand-made (hostile) payloads.
 */
export async function sealPayload(
  fields: SealHeaderFields,
  plaintext: Uint8Array,
  signer: BundleSigner,
  random: RandomSource = defaultRandom,
): Promise<{ bytes: Uint8Array; header: BundleHeader }> {
  const recipientPublicKey = base64ToBytes(fields.recipientPublicKey);
  const ephemeral = newEphemeralKey(recipientPublicKey, random);
  const nonce = random(NONCE_BYTES);
  const header: BundleHeader = {
    ...fields,
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    senderPublicKey: publicKeyToBase64(signer.publicKey),
    payloadBytes: plaintext.length + TAG_BYTES,
    encryption: { alg: PAYLOAD_ALG, ephemeralPublicKey: bytesToBase64(ephemeral.publicKey), nonce: bytesToBase64(nonce) },
  };
  const headerBytes = canonicalBytes(header);
  const payload = aeadEncrypt(ephemeral.payloadKey, nonce, plaintext, headerBytes);
  ephemeral.payloadKey.fill(0);
  const signature = await signer.sign(signatureInput(headerBytes, sha256Bytes(payload)));
  return { bytes: frameBundle(headerBytes, signature, payload), header };
}

/** Encode, encrypt and sign one bundle. */
export async function encodeBundle(
  input: EncodeBundleInput,
  signer: BundleSigner,
  options: EncodeOptions = {},
): Promise<Result<EncodedBundle, BundleError>> {
  const limits = options.limits ?? BUNDLE_LIMITS;
  if (input.recipientPublicKey.length !== PUBLIC_KEY_BYTES) throw new BugError('encodeBundle: recipient key must be 32 raw bytes');
  if (bytesEqual(input.recipientPublicKey, signer.publicKey)) throw new BugError('encodeBundle: recipient key equals the signing key');
  const bundleId = input.bundleId ?? newId();
  const fields: SealHeaderFields = {
    bundleId,
    kind: input.kind,
    senderUnitId: input.senderUnitId,
    senderDeviceId: input.senderDeviceId,
    sequence: input.sequence,
    recipientId: input.recipientId,
    recipientPublicKey: publicKeyToBase64(input.recipientPublicKey),
    createdAt: input.createdAt,
    ruleProfileVersion: input.ruleProfileVersion,
    snapshot: input.changeRange === null,
    changeRange: input.changeRange === null ? null : { fromSeq: input.changeRange.fromSeq, toSeq: input.changeRange.toSeq },
  };
  // Check the header fields before doing any work; a wrong one is the caller's bug.
  const probe = BundleHeaderSchema.safeParse({
    ...fields,
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    senderPublicKey: publicKeyToBase64(signer.publicKey),
    payloadBytes: TAG_BYTES,
    encryption: { alg: PAYLOAD_ALG, ephemeralPublicKey: publicKeyToBase64(input.recipientPublicKey), nonce: 'AAAAAAAAAAAAAAAA' },
  });
  if (!probe.success) {
    throw new BugError(`encodeBundle: bad header input: ${probe.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }

  const payload = buildPayload(input, bundleId, limits);
  if (!payload.ok) return payload;
  if (payload.value.zip.length + TAG_BYTES + limits.maxHeaderBytes + 76 > limits.maxFileBytes) {
    return fail(bundleError('too-large', `payload of ${payload.value.zip.length} bytes`, '本次导出的数据量过大，超过了同步包允许的大小。请分批导出或压缩附件。'));
  }
  const sealed = await sealPayload(fields, payload.value.zip, signer, options.random ?? defaultRandom);
  return ok({ bytes: sealed.bytes, header: sealed.header, manifest: payload.value.manifest });
}

