/**
 * How one incoming record meets the stored one (docs/sync.md, "Merge"). Deterministic, so every
 * order of the same bundles ends with the same records:
 *   - a record this side owns is never overwritten ('protected');
 *   - nothing stored → 'new'; the same rev → 'unchanged';
 *   - a higher rev wins ('update'); when the stored version came from ANOTHER device and differs,
 *     it is kept in `conflicts` ('update-conflict');
 *   - a lower rev changes nothing ('older'); from another device and different → it is kept in
 *     `conflicts` ('older-conflict'), so nothing is lost silently.
 */
import { compareRev, decodeRev } from '../../../shared/clock/hlc';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';
import { recordOwner, type RecordTable } from '../../../shared/model/tables';
import type { StoredRecord } from '../db';

export type MergeAction = 'new' | 'update' | 'update-conflict' | 'unchanged' | 'older' | 'older-conflict' | 'protected';

function deviceOf(rev: string): string {
  const d = decodeRev(rev);
  return d.ok ? d.value.deviceId : '';
}

/** JSON with sorted keys, for "same content" checks (fractions allowed, unlike canonical JSON). */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Same content apart from the revision stamp and who wrote it. */
export function sameContent(a: StoredRecord, b: StoredRecord): boolean {
  const strip = ({ rev: _rev, updatedBy: _by, ...rest }: StoredRecord) => rest;
  return stableJson(strip(a)) === stableJson(strip(b));
}

export function mergeAction(table: RecordTable, incoming: StoredRecord, stored: StoredRecord | undefined, mode: WorkspaceMode): MergeAction {
  if (recordOwner(table, incoming as { organiser?: unknown }) === mode) return 'protected';
  if (!stored) return 'new';
  if (recordOwner(table, stored as { organiser?: unknown }) === mode) return 'protected';
  const order = compareRev(incoming.rev, stored.rev);
  if (order === 0) return 'unchanged';
  const otherDevice = deviceOf(incoming.rev) !== deviceOf(stored.rev);
  if (order > 0) return otherDevice && !sameContent(incoming, stored) ? 'update-conflict' : 'update';
  return otherDevice && !sameContent(incoming, stored) ? 'older-conflict' : 'older';
}
