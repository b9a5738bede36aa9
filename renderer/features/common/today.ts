/** Today's calendar date on this PC, as the ledger's IsoDate (the office's own time zone). */
import dayjs from 'dayjs';

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}
