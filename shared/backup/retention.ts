/**
 * Which automatic (rolling) backups to keep (issue 17: "keep e.g. 7 daily + 4 weekly + the last 5
 * pre-import ones"), and when a reminder is due. Pure: the Electron shell lists its backup folder,
 * asks `planRetention` and deletes what it says; the workbench asks `backupReminder`. Nothing here
 * reads a clock or a file.
 *
 * Rules, each kind in its own pool (a pre-import backup never counts as a daily one):
 * - `daily` (scheduled): the newest backup of each of the `daily` most recent calendar days that
 *   have one; then the newest backup of each of the `weekly` most recent ISO weeks among the
 *   backups of the other days (so the weekly ones reach further back than the daily ones);
 * - `pre-import`: the newest `preImport`; `pre-migration`: the newest `preMigration`;
 * - the newest backup of every kind is always kept; a backup whose time cannot be read is kept and
 *   reported (never delete what is not understood).
 * Days are the PC's calendar days (`dayOf`, by default the local time zone, shared/clock/localDate).
 */
import { localIsoDate } from '../clock/localDate';

export type AutomaticBackupKind = 'daily' | 'pre-import' | 'pre-migration';

export interface AutomaticBackup {
  /** Whatever identifies it to the caller (a file name). */
  readonly id: string;
  readonly kind: AutomaticBackupKind;
  /** When it was made (ISO instant). */
  readonly at: string;
}

export interface RetentionPolicy {
  readonly daily: number;
  readonly weekly: number;
  readonly preImport: number;
  readonly preMigration: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = Object.freeze({ daily: 7, weekly: 4, preImport: 5, preMigration: 3 });

export interface RetentionPlan {
  /** Kept, with why (for the log and the tests). */
  readonly keep: readonly { readonly id: string; readonly reason: 'daily' | 'weekly' | 'pre-import' | 'pre-migration' | 'unreadable-time' }[];
  /** To delete. */
  readonly remove: readonly string[];
}

/** ISO 8601 week of a `YYYY-MM-DD` date, as `YYYY-Www` (the week's Thursday decides the year). */
export function isoWeekOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  date.setUTCDate(date.getUTCDate() - weekday + 3); // that week's Thursday
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 24 * 3600 * 1000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const byNewest = (a: { t: number; id: string }, b: { t: number; id: string }) => b.t - a.t || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** What to keep and what to delete of `backups` under `policy`. */
export function planRetention(
  backups: readonly AutomaticBackup[],
  policy: RetentionPolicy = DEFAULT_RETENTION,
  dayOf: (at: Date) => string = localIsoDate,
): RetentionPlan {
  const keep: RetentionPlan['keep'][number][] = [];
  const remove: string[] = [];
  const timed: (AutomaticBackup & { t: number })[] = [];
  for (const b of backups) {
    const t = Date.parse(b.at);
    if (Number.isNaN(t)) keep.push({ id: b.id, reason: 'unreadable-time' });
    else timed.push({ ...b, t });
  }
  const pool = (kind: AutomaticBackupKind) => timed.filter((b) => b.kind === kind).sort(byNewest);

  // the newest N of a kind (at least the newest one)
  for (const [kind, n] of [
    ['pre-import', policy.preImport],
    ['pre-migration', policy.preMigration],
  ] as const) {
    pool(kind).forEach((b, i) => (i < Math.max(1, n) ? keep.push({ id: b.id, reason: kind }) : remove.push(b.id)));
  }

  const daily = pool('daily');
  const kept = new Set<string>();
  const days = new Set<string>();
  for (const b of daily) {
    const day = dayOf(new Date(b.t));
    if (days.has(day) || days.size >= Math.max(1, policy.daily)) continue;
    days.add(day);
    kept.add(b.id);
    keep.push({ id: b.id, reason: 'daily' });
  }
  const weeks = new Set<string>();
  for (const b of daily) {
    const day = dayOf(new Date(b.t));
    if (days.has(day)) continue; // another backup of a day kept as a daily one
    const week = isoWeekOf(day);
    if (weeks.has(week) || weeks.size >= policy.weekly) continue;
    weeks.add(week);
    kept.add(b.id);
    keep.push({ id: b.id, reason: 'weekly' });
  }
  for (const b of daily) if (!kept.has(b.id)) remove.push(b.id);
  return { keep, remove };
}

/** True when no daily backup was made on `now`'s calendar day yet (the shell makes one at start or at the day's first import). */
export function dailyBackupDue(backups: readonly AutomaticBackup[], now: Date, dayOf: (at: Date) => string = localIsoDate): boolean {
  const today = dayOf(now);
  return !backups.some((b) => b.kind === 'daily' && !Number.isNaN(Date.parse(b.at)) && dayOf(new Date(b.at)) === today);
}

/**
 * The workbench's reminder: due when no backup was ever saved, or the last one is `intervalDays` or
 * more calendar days old (a backup "from the future" — a PC clock set back — counts as made today).
 */
export function backupReminder(lastSavedAt: string | null, now: Date, intervalDays = 7, dayOf: (at: Date) => string = localIsoDate): { due: boolean; daysSince: number | null } {
  if (lastSavedAt === null || Number.isNaN(Date.parse(lastSavedAt))) return { due: true, daysSince: null };
  const dayNumber = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) / (24 * 3600 * 1000);
  };
  const daysSince = Math.max(0, dayNumber(dayOf(now)) - dayNumber(dayOf(new Date(lastSavedAt))));
  return { due: daysSince >= intervalDays, daysSince };
}
