/** Rolling-backup retention (7 daily + 4 weekly + 5 pre-import + 3 pre-migration), the daily trigger and the reminder. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backupReminder, dailyBackupDue, DEFAULT_RETENTION, isoWeekOf, planRetention, type AutomaticBackup, type AutomaticBackupKind } from './retention';

const utcDay = (d: Date) => d.toISOString().slice(0, 10);
const at = (day: string, time = '02:00:00') => `${day}T${time}.000Z`;
function daysFrom(start: string, n: number): string[] {
  const t = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(t + i * 86_400_000).toISOString().slice(0, 10));
}

describe('isoWeekOf', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday
    ['2027-01-01', '2026-W53'], // a Friday: still the last week of 2026
    ['2024-12-30', '2025-W01'], // a Monday: the first week of 2025
    ['2021-01-03', '2020-W53'], // a Sunday
    ['2026-12-05', '2026-W49'],
  ])('%s is in %s', (day, week) => expect(isoWeekOf(day)).toBe(week));
});

describe('planRetention', () => {
  it('keeps the newest of each of the last 7 days, then the newest of 4 earlier weeks, and deletes the rest', () => {
    const days = daysFrom('2026-10-01', 40);
    const backups: AutomaticBackup[] = days.map((d) => ({ id: d, kind: 'daily', at: at(d) }));
    const plan = planRetention(backups, DEFAULT_RETENTION, utcDay);
    const daily = plan.keep.filter((k) => k.reason === 'daily').map((k) => k.id);
    const weekly = plan.keep.filter((k) => k.reason === 'weekly').map((k) => k.id);
    expect(daily).toEqual(days.slice(-7).reverse());
    expect(weekly).toHaveLength(4);
    expect(new Set(weekly.map(isoWeekOf)).size).toBe(4);
    for (const w of weekly) {
      expect(w < (daily.at(-1) as string)).toBe(true); // further back than the daily ones
      // the newest remaining backup of its week
      expect(days.filter((d) => isoWeekOf(d) === isoWeekOf(w) && !daily.includes(d)).every((d) => d <= w)).toBe(true);
    }
    expect(plan.remove).toHaveLength(40 - 11);
  });

  it('keeps one backup per day (the newest) and never counts a pre-import backup as a daily one', () => {
    const backups: AutomaticBackup[] = [
      { id: 'morning', kind: 'daily', at: at('2026-12-01', '01:00:00') },
      { id: 'evening', kind: 'daily', at: at('2026-12-01', '20:00:00') },
      ...Array.from({ length: 8 }, (_, i): AutomaticBackup => ({ id: `import-${i}`, kind: 'pre-import', at: at('2026-12-0' + String(1 + (i % 4)), `1${i}:00:00`) })),
      ...Array.from({ length: 4 }, (_, i): AutomaticBackup => ({ id: `migration-${i}`, kind: 'pre-migration', at: at(`2026-0${i + 1}-01`) })),
    ];
    const plan = planRetention(backups, DEFAULT_RETENTION, utcDay);
    const reasons = Object.fromEntries(plan.keep.map((k) => [k.id, k.reason]));
    expect(reasons.evening).toBe('daily');
    expect(plan.remove).toContain('morning'); // another backup of a day already kept: neither daily nor weekly
    expect(plan.keep.filter((k) => k.reason === 'pre-import')).toHaveLength(5);
    expect(plan.keep.filter((k) => k.reason === 'pre-migration').map((k) => k.id)).toEqual(['migration-3', 'migration-2', 'migration-1']);
    expect(plan.remove).toContain('migration-0');
    expect(plan.remove.filter((id) => id.startsWith('import-'))).toHaveLength(3);
  });

  it('keeps what it cannot read, and always the newest of each kind', () => {
    const plan = planRetention(
      [
        { id: 'broken', kind: 'daily', at: 'yesterday' },
        { id: 'only', kind: 'pre-import', at: at('2026-12-01') },
        { id: 'd', kind: 'daily', at: at('2026-12-01') },
      ],
      { daily: 0, weekly: 0, preImport: 0, preMigration: 0 },
      utcDay,
    );
    expect(plan.keep.map((k) => k.id).sort()).toEqual(['broken', 'd', 'only']);
    expect(plan.remove).toEqual([]);
  });

  it('partitions any set of backups: each kept or removed, exactly once; never more than the policy allows', () => {
    const kinds: AutomaticBackupKind[] = ['daily', 'pre-import', 'pre-migration'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom(...kinds), t: fc.integer({ min: Date.parse('2025-01-01'), max: Date.parse('2027-01-01') }) }), { maxLength: 120 }),
        (items) => {
          const backups = items.map((b, i): AutomaticBackup => ({ id: `b${i}`, kind: b.kind, at: new Date(b.t).toISOString() }));
          const plan = planRetention(backups, DEFAULT_RETENTION, utcDay);
          const ids = [...plan.keep.map((k) => k.id), ...plan.remove];
          expect(ids.sort()).toEqual(backups.map((b) => b.id).sort());
          expect(plan.keep.length).toBeLessThanOrEqual(7 + 4 + 5 + 3);
          if (backups.length > 0) {
            for (const kind of kinds) {
              const newest = backups.filter((b) => b.kind === kind).sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
              if (newest) expect(plan.keep.some((k) => Date.parse(backups.find((b) => b.id === k.id)!.at) === Date.parse(newest.at) && backups.find((b) => b.id === k.id)!.kind === kind)).toBe(true);
            }
          }
        },
      ),
      { seed: 20261205 },
    );
  });
});

describe('the daily trigger and the reminder', () => {
  it('a daily backup is due once per calendar day', () => {
    const backups: AutomaticBackup[] = [{ id: 'x', kind: 'daily', at: at('2026-12-04', '23:00:00') }, { id: 'y', kind: 'pre-import', at: at('2026-12-05') }];
    expect(dailyBackupDue(backups, new Date(at('2026-12-05', '08:00:00')), utcDay)).toBe(true);
    expect(dailyBackupDue(backups, new Date(at('2026-12-04', '23:30:00')), utcDay)).toBe(false);
  });
  it('reminds when never backed up or the last backup is 7 days old or more', () => {
    const now = new Date(at('2026-12-08', '09:00:00'));
    expect(backupReminder(null, now, 7, utcDay)).toEqual({ due: true, daysSince: null });
    expect(backupReminder(at('2026-12-02'), now, 7, utcDay)).toEqual({ due: false, daysSince: 6 });
    expect(backupReminder(at('2026-12-01'), now, 7, utcDay)).toEqual({ due: true, daysSince: 7 });
    expect(backupReminder(at('2026-12-20'), now, 7, utcDay)).toEqual({ due: false, daysSince: 0 }); // a clock set back
  });
});
