/** The reports' small facts: the default 主送, the figures' day, and the PDF's file name. */
import { fileNamePart } from '../../../shared/ipc/fileName';
import { isoDate, minDate, type IsoDate } from '../../../shared/rules/dates';
import { todayIso } from './today';

/** A unit report's 主送 when nothing else is known. */
export const DEFAULT_ADDRESSEE = '中共××市委直属机关工委';

/** The figures' day: 12月31日 of the year, or today for the year in progress. */
export function asOfFor(year: number): IsoDate {
  return minDate(isoDate(year, 12, 31), todayIso() as IsoDate);
}

/** `<单位>_<报表名>_<year>.pdf`, without the characters a file name may not hold. */
export function reportFileName(unitName: string, reportName: string, year: number): string {
  const clean = (s: string): string => fileNamePart(s, { replacement: '', dropSpace: true });
  return `${clean(unitName)}_${clean(reportName)}_${year}.pdf`;
}
