/** Today's calendar date on this PC, as the ledger's IsoDate (shared/clock/localDate.ts: the office's own time zone). */
import { localIsoDate } from '../../../shared/clock/localDate';

export function todayIso(): string {
  return localIsoDate(new Date());
}
