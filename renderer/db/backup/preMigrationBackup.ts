/**
 * The automatic backup before a schema migration (issue 17; docs/backup-format.md §8). A migration
 * runs as soon as the app opens its database at a newer version, so this backup is made first, from
 * the database as it is stored: opened WITHOUT a schema (Dexie reads the stores and indexes IndexedDB
 * holds, and upgrades nothing), its sealed fields opened through the same field-encryption
 * middleware, and sealed as an automatic backup of kind `pre-migration` — restorable through the
 * database's own migrations like any backup of an older version (olderVersions.ts).
 *
 * The data key must be unlocked first, from the keyring as stored (`keyringAsStored`). A database
 * stored before version 6 has no keyring (nothing was sealed then, and the v6 migration changes no
 * row): no backup is made for it.
 */
import { Dexie } from 'dexie';
import { ok, type Result } from '../../../shared/errors/errors';
import type { AutomaticBackupStore } from '../../../shared/platform';
import { unlockedFieldCipher } from '../../identity/dataKeySession';
import type { TaizhangDb } from '../db';
import { fieldEncryptionMiddleware } from '../encryption/fieldEncryptionMiddleware';
import type { KeyringRow } from '../localTypes';
import { DB_NAME, SCHEMA_VERSION } from '../schema';
import { makeAutomaticBackup, type AutomaticBackupError, type AutomaticBackupMade } from './automaticBackup';

/** The first database version with a keyring. */
const FIRST_VERSION_WITH_KEYRING = 6;

/** The version the ledger is stored at (Dexie's version, not IndexedDB's ×10), without opening it; null when there is none. */
export async function storedDatabaseVersion(name: string = DB_NAME): Promise<number | null> {
  const found = (await indexedDB.databases()).find((d) => d.name === name);
  return found?.version === undefined ? null : found.version / 10;
}

/** Whether opening the ledger will migrate it from a version whose data can be backed up first. */
export async function migrationPending(name: string = DB_NAME, target: number = SCHEMA_VERSION): Promise<boolean> {
  const stored = await storedDatabaseVersion(name);
  return stored !== null && stored >= FIRST_VERSION_WITH_KEYRING && stored < target;
}

/** The ledger as stored: no schema given, so nothing is upgraded; sealed fields open once the key is unlocked. */
function openAsStored(name: string): TaizhangDb {
  const db = new Dexie(name);
  db.use(fieldEncryptionMiddleware(unlockedFieldCipher));
  return db as TaizhangDb;
}

/** The keyring as stored, read before the migration (the data key must open the backup's content). */
export async function keyringAsStored(name: string = DB_NAME): Promise<KeyringRow | null> {
  const stored = await storedDatabaseVersion(name);
  if (stored === null || stored < FIRST_VERSION_WITH_KEYRING) return null;
  const db = openAsStored(name);
  try {
    await db.open();
    return ((await db.table('keyring').get('dataKey')) as KeyringRow | undefined) ?? null;
  } finally {
    db.close();
  }
}

/**
 * The `pre-migration` backup, when opening the ledger at `target` will migrate it; null when no
 * migration is pending (or the ledger is not set up). The data key must be unlocked.
 */
export async function backupBeforeMigration(
  store: AutomaticBackupStore,
  appVersion: string,
  options: { name?: string; target?: number; now?: Date } = {},
): Promise<Result<AutomaticBackupMade | null, AutomaticBackupError>> {
  const name = options.name ?? DB_NAME;
  if (!(await migrationPending(name, options.target ?? SCHEMA_VERSION))) return ok(null);
  const db = openAsStored(name);
  try {
    await db.open();
    if (!(await db.table('workspace').get('workspace'))) return ok(null);
    return await makeAutomaticBackup(db, 'pre-migration', store, appVersion, options.now ?? new Date());
  } finally {
    db.close();
  }
}
