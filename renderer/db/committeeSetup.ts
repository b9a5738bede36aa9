/**
 * Setting up the committee (工委) with a key backup, and restoring it from one
 * (docs/bundle-format.md §9.1).
 *
 *   - `setUpCommittee`: fresh key pairs as raw bytes → sealed under the user's passphrase (scrypt,
 *     about a second) → imported as non-extractable WebCrypto keys → the bytes are wiped. The
 *     sealed file is stored with the device row (it is encrypted; the passphrase is not stored),
 *     and the app asks the user to save a copy before anything else (`lastSavedAt` null).
 *   - `restoreCommittee`: a backup file and its passphrase → the SAME committee id, name and keys
 *     (non-extractable again), so units' bundles still decrypt and the committee's signatures
 *     still verify. The PC gets a device id of its own (two devices never share one, even if the
 *     old PC comes back). Only the keys come back: no records are in a key backup.
 *   - `markKeyBackupSaved` / `keyBackupCopy`: another copy of the same sealed file at any time.
 */
import { keyBackupFileName, newPassphraseProblem, openCommitteeKeyBackup, sealCommitteeKeyBackup, type CommitteeKeyMaterial, type KeyBackupOptions } from '../../shared/bundle/keyBackup';
import type { BundleError } from '../../shared/bundle/errors';
import { publicKeyToBase64 } from '../../shared/bundle/keys';
import { expectedError, fail, type ExpectedError, type Result } from '../../shared/errors/errors';
import { localIsoDate } from '../../shared/clock/localDate';
import { newId } from '../../shared/ids/uuidv7';
import { committeeSetupSchema } from '../../shared/setup/setupInput';
import { importCommitteeKeys, newCommitteeKeyPairs, wipeSecretKeys } from '../identity/committeeKeys';
import type { TaizhangDb } from './db';
import { rememberDeviceKeys, requireFieldCipher } from '../identity/dataKeySession';
import { sealDeviceKeys } from '../identity/deviceSecrets';
import type { DeviceRow, KeyBackupState, WorkspaceRow } from './localTypes';
import { ALREADY_SET_UP_MESSAGE, completeSetup, type SetupError } from './workspaceRepository';

export type CommitteeSetupError = SetupError | ExpectedError<'passphrase'> | BundleError;

export interface CommitteeSetupInput {
  readonly name: string;
  readonly operatorName?: string;
  readonly passphrase: string;
  readonly passphraseConfirmation: string;
}

/** The committee's device row: its keys sealed under the data key, and the imported ones kept for this window. */
function deviceRow(material: CommitteeKeyMaterial, deviceId: string, keys: { signingPrivateKey: CryptoKey; encryptionPrivateKey: CryptoKey }, keyBackup: KeyBackupState, now: Date): DeviceRow {
  rememberDeviceKeys(deviceId, keys);
  return {
    key: 'device',
    deviceId,
    signingPublicKey: publicKeyToBase64(material.signing.publicKey),
    signingPrivateKey: keys.signingPrivateKey,
    encryptionPublicKey: publicKeyToBase64(material.encryption.publicKey),
    encryptionPrivateKey: keys.encryptionPrivateKey,
    sealedKeys: sealDeviceKeys(requireFieldCipher(), material),
    createdAt: now.toISOString(),
    lastRev: null,
    keyBackup,
  };
}

async function alreadySetUp(db: TaizhangDb): Promise<boolean> {
  return (await db.workspace.get('workspace')) !== undefined;
}

