/**
 * The sessions (课次) the class form proposes when the user turns on 分次登记考勤, and the ids of
 * sessions added by hand. Pure, so the proposal is tested without a screen.
 */
import { addDays, daysBetween, type IsoDate } from '../../../shared/rules/dates';
import type { TrainingSession } from '../../../shared/model/training';

/** More days than this are not split day by day automatically (a long evening class is entered by hand). */
export const MAX_PROPOSED_DAYS = 31;

/**
 * A class of one day: 上午 and 下午, half the hours each. Several days: one session per day, the
 * hours shared out in half hours, the odd half hours going to the first days (8 h over 3 days →
 * 3, 2.5, 2.5). Hours of 0 or more than a long class can hold are shared the same way.
 */
export function proposeSessions(startDate: IsoDate, endDate: IsoDate, hours: number): TrainingSession[] {
  const days = Math.min(Math.max(daysBetween(startDate, endDate) + 1, 1), MAX_PROPOSED_DAYS);
  const slots = days === 1 ? [{ date: startDate, label: '上午' }, { date: startDate, label: '下午' }] : Array.from({ length: days }, (_, i) => ({ date: addDays(startDate, i), label: '' }));
  const halves = Math.max(0, Math.round(hours * 2));
  const base = Math.floor(halves / slots.length);
  const extra = halves - base * slots.length;
  return slots.map((slot, i) => ({ id: `s${i + 1}`, ...slot, hours: (base + (i < extra ? 1 : 0)) / 2 }));
}

/** The id for a session added now: one more than any id the class has had in this edit. */
export function nextSessionId(ids: readonly (string | undefined)[]): string {
  let max = 0;
  for (const id of ids) {
    const n = id && /^s(\d+)$/.test(id) ? Number(id.slice(1)) : 0;
    if (n > max) max = n;
  }
  return `s${max + 1}`;
}
