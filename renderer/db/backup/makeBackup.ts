/**
 * 设置 → 备份与恢复 → 立即备份: the whole workspace sealed under a passphrase into the bytes of a
 * `.tzbak` file (shared/backup/codec.ts), and, once the user saved it, when and under which name
 * (the device row: local to this PC, never synced, never itself backed up).
 */
import { sealBackup, type BackupProgress } from '../../../shared/backup/codec';
import { backupError, backupFileName, type BackupError, type BackupManifest } from '../../../shared/backup/format';
import { newPassphraseProblem } from '../../../shared/bundle/keyBackup';
import { localIsoDate } from '../../../shared/clock/localDate';
import { fail, type Result } from '../../../shared/errors/errors';
import { RECORD_SCHEMA_VERSION } from '../../../shared/model/upgrade';
import type { TaizhangDb } from '../db';
import type { DeviceRow, WorkspaceRow } from '../localTypes';
import { dumpWorkspace } from './dump';

export type MakeBackupStage = 'read' | Parameters<BackupProgress>[0];

export interface MakeBackupInput {
  readonly passphrase: string;
  readonly passphraseConfirmation: string;
  /** The program's version, for the manifest (platform appInfo). */
  readonly appVersion: string;
}

export interface MakeBackupOptions {
  readonly now?: Date;
  /** scrypt cost: 17 in the app, 15 in tests. */
  readonly logN?: number;
  readonly onProgress?: (stage: MakeBackupStage, fraction: number) => void;
}

export interface MadeBackup {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly manifest: BackupManifest;
}

export async function makeBackup(db: TaizhangDb, input: MakeBackupInput, options: MakeBackupOptions = {}): Promise<Result<MadeBackup, BackupError>> {
  const problem = newPassphraseProblem(input.passphrase, input.passphraseConfirmation);
  if (problem) return fail({ ...backupError('backup-weak-passphrase', 'passphrase rule', problem), path: ['passphrase'] });
  const now = options.now ?? new Date();
  options.onProgress?.('read', 0);
  const dump = await dumpWorkspace(db, (f) => options.onProgress?.('read', f));
  const workspace = dump.workspace as WorkspaceRow | undefined;
  const device = dump.device as DeviceRow | undefined;
  if (!workspace || !device) return fail(backupError('backup-wrong-workspace', 'not set up', '本机尚未完成初始设置，没有可备份的台账。'));
  const sealed = await sealBackup(
    {
      appVersion: input.appVersion,
      databaseVersion: db.verno,
      recordSchemaVersion: RECORD_SCHEMA_VERSION,
      createdAt: now.toISOString(),
      workspace: { mode: workspace.mode, ownerId: workspace.ownerId, name: workspace.name, creditCode: workspace.creditCode },
      device: { deviceId: device.deviceId, signingPublicKey: device.signingPublicKey, encryptionPublicKey: device.encryptionPublicKey },
    },
    { stores: dump.stores, blobs: dump.blobs },
    input.passphrase,
    { ...(options.logN !== undefined ? { logN: options.logN } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
  );
  if (!sealed.ok) return sealed;
  return { ok: true, value: { bytes: sealed.value.bytes, manifest: sealed.value.manifest, fileName: backupFileName(workspace.name, localIsoDate(now)) } };
}

/** Records that a backup was saved (the save dialog was not cancelled). */
export async function markBackupSaved(db: TaizhangDb, fileName: string, now: Date = new Date()): Promise<void> {
  await db.device
    .where('key')
    .equals('device')
    .modify((row: DeviceRow) => {
      row.workspaceBackup = { ...row.workspaceBackup, lastSavedAt: now.toISOString(), lastSavedName: fileName };
    });
}
