/**
 * The file name of one automatic (rolling) backup in the desktop app's backup folder:
 * `auto-<kind>-<YYYYMMDD>T<HHmmss><mmm>Z.tzbak`, the time in UTC, ASCII only. The name is the
 * backup's identity across IPC and carries what retention needs (kind and time), so the Electron
 * shell never opens a sealed file to decide what to keep. Pure.
 */
import { BugError } from '../errors/errors';
import type { AutomaticBackupKind as ContractKind } from '../ipc/contract';
import { BACKUP_EXTENSION } from './format';
import type { AutomaticBackupKind } from './retention';

// The contract (a lower tier) spells the kinds out again; both must stay the same union.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const KINDS_AGREE: Same<AutomaticBackupKind, ContractKind> = true;
void KINDS_AGREE;

const NAME = new RegExp(`^auto-(daily|pre-import|pre-migration)-(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})(\\d{3})Z\\.${BACKUP_EXTENSION}$`);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The file name of a `kind` backup made at `at` (UTC, millisecond precision). */
export function automaticBackupFileName(kind: AutomaticBackupKind, at: Date): string {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new BugError('automaticBackupFileName: invalid date');
  const year = at.getUTCFullYear();
  if (year < 0 || year > 9999) throw new BugError(`automaticBackupFileName: year ${year} out of range`);
  const date = `${pad(year, 4)}${pad(at.getUTCMonth() + 1, 2)}${pad(at.getUTCDate(), 2)}`;
  const time = `${pad(at.getUTCHours(), 2)}${pad(at.getUTCMinutes(), 2)}${pad(at.getUTCSeconds(), 2)}${pad(at.getUTCMilliseconds(), 3)}`;
  return `auto-${kind}-${date}T${time}Z.${BACKUP_EXTENSION}`;
}

/** The kind and time (ISO instant) of an automatic backup's file name; null for any other name. */
export function parseAutomaticBackupFileName(name: string): { kind: AutomaticBackupKind; at: string } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const g = (i: number): string => m[i] ?? '';
  const kind = g(1) as AutomaticBackupKind; // one of the three, by the pattern
  const iso = `${g(2)}-${g(3)}-${g(4)}T${g(5)}:${g(6)}:${g(7)}.${g(8)}Z`;
  const t = Date.parse(iso);
  // a real instant only: month 13, 30 February or 24:00 do not come back as themselves
  if (Number.isNaN(t) || new Date(t).toISOString() !== iso) return null;
  return { kind, at: iso };
}
