/**
 * Restoring a workspace backup (docs/backup-format.md §6), onto an EMPTY workspace only: the setup
 * screen (nothing set up) or 设置 right after setup (nothing entered yet).
 *
 *   1. `openBackup` (shared) checks the whole file — passphrase, integrity, every row, the
 *      fingerprint — before anything is written; then the backup is checked against this database
 *      (same database version, every store known with the same key, one valid workspace row).
 *   2. ONE read-write transaction over every store: the workspace is checked to be empty again,
 *      every store is cleared and gets the backup's rows; any failure rolls all of it back.
 *
 * The restored PC never signs as the PC that made the backup: its device row is a NEW identity
 * (a unit: fresh keys; a committee: the committee keys this PC already holds from its key backup,
 * which must be the backup's) with the backup's HLC state, so receipts, bundle sequences and the
 * change log carry on. A unit must then be re-enrolled by the committee (重新登记) and send a full
 * export; the app says so (BackupRestoreCard).
 */
import { z } from 'zod';
import { openBackup, type BackupProgress, type OpenedBackup } from '../../../shared/backup/codec';
import { backupError, type BackupError } from '../../../shared/backup/format';
import type { KeyPath } from '../../../shared/backup/fingerprint';
import { fromPortable, type BlobTag, type PortableObject } from '../../../shared/backup/portable';
import { BugError, fail, ok, type Result } from '../../../shared/errors/errors';
import { createDeviceIdentity, type DeviceIdentity } from '../../identity/deviceIdentity';
import type { TaizhangDb } from '../db';
import type { DeviceRow, WorkspaceBackupState, WorkspaceRow } from '../localTypes';
import { runWrite } from '../runWrite';
import { backedUpTables, DEVICE_LOCAL_FIELDS, STORES_NOT_BACKED_UP, storeKeyPath } from './dump';
import { primaryKeyPathOf, STORE_CHANGES_BY_VERSION, storesAtVersion, upgradeRows } from './olderVersions';

const WorkspaceRowSchema = z.object({
  key: z.literal('workspace'),
  mode: z.enum(['unit', 'committee']),
  ownerId: z.string().min(1),
  name: z.string().min(1),
  creditCode: z.string().nullable(),
  operatorName: z.string(),
  createdAt: z.string(),
});

const DeviceRowSchema = z.object({ key: z.literal('device'), lastRev: z.string().nullable() });

const MESSAGES = {
  committeeOnSetup:
    '这是工委台账的备份。工委台账需要先恢复工委密钥：请在初始设置中选择“工委 → 从密钥备份恢复”，用工委密钥备份（.tzkey）恢复后，再到“设置 → 备份与恢复”恢复此台账备份。',
  otherCommittee: '此备份属于另一个工委（工委编号或密钥与本机不同），不能恢复到本机。请确认本机恢复的是同一工委的密钥备份。',
  unitIntoCommittee: '这是单位台账的备份，本机是工委台账，不能恢复。',
  otherStores: '此备份的数据库结构与本程序不一致（有本程序不认识的数据表），不能恢复。请使用生成该备份的程序版本或更新的版本恢复，或联系技术支持。',
} as const;

/** The rows and keys of a store (the shape only; the rows are checked by the codec). */
function isEmptyWorkspace(counts: ReadonlyMap<string, number>, own: { unitRows: { id: string }[]; changes: { table: string; id: string }[]; audit: { table: string; id: string }[] }, ownerId: string | null): boolean {
  for (const [name, count] of counts) {
    if (['workspace', 'device', 'unit', 'changes', 'audit', ...STORES_NOT_BACKED_UP].includes(name)) continue;
    if (count > 0) return false;
  }
  // what setup writes: the unit's own record, its change-log row and audit row
  if (own.unitRows.some((u) => u.id !== ownerId)) return false;
  if (own.changes.some((c) => c.table !== 'unit' || c.id !== ownerId)) return false;
  if (own.audit.some((a) => a.table !== 'unit' || a.id !== ownerId)) return false;
  return true;
}

/**
 * True when this database holds no ledger data: nothing set up, or only what setup wrote (the
 * workspace and device rows, a unit's own `unit` record with its change-log and audit rows).
 * Every other store, including any added later, must be empty.
 */
export async function workspaceIsEmpty(db: TaizhangDb): Promise<boolean> {
  const counts = new Map<string, number>();
  for (const t of db.tables) counts.set(t.name, await t.count());
  const workspace = await db.workspace.get('workspace');
  const [unitRows, changes, audit] = await Promise.all([db.unit.toArray(), db.changes.toArray(), db.audit.toArray()]);
  return isEmptyWorkspace(counts, { unitRows, changes, audit }, workspace?.ownerId ?? null);
}

