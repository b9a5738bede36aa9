/**
 * The 工委's own inputs (下沉督导调研 findings, 日常指导评价, 述职评议): a score 0–100 given by the
 * committee, or absent. They count only when the profile lists their indicator (the national
 * defaults do not); nothing is invented for an absent one: its score is null (无数据).
 */
import { BugError } from '../../../errors/errors';
import type { AssessmentIndicator, AssessmentIndicatorId } from '../../profile';
import { lostPoint, noData, round2 } from './scale';
import type { IndicatorResult } from './types';

export const COMMITTEE_INDICATORS = ['supervision', 'guidance', 'review'] as const satisfies readonly AssessmentIndicatorId[];
export type CommitteeIndicatorId = (typeof COMMITTEE_INDICATORS)[number];

/** The committee's scores of the unit for the quarter, each 0–100 or absent. */
export type CommitteeInputs = Partial<Record<CommitteeIndicatorId, number>>;

const WHAT: Record<CommitteeIndicatorId, string> = {
  supervision: '下沉督导调研发现问题情况',
  guidance: '日常指导评价',
  review: '述职评议',
};

export function isCommitteeIndicator(id: AssessmentIndicatorId): id is CommitteeIndicatorId {
  return (COMMITTEE_INDICATORS as readonly string[]).includes(id);
}

export function committeeIndicator(indicator: AssessmentIndicator & { readonly id: CommitteeIndicatorId }, inputs: CommitteeInputs): IndicatorResult {
  const formula = `由工委根据${WHAT[indicator.id]}评定（0–100 分）`;
  const given = inputs[indicator.id];
  if (given === undefined) return noData(indicator, formula, `工委尚未评定${WHAT[indicator.id]}`);
  if (!Number.isFinite(given) || given < 0 || given > 100) throw new BugError(`committee score out of 0–100: ${indicator.id}=${given}`);
  const score = round2(given);
  return {
    id: indicator.id,
    name: indicator.name,
    weight: indicator.weight,
    score,
    rate: score / 100,
    formula,
    summary: `工委评定 ${score} 分`,
    lost: score < 100 ? [lostPoint(indicator, 100 - score, `工委评定${WHAT[indicator.id]}为 ${score} 分`, [])] : [],
  };
}
