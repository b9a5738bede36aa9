/**
 * A quarter's scores for all units: each unit's indicators (quarterlyIndicators), its weighted total
 * (weightedTotal: an indicator with no data counts 0 and is named), and its rank among the units
 * (ties share a rank: 1, 1, 3). One profile for the whole quarter: the one in force on its last day.
 */
import { BugError } from '../../../errors/errors';
import type { IsoDate } from '../../dates';
import type { AssessmentIndicatorId, RuleProfile } from '../../profile';
import { weightedTotal, type WeightedTotal } from '../assessment';
import { profileForQuarter, profileRef, quarterlyIndicators, type ProfileRef, type QuarterlyIndicatorsInput } from './quarterlyIndicators';
import { parseQuarter, type QuarterKey } from './quarter';
import { ranksByTotal } from './ranking';
import type { IndicatorResult } from './types';
import { compareChinese } from '../../collation';

export interface UnitQuarterInput extends Omit<QuarterlyIndicatorsInput, 'quarter' | 'today'> {
  /** The register's name of the unit. */
  readonly name: string;
}

export interface UnitQuarterScore {
  readonly unitId: string;
  readonly name: string;
  /** Weighted total 0–100, two decimals. */
  readonly total: number;
  readonly rank: number;
  /** Indicator id → score, for the indicators that have one (the assessment record's `scores`). */
  readonly scores: Readonly<Partial<Record<AssessmentIndicatorId, number>>>;
  readonly indicators: readonly IndicatorResult[];
  readonly weighted: WeightedTotal;
  /** "无数据的指标按 0 分计：…", or null when every indicator has a score. */
  readonly missingNote: string | null;
}

export interface QuarterScoreTable {
  readonly quarter: QuarterKey;
  /** 2026年第3季度 */
  readonly label: string;
  readonly computedOn: IsoDate;
  readonly profile: ProfileRef;
  /** Best first; equal ranks by name. */
  readonly units: readonly UnitQuarterScore[];
}

export interface ScoreQuarterOptions {
  readonly quarter: QuarterKey;
  /** Today for the live preview, or the day of publication. */
  readonly today: IsoDate;
  /** The ruleProfile records the 工委 issued (deleted ones ignored); the one in force on the quarter's last day applies. */
  readonly profiles: readonly { readonly profile: RuleProfile; readonly deleted?: boolean }[];
}

export function scoreQuarter(units: readonly UnitQuarterInput[], options: ScoreQuarterOptions): QuarterScoreTable {
  const profile = profileForQuarter(options.profiles, options.quarter);
  const names = new Map(profile.assessment.indicators.map((i) => [i.id, i.name] as const));
  const scored = units.map((u) => {
    const result = quarterlyIndicators({ ...u, quarter: options.quarter, today: options.today }, profile);
    const scores: Partial<Record<AssessmentIndicatorId, number>> = {};
    for (const i of result.indicators) if (i.score !== null) scores[i.id] = i.score;
    const weighted = weightedTotal(scores, profile);
    const missingNote = weighted.missing.length === 0 ? null : `无数据的指标按 0 分计：${weighted.missing.map((id) => names.get(id) ?? id).join('、')}`;
    return { unitId: u.unitId, name: u.name, total: weighted.total, scores, indicators: result.indicators, weighted, missingNote };
  });
  const ranks = ranksByTotal(scored);
  const ranked = scored.map((s, i) => ({ ...s, rank: ranks[i]! }));
  ranked.sort((a, b) => a.rank - b.rank || compareChinese(a.name, b.name) || (a.unitId < b.unitId ? -1 : 1));
  return { quarter: options.quarter, label: parseQuarter(options.quarter).period.label, computedOn: options.today, profile: profileRef(profile), units: ranked };
}

/**
 * Tables of the same quarter scored in parts (a screen scores unit by unit so that it can show
 * progress and stay responsive) as one table: units re-ranked together, best first. Throws on
 * parts of different quarters or profiles — they cannot be ranked together.
 */
export function mergeScoreTables(parts: readonly QuarterScoreTable[]): QuarterScoreTable | null {
  const first = parts[0];
  if (first === undefined) return null;
  for (const p of parts)
    if (p.quarter !== first.quarter || p.profile.version !== first.profile.version) throw new BugError('score tables of different quarters or profiles cannot be merged');
  const all = parts.flatMap((p) => p.units);
  const ranks = ranksByTotal(all);
  const units = all.map((u, i) => ({ ...u, rank: ranks[i]! }));
  units.sort((a, b) => a.rank - b.rank || compareChinese(a.name, b.name) || (a.unitId < b.unitId ? -1 : 1));
  return { ...first, units };
}
