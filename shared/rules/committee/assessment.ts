/**
 * Quarterly monitoring (季度无感知监控考核): the weighted total of indicator scores. Each
 * indicator's score is 0–100 (computed elsewhere from the records); the profile's weights sum to
 * 100, so the total is 0–100. An indicator without a score counts 0 and is listed in `missing`.
 * The total is rounded to two decimals (half away from zero on the cent).
 */
import { BugError } from '../../errors/errors';
import type { AssessmentIndicatorId, RuleProfile } from '../profile';

export interface WeightedTotal {
  readonly total: number;
  readonly contributions: readonly { readonly id: AssessmentIndicatorId; readonly weight: number; readonly score: number; readonly points: number }[];
  readonly missing: readonly AssessmentIndicatorId[];
}

export function weightedTotal(scores: Partial<Record<AssessmentIndicatorId, number>>, profile: RuleProfile): WeightedTotal {
  const missing: AssessmentIndicatorId[] = [];
  const contributions = profile.assessment.indicators.map((ind) => {
    const raw = scores[ind.id];
    if (raw === undefined) missing.push(ind.id);
    const score = raw ?? 0;
    if (!Number.isFinite(score) || score < 0 || score > 100) throw new BugError(`score out of 0–100: ${ind.id}=${score}`);
    return { id: ind.id, weight: ind.weight, score, points: (ind.weight * score) / 100 };
  });
  const sum = contributions.reduce((s, c) => s + c.points, 0);
  return { total: Math.round(sum * 100) / 100, contributions, missing };
}