export interface RestoreInput {
  readonly fileName: string;
  readonly fileBytes: Uint8Array;
  readonly passphrase: string;
}

export type RestoreStage = Parameters<BackupProgress>[0] | 'write';

export interface RestoreOptions {
  readonly now?: Date;
  readonly onProgress?: (stage: RestoreStage, fraction: number) => void;
}

export interface RestoredWorkspace {
  readonly workspace: WorkspaceRow;
  readonly fingerprint: string;
  /** The device that made the backup, and the new one this PC signs as. */
  readonly previousDeviceId: string;
  readonly deviceId: string;
  /** A unit must ask the committee to re-enrol it (重新登记) and then send a full export. */
  readonly needsReEnrolment: boolean;
}

/** The backup against this program's database: version, stores and keys, the workspace row. */
function checkAgainstDatabase(db: TaizhangDb, opened: OpenedBackup): Result<unknown, BackupError> {
  const version = opened.manifest.databaseVersion;
  if (version > db.verno) return fail(backupError('backup-newer-version', `database version ${version} > ${db.verno}`));
  if (version !== db.verno && version > STORE_CHANGES_BY_VERSION.length) throw new BugError('restore: a database version olderVersions.ts does not know');
  // the stores of the backup's version: today's database, or what an older version declared
  const keyPaths = new Map<string, KeyPath>(
    version === db.verno ? backedUpTables(db).map((t) => [t.name, storeKeyPath(db, t.name)]) : [...storesAtVersion(version)].map(([name, spec]) => [name, primaryKeyPathOf(spec)]),
  );
  for (const store of opened.stores) {
    const keyPath = keyPaths.get(store.name);
    if (keyPath === undefined) return fail(backupError('backup-other-database-version', `unknown store ${store.name}`, MESSAGES.otherStores));
    if (JSON.stringify(keyPath) !== JSON.stringify(store.keyPath)) {
      return fail(backupError('backup-other-database-version', `store ${store.name} key differs`, MESSAGES.otherStores));
    }
  }
  const rowsOf = (name: string) => opened.stores.find((s) => s.name === name)?.rows ?? [];
  const workspaceRows = rowsOf('workspace');
  const parsed = workspaceRows.length === 1 ? WorkspaceRowSchema.safeParse(workspaceRows[0]) : null;
  if (!parsed?.success) return fail(backupError('backup-damaged', 'no valid workspace row'));
  const w = parsed.data;
  const m = opened.manifest.workspace;
  if (w.mode !== m.mode || w.ownerId !== m.ownerId || w.name !== m.name) return fail(backupError('backup-damaged', 'workspace row differs from the manifest'));
  const deviceRows = rowsOf('device');
  if (deviceRows.length !== 1 || !DeviceRowSchema.safeParse(deviceRows[0]).success) return fail(backupError('backup-damaged', 'no valid device row'));
  if (Object.keys(deviceRows[0] as object).some((k) => (DEVICE_LOCAL_FIELDS as readonly string[]).includes(k))) {
    return fail(backupError('backup-damaged', 'the device row carries an identity'));
  }
  return ok(workspaceRows[0] as unknown);
}

/** Rows to write, per store, as IndexedDB will hold them (files back as Blobs). */
function rowsToWrite(opened: OpenedBackup): Map<string, { keyPath: KeyPath; rows: unknown[] }> {
  const blobs = new Map<string, Blob>();
  const blobOf = (tag: BlobTag): Blob => {
    const id = `${tag.sha256}\u0000${tag.type}`;
    let b = blobs.get(id);
    if (!b) {
      b = new Blob([opened.blobs.get(tag.sha256) as Uint8Array<ArrayBuffer>], { type: tag.type });
      blobs.set(id, b);
    }
    return b;
  };
  const out = new Map<string, { keyPath: KeyPath; rows: unknown[] }>();
  for (const store of opened.stores) out.set(store.name, { keyPath: store.keyPath, rows: store.rows.map((r) => fromPortable(r, blobOf)) });
  return out;
}

/**
 * Open, verify and restore a backup onto this empty workspace (see the module comment). Nothing is
 * written unless every check passed; then everything is written in one transaction.
 */
