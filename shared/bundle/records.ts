/**
 * Checks on the records a bundle carries, the same when writing and when reading: every record
 * valid for its table, owned by the sender's side (DESIGN.md §4: each record type has one owner),
 * about the right unit, and no (table, id) twice.
 */
import type { RecordOf } from '../model/registry';
import { RECORD_TABLE_LABELS, recordOwner } from '../model/tables';
import type { RecordTable } from '../model/tables';
import { upgradeRecord } from '../model/upgrade';
import { validateRecord } from '../model/validate';
import { bundleError } from './errors';
import type { BundleError } from './errors';
import type { BundleKind } from './header';
import { newerThanDeclared, newerThanDeclaredMessage } from './schemaHistory';

/** Records per table; a table with no records is absent (or an empty list when writing). */
export type BundleRecords = { readonly [T in RecordTable]?: readonly RecordOf<T>[] };

/** Who the records must belong to. */
export interface RecordScope {
  readonly kind: BundleKind;
  readonly senderUnitId: string;
  readonly recipientId: string;
  /** Record schema the records were written under (the header's); older records are upgraded before validation. */
  readonly schemaVersion: number;
}

function lineLabel(line: number | null): string {
  return line === null ? '' : `第${line}条`;
}

/** Validate one untrusted record: the checked record, or why not (`line` is 1-based within its table). */
export function checkRecord<T extends RecordTable>(
  table: T,
  value: unknown,
  scope: RecordScope,
  line: number | null,
): { ok: true; record: RecordOf<T> } | { ok: false; error: BundleError } {
  const label = RECORD_TABLE_LABELS[table];
  // A field the declared schema version did not have yet: the upgrade would leave it in place, so refuse it first.
  const newer = newerThanDeclared(table, value, scope.schemaVersion);
  if (newer !== null) {
    return {
      ok: false,
      error: bundleError(
        'invalid-record',
        `${table} record ${line ?? '?'}: ${newer.value === null ? `field ${newer.field}` : `${newer.field} value ${newer.value}`} is from schema ${newer.since}, the bundle declares ${scope.schemaVersion}`,
        newerThanDeclaredMessage(table, line, scope.schemaVersion, newer),
      ),
    };
  }
  const validated = validateRecord(table, upgradeRecord(table, value, scope.schemaVersion));
  if (!validated.ok) {
    return {
      ok: false,
      error: bundleError(
        'invalid-record',
        `${table} record ${line ?? '?'}: ${validated.error.issues.map((i) => i.path.join('.')).join(', ') || 'invalid'}`,
        `同步包中${lineLabel(line)}${validated.error.message}。已拒绝导入，请发送方核对该记录后重新导出。`,
      ),
    };
  }
  const record = validated.value;
  const owner = recordOwner(table, record as { organiser?: unknown });
  const unitId = (record as { unitId: string }).unitId;
  const expectedOwner = scope.kind === 'unit-to-committee' ? 'unit' : 'committee';
  if (owner !== expectedOwner) {
    return {
      ok: false,
      error: bundleError(
        'foreign-record',
        `${table} record ${line ?? '?'} is ${owner}-owned data in a ${scope.kind} bundle`,
        scope.kind === 'unit-to-committee'
          ? `同步包中含有只能由工委填报的${label}记录，单位发来的同步包不应包含此类数据，可能被伪造，已拒绝导入。请联系发送单位核实。`
          : `同步包中含有应由单位自行填报的${label}记录，工委发来的同步包不应包含此类数据，已拒绝导入。请联系工委核实。`,
      ),
    };
  }
  const allowedUnit =
    scope.kind === 'unit-to-committee' ? unitId === scope.senderUnitId : unitId === scope.recipientId || unitId === scope.senderUnitId;
  if (!allowedUnit) {
    return {
      ok: false,
      error: bundleError(
        'foreign-record',
        `${table} record ${line ?? '?'} belongs to another unit`,
        scope.kind === 'unit-to-committee'
          ? `同步包中有属于其他单位的${label}记录，一个单位只能报送本单位的数据，已拒绝导入。请联系发送单位核实。`
          : `同步包中有涉及其他单位的${label}记录，不应发给本单位，已拒绝导入。请联系工委核实。`,
      ),
    };
  }
  return { ok: true, record };
}

/** Tracks (table, id) pairs; `add` is false for a pair seen before. */
export function duplicateTracker(): { add(table: RecordTable, id: string): boolean } {
  const seen = new Map<RecordTable, Set<string>>();
  return {
    add(table, id) {
      let ids = seen.get(table);
      if (!ids) {
        ids = new Set();
        seen.set(table, ids);
      }
      if (ids.has(id)) return false;
      ids.add(id);
      return true;
    },
  };
}

export function duplicateError(table: RecordTable, line: number | null): BundleError {
  return bundleError(
    'duplicate-record',
    `${table} record ${line ?? '?'} repeats an id`,
    `同步包中${lineLabel(line)}${RECORD_TABLE_LABELS[table]}记录与前面的记录编号重复，已拒绝导入。请向发送方重新索取同步包。`,
  );
}
