/**
 * The committee's key backup (docs/bundle-format.md §9.1): the committee's two key pairs, its id
 * and name, as canonical JSON sealed under a passphrase (passphrase.ts, purpose
 * 'committee-key-backup'). The file on disk is the sealed-secret file of §9; the payload inside is
 *
 *   { "committeeId", "committeeName", "createdAt", "deviceId",
 *     "encryptionPublicKey", "encryptionSecretKey", "format": "taizhang-committee-keys",
 *     "signingPublicKey", "signingSecretKey", "version": 1 }
 *
 * Keys are raw 32-byte values in canonical base64 (the Ed25519 seed; the X25519 scalar as RFC 7748
 * defines it). Opening checks the size, the passphrase (AES-GCM tag), the purpose, the payload's
 * schema, and that each public key is the one its secret key gives.
 *
 * Pure: no DOM, no Node. The app turns the secret keys into non-extractable WebCrypto keys at once
 * (renderer/identity/committeeKeys.ts) and keeps only the sealed file.
 */
import { z } from 'zod';
import { isUuidV7 } from '../ids/uuidv7';
import { fail, ok, type Result } from '../errors/errors';
import { fileNamePart } from '../ipc/fileName';
import { canonicalBytes, parseCanonical } from './canonical';
import { bundleError, type BundleError } from './errors';
import { bytesEqual, encryptionPublicKeyOf, publicKeyFromBase64, publicKeyToBase64, signingPublicKeyOf, type KeyPair } from './keys';
import { PASSPHRASE_LIMITS } from './limits';
import { openWithPassphrase, sealWithPassphrase } from './passphrase';

export const KEY_BACKUP_PURPOSE = 'committee-key-backup' as const;
export const KEY_BACKUP_PAYLOAD_FORMAT = 'taizhang-committee-keys' as const;
export const KEY_BACKUP_EXTENSION = 'tzkey' as const;
/** The app asks for more than the format's minimum (8) when it makes a new backup. */
export const KEY_BACKUP_MIN_PASSPHRASE_LENGTH = 10;

/** What a backup holds: everything needed to be the same committee on another PC. */
export interface CommitteeKeyMaterial {
  readonly committeeId: string;
  readonly committeeName: string;
  /** The device that made the keys (informational; a restored PC gets a device id of its own). */
  readonly deviceId: string;
  readonly createdAt: string;
  readonly signing: KeyPair;
  readonly encryption: KeyPair;
}

const key = z.string().refine((s) => publicKeyFromBase64(s) !== null, { message: 'not a base64 32-byte key' });

const PayloadSchema = z.strictObject({
  format: z.literal(KEY_BACKUP_PAYLOAD_FORMAT),
  version: z.literal(1),
  committeeId: z.string().refine(isUuidV7, { message: 'not a UUIDv7' }),
  committeeName: z.string().min(2).max(60),
  deviceId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/),
  createdAt: z.iso.datetime(),
  signingPublicKey: key,
  signingSecretKey: key,
  encryptionPublicKey: key,
  encryptionSecretKey: key,
});

const MESSAGES = {
  tooLarge: `该文件超过 ${PASSPHRASE_LIMITS.maxFileBytes / 1024} KB，不是工委密钥备份文件。请选择保存密钥备份时生成的 .${KEY_BACKUP_EXTENSION} 文件。`,
  notBackup: `该文件不是工委密钥备份文件，或已损坏。请选择保存密钥备份时生成的 .${KEY_BACKUP_EXTENSION} 文件。`,
  wrongPassphrase: '口令不正确，或备份文件已被改动、损坏，无法打开密钥备份。请检查口令（注意大小写、全角半角和输入法）后重试；仍不行请换用另一份备份文件。',
  otherPurpose: '该文件是加密文件，但不是工委密钥备份。请选择保存密钥备份时生成的文件。',
  newerVersion: '此密钥备份由更新版本的程序生成，本程序无法读取。请将本程序升级到最新版本后再恢复。',
  inconsistent: '密钥备份中的公钥与私钥不一致，文件已损坏。请换用另一份备份文件。',
} as const;

/** The Chinese reason a new backup passphrase is not acceptable, or null when it is. */
export function newPassphraseProblem(passphrase: string, confirmation: string): string | null {
  const length = [...passphrase.normalize('NFC')].length;
  if (length === 0) return '请设置备份口令。';
  if (passphrase.trim() !== passphrase) return '口令的开头和结尾不能是空格（容易输错）。';
  if (length < KEY_BACKUP_MIN_PASSPHRASE_LENGTH) return `口令太短：至少 ${KEY_BACKUP_MIN_PASSPHRASE_LENGTH} 个字符，现在是 ${length} 个。`;
  if (length > PASSPHRASE_LIMITS.maxPassphraseLength) return `口令太长：最多 ${PASSPHRASE_LIMITS.maxPassphraseLength} 个字符。`;
  if (new Set(passphrase).size < 4) return '口令过于简单（重复的字符太多），请换一个。';
  if (passphrase !== confirmation) return '两次输入的口令不一致，请重新输入确认口令。';
  return null;
}

