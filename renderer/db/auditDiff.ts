/**
 * Field-level before/after for the audit trail. Sensitive personal information (ID numbers,
 * phone numbers) is masked here, so the plain value never reaches the audit table; a birth date is
 * kept as its year only, so that it cannot complete a masked ID number. Free text that may hold
 * health or family details (a 走访慰问's 慰问事由, a member's 备注 and 不计入应到人数的原因) is
 * recorded as changed, never with what it says.
 */
import { maskBirthDate, maskIdNumber, maskPhone } from '../../shared/model/idNumber';
import type { AuditRow } from './localTypes';

/** Meta fields change on every write; the audit row records them once, not per field. */
const META_FIELDS = new Set(['id', 'unitId', 'rev', 'deleted', 'updatedBy', 'createdAt']);

const MASKERS: Record<string, (value: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  // the year only: a full birth date beside a masked ID number in the same row would complete it
  birthDate: maskBirthDate,
};

/** Fields, by table, whose text the audit trail never keeps. */
const UNRECORDED_TEXT: Readonly<Record<string, ReadonlySet<string>>> = {
  careVisit: new Set(['reason']),
  member: new Set(['note', 'excludedReason']),
};

/** What the audit trail shows instead of such a text. */
export const UNRECORDED_TEXT_MARK = '（内容不记入操作日志）';

export function maskForAudit(field: string, value: unknown, table?: string): unknown {
  if (table !== undefined && UNRECORDED_TEXT[table]?.has(field) && typeof value === 'string' && value !== '') return UNRECORDED_TEXT_MARK;
  const mask = MASKERS[field];
  return mask && typeof value === 'string' && value !== '' ? mask(value) : value;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The fields that differ between two versions of a record of `table` (either may be absent). */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null, table?: string): AuditRow['changes'] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditRow['changes'] = [];
  for (const field of fields) {
    if (META_FIELDS.has(field)) continue;
    const b = before?.[field];
    const a = after?.[field];
    if (same(b, a)) continue;
    changes.push({ field, before: maskForAudit(field, b ?? null, table), after: maskForAudit(field, a ?? null, table) });
  }
  return changes;
}