export async function restoreBackup(db: TaizhangDb, input: RestoreInput, options: RestoreOptions = {}): Promise<Result<RestoredWorkspace, BackupError>> {
  const now = options.now ?? new Date();
  if (!(await workspaceIsEmpty(db))) return fail(backupError('backup-workspace-not-empty', 'workspace has data'));
  const opened = await openBackup(input.fileBytes, input.passphrase, options.onProgress ? { onProgress: options.onProgress } : {});
  if (!opened.ok) return opened;
  const checked = checkAgainstDatabase(db, opened.value);
  if (!checked.ok) return checked;
  const backupWorkspace = fromPortable(checked.value as PortableObject, () => null) as WorkspaceRow;
  const manifest = opened.value.manifest;

  // who this PC will be: never the device that made the backup
  const current = { workspace: await db.workspace.get('workspace'), device: await db.device.get('device') };
  let identity: DeviceIdentity & { keyBackup?: DeviceRow['keyBackup'] };
  if (backupWorkspace.mode === 'committee') {
    if (!current.workspace || !current.device) return fail(backupError('backup-wrong-workspace', 'committee backup on setup', MESSAGES.committeeOnSetup));
    if (current.workspace.mode !== 'committee' || current.workspace.ownerId !== backupWorkspace.ownerId || current.device.signingPublicKey !== manifest.device.signingPublicKey || current.device.encryptionPublicKey !== manifest.device.encryptionPublicKey) {
      return fail(backupError('backup-wrong-workspace', 'another committee', current.workspace.mode === 'committee' ? MESSAGES.otherCommittee : MESSAGES.committeeOnSetup));
    }
    identity = current.device; // the committee keys, restored from the key backup, on this PC's own device id
  } else {
    if (current.workspace?.mode === 'committee') return fail(backupError('backup-wrong-workspace', 'unit backup into a committee', MESSAGES.unitIntoCommittee));
    // a unit set up on this PC a moment ago has never sent anything: its fresh identity will do
    identity = current.device && current.device.deviceId !== manifest.device.deviceId ? current.device : await createDeviceIdentity(now);
  }

  // an older program's backup: up to today's schema through the database's own migrations
  const stores = manifest.databaseVersion === db.verno ? rowsToWrite(opened.value) : await upgradeRows(manifest.databaseVersion, rowsToWrite(opened.value));
  const backedUpDevice = (stores.get('device')?.rows[0] ?? {}) as Partial<DeviceRow>;
  const backupState: WorkspaceBackupState = {
    lastSavedAt: manifest.createdAt,
    lastSavedName: input.fileName,
    restoredFrom: { fileName: input.fileName, backupCreatedAt: manifest.createdAt, restoredAt: now.toISOString(), previousDeviceId: manifest.device.deviceId },
  };
  const device: DeviceRow = {
    ...backedUpDevice,
    key: 'device',
    lastRev: backedUpDevice.lastRev ?? null,
    deviceId: identity.deviceId,
    signingPublicKey: identity.signingPublicKey,
    signingPrivateKey: identity.signingPrivateKey,
    encryptionPublicKey: identity.encryptionPublicKey,
    encryptionPrivateKey: identity.encryptionPrivateKey,
    ...(identity.sealedKeys ? { sealedKeys: identity.sealedKeys } : {}),
    createdAt: identity.createdAt,
    ...(identity.keyBackup ? { keyBackup: identity.keyBackup } : {}),
    workspaceBackup: backupState,
  };
  stores.set('device', { keyPath: 'key', rows: [device] });

  options.onProgress?.('write', 0);
  const written = await runWrite<RestoredWorkspace, BackupError>(db, db.tables, async () => {
    if (!(await workspaceIsEmpty(db))) return fail(backupError('backup-workspace-not-empty', 'workspace gained data meanwhile'));
    // the keyring stays: this PC's data key seals the restored values
    const names = backedUpTables(db).map((t) => t.name);
    let done = 0;
    for (const name of names) {
      await db.table(name).clear();
      const store = stores.get(name);
      if (store && store.rows.length > 0) {
        await db.table(name).bulkAdd(store.rows);
      }
      done += 1;
      options.onProgress?.('write', done / names.length);
    }
    return ok({
      workspace: backupWorkspace,
      fingerprint: manifest.fingerprint,
      previousDeviceId: manifest.device.deviceId,
      deviceId: identity.deviceId,
      needsReEnrolment: backupWorkspace.mode === 'unit' && (stores.get('syncPeer')?.rows.length ?? 0) > 0,
    });
  });
  return written;
}

/** 设置: the user has read what to do after the restore; the note is no longer shown. */
export async function dismissRestoreNotice(db: TaizhangDb): Promise<void> {
  await db.device
    .where('key')
    .equals('device')
    .modify((row: DeviceRow) => {
      if (row.workspaceBackup?.restoredFrom) {
        const { restoredFrom: _done, ...rest } = row.workspaceBackup;
        row.workspaceBackup = rest;
      }
    });
}