/** A new committee workspace whose keys are sealed into a backup file first. */
export async function setUpCommittee(
  db: TaizhangDb,
  input: CommitteeSetupInput,
  options: KeyBackupOptions & { now?: Date } = {},
): Promise<Result<WorkspaceRow, CommitteeSetupError>> {
  const now = options.now ?? new Date();
  const setup = committeeSetupSchema.safeParse({ mode: 'committee', name: input.name, operatorName: input.operatorName ?? '' });
  if (!setup.success) {
    const issue = setup.error.issues[0];
    return fail(expectedError('validation', issue?.message ?? '填写的内容不完整', issue?.path as (string | number)[]));
  }
  const problem = newPassphraseProblem(input.passphrase, input.passphraseConfirmation);
  if (problem) return fail(expectedError('passphrase', problem, ['passphrase']));
  if (await alreadySetUp(db)) return fail(expectedError('already-set-up', ALREADY_SET_UP_MESSAGE));

  const pairs = newCommitteeKeyPairs();
  const material: CommitteeKeyMaterial = {
    committeeId: newId(),
    committeeName: setup.data.name,
    deviceId: newId(),
    createdAt: now.toISOString(),
    ...pairs,
  };
  try {
    const sealed = await sealCommitteeKeyBackup(material, input.passphrase, { ...(options.logN ? { logN: options.logN } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    if (!sealed.ok) return fail(sealed.error);
    const keys = await importCommitteeKeys(pairs);
    const keyBackup: KeyBackupState = { sealedFile: new TextDecoder().decode(sealed.value), sealedAt: now.toISOString(), lastSavedAt: null, lastSavedName: null };
    return await completeSetup(db, setup.data, now, { ownerId: material.committeeId, device: deviceRow(material, material.deviceId, keys, keyBackup, now) });
  } finally {
    wipeSecretKeys(pairs);
  }
}

export interface RestoreInput {
  readonly fileName: string;
  readonly fileBytes: Uint8Array;
  readonly passphrase: string;
  readonly operatorName?: string;
}

/** The committee again, from its key backup: same id, name and keys, on this PC. */
export async function restoreCommittee(
  db: TaizhangDb,
  input: RestoreInput,
  options: Pick<KeyBackupOptions, 'onProgress'> & { now?: Date } = {},
): Promise<Result<WorkspaceRow, CommitteeSetupError>> {
  const now = options.now ?? new Date();
  if (await alreadySetUp(db)) return fail(expectedError('already-set-up', ALREADY_SET_UP_MESSAGE));
  if (input.passphrase.length === 0) return fail(expectedError('passphrase', '请输入保存备份时设置的口令。', ['passphrase']));
  const opened = await openCommitteeKeyBackup(input.fileBytes, input.passphrase, options.onProgress ? { onProgress: options.onProgress } : {});
  if (!opened.ok) return fail(opened.error);
  const material = opened.value;
  try {
    const keys = await importCommitteeKeys(material);
    const keyBackup: KeyBackupState = {
      sealedFile: new TextDecoder().decode(input.fileBytes),
      sealedAt: material.createdAt,
      // The user holds this very file: nothing new to save.
      lastSavedAt: now.toISOString(),
      lastSavedName: input.fileName,
    };
    return await completeSetup(
      db,
      { mode: 'committee', name: material.committeeName, operatorName: input.operatorName ?? '' },
      now,
      { ownerId: material.committeeId, device: deviceRow(material, newId(), keys, keyBackup, now) },
    );
  } finally {
    wipeSecretKeys(material);
  }
}

/** The stored backup file and the name to save it under; null when this device has none. */
export async function keyBackupCopy(db: TaizhangDb, now: Date = new Date()): Promise<{ bytes: Uint8Array; fileName: string } | null> {
  const [workspace, device] = await Promise.all([db.workspace.get('workspace'), db.device.get('device')]);
  if (!workspace || workspace.mode !== 'committee' || !device?.keyBackup) return null;
  return { bytes: new TextEncoder().encode(device.keyBackup.sealedFile), fileName: keyBackupFileName(workspace.name, localIsoDate(now)) };
}

/** Records that a copy of the backup was saved (the save dialog was not cancelled). */
export async function markKeyBackupSaved(db: TaizhangDb, fileName: string, now: Date = new Date()): Promise<void> {
  await db.device
    .where('key')
    .equals('device')
    .modify((row: DeviceRow) => {
      if (row.keyBackup) row.keyBackup = { ...row.keyBackup, lastSavedAt: now.toISOString(), lastSavedName: fileName };
    });
}

/** True for a committee whose key backup has never been saved to a file: the app asks for it before anything else. */
export function keyBackupPending(workspace: WorkspaceRow, device: DeviceRow | undefined): boolean {
  return workspace.mode === 'committee' && device?.keyBackup !== undefined && device.keyBackup.lastSavedAt === null;
}
