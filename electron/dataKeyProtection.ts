/**
 * The workspace's 32-byte data key protected by the OS keystore (datakey:protection,
 * datakey:protect, datakey:unprotect): Electron `safeStorage`, i.e. DPAPI on Windows and the
 * keyring (libsecret, KWallet) on Linux. Where the host has no real keystore the answer is “not
 * available” and the user protects the key with a 开机口令 instead.
 *
 * Pure: takes the safeStorage-like object and `process.platform`, so it is unit-tested without
 * Electron. safeStorage may be used only after app 'ready' (the IPC handlers run after it).
 */
import { ExpectedFailure, expectedError } from '../shared/errors/errors';
import { bytesToBase64, base64ToBytes } from '../shared/encoding/base64';
import { DATA_KEY_BYTES, MAX_WRAPPED_DATA_KEY_CHARS, dataKeySchema, wrappedDataKeySchema, type DataKeyProtection } from '../shared/ipc/contract';

/** The part of Electron's `safeStorage` used here. */
export interface KeystoreLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: which secret store backs the encryption. */
  getSelectedStorageBackend(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Linux backends that do not really protect anything: `basic_text` encrypts with a fixed key
 * hard-coded in Chromium (common on UOS/Kylin without a keyring); `unknown` means not initialised.
 */
const WEAK_LINUX_BACKENDS: readonly string[] = ['basic_text', 'unknown'];

export function dataKeyProtection(keystore: KeystoreLike, platform: NodeJS.Platform): DataKeyProtection {
  if (!keystore.isEncryptionAvailable()) {
    return { available: false, reason: '本机系统密钥保管暂不可用，请设置开机口令' };
  }
  if (platform === 'linux' && WEAK_LINUX_BACKENDS.includes(keystore.getSelectedStorageBackend())) {
    return { available: false, reason: '本机系统未提供密钥保管（钥匙环），请设置开机口令' };
  }
  return { available: true };
}

/** The data key wrapped by the keystore, as base64 of its ciphertext; `null` when the host cannot. */
export function protectDataKey(keystore: KeystoreLike, platform: NodeJS.Platform, dataKey: Uint8Array): string | null {
  // the contract has checked this already; checked again because a wrong key here would be lost for good
  if (!dataKeySchema.safeParse(dataKey).success) {
    throw new ExpectedFailure(expectedError('data-key-invalid', `数据密钥长度应为 ${DATA_KEY_BYTES} 字节，已拒绝保护。`));
  }
  if (!dataKeyProtection(keystore, platform).available) return null;
  // safeStorage encrypts strings: the key goes in as its base64
  const wrapped = Buffer.from(keystore.encryptString(bytesToBase64(dataKey))).toString('base64');
  // a ciphertext too long for unprotect to accept would never unwrap again
  return wrapped.length <= MAX_WRAPPED_DATA_KEY_CHARS ? wrapped : null;
}

/** The data key again from what `protectDataKey` returned; `null` when the keystore cannot unwrap it. */
export function unprotectDataKey(keystore: KeystoreLike, platform: NodeJS.Platform, wrapped: string): Uint8Array | null {
  if (!wrappedDataKeySchema.safeParse(wrapped).success) return null;
  if (!dataKeyProtection(keystore, platform).available) return null;
  let plain: string;
  try {
    plain = keystore.decryptString(Buffer.from(wrapped, 'base64'));
  } catch {
    // another Windows user or PC, a reset keyring, a damaged value
    return null;
  }
  let key: Uint8Array;
  try {
    key = base64ToBytes(plain);
  } catch {
    return null;
  }
  return key.byteLength === DATA_KEY_BYTES ? key : null;
}
