/**
 * The workspace's data key and how it is kept (docs/security.md): 32 random bytes made at setup,
 * stored only wrapped — by the OS keystore where it is a real one (Electron safeStorage: DPAPI on
 * Windows, the keyring on Linux), otherwise by the 开机口令 the user chose (scrypt + AES-256-GCM,
 * the sealed-secret format of docs/bundle-format.md §9, purpose "workspace-data-key"). The row is
 * local: never synced and never in a backup (a backup is sealed under its own passphrase, and a
 * restored PC gets a data key of its own).
 */
import { openWithPassphrase, sealWithPassphrase, type OpenOptions, type SealOptions } from '../../../shared/bundle/passphrase';
import type { BundleError } from '../../../shared/bundle/errors';
import { encodeUtf8 } from '../../../shared/bundle/utf8';
import { expectedError, fail, ok, type ExpectedError, type Result } from '../../../shared/errors/errors';
import { createFieldCipher, newDataKey, SealedFieldError } from '../../../shared/security/fieldCipher';
import type { PlatformBridge } from '../../../shared/platform';
import type { KeyringRow } from '../localTypes';

export const DATA_KEY_PURPOSE = 'workspace-data-key';
const CHECK_TEXT = 'taizhang data key';
const CHECK_CONTEXT = 'keyring.check';

export type KeyringError =
  | BundleError
  | ExpectedError<'keystore-unavailable' | 'keystore-refused' | 'wrong-data-key' | 'passphrase-mismatch'>;

/** How the user chose to keep the data key. */
export type DataKeyProtection = { readonly kind: 'os' } | { readonly kind: 'passphrase'; readonly passphrase: string };

/** A new data key and its keyring row, not yet written. The caller installs the key and writes the row with the workspace. */
export async function newKeyring(
  protection: DataKeyProtection,
  bridge: Pick<PlatformBridge, 'protectDataKey'>,
  now: Date,
  options: SealOptions = {},
): Promise<Result<{ dataKey: Uint8Array; row: KeyringRow }, KeyringError>> {
  const dataKey = newDataKey();
  const check = createFieldCipher(dataKey).seal(CHECK_TEXT, CHECK_CONTEXT);
  if (protection.kind === 'os') {
    const wrapped = await bridge.protectDataKey(dataKey);
    if (wrapped === null) return fail(expectedError('keystore-unavailable', '本机系统未提供密钥保管，请改为设置开机口令。'));
    return ok({ dataKey, row: { key: 'dataKey', protection: 'os', wrapped, check, createdAt: now.toISOString(), changedAt: null, fieldsSealed: true } });
  }
  const sealed = await sealWithPassphrase(dataKey, protection.passphrase, { ...options, purpose: DATA_KEY_PURPOSE });
  if (!sealed.ok) return sealed;
  return ok({ dataKey, row: { key: 'dataKey', protection: 'passphrase', wrapped: new TextDecoder().decode(sealed.value), check, createdAt: now.toISOString(), changedAt: null, fieldsSealed: true } });
}

function checked(row: KeyringRow, dataKey: Uint8Array): Result<Uint8Array, KeyringError> {
  try {
    if (createFieldCipher(dataKey).open(row.check, CHECK_CONTEXT) === CHECK_TEXT) return ok(dataKey);
  } catch (e) {
    if (!(e instanceof SealedFieldError)) throw e;
  }
  return fail(expectedError('wrong-data-key', '解开的数据密钥与本机台账不符，无法打开。请从备份文件恢复台账。'));
}

/** The data key from the 开机口令 (about a second of scrypt); 'wrong-passphrase' in words when it is not the one. */
export async function openKeyringWithPassphrase(row: KeyringRow, passphrase: string, options: OpenOptions = {}): Promise<Result<Uint8Array, KeyringError>> {
  const opened = await openWithPassphrase(encodeUtf8(row.wrapped), passphrase, options);
  if (!opened.ok) {
    if (opened.error.kind === 'wrong-passphrase') return fail({ ...opened.error, message: '开机口令不正确，请重新输入（注意大小写、全角半角和输入法）。' });
    return opened;
  }
  return checked(row, opened.value.secret);
}

/** The data key from the OS keystore (no question asked). */
export async function openKeyringWithKeystore(row: KeyringRow, bridge: Pick<PlatformBridge, 'unprotectDataKey'>): Promise<Result<Uint8Array, KeyringError>> {
  const dataKey = await bridge.unprotectDataKey(row.wrapped);
  if (dataKey === null) {
    return fail(expectedError('keystore-refused', '系统密钥保管无法解开本机台账的数据密钥（可能更换了系统用户或重装了系统）。请从备份文件恢复台账。'));
  }
  return checked(row, dataKey);
}

/** The same data key under a new 开机口令 (设置 → 修改开机口令): the old one must open it first. */
export async function rewrapWithPassphrase(
  row: KeyringRow,
  current: string,
  next: string,
  confirmation: string,
  now: Date,
  options: SealOptions = {},
): Promise<Result<KeyringRow, KeyringError>> {
  if (next !== confirmation) return fail(expectedError('passphrase-mismatch', '两次输入的新开机口令不一致，请重新输入。'));
  const opened = await openKeyringWithPassphrase(row, current, options.onProgress ? { onProgress: (f) => options.onProgress?.(f / 2) } : {});
  if (!opened.ok) return opened;
  const sealed = await sealWithPassphrase(opened.value, next, { ...options, purpose: DATA_KEY_PURPOSE, ...(options.onProgress ? { onProgress: (f: number) => options.onProgress?.(0.5 + f / 2) } : {}) });
  opened.value.fill(0);
  if (!sealed.ok) return sealed;
  return ok({ ...row, wrapped: new TextDecoder().decode(sealed.value), changedAt: now.toISOString() });
}
