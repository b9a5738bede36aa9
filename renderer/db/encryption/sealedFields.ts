/**
 * Which stored values are sealed under the data key (docs/security.md), and how a row is sealed
 * for the disk and opened for the app. Pure functions over rows; fieldEncryptionMiddleware.ts
 * applies them to every read and write of the database.
 *
 * - member: 身份证号 and 联系电话, plus `idLookup`, the keyed hash of the ID number that replaces
 *   the old plain `idNumber` index (duplicate checks and look-ups go through it);
 * - careVisit: 慰问事由 (may hold health or hardship details);
 * - conflicts: the same fields inside a kept-aside losing version (`lost`);
 * - device: the secret keys, as `sealedKeys` (deviceSecrets.ts); the rows read back carry the
 *   non-extractable CryptoKeys imported at unlock, which are never written.
 *
 * Empty strings stay as they are (a tombstone's blanked ID reveals nothing). While locked, a read
 * leaves sealed values sealed and a write lets already-sealed values through unchanged (a schema
 * upgrade that rewrites rows before the user unlocked); a plain value cannot be written.
 */
import { BugError } from '../../../shared/errors/errors';
import { isSealedValue, type FieldCipher } from '../../../shared/security/fieldCipher';
import { idNumberLookup, unlockedDeviceKeys } from '../../identity/dataKeySession';

/** The record fields sealed at rest, per table. */
export const SEALED_RECORD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  member: ['idNumber', 'phone'],
  careVisit: ['reason'],
};

/** The member store's index of keyed ID-number hashes (schema v6). */
export const ID_LOOKUP_FIELD = 'idLookup';

type Row = Record<string, unknown>;

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sealRecord(cipher: FieldCipher | null, table: string, row: Row, withLookup: boolean): Row {
  const fields = SEALED_RECORD_FIELDS[table];
  if (!fields) return row;
  const out: Row = { ...row };
  for (const field of fields) {
    const value = row[field];
    if (typeof value !== 'string' || value === '' || isSealedValue(value)) continue;
    if (!cipher) throw new BugError(`cannot write ${table}.${field} while the data key is locked`);
    out[field] = cipher.seal(value, `${table}.${field}`);
  }
  if (withLookup && table === 'member') {
    const idNumber = row.idNumber;
    if (typeof idNumber === 'string' && idNumber !== '' && !isSealedValue(idNumber)) out[ID_LOOKUP_FIELD] = idNumberLookup(idNumber, cipher!);
    else if (typeof idNumber !== 'string' || idNumber === '') delete out[ID_LOOKUP_FIELD];
    // a sealed idNumber written while locked keeps the idLookup the row came with
  }
  return out;
}

function openRecord(cipher: FieldCipher | null, table: string, row: Row, withLookup: boolean): Row {
  const fields = SEALED_RECORD_FIELDS[table];
  if (!fields || !cipher) return row;
  let out: Row | null = null;
  for (const field of fields) {
    const value = row[field];
    if (!isSealedValue(value)) continue;
    out ??= { ...row };
    out[field] = cipher.open(value, `${table}.${field}`);
  }
  if (withLookup && ID_LOOKUP_FIELD in row) {
    out ??= { ...row };
    delete out[ID_LOOKUP_FIELD];
  }
  return out ?? row;
}

/** The row as it goes to disk. */
export function sealStoredRow(cipher: FieldCipher | null, table: string, value: unknown): unknown {
  if (!isRow(value)) return value;
  if (table === 'conflicts') {
    const lost = value.lost;
    if (typeof value.table !== 'string' || !isRow(lost) || !SEALED_RECORD_FIELDS[value.table]) return value;
    return { ...value, lost: sealRecord(cipher, value.table, lost, false) };
  }
  if (table === 'device') {
    if (typeof value.sealedKeys !== 'string') return value; // a device of before encryption at rest: left as it is
    const { signingPrivateKey: _signing, encryptionPrivateKey: _encryption, ...rest } = value;
    return rest;
  }
  return sealRecord(cipher, table, value, true);
}

/** The row as the app sees it. */
export function openStoredRow(cipher: FieldCipher | null, table: string, value: unknown): unknown {
  if (!isRow(value)) return value;
  if (table === 'conflicts') {
    const lost = value.lost;
    if (typeof value.table !== 'string' || !isRow(lost) || !SEALED_RECORD_FIELDS[value.table]) return value;
    const opened = openRecord(cipher, value.table, lost, false);
    return opened === lost ? value : { ...value, lost: opened };
  }
  if (table === 'device') {
    if (typeof value.sealedKeys !== 'string' || typeof value.deviceId !== 'string') return value;
    const keys = unlockedDeviceKeys(value.deviceId);
    return keys ? { ...value, ...keys } : value;
  }
  return openRecord(cipher, table, value, table === 'member');
}

/** Whether a table's rows pass through sealing at all (the others are left untouched, at no cost). */
export function hasSealedFields(table: string): boolean {
  return table === 'conflicts' || table === 'device' || table in SEALED_RECORD_FIELDS;
}
