/** The automatic backup's file name: one per kind and millisecond, and nothing else parses. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { automaticBackupFileName, parseAutomaticBackupFileName } from './automaticBackupName';
import type { AutomaticBackupKind } from './retention';

describe('automaticBackupFileName', () => {
  it('names a backup by its kind and UTC time, to the millisecond, in ASCII', () => {
    expect(automaticBackupFileName('daily', new Date('2026-12-01T02:03:04.005Z'))).toBe('auto-daily-20261201T020304005Z.tzbak');
    expect(automaticBackupFileName('pre-import', new Date('2026-12-01T10:03:04.005+08:00'))).toBe('auto-pre-import-20261201T020304005Z.tzbak');
    expect(automaticBackupFileName('pre-migration', new Date('2027-01-31T23:59:59.999Z'))).toBe('auto-pre-migration-20270131T235959999Z.tzbak');
  });

  it('refuses an invalid date', () => {
    expect(() => automaticBackupFileName('daily', new Date('nope'))).toThrow();
  });

  it('round-trips every kind and instant', () => {
    const kinds: AutomaticBackupKind[] = ['daily', 'pre-import', 'pre-migration'];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (kind, at) => {
        const name = automaticBackupFileName(kind, at);
        expect(name).toMatch(/^[\x21-\x7e]+$/);
        expect(parseAutomaticBackupFileName(name)).toEqual({ kind, at: at.toISOString() });
      }),
    );
  });
});

describe('parseAutomaticBackupFileName', () => {
  it('reads a name back', () => {
    expect(parseAutomaticBackupFileName('auto-pre-import-20261201T020304005Z.tzbak')).toEqual({ kind: 'pre-import', at: '2026-12-01T02:03:04.005Z' });
  });

  it.each([
    ['a traversal', '../x'],
    ['a traversal to a real-looking name', '../auto-daily-20261201T020304005Z.tzbak'],
    ['a folder before the name', 'backups/auto-daily-20261201T020304005Z.tzbak'],
    ['a Windows folder before the name', 'x\\auto-daily-20261201T020304005Z.tzbak'],
    ['another kind', 'auto-weekly-20261201T020304005Z.tzbak'],
    ['a manual backup', '台账备份_2026-12-01.tzbak'],
    ['another extension', 'auto-daily-20261201T020304005Z.tzb'],
    ['a partial file', 'auto-daily-20261201T020304005Z.tzbak.partial'],
    ['month 13', 'auto-daily-20261301T020304005Z.tzbak'],
    ['month 0', 'auto-daily-20260001T020304005Z.tzbak'],
    ['30 February', 'auto-daily-20260230T020304005Z.tzbak'],
    ['hour 24', 'auto-daily-20261201T240000000Z.tzbak'],
    ['second 60', 'auto-daily-20261201T235960000Z.tzbak'],
    ['no milliseconds', 'auto-daily-20261201T020304Z.tzbak'],
    ['no Z', 'auto-daily-20261201T020304005.tzbak'],
    ['an upper-case kind', 'auto-DAILY-20261201T020304005Z.tzbak'],
    ['full-width digits', 'auto-daily-２０２６1201T020304005Z.tzbak'],
    ['a trailing space', 'auto-daily-20261201T020304005Z.tzbak '],
    ['a trailing newline', 'auto-daily-20261201T020304005Z.tzbak\n'],
    ['an empty name', ''],
  ])('refuses %s', (_what, name) => {
    expect(parseAutomaticBackupFileName(name)).toBeNull();
  });
});
