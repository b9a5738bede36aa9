/**
 * What a deleted record keeps (its tombstone, record schema 6): a tombstone travels in every later
 * bundle and stays in every database it reaches, so it keeps what the ledger needs to know the
 * record is gone — its id, name and dates — and none of the person's sensitive details:
 * - 党员 (member): the ID number, phone, 备注 and 不计入应到人数的原因 are blanked;
 * - 走访慰问 (careVisit): the 慰问事由 (health or hardship details) is blanked.
 * Other tables hold no personal details beyond names and keep their fields.
 *
 * One function for the three places a tombstone is made or met: a delete (renderer/db/
 * recordRepository.ts), the v5 → v6 record upgrade of older databases, bundles and backups
 * (upgrade.ts), and the `conflicts` store's losing versions (upgraded with their table). It is
 * deterministic, so every PC that upgrades the same tombstone holds the same content at the same rev.
 */
import type { RecordTable } from './tables';

type Blanks = Readonly<Record<string, '' | null>>;

/** Per table, the fields a tombstone blanks and the blank each gets ('' or null). */
export const TOMBSTONE_BLANKS: { readonly [T in RecordTable]?: Blanks } = {
  member: { idNumber: '', phone: '', note: '', excludedReason: null },
  careVisit: { reason: '' },
};

/**
 * `record` of `table`, deleted, as its tombstone: the same object when there is nothing to blank
 * (also for anything that is not a deleted plain record), else a new one. A field the record does
 * not have (an optional one) is not added.
 */
export function asTombstone<R>(table: RecordTable, record: R): R {
  const blanks = TOMBSTONE_BLANKS[table];
  if (blanks === undefined || typeof record !== 'object' || record === null) return record;
  const fields = record as Record<string, unknown>;
  if (fields.deleted !== true) return record;
  let out: Record<string, unknown> | null = null;
  for (const [field, blank] of Object.entries(blanks)) {
    if (!Object.hasOwn(fields, field) || fields[field] === blank) continue;
    out ??= { ...fields };
    out[field] = blank;
  }
  return (out ?? record) as R;
}
