/**
 * This PC's calendar day: the one place where an instant (a `Date`) becomes the ledger's
 * `YYYY-MM-DD` (shared/rules/dates.ts's IsoDate), by the local clock and time zone — the office's
 * own calendar, as the people entering records read it. Today's date on screens, the dates in
 * saved file names and the rule profile in force on export all come from here.
 */

const two = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of `at` on this PC's calendar (today by default). */
export function localIsoDate(at: Date = new Date()): string {
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}
