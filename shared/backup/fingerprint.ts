/**
 * The fingerprint of a workspace's content (docs/backup-format.md §4): SHA-256 over one canonical
 * serialisation of every store, so that "the restored database is the one backed up" is one
 * comparison. Stores in name order; in each, its rows in the order of their primary key's
 * canonical text; each row as `canonicalText` (portable.ts; a file in a row is its blob tag, which
 * names the file's SHA-256, so file contents count too).
 *
 *   "taizhang-backup-fingerprint/1\n"
 *   then per store: "store\t<name>\t<row count>\n" and each row's canonical text + "\n"
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { BugError } from '../errors/errors';
import { canonicalText, type Portable, type PortableObject } from './portable';

export type KeyPath = string | readonly string[];

export interface StoreRows {
  readonly name: string;
  readonly keyPath: KeyPath;
  readonly rows: readonly PortableObject[];
}

/** The primary key of a row as a portable value, or undefined when the row lacks it. */
export function primaryKeyOf(row: PortableObject, keyPath: KeyPath): Portable | undefined {
  if (typeof keyPath === 'string') return row[keyPath];
  const parts: Portable[] = [];
  for (const p of keyPath) {
    const v = row[p];
    if (v === undefined) return undefined;
    parts.push(v);
  }
  return parts;
}

/** A valid IndexedDB key of the kinds the app uses: strings, finite numbers, arrays of them. */
export function isKeyValue(key: Portable | undefined): boolean {
  if (typeof key === 'string') return true;
  if (typeof key === 'number') return Number.isFinite(key);
  if (Array.isArray(key)) return key.length > 0 && key.every((k) => typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k)));
  return false;
}

export function keyText(row: PortableObject, keyPath: KeyPath): string {
  const key = primaryKeyOf(row, keyPath);
  if (!isKeyValue(key)) throw new BugError('fingerprint: a row without a valid primary key');
  return canonicalText(key as Portable);
}

/** Rows in the fingerprint's order (by their key's canonical text). */
export function sortedRows(store: StoreRows): PortableObject[] {
  const keyed = store.rows.map((row) => ({ row, key: keyText(row, store.keyPath) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.row);
}

/** SHA-256 (lower-case hex) of the stores' canonical serialisation. */
export function contentFingerprint(stores: readonly StoreRows[]): string {
  const hash = sha256.create();
  hash.update(utf8ToBytes('taizhang-backup-fingerprint/1\n'));
  const ordered = [...stores].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const store of ordered) {
    hash.update(utf8ToBytes(`store\t${store.name}\t${store.rows.length}\n`));
    for (const row of sortedRows(store)) hash.update(utf8ToBytes(`${canonicalText(row)}\n`));
  }
  return bytesToHex(hash.digest());
}
