/** Bounds for a hostile or mistaken roster file, checked before (and while) it is read. */
export const ROSTER_LIMITS = {
  /** The file as chosen. */
  maxFileBytes: 10 * 1024 * 1024,
  /** What one part of the .xlsx zip (a sheet's XML, the shared strings) may inflate to. */
  maxEntryBytes: 64 * 1024 * 1024,
  /** What all parts of the zip together may declare. */
  maxInflatedBytes: 160 * 1024 * 1024,
  /** Parts in the zip (a workbook has a few dozen). */
  maxZipEntries: 5_000,
  /** Non-empty rows of the sheet read, counted while reading. */
  maxRows: 20_000,
  /** Columns read per row (the rest are ignored). */
  maxColumns: 100,
} as const;

export const MIB = 1024 * 1024;
