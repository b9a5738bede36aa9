/**
 * The unlocked data key of this window, held in memory only (docs/security.md). The database's
 * field-encryption middleware seals and opens through it; until the user unlocks (开机口令 or the
 * OS keystore) nothing sensitive can be written, and what is read stays sealed.
 *
 * Also the device's secret keys, imported from their sealed bytes at unlock as non-extractable
 * WebCrypto keys: they exist as CryptoKeys in this window's memory and nowhere on disk.
 */
import { BugError } from '../../shared/errors/errors';
import { createFieldCipher, type FieldCipher } from '../../shared/security/fieldCipher';

export interface UnlockedDeviceKeys {
  readonly signingPrivateKey: CryptoKey;
  readonly encryptionPrivateKey: CryptoKey;
}

let cipher: FieldCipher | null = null;
const deviceKeys = new Map<string, UnlockedDeviceKeys>();

/** The cipher of the unlocked data key, or null while locked. */
export function unlockedFieldCipher(): FieldCipher | null {
  return cipher;
}

/** The cipher, for code that runs only after unlock (a write of a new member, a look-up). */
export function requireFieldCipher(): FieldCipher {
  if (!cipher) throw new BugError('the data key is locked: unlock before reading or writing sealed fields');
  return cipher;
}

/** Holds `dataKey` for this window (the bytes are copied into the derived keys; the caller may wipe its copy). */
export function unlockDataKey(dataKey: Uint8Array): FieldCipher {
  cipher = createFieldCipher(dataKey);
  return cipher;
}

/** Forgets the data key and the device keys (tests; a future 锁定 button). */
export function lockDataKey(): void {
  cipher = null;
  deviceKeys.clear();
}

export function rememberDeviceKeys(deviceId: string, keys: UnlockedDeviceKeys): void {
  deviceKeys.set(deviceId, keys);
}

export function unlockedDeviceKeys(deviceId: string): UnlockedDeviceKeys | undefined {
  return deviceKeys.get(deviceId);
}

/** The context a member's ID number is looked up under. */
const ID_NUMBER_CONTEXT = 'member.idNumber';

/** The ID number as it is compared: trimmed, x in upper case. */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

/** The keyed look-up of an ID number, the value of the member store's `idLookup` index. */
export function idNumberLookup(idNumber: string, using: FieldCipher = requireFieldCipher()): string {
  return using.lookup(normalizeIdNumber(idNumber), ID_NUMBER_CONTEXT);
}
