/** The city report's choices on screen: the defaults, and which days 截至 and 成文日期 may be. */
import { compareIsoDates, isoDate, minDate, yearOf, type IsoDate } from '../../../shared/rules/dates';

export const CITY_REPORT_NAME = '全市机关党建情况汇总';

/** 主送 until the committee writes its city's: “××” is a placeholder, said so on screen. */
export const ADDRESSEE_PLACEHOLDER = '中共××市委';

/** 截至 by default: 12月31日 of the year, or today for the year in progress. */
export function defaultAsOf(year: number, today: IsoDate): IsoDate {
  return minDate(isoDate(year, 12, 31), today);
}

/** Why 截至 cannot be `asOf` for the year's report, or null when it can. */
export function asOfProblem(year: number, asOf: IsoDate, today: IsoDate): string | null {
  if (yearOf(asOf) !== year) return `截至日期应在${year}年内，请重新选择。`;
  if (compareIsoDates(asOf, today) > 0) return '截至日期不能晚于今天：尚未到来的日子没有数据。';
  return null;
}

/** Why 成文日期 cannot be `date`, or null when it can. */
export function dateProblem(asOf: IsoDate, date: IsoDate): string | null {
  return compareIsoDates(date, asOf) < 0 ? '成文日期不能早于截至日期，请重新选择。' : null;
}

/** The years offered: this year back to seven years ago (a year not begun has no data). */
export function reportYears(today: IsoDate): number[] {
  const thisYear = yearOf(today);
  return Array.from({ length: 8 }, (_, i) => thisYear - i);
}
