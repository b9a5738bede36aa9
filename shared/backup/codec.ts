/**
 * Writing and reading a `.tzbak` file (docs/backup-format.md). Pure: the renderer hands over the
 * stores as portable rows and the files as bytes, and gets them back only after every check.
 *
 *   file    = MAGIC (8) ‖ header length (u32 big-endian) ‖ header (canonical JSON) ‖ payload
 *   header  = { cipher: {alg, nonce}, format, keySlot, payloadBytes, version }
 *   keySlot = a §9 sealed secret (docs/bundle-format.md; scrypt + AES-256-GCM, purpose
 *             "workspace-backup") holding a random 32-byte payload key
 *   payload = AES-256-GCM(payload key, nonce, zip, AAD = header bytes) ‖ tag
 *   zip     = manifest.json, stores/<name>.ndjson (one canonical row per line), blobs/<sha256>
 *
 * Opening treats the file as hostile: sizes bounded before the work they guard, the header and the
 * manifest schema-checked (zod), the passphrase checked by the key slot's tag, the payload by its
 * own tag, the zip read within bounds, every row parsed within bounds and checked (portable form,
 * primary key, unique; synced records against their record schema), every file against its SHA-256,
 * and finally the content's fingerprint against the manifest's.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BugError, fail, ok, type Result } from '../errors/errors';
import { canonicalBytes, parseCanonical } from '../bundle/canonical';
import { aeadDecrypt, aeadEncrypt, defaultRandom, NONCE_BYTES, type RandomSource } from '../bundle/crypto';
import { parseNdjson } from '../bundle/ndjson';
import { openWithPassphrase, sealWithPassphrase } from '../bundle/passphrase';
import { decodeUtf8, encodeUtf8 } from '../bundle/utf8';
import { readZipBounded, writeZip, type ZipEntryInput } from '../bundle/zip';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';
import { isRecordTable } from '../model/tables';
import { OLDEST_RECORD_SCHEMA_VERSION, RECORD_SCHEMA_VERSION, upgradeRecord } from '../model/upgrade';
import { validateRecord } from '../model/validate';
import {
  BACKUP_FORMAT,
  BACKUP_KEY_PURPOSE,
  BACKUP_LIMITS,
  BACKUP_MAGIC,
  BACKUP_MANIFEST_FORMAT,
  BACKUP_VERSION,
  BackupHeaderSchema,
  BackupManifestSchema,
  backupError,
  isStoreName,
  type BackupError,
  type BackupManifest,
} from './format';
import { contentFingerprint, isKeyValue, keyText, primaryKeyOf, sortedRows, type StoreRows } from './fingerprint';
import { blobTagsIn, canonicalText, fromPortable, isPlainObject, portableProblem, type PortableObject } from './portable';

export type BackupStage = 'scrypt' | 'encrypt' | 'decrypt' | 'verify';
export type BackupProgress = (stage: BackupStage, fraction: number) => void;

/** What the caller describes; the codec adds the counts and the fingerprint. */
export type BackupDescription = Pick<BackupManifest, 'appVersion' | 'databaseVersion' | 'recordSchemaVersion' | 'createdAt' | 'workspace' | 'device'>;

export interface BackupContent {
  readonly stores: readonly StoreRows[];
  /** Files by the lower-case hex SHA-256 of their bytes. */
  readonly blobs: ReadonlyMap<string, Uint8Array>;
}

export interface OpenedBackup extends BackupContent {
  readonly manifest: BackupManifest;
}

export interface SealBackupOptions {
  /** log2 of scrypt's N: 17 in the app; tests may use 15. */
  readonly logN?: number;
  readonly random?: RandomSource;
  readonly onProgress?: BackupProgress;
}

const PREFIX_BYTES = BACKUP_MAGIC.length + 4;
const MANIFEST_ENTRY = 'manifest.json';
const storeEntry = (name: string) => `stores/${name}.ndjson`;
const blobEntry = (sha: string) => `blobs/${sha}`;
const BLOB_ENTRY = /^blobs\/([0-9a-f]{64})$/;
const STORE_ENTRY = /^stores\/([A-Za-z][A-Za-z0-9_]{0,63})\.ndjson$/;
const KEY_BYTES = 32;

