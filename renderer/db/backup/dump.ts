/**
 * The whole workspace as the backup holds it (docs/backup-format.md §3): every store of the
 * database — enumerated from `db.tables`, so a store added later is backed up without anyone
 * remembering to — read in ONE read transaction, each row in its portable form, each file (Blob)
 * stored once by its SHA-256.
 *
 * The keyring is not backed up (`STORES_NOT_BACKED_UP`). The device row is the other exception: its identity (device id, key pairs — the private keys are
 * non-extractable CryptoKeys — and when it was made) and what belongs to this PC only (the
 * committee's sealed key backup, the backup state) are left out. A restored PC gets an identity
 * of its own; the rest of the row (the HLC's last rev) is kept.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BugError } from '../../../shared/errors/errors';
import { contentFingerprint, type KeyPath, type StoreRows } from '../../../shared/backup/fingerprint';
import { blobTag, toPortable, type BlobTag, type PortableObject } from '../../../shared/backup/portable';
import type { TaizhangDb } from '../db';

/** Fields of the device row that are this PC's, not the workspace's: never backed up, never restored. */
export const DEVICE_LOCAL_FIELDS = [
  'deviceId',
  'signingPublicKey',
  'signingPrivateKey',
  'encryptionPublicKey',
  'encryptionPrivateKey',
  'sealedKeys',
  'createdAt',
  'keyBackup',
  'workspaceBackup',
  'rekeyed',
] as const;

/**
 * Stores of this PC alone, never in a backup: the keyring (the data key, wrapped). A backup is
 * sealed under its own passphrase and holds every value opened; the PC it is restored on seals
 * them again under a data key of its own.
 */
export const STORES_NOT_BACKED_UP: readonly string[] = ['keyring'];

/** The stores a backup holds: every store but those of `STORES_NOT_BACKED_UP`. */
export function backedUpTables(db: TaizhangDb) {
  return db.tables.filter((t) => !STORES_NOT_BACKED_UP.includes(t.name));
}

export interface WorkspaceDump {
  readonly stores: StoreRows[];
  readonly blobs: Map<string, Uint8Array>;
  /** The raw workspace and device rows (for the manifest). */
  readonly workspace: Record<string, unknown> | undefined;
  readonly device: Record<string, unknown> | undefined;
}

/** Every store's primary key path; a store with an outbound key (none today) would be a bug here. */
export function storeKeyPath(db: TaizhangDb, name: string): KeyPath {
  const keyPath = db.table(name).schema.primKey.keyPath;
  if (keyPath === undefined || keyPath === null || keyPath === '') throw new BugError(`backup: store ${name} has no inbound primary key`);
  return keyPath;
}

function collectBlobs(value: unknown, into: Set<Blob>, depth = 0): void {
  if (depth > 64 || value === null || typeof value !== 'object') return;
  if (value instanceof Blob) {
    into.add(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) collectBlobs(v, into, depth + 1);
    return;
  }
  for (const v of Object.values(value)) collectBlobs(v, into, depth + 1);
}

export async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** The device row without what is this PC's own. */
export function workspacePartOfDevice(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!(DEVICE_LOCAL_FIELDS as readonly string[]).includes(k)) out[k] = v;
  return out;
}

/** Read every store (one read transaction), then turn rows into portable form and files into bytes. */
export async function dumpWorkspace(db: TaizhangDb, onProgress?: (fraction: number) => void): Promise<WorkspaceDump> {
  const tables = backedUpTables(db);
  const names = tables.map((t) => t.name).sort();
  const raw = new Map<string, unknown[]>();
  await db.transaction('r', tables, async () => {
    for (const name of names) raw.set(name, await db.table(name).toArray());
  });
  const device = (raw.get('device') ?? [])[0] as Record<string, unknown> | undefined;
  const workspace = (raw.get('workspace') ?? [])[0] as Record<string, unknown> | undefined;
  raw.set(
    'device',
    (raw.get('device') ?? []).map((row) => workspacePartOfDevice(row as Record<string, unknown>)),
  );

  const found = new Set<Blob>();
  for (const rows of raw.values()) collectBlobs(rows, found);
  const tags = new Map<Blob, BlobTag>();
  const blobs = new Map<string, Uint8Array>();
  let done = 0;
  const total = found.size + names.length;
  for (const blob of found) {
    const bytes = await blobBytes(blob);
    const hash = bytesToHex(sha256(bytes));
    blobs.set(hash, bytes);
    tags.set(blob, { sha256: hash, type: blob.type, size: bytes.length });
    done += 1;
    onProgress?.(done / total);
  }
  const stores: StoreRows[] = [];
  for (const name of names) {
    const rows = (raw.get(name) ?? []).map(
      (row) =>
        toPortable(row, (v) => (v instanceof Blob ? blobTag(tags.get(v) as BlobTag) : undefined), `a row of ${name}`) as PortableObject,
    );
    stores.push({ name, keyPath: storeKeyPath(db, name), rows });
    done += 1;
    onProgress?.(done / total);
  }
  return { stores, blobs, workspace, device };
}

/** The fingerprint of the database's content: equal for a database and its restored copy (docs/backup-format.md §4). */
export async function databaseFingerprint(db: TaizhangDb): Promise<string> {
  return contentFingerprint((await dumpWorkspace(db)).stores);
}
