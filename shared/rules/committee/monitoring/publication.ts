/**
 * Publishing a quarter (发布): the live scores are frozen into assessment-shaped snapshots, one per
 * unit (`quarter`, `scores`, `total`: the fields of the assessment record). A published quarter never
 * changes when late records arrive; `compareWithLive` says per unit, in a sentence, what would have
 * changed, and leaves the published snapshot as it was.
 */
import type { IsoDate } from '../../dates';
import type { ProfileRef } from './quarterlyIndicators';
import type { QuarterKey } from './quarter';
import type { QuarterScoreTable } from './quarterScores';
import { ranksByTotal } from './ranking';

/** One unit's published result: an assessment record's own fields and its unit (records pass as they are). */
export interface PublishedAssessment {
  readonly unitId: string;
  readonly quarter: QuarterKey;
  /** Indicator id → score; an indicator without data has no entry. */
  readonly scores: Readonly<Record<string, number>>;
  readonly total: number;
  readonly deleted?: boolean;
}

export interface PublishedQuarter {
  readonly quarter: QuarterKey;
  readonly publishedOn: IsoDate;
  readonly profile: ProfileRef;
  readonly assessments: readonly PublishedAssessment[];
}

/** The live table frozen: later changes to the records (or to the table) do not reach it. */
export function publishQuarter(live: QuarterScoreTable, publishedOn: IsoDate): PublishedQuarter {
  const assessments = live.units.map((u) => Object.freeze({ unitId: u.unitId, quarter: live.quarter, scores: Object.freeze({ ...u.scores } as Record<string, number>), total: u.total }));
  return Object.freeze({ quarter: live.quarter, publishedOn, profile: Object.freeze({ ...live.profile }), assessments: Object.freeze(assessments) });
}

/** The quarter's published assessments among records of any quarter (tombstones left out). */
export function publishedOfQuarter(assessments: readonly PublishedAssessment[], quarter: QuarterKey): PublishedAssessment[] {
  return assessments.filter((a) => a.deleted !== true && a.quarter === quarter);
}

export interface IndicatorChange {
  readonly id: string;
  readonly name: string;
  readonly published: number | null;
  readonly live: number | null;
}

export interface UnitComparison {
  readonly unitId: string;
  readonly name: string;
  readonly published: { readonly total: number; readonly rank: number } | null;
  readonly live: { readonly total: number; readonly rank: number } | null;
  readonly changedIndicators: readonly IndicatorChange[];
  readonly changed: boolean;
  /** What would have changed, in one Chinese sentence. */
  readonly sentence: string;
}

const shown = (n: number | null): string => (n === null ? '无数据' : String(n));

/**
 * Per unit of the live table (then the units published but no longer computed), what recomputing
 * the quarter now would change. `names` names units that are only on the published side (default:
 * their id).
 */
export function compareWithLive(published: readonly PublishedAssessment[], live: QuarterScoreTable, names: ReadonlyMap<string, string> = new Map()): UnitComparison[] {
  const ofQuarter = publishedOfQuarter(published, live.quarter);
  const publishedRanks = ranksByTotal(ofQuarter);
  const byUnit = new Map(ofQuarter.map((a, i) => [a.unitId, { a, rank: publishedRanks[i]! }] as const));
  const out: UnitComparison[] = [];
  for (const u of live.units) {
    const p = byUnit.get(u.unitId);
    const liveFig = { total: u.total, rank: u.rank };
    if (p === undefined) {
      out.push({ unitId: u.unitId, name: u.name, published: null, live: liveFig, changedIndicators: [], changed: true, sentence: `发布时未包括该单位；按现有记录计算为 ${u.total} 分、第 ${u.rank} 名` });
      continue;
    }
    const names = new Map(u.indicators.map((i) => [i.id as string, i.name] as const));
    const ids = [...new Set([...u.indicators.map((i) => i.id as string), ...Object.keys(p.a.scores)])];
    const changedIndicators: IndicatorChange[] = [];
    for (const id of ids) {
      const before = p.a.scores[id] ?? null;
      const after = (u.scores as Record<string, number | undefined>)[id] ?? null;
      if (before !== after) changedIndicators.push({ id, name: names.get(id) ?? id, published: before, live: after });
    }
    const pubFig = { total: p.a.total, rank: p.rank };
    const changed = changedIndicators.length > 0 || pubFig.total !== liveFig.total || pubFig.rank !== liveFig.rank;
    const detail = changedIndicators.map((c) => `${c.name} ${shown(c.published)} → ${shown(c.live)}`).join('；');
    const sentence = changed
      ? `已发布 ${pubFig.total} 分、第 ${pubFig.rank} 名；按现有记录重新计算将为 ${liveFig.total} 分、第 ${liveFig.rank} 名${detail ? `（${detail}）` : ''}。已发布的结果不变`
      : '按现有记录重新计算，结果与已发布的一致';
    out.push({ unitId: u.unitId, name: u.name, published: pubFig, live: liveFig, changedIndicators, changed, sentence });
    byUnit.delete(u.unitId);
  }
  for (const { a, rank } of byUnit.values())
    out.push({
      unitId: a.unitId,
      name: names.get(a.unitId) ?? a.unitId,
      published: { total: a.total, rank },
      live: null,
      changedIndicators: [],
      changed: true,
      sentence: `已发布 ${a.total} 分、第 ${rank} 名；该单位不在本次重新计算的范围内。已发布的结果不变`,
    });
  return out;
}
