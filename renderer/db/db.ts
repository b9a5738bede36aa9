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
  TABLES_UPGRADED_TO_V2,
  TABLES_UPGRADED_TO_V4,
  type RecordTableName,
} from './schema';
import type { UnitSummary } from '../../shared/rules/committee/summarySchema';
import { buildAllUnitSummaries } from './unitSummaries';
import type { AttachmentBlobRow, AuditRow, ChangeRow, ConflictRow, DeviceRow, ImportLogRow, SyncPeerRow, SyncStateRow, WorkspaceRow } from './localTypes';
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
} & { [T in RecordTableName]: Table<RecordOf<T>, string> };

/** One synced table seen by its common shape, for code generic over tables (sync, record writes). */
export function storedTable(db: TaizhangDb, table: RecordTableName): Table<StoredRecord, string> {
  return db.table<StoredRecord, string>(table);
}

export function openDatabase(name: string = DB_NAME): TaizhangDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as TaizhangDb;
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

/** The app's database (opened on first use). Tests open their own with `openDatabase`. */
export function appDatabase(): TaizhangDb {
  shared ??= openDatabase();
  return shared;
}
