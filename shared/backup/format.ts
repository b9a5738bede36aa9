/**
 * The workspace backup file (`.tzbak`, docs/backup-format.md): its constants, size bounds, the
 * schemas of its plain header and of the manifest inside, and every refusal in Chinese.
 */
import { z } from 'zod';
import { expectedError, type ExpectedError } from '../errors/errors';
import { fileNamePart } from '../ipc/fileName';
import { MAX_IPC_FILE_BYTES } from '../ipc/contract';

export const BACKUP_EXTENSION = 'tzbak' as const;
export const BACKUP_FORMAT = 'taizhang-backup' as const;
export const BACKUP_MANIFEST_FORMAT = 'taizhang-backup-manifest' as const;
export const BACKUP_VERSION = 1 as const;
/** The purpose of the passphrase-sealed key slot (docs/bundle-format.md §9). */
export const BACKUP_KEY_PURPOSE = 'workspace-backup' as const;
/** "TZBAK" 0x00 0x01 "\n": the first 8 bytes of every backup file. */
export const BACKUP_MAGIC = new Uint8Array([0x54, 0x5a, 0x42, 0x41, 0x4b, 0x00, 0x01, 0x0a]);
/** The app asks for at least this many characters (the key backup's rule). */
export { KEY_BACKUP_MIN_PASSPHRASE_LENGTH as BACKUP_MIN_PASSPHRASE_LENGTH } from '../bundle/keyBackup';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Every bound of the reader, checked before the work it guards. */
export const BACKUP_LIMITS = Object.freeze({
  /** The whole file: what the platform bridge will read at all. */
  maxFileBytes: MAX_IPC_FILE_BYTES,
  maxHeaderBytes: 64 * KiB,
  /** Stores in the manifest. */
  maxStores: 100,
  /** Zip entries: the manifest, one part per store, one per file. */
  maxEntries: 60_000,
  maxManifestBytes: 1 * MiB,
  /** One `stores/<name>.ndjson`, uncompressed. */
  maxStorePartBytes: 512 * MiB,
  /** One `blobs/<sha256>`. */
  maxBlobBytes: 64 * MiB,
  maxBlobs: 50_000,
  /** Everything, uncompressed. */
  maxTotalUncompressedBytes: 1024 * MiB,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1 * MiB,
  /** One row (one NDJSON line). */
  maxRowBytes: 8 * MiB,
  maxRows: 5_000_000,
  /** Nesting of a row's JSON, tags included. */
  maxJsonDepth: 32,
});

const STORE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
export const isStoreName = (name: string): boolean => STORE_NAME.test(name);
const base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** The plain header: what is needed to open the rest, nothing about the workspace. */
export const BackupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** The §9 sealed-secret file (its text) holding the 32-byte payload key. */
  keySlot: z.string().min(1).max(4 * KiB),
  cipher: z.strictObject({ alg: z.literal('AES-256-GCM'), nonce: base64 }),
  payloadBytes: z.int().min(17).max(BACKUP_LIMITS.maxFileBytes),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

const StoreEntrySchema = z.strictObject({
  /** The primary key's path (every store of the app has an inbound key). */
  keyPath: z.union([z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/)).min(2).max(8)]),
  rows: z.int().min(0).max(BACKUP_LIMITS.maxRows),
});

export const BackupManifestSchema = z.strictObject({
  format: z.literal(BACKUP_MANIFEST_FORMAT),
  version: z.literal(BACKUP_VERSION),
  appVersion: z.string().min(1).max(40),
  /** Dexie's version of the database backed up: an older one is upgraded on restore, a newer one refused. */
  databaseVersion: z.int().min(1).max(10_000),
  /** The record schema of its synced records (shared/model/upgrade.ts): older records are upgraded before they are checked. */
  recordSchemaVersion: z.int().min(1).max(10_000),
  createdAt: z.iso.datetime(),
  workspace: z.strictObject({
    mode: z.enum(['unit', 'committee']),
    ownerId: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    creditCode: z.string().max(40).nullable(),
  }),
  /** The device that made the backup (informational; a restored PC gets its own identity). */
  device: z.strictObject({
    deviceId: z.string().min(1).max(64),
    signingPublicKey: base64.max(64),
    encryptionPublicKey: base64.max(64),
  }),
  stores: z.record(z.string().regex(STORE_NAME), StoreEntrySchema),
  blobs: z.strictObject({ count: z.int().min(0).max(BACKUP_LIMITS.maxBlobs), bytes: z.int().min(0).max(BACKUP_LIMITS.maxTotalUncompressedBytes) }),
  /** SHA-256 (hex) of the content's canonical form (fingerprint.ts). */
  fingerprint: hex64,
});
export type BackupManifest = z.infer<typeof BackupManifestSchema>;

export const BACKUP_ERROR_KINDS = [
  'backup-too-large',
  'not-a-backup',
  'backup-truncated',
  'backup-newer-version',
  'backup-wrong-passphrase',
  'backup-damaged',
  'backup-other-database-version',
  'backup-wrong-workspace',
  'backup-workspace-not-empty',
  'backup-weak-passphrase',
] as const;
export type BackupErrorKind = (typeof BACKUP_ERROR_KINDS)[number];
export interface BackupError extends ExpectedError<BackupErrorKind> {
  /** English, for logs and tests; never row contents. */
  readonly detail: string;
}

export const BACKUP_MESSAGES: Readonly<Record<BackupErrorKind, string>> = Object.freeze({
  'backup-too-large': `该文件超过 ${BACKUP_LIMITS.maxFileBytes / MiB} MB，不是本程序能恢复的台账备份。请确认选择的是“备份与恢复”保存的 .${BACKUP_EXTENSION} 文件。`,
  'not-a-backup': `该文件不是台账备份文件（.${BACKUP_EXTENSION}），或已损坏。请选择“设置 → 备份与恢复”保存的备份文件。`,
  'backup-truncated': '备份文件不完整（可能拷贝时被截断，或文件末尾被改动），不能恢复。请从U盘重新拷贝完整的备份文件，或换用另一份备份。',
  'backup-newer-version': '此备份由更新版本的程序生成，本程序无法读取。请将本程序升级到最新版本后再恢复。',
  'backup-wrong-passphrase': '口令不正确，或备份文件已被改动、损坏，无法打开备份。请检查口令（注意大小写、全角半角和输入法）后重试；仍不行请换用另一份备份文件。',
  'backup-damaged': '备份文件已损坏或被改动，内容与校验信息不符，不能恢复，本机数据没有任何改动。请换用另一份备份文件。',
  'backup-other-database-version': '此备份的数据库结构与本程序不一致，不能恢复。请使用生成该备份的程序版本或更新的版本恢复，或联系技术支持。',
  'backup-wrong-workspace': '此备份不能恢复到本机当前的工作台账。',
  'backup-workspace-not-empty': '本机台账中已有数据，不能恢复备份（恢复会覆盖现有数据）。只能恢复到刚完成初始设置、尚未录入任何数据的台账。',
  'backup-weak-passphrase': '备份口令不符合要求。',
});

export function backupError(kind: BackupErrorKind, detail: string, message: string = BACKUP_MESSAGES[kind]): BackupError {
  return { ...expectedError(kind, message), detail };
}

/** `台账备份_<名称>_<YYYY-MM-DD>.tzbak`, with the characters file systems refuse replaced. */
export function backupFileName(workspaceName: string, date: string): string {
  return `台账备份_${fileNamePart(workspaceName)}_${date}.${BACKUP_EXTENSION}`;
}
