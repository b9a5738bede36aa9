/**
 * The data key as the screens use it (the start gate, setup, restore, 设置): make one, unlock it,
 * protect a database from before encryption at rest, change the 开机口令. Each call that ends with
 * the key unlocked installs it for this window (workspaceUnlock.ts). docs/security.md.
 */
import { expectedError, fail, ok, type Result } from '../../../shared/errors/errors';
import type { AutomaticBackupStore, PlatformBridge } from '../../../shared/platform';
import { unlockDataKey } from '../../identity/dataKeySession';
import { backupBeforeMigration } from '../backup/preMigrationBackup';
import type { TaizhangDb } from '../db';
import type { KeyringRow } from '../localTypes';
import { newKeyring, openKeyringWithKeystore, openKeyringWithPassphrase, rewrapWithPassphrase, type DataKeyProtection, type KeyringError } from './keyring';
import { installDataKey } from './workspaceUnlock';

export type { DataKeyProtection, KeyringError } from './keyring';

type Bridge = Pick<PlatformBridge, 'protectDataKey' | 'unprotectDataKey'>;

/** Where the start gate stands: what the database holds of a workspace and of its data key. */
export interface DataKeyState {
  readonly hasWorkspace: boolean;
  /** 单位名称 or 工委名称 (not sealed), for the unlock screen. */
  readonly workspaceName: string | null;
  readonly keyring: KeyringRow | null;
  /** The device row's keys are sealed: a data key existed (without its keyring, the ledger cannot be opened). */
  readonly sealedDevice: boolean;
}

export async function readDataKeyState(db: TaizhangDb): Promise<DataKeyState> {
  const [workspace, keyring, device] = await Promise.all([db.workspace.get('workspace'), db.keyring.get('dataKey'), db.device.get('device')]);
  return { hasWorkspace: workspace !== undefined, workspaceName: workspace?.name ?? null, keyring: keyring ?? null, sealedDevice: typeof device?.sealedKeys === 'string' };
}

async function install(db: TaizhangDb, dataKey: Uint8Array): Promise<void> {
  try {
    await installDataKey(db, dataKey);
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Setup and restore onto a new PC: a new data key, kept as the user chose, written and unlocked
 * before anything sealed is written. Replaces a keyring left by a setup that did not finish (no
 * workspace: nothing was sealed under it).
 */
export async function createDataKey(
  db: TaizhangDb,
  protection: DataKeyProtection,
  bridge: Bridge,
  options: { now?: Date; onProgress?: (fraction: number) => void } = {},
): Promise<Result<KeyringRow, KeyringError>> {
  if (await db.workspace.get('workspace')) return fail(expectedError('wrong-data-key', '本机已有台账，不能重新生成数据密钥。'));
  const made = await newKeyring(protection, bridge, options.now ?? new Date(), options.onProgress ? { onProgress: options.onProgress } : {});
  if (!made.ok) return made;
  await db.keyring.put(made.value.row);
  await install(db, made.value.dataKey);
  return ok(made.value.row);
}

/**
 * A database from before encryption at rest: a new data key, kept as the user chose; every plain
 * ID number, phone and 慰问事由 is then sealed in one transaction (`fieldsSealed` false until then).
 */
export async function protectExistingLedger(
  db: TaizhangDb,
  protection: DataKeyProtection,
  bridge: Bridge,
  options: { now?: Date; onProgress?: (fraction: number) => void } = {},
): Promise<Result<KeyringRow, KeyringError>> {
  const made = await newKeyring(protection, bridge, options.now ?? new Date(), options.onProgress ? { onProgress: options.onProgress } : {});
  if (!made.ok) return made;
  const row: KeyringRow = { ...made.value.row, fieldsSealed: false };
  const written = await db.transaction('rw', db.keyring, async () => {
    if (await db.keyring.get('dataKey')) return false; // another window did it first
    await db.keyring.add(row);
    return true;
  });
  if (!written) return fail(expectedError('wrong-data-key', '本机台账已在另一个窗口设置了数据保护，请关闭本窗口后重新打开程序。'));
  await install(db, made.value.dataKey);
  return ok(row);
}

/** The start gate: the 开机口令 opens the ledger. */
export async function unlockWithPassphrase(db: TaizhangDb, passphrase: string, onProgress?: (fraction: number) => void): Promise<Result<true, KeyringError>> {
  const row = await db.keyring.get('dataKey');
  if (!row || row.protection !== 'passphrase') return fail(expectedError('wrong-data-key', '本机台账没有设置开机口令。请关闭程序后重新打开。'));
  const opened = await openKeyringWithPassphrase(row, passphrase, onProgress ? { onProgress } : {});
  if (!opened.ok) return opened;
  await install(db, opened.value);
  return ok(true);
}

/** The start gate: the OS keystore opens the ledger, no question asked. */
export async function unlockWithKeystore(db: TaizhangDb, bridge: Bridge): Promise<Result<true, KeyringError>> {
  const row = await db.keyring.get('dataKey');
  if (!row || row.protection !== 'os') return fail(expectedError('wrong-data-key', '本机台账的数据密钥不由系统保管。请关闭程序后重新打开。'));
  const opened = await openKeyringWithKeystore(row, bridge);
  if (!opened.ok) return opened;
  await install(db, opened.value);
  return ok(true);
}

/** 设置 → 修改开机口令. */
export async function changeStartupPassphrase(
  db: TaizhangDb,
  input: { current: string; next: string; confirmation: string },
  options: { now?: Date; onProgress?: (fraction: number) => void } = {},
): Promise<Result<KeyringRow, KeyringError>> {
  const row = await db.keyring.get('dataKey');
  if (!row || row.protection !== 'passphrase') return fail(expectedError('wrong-data-key', '本机台账的数据密钥由系统保管，没有开机口令可改。'));
  const changed = await rewrapWithPassphrase(row, input.current, input.next, input.confirmation, options.now ?? new Date(), options.onProgress ? { onProgress: options.onProgress } : {});
  if (!changed.ok) return changed;
  await db.keyring.put(changed.value);
  return ok(changed.value);
}

/**
 * The desktop app opening a ledger that a newer program will migrate (preMigrationBackup.ts): the
 * data key from the keyring as stored (the 开机口令, or the OS keystore), the `pre-migration` backup
 * of the ledger as it is, and only then the database opened — the migration runs — and unlocked.
 * A backup that could not be made does not keep the ledger closed: `backupProblem` says why, for
 * the screen to tell the user.
 */
export async function openThroughMigration(
  db: TaizhangDb,
  row: KeyringRow,
  how: { readonly passphrase: string; readonly onProgress?: (fraction: number) => void } | { readonly bridge: Bridge },
  backups: { readonly store: AutomaticBackupStore; readonly appVersion: string; /** tests: the version that would migrate */ readonly target?: number },
): Promise<Result<{ backupProblem: string | null }, KeyringError>> {
  const opened = 'passphrase' in how ? await openKeyringWithPassphrase(row, how.passphrase, how.onProgress ? { onProgress: how.onProgress } : {}) : await openKeyringWithKeystore(row, how.bridge);
  if (!opened.ok) return opened;
  unlockDataKey(opened.value); // the stored ledger's sealed fields open for the backup
  let backupProblem: string | null = null;
  try {
    const made = await backupBeforeMigration(backups.store, backups.appVersion, { name: db.name, ...(backups.target !== undefined ? { target: backups.target } : {}) });
    if (!made.ok) backupProblem = made.error.message;
  } catch {
    backupProblem = '读取本机台账失败。';
  }
  await install(db, opened.value);
  return ok({ backupProblem });
}
