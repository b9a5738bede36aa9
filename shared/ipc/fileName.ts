/**
 * File names the app makes (reports, bundles, key backups, workbooks), from names people typed: the
 * one cleaner. The characters Windows refuses in a file name, and control characters, are the
 * ones the bridge's contract (./contract.ts) refuses too.
 */

/** \ / : * ? " < > | and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name may not hold
export const FILE_NAME_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/;

export interface FileNamePartOptions {
  /** What stands for each refused character: '_' (the default), or '' to drop it. */
  readonly replacement?: '_' | '';
  /** Drop white space too (a part of a report's name: 市 统计局 → 市统计局). */
  readonly dropSpace?: boolean;
  /** At most this many characters. */
  readonly maxLength?: number;
  /** Used when nothing is left. */
  readonly fallback?: string;
}

/** `text` made fit to be part of a file name. */
export function fileNamePart(text: string, options: FileNamePartOptions = {}): string {
  const { replacement = '_', dropSpace = false, maxLength = 80, fallback = '' } = options;
  const kept = Array.from(dropSpace ? text.replace(/\s+/g, '') : text, (c) => (FILE_NAME_FORBIDDEN.test(c) ? replacement : c)).join('');
  const cleaned = kept.trim().slice(0, maxLength);
  return cleaned === '' ? fallback : cleaned;
}