function u32be(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The manifest of `content` described by `description` (counts and fingerprint computed here). */
export function manifestOf(description: BackupDescription, content: BackupContent): BackupManifest {
  let bytes = 0;
  for (const b of content.blobs.values()) bytes += b.length;
  return {
    format: BACKUP_MANIFEST_FORMAT,
    version: BACKUP_VERSION,
    ...description,
    stores: Object.fromEntries(content.stores.map((s) => [s.name, { keyPath: typeof s.keyPath === 'string' ? s.keyPath : [...s.keyPath], rows: s.rows.length }])),
    blobs: { count: content.blobs.size, bytes },
    fingerprint: contentFingerprint(content.stores),
  };
}

/** Seal the content under `passphrase`: the bytes of the `.tzbak` file and its manifest. */
export async function sealBackup(
  description: BackupDescription,
  content: BackupContent,
  passphrase: string,
  options: SealBackupOptions = {},
): Promise<Result<{ bytes: Uint8Array; manifest: BackupManifest }, BackupError>> {
  const manifest = manifestOf(description, content);
  const checked = BackupManifestSchema.safeParse(manifest);
  if (!checked.success) throw new BugError(`sealBackup: manifest invalid at ${checked.error.issues[0]?.path.join('.')}`);
  for (const store of content.stores) if (!isStoreName(store.name)) throw new BugError(`sealBackup: store name ${store.name}`);

  const entries: ZipEntryInput[] = [{ name: MANIFEST_ENTRY, data: encodeUtf8(canonicalText(manifest)), compress: true }];
  for (const store of content.stores) {
    const lines: string[] = [];
    for (const row of sortedRows(store)) {
      const line = canonicalText(row);
      if (line.length > BACKUP_LIMITS.maxRowBytes / 3 && encodeUtf8(line).length > BACKUP_LIMITS.maxRowBytes) {
        return fail(backupError('backup-too-large', `a row of ${store.name} is over the row limit`, `“${store.name}”中有一行数据超过 ${BACKUP_LIMITS.maxRowBytes / 1024 / 1024} MB，无法备份。请联系技术支持。`));
      }
      lines.push(line);
    }
    entries.push({ name: storeEntry(store.name), data: encodeUtf8(lines.length === 0 ? '' : `${lines.join('\n')}\n`), compress: true });
  }
  for (const [sha, bytes] of content.blobs) entries.push({ name: blobEntry(sha), data: bytes, compress: false });

  const random = options.random ?? defaultRandom;
  const payloadKey = random(KEY_BYTES);
  try {
    const slot = await sealWithPassphrase(payloadKey, passphrase, {
      purpose: BACKUP_KEY_PURPOSE,
      random,
      ...(options.logN !== undefined ? { logN: options.logN } : {}),
      ...(options.onProgress ? { onProgress: (f: number) => options.onProgress?.('scrypt', f) } : {}),
    });
    if (!slot.ok) return fail(backupError('backup-weak-passphrase', slot.error.detail, slot.error.message));
    options.onProgress?.('encrypt', 0);
    const zip = writeZip(entries);
    const nonce = random(NONCE_BYTES);
    const header = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      keySlot: decodeUtf8(slot.value) ?? '',
      cipher: { alg: 'AES-256-GCM' as const, nonce: bytesToBase64(nonce) },
      payloadBytes: zip.length + 16,
    };
    const headerBytes = canonicalBytes(header);
    const sealed = aeadEncrypt(payloadKey, nonce, zip, headerBytes);
    const bytes = concat([BACKUP_MAGIC, u32be(headerBytes.length), headerBytes, sealed]);
    if (bytes.length > BACKUP_LIMITS.maxFileBytes) {
      return fail(backupError('backup-too-large', `file of ${bytes.length} bytes`, `台账数据（含附件）加密后超过 ${BACKUP_LIMITS.maxFileBytes / 1024 / 1024} MB，超出备份文件的上限，无法备份。请联系技术支持。`));
    }
    options.onProgress?.('encrypt', 1);
    return ok({ bytes, manifest });
  } finally {
    payloadKey.fill(0);
  }
}

/** The manifest's declared format version, when the bytes look like a newer backup (to say "upgrade"). */
function newerVersion(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  return typeof value.version === 'number' && value.version > BACKUP_VERSION;
}

