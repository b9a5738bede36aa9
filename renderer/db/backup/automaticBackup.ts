/**
 * Automatic (rolling) backups (issue 17, docs/backup-format.md): the whole workspace, as a `.tzbak`
 * like the one 设置 saves, made before every bundle import and once a day, and kept by the desktop
 * shell in a folder under the app's data (`PlatformBridge.automaticBackups`; the retention plan of
 * shared/backup/retention.ts is applied there). The web build has no such folder.
 *
 * Sealed with the workspace's data key: the file's passphrase is a keyed hash under the data key
 * (`automaticBackupPassphrase`), so no one is asked for anything and only this workspace opens it.
 * To take one elsewhere, `exportAutomaticBackup` opens it and seals the same content under a
 * passphrase the user chooses: an ordinary backup file, restored as any other.
 */
import { openBackup, sealBackup } from '../../../shared/backup/codec';
import { backupError, backupFileName, type BackupError, type BackupManifest } from '../../../shared/backup/format';
import { localIsoDate } from '../../../shared/clock/localDate';
import { expectedError, fail, ok, type ExpectedError, type Result } from '../../../shared/errors/errors';
import type { FieldCipher } from '../../../shared/security/fieldCipher';
import type { AutomaticBackupEntry, AutomaticBackupKind, AutomaticBackupStore } from '../../../shared/platform';
import { newPassphraseProblem } from '../../../shared/bundle/keyBackup';
import { requireFieldCipher } from '../../identity/dataKeySession';
import type { TaizhangDb } from '../db';
import { makeBackup } from './makeBackup';

/** scrypt's cost for a passphrase that is itself 128 random bits: the reader's minimum is plenty. */
const AUTOMATIC_LOG_N = 15;

/** The passphrase automatic backups are sealed under: derived from the data key, never shown or stored. */
export function automaticBackupPassphrase(cipher: FieldCipher = requireFieldCipher()): string {
  return cipher.lookup('automatic workspace backup', 'backup.automatic');
}

export type AutomaticBackupError = BackupError | ExpectedError<'automatic-backup-not-written'>;

export interface AutomaticBackupMade {
  readonly id: string;
  readonly removed: readonly string[];
  readonly manifest: BackupManifest;
}

/** Makes one automatic backup of `kind` and hands it to the shell's store. */
export async function makeAutomaticBackup(
  db: TaizhangDb,
  kind: AutomaticBackupKind,
  store: AutomaticBackupStore,
  appVersion: string,
  now: Date = new Date(),
): Promise<Result<AutomaticBackupMade, AutomaticBackupError>> {
  const passphrase = automaticBackupPassphrase();
  const made = await makeBackup(db, { passphrase, passphraseConfirmation: passphrase, appVersion }, { now, logN: AUTOMATIC_LOG_N });
  if (!made.ok) return made;
  try {
    const written = await store.write(kind, now.toISOString(), made.value.bytes);
    return ok({ ...written, manifest: made.value.manifest });
  } catch (e) {
    const message = e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : '自动备份没有写入磁盘（可能磁盘已满或程序数据文件夹不可写）。';
    return fail(expectedError('automatic-backup-not-written', message));
  }
}

/** Whether today's (the PC's calendar day) daily backup is still to be made. */
export function dailyBackupDue(entries: readonly AutomaticBackupEntry[], now: Date, dayOf: (at: Date) => string = localIsoDate): boolean {
  const today = dayOf(now);
  return !entries.some((e) => e.kind === 'daily' && dayOf(new Date(e.at)) === today);
}

/** The daily backup, when it is due; null when there was one today already. */
export async function makeDailyBackupIfDue(db: TaizhangDb, store: AutomaticBackupStore, appVersion: string, now: Date = new Date()): Promise<Result<AutomaticBackupMade | null, AutomaticBackupError>> {
  if (!(await db.workspace.get('workspace'))) return ok(null);
  if (!dailyBackupDue(await store.list(), now)) return ok(null);
  return makeAutomaticBackup(db, 'daily', store, appVersion, now);
}

/**
 * One automatic backup as an ordinary backup file: opened with the data key, checked in full, and
 * sealed again under `passphrase` (same content, same fingerprint). Writes nothing to the database.
 */
export async function exportAutomaticBackup(
  store: AutomaticBackupStore,
  id: string,
  input: { passphrase: string; passphraseConfirmation: string; workspaceName: string },
  options: { logN?: number; onProgress?: (fraction: number) => void } = {},
): Promise<Result<{ bytes: Uint8Array; fileName: string; manifest: BackupManifest }, BackupError>> {
  const problem = newPassphraseProblem(input.passphrase, input.passphraseConfirmation);
  if (problem) return fail({ ...backupError('backup-weak-passphrase', 'passphrase rule', problem), path: ['passphrase'] });
  const opened = await openBackup(await store.read(id), automaticBackupPassphrase());
  if (!opened.ok) {
    // not this workspace's (another data key), or damaged on disk
    return fail(backupError('backup-damaged', `automatic backup ${id}: ${opened.error.kind}`, '这份自动备份无法打开（文件已损坏，或不是本机当前台账的备份）。请选择另一份。'));
  }
  const { manifest, stores, blobs } = opened.value;
  options.onProgress?.(0.1);
  const sealed = await sealBackup(
    { appVersion: manifest.appVersion, databaseVersion: manifest.databaseVersion, recordSchemaVersion: manifest.recordSchemaVersion, createdAt: manifest.createdAt, workspace: manifest.workspace, device: manifest.device },
    { stores, blobs },
    input.passphrase,
    { ...(options.logN !== undefined ? { logN: options.logN } : {}), ...(options.onProgress ? { onProgress: (_s, f) => options.onProgress?.(0.1 + 0.9 * f) } : {}) },
  );
  if (!sealed.ok) return sealed;
  return ok({ bytes: sealed.value.bytes, manifest: sealed.value.manifest, fileName: backupFileName(input.workspaceName, localIsoDate(new Date(manifest.createdAt))) });
}
