/**
 * A backup made by an older program (an older database version) is brought up to today's schema by
 * the very migrations that upgrade a database in place (renderer/db/db.ts): its rows are written
 * into a scratch database created at the backup's version, which `openDatabase` then upgrades;
 * the upgraded rows are what the restore writes. The scratch database is deleted afterwards,
 * whatever happened. Nothing here touches the app's database.
 */
import { Dexie } from 'dexie';
import { BugError } from '../../../shared/errors/errors';
import { newId } from '../../../shared/ids/uuidv7';
import type { KeyPath } from '../../../shared/backup/fingerprint';
import { openDatabase } from '../db';
import { SCHEMA_V1, SCHEMA_V2_STORE_CHANGES, SCHEMA_V3_STORE_CHANGES, SCHEMA_V4_STORE_CHANGES, SCHEMA_V5_STORE_CHANGES, SCHEMA_V6_STORE_CHANGES, SCHEMA_V7_STORE_CHANGES } from '../schema';

/**
 * The stores each database version declares, as db.ts passes them to `version(n).stores(…)`.
 * A new database version must be added here too (a test compares this list with the database).
 */
export const STORE_CHANGES_BY_VERSION: readonly Readonly<Record<string, string | null>>[] = [SCHEMA_V1, SCHEMA_V2_STORE_CHANGES, SCHEMA_V3_STORE_CHANGES, SCHEMA_V4_STORE_CHANGES, SCHEMA_V5_STORE_CHANGES, SCHEMA_V6_STORE_CHANGES, SCHEMA_V7_STORE_CHANGES];

/** Every store of database version `version` with its Dexie schema string. */
export function storesAtVersion(version: number): Map<string, string> {
  if (!Number.isInteger(version) || version < 1 || version > STORE_CHANGES_BY_VERSION.length) throw new BugError(`storesAtVersion(${version})`);
  const stores = new Map<string, string>();
  for (const changes of STORE_CHANGES_BY_VERSION.slice(0, version)) {
    for (const [name, spec] of Object.entries(changes)) {
      if (spec === null) stores.delete(name);
      else stores.set(name, spec);
    }
  }
  return stores;
}

/** The primary key path of a Dexie schema string ('++seq, [table+id]' → 'seq'; '[a+b], c' → ['a', 'b']). */
export function primaryKeyPathOf(spec: string): KeyPath {
  const first = (spec.split(',')[0] ?? '').trim().replace(/^(\+\+|&)/, '');
  return first.startsWith('[') ? first.slice(1, -1).split('+') : first;
}

export type RowsByStore = Map<string, { keyPath: KeyPath; rows: unknown[] }>;

/** Rows of a backup of database `version` → the same rows as today's database version holds them. */
export async function upgradeRows(version: number, rows: RowsByStore): Promise<RowsByStore> {
  const name = `taizhang-restore-${newId()}`;
  const old = new Dexie(name);
  STORE_CHANGES_BY_VERSION.slice(0, version).forEach((changes, i) => old.version(i + 1).stores(changes));
  try {
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [store, { rows: r }] of rows) if (r.length > 0) await old.table(store).bulkAdd(r);
    });
    old.close();
    const upgraded = openDatabase(name);
    try {
      await upgraded.open();
      const out: RowsByStore = new Map();
      await upgraded.transaction('r', upgraded.tables, async () => {
        for (const t of upgraded.tables) out.set(t.name, { keyPath: t.schema.primKey.keyPath as KeyPath, rows: await t.toArray() });
      });
      return out;
    } finally {
      upgraded.close();
    }
  } finally {
    old.close();
    await Dexie.delete(name);
  }
}