/** Read the plain header: bounded, canonical, schema-checked. */
function readHeader(file: Uint8Array): Result<{ header: ReturnType<typeof BackupHeaderSchema.parse>; headerBytes: Uint8Array; payload: Uint8Array }, BackupError> {
  if (file.length > BACKUP_LIMITS.maxFileBytes) return fail(backupError('backup-too-large', `file of ${file.length} bytes`));
  if (file.length < PREFIX_BYTES || BACKUP_MAGIC.some((b, i) => file[i] !== b)) {
    // a file cut inside the magic is "not a backup" too: nothing says it was one
    return fail(backupError('not-a-backup', 'magic'));
  }
  const length = ((file[8] as number) << 24) | ((file[9] as number) << 16) | ((file[10] as number) << 8) | (file[11] as number);
  if (length <= 0 || length > BACKUP_LIMITS.maxHeaderBytes) return fail(backupError('not-a-backup', `header length ${length}`));
  if (PREFIX_BYTES + length > file.length) return fail(backupError('backup-truncated', 'file ends inside the header'));
  const headerBytes = file.subarray(PREFIX_BYTES, PREFIX_BYTES + length);
  const parsed = parseCanonical(headerBytes, 3);
  if (!parsed.ok) return fail(backupError('not-a-backup', `header: ${parsed.reason}`));
  const header = BackupHeaderSchema.safeParse(parsed.value);
  if (!header.success) {
    if (isPlainObject(parsed.value) && parsed.value.format === BACKUP_FORMAT && newerVersion(parsed.value)) {
      return fail(backupError('backup-newer-version', 'header version'));
    }
    return fail(backupError('not-a-backup', `header schema at ${header.error.issues[0]?.path.join('.')}`));
  }
  const payload = file.subarray(PREFIX_BYTES + length);
  if (payload.length < header.data.payloadBytes) return fail(backupError('backup-truncated', `payload ${payload.length} of ${header.data.payloadBytes} bytes`));
  if (payload.length > header.data.payloadBytes) return fail(backupError('backup-truncated', 'bytes after the payload'));
  return ok({ header: header.data, headerBytes, payload });
}

/** Open a `.tzbak` file: its content, verified in full, or why not (a Chinese message). Writes nothing anywhere. */
export async function openBackup(file: Uint8Array, passphrase: string, options: { onProgress?: BackupProgress } = {}): Promise<Result<OpenedBackup, BackupError>> {
  const read = readHeader(file);
  if (!read.ok) return read;
  const { header, headerBytes, payload } = read.value;
  const slot = await openWithPassphrase(encodeUtf8(header.keySlot), passphrase, options.onProgress ? { onProgress: (f) => options.onProgress?.('scrypt', f) } : {});
  if (!slot.ok) {
    if (slot.error.kind === 'wrong-passphrase') return fail(backupError('backup-wrong-passphrase', slot.error.detail));
    return fail(backupError('not-a-backup', `key slot: ${slot.error.detail}`));
  }
  const key = slot.value.secret;
  try {
    if (slot.value.purpose !== BACKUP_KEY_PURPOSE || key.length !== KEY_BYTES) return fail(backupError('not-a-backup', `key slot purpose ${slot.value.purpose}`));
    options.onProgress?.('decrypt', 0);
    let nonce: Uint8Array;
    try {
      nonce = base64ToBytes(header.cipher.nonce);
    } catch {
      return fail(backupError('not-a-backup', 'nonce'));
    }
    if (nonce.length !== NONCE_BYTES) return fail(backupError('not-a-backup', 'nonce length'));
    const zip = aeadDecrypt(key, nonce, payload, headerBytes);
    if (zip === null) return fail(backupError('backup-damaged', 'payload tag does not match'));
    options.onProgress?.('decrypt', 1);
    return readPayload(zip, options.onProgress);
  } finally {
    key.fill(0);
  }
}

function damaged(detail: string): { ok: false; error: BackupError } {
  return fail(backupError('backup-damaged', detail));
}

