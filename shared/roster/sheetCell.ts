/**
 * A spreadsheet cell as the roster import needs it: not only its value but what KIND of cell it
 * was, because that decides what the value can be trusted for. An ID number in a number cell has
 * already lost its last digits (Excel keeps 15 significant digits), whatever its text says now; a
 * formula whose result the file does not hold has no value at all, which is not the same as empty.
 */
export type SheetCell =
  | { readonly t: 'text'; readonly text: string }
  /** `text` is the number as the file wrote it, normalised (411302196102020000, 1986.05, 13812345678). */
  | { readonly t: 'number'; readonly value: number; readonly text: string }
  /** A date cell (a number with a date format, or an ISO date cell), as YYYY-MM-DD. */
  | { readonly t: 'date'; readonly date: string }
  | { readonly t: 'bool'; readonly value: boolean }
  /** An error value such as #N/A or #REF!. */
  | { readonly t: 'error'; readonly text: string }
  /** A formula the file saved without its result (written by a program that does not calculate). */
  | { readonly t: 'formula'; readonly formula: string };

/** One row of a sheet that has at least one cell; `rowNumber` is 1-based, as the spreadsheet shows it. */
export interface SheetRow {
  readonly rowNumber: number;
  /** Cells by column (0 = A); null where the cell is empty. */
  readonly cells: readonly (SheetCell | null)[];
}

export type RosterSheet = readonly SheetRow[];

const pad = (n: number) => String(n).padStart(2, '0');

/** A number as text (JavaScript writes integers below 1e21 without an exponent: 411302196102020000). */
export function numberText(value: number): string {
  return String(value);
}

/** A plain value (string, number, boolean, Date, SheetCell, null) as a cell; '' and null are empty. */
export function toSheetCell(value: unknown): SheetCell | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : { t: 'text', text: value };
  if (typeof value === 'number') return Number.isFinite(value) ? { t: 'number', value, text: numberText(value) } : null;
  if (typeof value === 'boolean') return { t: 'bool', value };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return { t: 'date', date: `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}` };
  }
  if (typeof value === 'object' && 't' in value) return value as SheetCell;
  return { t: 'text', text: String(value) };
}

/** A sheet given as rows of plain values (tests, older callers): row i is spreadsheet row i + 1. */
export function sheetFromValues(rows: readonly (readonly unknown[])[]): RosterSheet {
  const out: SheetRow[] = [];
  rows.forEach((row, i) => {
    const cells = row.map(toSheetCell);
    if (cells.some((c) => c !== null)) out.push({ rowNumber: i + 1, cells });
  });
  return out;
}

/** What the cell shows, as text ('' for an empty cell). */
export function cellDisplayText(cell: SheetCell | null | undefined): string {
  if (!cell) return '';
  switch (cell.t) {
    case 'text':
      return cell.text.trim();
    case 'number':
      return cell.text;
    case 'date':
      return cell.date;
    case 'bool':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'error':
      return cell.text;
    case 'formula':
      return `=${cell.formula}`;
  }
}
