/**
 * 关怀激励 and 宣传: figures of a year from the unit's 走访慰问 (care visits), 表彰 (commendations)
 * and 宣传 (publicity) records — counts, the 慰问金额 sum in 分, commendations by level, publicity
 * by outlet — and the date rule of all three (a record of something done: not later than today).
 */
import type { IsoDate } from '../dates';
import type { TodoItem } from '../todos';
import { compareChinese } from '../collation';

export interface CareVisitFact {
  readonly date: string;
  readonly visitedName: string;
  readonly amountFen: number;
}

export interface CommendationFact {
  readonly date: string;
  readonly level: string;
}

export interface PublicityFact {
  readonly date: string;
  readonly outlet: string;
}

/** The label of commendations or publicity without a level / outlet. */
export const NO_LEVEL = '未填级别';
export const NO_OUTLET = '未填媒体';

export interface CountOf {
  readonly label: string;
  readonly count: number;
}

export interface CareFigures {
  readonly year: number;
  /** 走访慰问 人次 (one record is one person visited once). */
  readonly visits: number;
  /** Distinct people visited (by name, trimmed). */
  readonly visitedPeople: number;
  readonly amountFen: number;
  readonly commendations: number;
  /** By level, most first, then by label; records without a level as 未填级别 (last). */
  readonly commendationsByLevel: readonly CountOf[];
  readonly publicity: number;
  /** By outlet, most first; records without an outlet as 未填媒体 (last). */
  readonly publicityByOutlet: readonly CountOf[];
}

export function inYear(date: string, year: number): boolean {
  return date.slice(0, 4) === String(year);
}

function countBy<T>(rows: readonly T[], key: (r: T) => string, blank: string): CountOf[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const label = key(r).trim() || blank;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => (a.label === blank ? 1 : 0) - (b.label === blank ? 1 : 0) || b.count - a.count || compareChinese(a.label, b.label));
}

export function careFigures(
  year: number,
  records: { readonly visits: readonly CareVisitFact[]; readonly commendations: readonly CommendationFact[]; readonly publicity: readonly PublicityFact[] },
): CareFigures {
  const visits = records.visits.filter((v) => inYear(v.date, year));
  const commendations = records.commendations.filter((c) => inYear(c.date, year));
  const publicity = records.publicity.filter((p) => inYear(p.date, year));
  return {
    year,
    visits: visits.length,
    visitedPeople: new Set(visits.map((v) => v.visitedName.trim())).size,
    amountFen: visits.reduce((s, v) => s + v.amountFen, 0),
    commendations: commendations.length,
    commendationsByLevel: countBy(commendations, (c) => c.level, NO_LEVEL),
    publicity: publicity.length,
    publicityByOutlet: countBy(publicity, (p) => p.outlet, NO_OUTLET),
  };
}

/** A 走访/表彰/刊发 date is of something done: it may not lie after today. Null when fine. */
export function careDateProblem(date: string, today: IsoDate, what: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return `请选择${what}`;
  if (date > today) return `${what}不能晚于今天（${today}），请登记已经发生的事项`;
  return null;
}

/** Month (1–12) from which a year without any 走访慰问 is a to-do (the fourth quarter). */
export const CARE_VISITS_FROM_MONTH = 10;

/**
 * Workbench to-do: from the fourth quarter, a year with no 走访慰问 recorded. The 《意见》 asks to
 * visit seriously ill or struggling party-affairs cadres 定期 (regularly) and names no date, so
 * the app names none either: only that the year has none by its last quarter.
 */
export function careVisitTodos(visits: readonly (CareVisitFact & { readonly deleted?: boolean })[], asOf: IsoDate): TodoItem[] {
  const year = Number(asOf.slice(0, 4));
  if (Number(asOf.slice(5, 7)) < CARE_VISITS_FROM_MONTH) return [];
  if (visits.some((v) => v.deleted !== true && inYear(v.date, year) && v.date <= asOf)) return [];
  return [
    {
      key: `care:no-visits:${year}`,
      area: 'care',
      severity: 'low',
      title: `${year}年度尚无走访慰问记录`,
      detail: `《关于市直单位党组（党委）落实机关党建责任制的意见》要求定期对身患重病、生活困难的党务干部进行走访慰问。如本年度已开展，请在“关怀激励 → 走访慰问”中登记；年度报告据此统计。`,
      due: `${year}-12-31`,
      link: `/care?year=${year}`,
    },
  ];
}