function readPayload(zip: Uint8Array, onProgress?: BackupProgress): Result<OpenedBackup, BackupError> {
  const files = readZipBounded(zip, {
    maxEntries: BACKUP_LIMITS.maxEntries,
    maxTotalUncompressedBytes: BACKUP_LIMITS.maxTotalUncompressedBytes,
    maxCompressionRatio: BACKUP_LIMITS.maxCompressionRatio,
    ratioFloorBytes: BACKUP_LIMITS.ratioFloorBytes,
    maxEntryBytes: (name) =>
      name === MANIFEST_ENTRY ? BACKUP_LIMITS.maxManifestBytes : STORE_ENTRY.test(name) ? BACKUP_LIMITS.maxStorePartBytes : BLOB_ENTRY.test(name) ? BACKUP_LIMITS.maxBlobBytes : 0,
  });
  if (!files.ok) return damaged(`zip: ${files.error.detail}`);
  const manifestBytes = files.value.get(MANIFEST_ENTRY);
  if (!manifestBytes) return damaged('no manifest');
  const manifestText = decodeUtf8(manifestBytes);
  let manifestValue: unknown;
  try {
    manifestValue = manifestText === null ? null : JSON.parse(manifestText);
  } catch {
    return damaged('manifest is not JSON');
  }
  if (newerVersion(manifestValue)) return fail(backupError('backup-newer-version', 'manifest version'));
  if (portableProblem(manifestValue) !== null) return damaged('manifest has forbidden content');
  const parsedManifest = BackupManifestSchema.safeParse(manifestValue);
  if (!parsedManifest.success) return damaged(`manifest schema at ${parsedManifest.error.issues[0]?.path.join('.')}`);
  const manifest = parsedManifest.data;
  if (manifest.recordSchemaVersion > RECORD_SCHEMA_VERSION) return fail(backupError('backup-newer-version', `record schema ${manifest.recordSchemaVersion}`));
  if (manifest.recordSchemaVersion < OLDEST_RECORD_SCHEMA_VERSION) return fail(backupError('backup-other-database-version', `record schema ${manifest.recordSchemaVersion}`));
  if (canonicalText(manifestValue as PortableObject) !== manifestText) return damaged('manifest is not canonical');
  const storeNames = Object.keys(manifest.stores);
  if (storeNames.length > BACKUP_LIMITS.maxStores) return damaged('too many stores');
  const totalRows = storeNames.reduce((s, n) => s + (manifest.stores[n]?.rows ?? 0), 0);
  if (totalRows > BACKUP_LIMITS.maxRows) return damaged('too many rows');

  // every entry is one the manifest accounts for
  const blobs = new Map<string, Uint8Array>();
  for (const [name, bytes] of files.value) {
    if (name === MANIFEST_ENTRY) continue;
    const store = STORE_ENTRY.exec(name);
    if (store) {
      if (!Object.hasOwn(manifest.stores, store[1] as string)) return damaged(`entry ${name} not in the manifest`);
      continue;
    }
    const blob = BLOB_ENTRY.exec(name);
    if (!blob) return damaged(`unknown entry ${name}`);
    if (bytesToHex(sha256(bytes)) !== blob[1]) return damaged(`a file does not match its SHA-256`);
    blobs.set(blob[1] as string, bytes);
  }
  if (blobs.size !== manifest.blobs.count) return damaged('file count differs from the manifest');

  const stores: StoreRows[] = [];
  const named = new Set<string>();
  let done = 0;
  for (const name of storeNames) {
    const declared = manifest.stores[name] as BackupManifest['stores'][string];
    const part = files.value.get(storeEntry(name)) ?? new Uint8Array(0);
    const lines = parseNdjson(part, { maxRecordBytes: BACKUP_LIMITS.maxRowBytes, maxJsonDepth: BACKUP_LIMITS.maxJsonDepth, maxLines: declared.rows });
    if (!lines.ok) return damaged(`store ${name} line ${lines.problem.line}: ${lines.problem.detail}`);
    if (lines.values.length !== declared.rows) return damaged(`store ${name}: ${lines.values.length} rows, manifest says ${declared.rows}`);
    const rows: PortableObject[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < lines.values.length; i += 1) {
      const value = lines.values[i];
      if (!isPlainObject(value)) return damaged(`store ${name} row ${i + 1} is not an object`);
      const problem = portableProblem(value);
      if (problem) return damaged(`store ${name} row ${i + 1}: ${problem}`);
      const row = value as PortableObject;
      if (!isKeyValue(primaryKeyOf(row, declared.keyPath))) return damaged(`store ${name} row ${i + 1}: no valid primary key`);
      const k = keyText(row, declared.keyPath);
      if (keys.has(k)) return damaged(`store ${name} row ${i + 1}: primary key repeated`);
      keys.add(k);
      for (const tag of blobTagsIn(row)) {
        const bytes = blobs.get(tag.sha256);
        if (!bytes || bytes.length !== tag.size) return damaged(`store ${name} row ${i + 1}: a file it names is missing`);
        named.add(tag.sha256);
      }
      if (isRecordTable(name)) {
        // checked as today's program will hold it: a record of an older schema is upgraded first (as a bundle's are)
        const checked = validateRecord(name, upgradeRecord(name, fromPortable(row, () => null), manifest.recordSchemaVersion));
        if (!checked.ok) return damaged(`store ${name} row ${i + 1}: record invalid at ${checked.error.path.join('.')}`);
      }
      rows.push(row);
    }
    stores.push({ name, keyPath: declared.keyPath, rows });
    done += 1;
    onProgress?.('verify', done / (storeNames.length + 1));
  }
  if (named.size !== blobs.size) return damaged('a file no row names');
  if (contentFingerprint(stores) !== manifest.fingerprint) return damaged('content fingerprint differs from the manifest');
  onProgress?.('verify', 1);
  return ok({ manifest, stores, blobs });
}
