/**
 * Dates as people type them in spreadsheets: 1985-07-01, 1985/7/1, 1985.07.01, 1985年7月1日,
 * 19850701, or a real date cell. A month-only value (1985.07, 1985年7月) means the first of the
 * month, which is how 花名册 often record 入党时间; the caller is told so it can say it.
 */
import { isIsoDate } from '../model/primitives';

export interface ParsedCellDate {
  readonly date: string;
  /** True when only year and month were given and the day was set to 1. */
  readonly monthOnly: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function build(y: number, m: number, d: number, monthOnly: boolean): ParsedCellDate | null {
  const date = `${y}-${pad(m)}-${pad(d)}`;
  return isIsoDate(date) ? { date, monthOnly } : null;
}

/** A cell value (string, number or a Date from the spreadsheet reader) → IsoDate, or null when it is not a date. */
export function parseCellDate(value: unknown): ParsedCellDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // Spreadsheet dates carry no time zone; readers give them as UTC midnight.
    return build(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), false);
  }
  const text = String(value ?? '').trim().replace(/\s+/g, '');
  if (text === '') return null;
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), false);
  m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), false);
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), 1, true);
  return null;
}
