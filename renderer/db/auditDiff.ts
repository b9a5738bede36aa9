/**
 * Field-level before/after for the audit trail. Sensitive personal information (ID numbers,
 * phone numbers) is masked here, so the plain value never reaches the audit table; a birth date is
 * kept as its year only, so that it cannot complete a masked ID number.
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

export function maskForAudit(field: string, value: unknown): unknown {
  const mask = MASKERS[field];
  return mask && typeof value === 'string' && value !== '' ? mask(value) : value;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The fields that differ between two versions of a record (either may be absent). */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditRow['changes'] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditRow['changes'] = [];
  for (const field of fields) {
    if (META_FIELDS.has(field)) continue;
    const b = before?.[field];
    const a = after?.[field];
    if (same(b, a)) continue;
    changes.push({ field, before: maskForAudit(field, b ?? null), after: maskForAudit(field, a ?? null) });
  }
  return changes;
}
