/**
 * What the 季度考核计分表 prints, read the way the 季度考核 page reads it: the quarter's published
 * assessment records when it was published; else the live scores, computed unit by unit from the
 * records each enrolled unit sent (the units the page scores, on the page's `today`), so that the
 * PDF is the table on screen. Used by the PDF worker (its own connection) and by tests.
 */
import type { EnrolledUnit } from '../../shared/model/committee';
import { mergeScoreTables, profileForQuarter, scoreQuarter, type QuarterKey, type QuarterScoreTable } from '../../shared/rules/committee/monitoring';
import type { IsoDate } from '../../shared/rules/dates';
import { quarterScoresFromLive, quarterScoresFromPublished, type QuarterScorePrint } from '../../shared/reports/quarterScoreReport';
import type { TaizhangDb } from '../db/db';
import { monitoringBasis, monitoringInput, type MonitoringBasis } from '../db/queries/monitoring';

/** The units a quarter is scored for: enrolled, active or invited (not suspended or revoked). */
export function unitsToScore(basis: Pick<MonitoringBasis, 'units'>): EnrolledUnit[] {
  return basis.units.filter((u) => u.status === 'active' || u.status === 'invited');
}

/** The live table of the quarter on `today`, unit by unit (`progress` after each, 0…1); null without units. */
export async function liveQuarterScores(
  db: TaizhangDb,
  basis: MonitoringBasis,
  quarter: QuarterKey,
  today: IsoDate,
  progress: (fraction: number) => void = () => undefined,
): Promise<QuarterScoreTable | null> {
  const units = unitsToScore(basis);
  const parts: QuarterScoreTable[] = [];
  for (const unit of units) {
    const input = await monitoringInput(db, unit, basis.arrivals.get(unit.unitId) ?? []);
    parts.push(scoreQuarter([input], { quarter, today, profiles: basis.profiles }));
    progress(parts.length / units.length);
  }
  return mergeScoreTables(parts);
}

/** The quarter as printed: published if it was, else the live preview of `today`. */
export async function quarterScorePrint(db: TaizhangDb, quarter: QuarterKey, today: IsoDate, progress?: (fraction: number) => void): Promise<QuarterScorePrint> {
  const basis = await monitoringBasis(db);
  const profile = profileForQuarter(basis.profiles, quarter);
  const names = new Map(basis.units.map((u) => [u.unitId, u.name] as const));
  const published = quarterScoresFromPublished(basis.published, quarter, profile, names);
  if (published !== null) return published;
  const live = await liveQuarterScores(db, basis, quarter, today, progress);
  if (live === null) return { ...quarterScoresFromLive(scoreQuarter([], { quarter, today, profiles: basis.profiles }), profile) };
  return quarterScoresFromLive(live, profile);
}