function payloadOf(material: CommitteeKeyMaterial) {
  return {
    format: KEY_BACKUP_PAYLOAD_FORMAT,
    version: 1 as const,
    committeeId: material.committeeId,
    committeeName: material.committeeName,
    deviceId: material.deviceId,
    createdAt: material.createdAt,
    signingPublicKey: publicKeyToBase64(material.signing.publicKey),
    signingSecretKey: publicKeyToBase64(material.signing.secretKey),
    encryptionPublicKey: publicKeyToBase64(material.encryption.publicKey),
    encryptionSecretKey: publicKeyToBase64(material.encryption.secretKey),
  };
}

export interface KeyBackupOptions {
  /** log2 of scrypt's N: always the default (17) in the app; tests may use 15. */
  readonly logN?: number;
  readonly onProgress?: (fraction: number) => void;
}

/** Seal the committee's keys under `passphrase`: the bytes of the backup file. */
export async function sealCommitteeKeyBackup(
  material: CommitteeKeyMaterial,
  passphrase: string,
  options: KeyBackupOptions = {},
): Promise<Result<Uint8Array, BundleError>> {
  const payload = PayloadSchema.safeParse(payloadOf(material));
  if (!payload.success) return fail(bundleError('not-a-key-backup', `backup payload invalid: ${payload.error.issues[0]?.path.join('.')}`, '工委信息不完整，无法生成密钥备份。'));
  const secret = canonicalBytes(payload.data);
  try {
    return await sealWithPassphrase(secret, passphrase, { purpose: KEY_BACKUP_PURPOSE, ...options });
  } finally {
    secret.fill(0);
  }
}

/** Open a backup file: the committee's key material, or why not (a Chinese message in `error.message`). */
export async function openCommitteeKeyBackup(
  fileBytes: Uint8Array,
  passphrase: string,
  options: Pick<KeyBackupOptions, 'onProgress'> = {},
): Promise<Result<CommitteeKeyMaterial, BundleError>> {
  if (fileBytes.length > PASSPHRASE_LIMITS.maxFileBytes) {
    return fail(bundleError('not-a-key-backup', `file of ${fileBytes.length} bytes`, MESSAGES.tooLarge));
  }
  const opened = await openWithPassphrase(fileBytes, passphrase, options);
  if (!opened.ok) {
    const message = opened.error.kind === 'wrong-passphrase' ? MESSAGES.wrongPassphrase : MESSAGES.notBackup;
    return fail(bundleError(opened.error.kind, opened.error.detail, message));
  }
  const { secret, purpose } = opened.value;
  try {
    if (purpose !== KEY_BACKUP_PURPOSE) return fail(bundleError('not-a-key-backup', `purpose ${purpose}`, MESSAGES.otherPurpose));
    const parsed = parseCanonical(secret, 2);
    if (!parsed.ok) return fail(bundleError('not-a-key-backup', `payload: ${parsed.reason}`, MESSAGES.notBackup));
    const version = (parsed.value as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > 1) return fail(bundleError('unsupported-version', `payload version ${version}`, MESSAGES.newerVersion));
    const payload = PayloadSchema.safeParse(parsed.value);
    if (!payload.success) {
      return fail(bundleError('not-a-key-backup', `payload schema: ${payload.error.issues[0]?.path.join('.')}`, MESSAGES.notBackup));
    }
    const d = payload.data;
    const raw = (s: string) => publicKeyFromBase64(s) as Uint8Array;
    const signing = { publicKey: raw(d.signingPublicKey), secretKey: raw(d.signingSecretKey) };
    const encryption = { publicKey: raw(d.encryptionPublicKey), secretKey: raw(d.encryptionSecretKey) };
    if (!bytesEqual(signingPublicKeyOf(signing.secretKey), signing.publicKey) || !bytesEqual(encryptionPublicKeyOf(encryption.secretKey), encryption.publicKey)) {
      signing.secretKey.fill(0);
      encryption.secretKey.fill(0);
      return fail(bundleError('not-a-key-backup', 'a public key is not the one its secret key gives', MESSAGES.inconsistent));
    }
    return ok({ committeeId: d.committeeId, committeeName: d.committeeName, deviceId: d.deviceId, createdAt: d.createdAt, signing, encryption });
  } finally {
    secret.fill(0);
  }
}

/** `工委密钥备份_<名称>_<YYYY-MM-DD>.tzkey`, with characters file systems refuse replaced. */
export function keyBackupFileName(committeeName: string, date: string): string {
  return `工委密钥备份_${fileNamePart(committeeName)}_${date}.${KEY_BACKUP_EXTENSION}`;
}
