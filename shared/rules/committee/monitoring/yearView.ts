/**
 * 年度考核参考: the year's PUBLISHED quarters of each unit added up — the sum of its published
 * totals and their average over the quarters it was scored in — ranked by the average (ties share a
 * rank). Quarters not published yet are named: for the city (no unit published) and per unit.
 */
import { parseQuarter, quarterKeysOfYear, type QuarterKey } from './quarter';
import { publishedOfQuarter, type PublishedAssessment } from './publication';
import { ranksByTotal } from './ranking';
import { round2 } from './scale';
import { compareChinese } from '../../collation';

export interface YearUnitRow {
  readonly unitId: string;
  readonly name: string;
  /** Q1–Q4 published totals, null when that quarter has none for the unit. */
  readonly quarters: readonly (number | null)[];
  readonly sum: number;
  /** Average over the published quarters, two decimals; null when none. */
  readonly average: number | null;
  readonly missingQuarters: readonly QuarterKey[];
  /** By average; units without any published quarter last, without a rank. */
  readonly rank: number | null;
  readonly note: string;
}

export interface YearView {
  readonly year: number;
  readonly publishedQuarters: readonly QuarterKey[];
  readonly missingQuarters: readonly QuarterKey[];
  /** Says which quarters the reference is built from, in words. */
  readonly note: string;
  /** By rank, then by name. */
  readonly units: readonly YearUnitRow[];
}

const label = (key: QuarterKey): string => `第${parseQuarter(key).q}季度`;

export function yearView(assessments: readonly PublishedAssessment[], year: number, units: readonly { readonly unitId: string; readonly name: string }[]): YearView {
  const keys = quarterKeysOfYear(year);
  const perQuarter = keys.map((k) => new Map(publishedOfQuarter(assessments, k).map((a) => [a.unitId, a.total] as const)));
  const publishedQuarters = keys.filter((_, i) => perQuarter[i]!.size > 0);
  const missingQuarters = keys.filter((_, i) => perQuarter[i]!.size === 0);
  const listed = new Map(units.map((u) => [u.unitId, u.name] as const));
  for (const m of perQuarter) for (const id of m.keys()) if (!listed.has(id)) listed.set(id, '（不在纳管名单中的单位）');

  const rows = [...listed].map(([unitId, name]) => {
    const quarters = perQuarter.map((m) => m.get(unitId) ?? null);
    const got = quarters.filter((t): t is number => t !== null);
    const sum = round2(got.reduce((s, t) => s + t, 0));
    const average = got.length === 0 ? null : round2(sum / got.length);
    const missing = keys.filter((_, i) => quarters[i] === null);
    const note =
      got.length === 0
        ? `${year}年尚无该单位已发布的季度考核结果`
        : missing.length === 0
          ? `${year}年四个季度均已发布，合计 ${sum} 分，平均 ${average} 分`
          : `按已发布的 ${got.length} 个季度计算，合计 ${sum} 分，平均 ${average} 分；${missing.map(label).join('、')}无已发布结果`;
    return { unitId, name, quarters, sum, average, missingQuarters: missing, note };
  });
  const scored = rows.filter((r) => r.average !== null);
  const ranks = ranksByTotal(scored.map((r) => ({ total: r.average! })));
  const rankOf = new Map(scored.map((r, i) => [r.unitId, ranks[i]!] as const));
  const ranked: YearUnitRow[] = rows.map((r) => ({ ...r, rank: rankOf.get(r.unitId) ?? null }));
  ranked.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || compareChinese(a.name, b.name) || (a.unitId < b.unitId ? -1 : 1));
  const note =
    missingQuarters.length === 0
      ? `${year}年四个季度均已发布`
      : publishedQuarters.length === 0
        ? `${year}年尚无已发布的季度考核结果`
        : `${year}年${missingQuarters.map(label).join('、')}尚未发布，年度参考分按已发布的 ${publishedQuarters.length} 个季度计算`;
  return { year, publishedQuarters, missingQuarters, note, units: ranked };
}
