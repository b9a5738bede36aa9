/**
 * The one database of the app. Every write goes through a repository in this folder; components
 * only read (with useLiveQuery). Transactions use strict durability so that a write the user
 * saw confirmed survives a power cut.
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import { upgradeRecord } from '../../shared/model/upgrade';
import {
  DB_NAME,
  SCHEMA_V1,
  SCHEMA_V2_STORE_CHANGES,
  SCHEMA_V3_STORE_CHANGES,
  SCHEMA_V4_STORE_CHANGES,
  SCHEMA_V5_STORE_CHANGES,
  SCHEMA_V6_STORE_CHANGES,
  SCHEMA_V7_STORE_CHANGES,
  TABLES_UPGRADED_TO_V2,
  TABLES_UPGRADED_TO_V4,
  TABLES_UPGRADED_TO_V5,
  type RecordTableName,
} from './schema';
import type { UnitSummary } from '../../shared/rules/committee/summarySchema';
import { buildAllUnitSummaries } from './unitSummaries';
import { maskForAudit } from './auditDiff';
import type { AttachmentBlobRow, AuditRow, ChangeRow, ConflictRow, DeviceRow, ImportLogRow, KeyringRow, SyncPeerRow, SyncStateRow, WorkspaceRow } from './localTypes';
import { fieldEncryptionMiddleware } from './encryption/fieldEncryptionMiddleware';
import { unlockedFieldCipher } from '../identity/dataKeySession';
import type { ReportDraftRow } from './localTypes';
import type { RecordOf } from '../../shared/model/registry';

/**
 * The common shape of every synced row, for code that handles any table alike (sync, the change
 * log, generic record writes). Screens and rules read the tables typed by their record type.
 */
export interface StoredRecord {
  id: string;
  unitId: string;
  rev: string;
  deleted: boolean;
  [field: string]: unknown;
}

export type TaizhangDb = Dexie & {
  workspace: Table<WorkspaceRow, 'workspace'>;
  device: Table<DeviceRow, 'device'>;
  changes: Table<ChangeRow, number>;
  audit: Table<AuditRow, number>;
  conflicts: Table<ConflictRow, number>;
  attachmentBlobs: Table<AttachmentBlobRow, string>;
  syncPeer: Table<SyncPeerRow, string>;
  syncState: Table<SyncStateRow, string>;
  importLog: Table<ImportLogRow, string>;
  reportDrafts: Table<ReportDraftRow, number>;
  unitSummary: Table<UnitSummary, string>;
  keyring: Table<KeyringRow, 'dataKey'>;
} & { [T in RecordTableName]: Table<RecordOf<T>, string> };

/** One synced table seen by its common shape, for code generic over tables (sync, record writes). */
export function storedTable(db: TaizhangDb, table: RecordTableName): Table<StoredRecord, string> {
  return db.table<StoredRecord, string>(table);
}

export interface OpenOptions {
  /** Called once when another window opens a newer version of the database (or deletes it) and this connection closes for good. */
  readonly onClosedByOtherWindow?: () => void;
}

export function openDatabase(name: string = DB_NAME, options: OpenOptions = {}): TaizhangDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as TaizhangDb;
  // Another window upgrades (or deletes) the database. Dexie's default closes this connection and
  // opens it again on the next call — at the NEWER version, so a stale window would write
  // old-format records into it. Close for good instead: every later write fails with
  // DatabaseClosedError, which the write funnel turns into words (storageFaults.ts), and the app
  // asks the user to reload. `false` stops Dexie's default handler.
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true });
    options.onClosedByOtherWindow?.();
    return false;
  });
  // ID numbers, phones, 慰问事由 and the device's secret keys are sealed under the unlocked data key
  // on their way to disk and opened on the way back (encryption/, docs/security.md)
  db.use(fieldEncryptionMiddleware(unlockedFieldCipher));
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2_STORE_CHANGES)
    .upgrade((tx) => upgradeStoredRecords(tx, TABLES_UPGRADED_TO_V2, 1));
  // the 工委's per-unit summaries (local, never synced): built for every unit a committee database holds
  db.version(3)
    .stores(SCHEMA_V3_STORE_CHANGES)
    .upgrade((tx) => buildAllUnitSummaries(tx, new Date()));
  // record schema 3: 红黄牌 and 通知 reach the units (noticeRead; rectification.cardId, card.evidence, notice.batchId/dueOn)
  db.version(4)
    .stores(SCHEMA_V4_STORE_CHANGES)
    .upgrade((tx) => upgradeStoredRecords(tx, TABLES_UPGRADED_TO_V4, 2));
  // record schema 6: tombstones without personal details; the audit trail re-masked (issue 17)
  db.version(5)
    .stores(SCHEMA_V5_STORE_CHANGES)
    .upgrade(async (tx) => {
      await upgradeStoredRecords(tx, TABLES_UPGRADED_TO_V5, 5);
      await tx
        .table('audit')
        .toCollection()
        .modify((row: AuditRow) => {
          row.changes = row.changes.map((c) => ({ ...c, before: maskForAudit(c.field, c.before, row.table), after: maskForAudit(c.field, c.after, row.table) }));
        });
    });
  // encryption at rest: members found by a keyed hash of the ID number; the local keyring (no row rewritten here)
  db.version(6).stores(SCHEMA_V6_STORE_CHANGES);
  // record schema 7: the unit's 党务干部双向交流 and the 工委's 书记项目评价 (new stores; no row rewritten)
  db.version(7).stores(SCHEMA_V7_STORE_CHANGES);
  return db;
}

/**
 * Rewrites the rows of `tables`, written under record schema `fromVersion`, as records of today's
 * schema (shared/model/upgrade.ts), in the version change's transaction.
 */
async function upgradeStoredRecords(tx: Transaction, tables: readonly RecordTableName[], fromVersion: number): Promise<void> {
  for (const table of tables) {
    await tx
      .table(table)
      .toCollection()
      .modify((row: Record<string, unknown>) => {
        Object.assign(row, upgradeRecord(table, row, fromVersion));
      });
  }
  // the losing versions kept in `conflicts` can be restored, so they are upgraded too
  await tx
    .table('conflicts')
    .toCollection()
    .modify((row: ConflictRow) => {
      if ((tables as readonly string[]).includes(row.table)) row.lost = upgradeRecord(row.table as RecordTableName, row.lost, fromVersion);
    });
}

let shared: TaizhangDb | null = null;
let closedByOtherWindow = false;
const closedListeners = new Set<() => void>();

/** The app's database (opened on first use). Tests open their own with `openDatabase`. */
export function appDatabase(): TaizhangDb {
  shared ??= openDatabase(DB_NAME, {
    onClosedByOtherWindow: () => {
      closedByOtherWindow = true;
      for (const listener of closedListeners) listener();
    },
  });
  return shared;
}

/**
 * Calls `listener` when the app's database has been closed because another window opened a newer
 * version (at once if that has happened already); returns the unsubscribe function.
 */
export function watchAppDatabaseClosed(listener: () => void): () => void {
  if (closedByOtherWindow) listener();
  closedListeners.add(listener);
  return () => closedListeners.delete(listener);
}
