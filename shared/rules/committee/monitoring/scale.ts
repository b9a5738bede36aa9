/**
 * From an indicator's rate to its 0–100 score, and the lost points shared out over the records that
 * cost them. The scale is the profile's (`assessment.scoring.scales`), by default rate × 100.
 */
import { assessmentScoring, type AssessmentIndicator, type AssessmentIndicatorId, type RuleProfile } from '../../profile';
import { basisPointsPercent } from '../../text';
import type { IndicatorResult, LostPoint, RecordRef } from './types';

export interface Scale {
  readonly fullAtBasisPoints: number;
  readonly zeroAtBasisPoints: number;
}

const IDENTITY: Scale = { fullAtBasisPoints: 10000, zeroAtBasisPoints: 0 };

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function indicatorScale(profile: RuleProfile, id: AssessmentIndicatorId): Scale {
  return assessmentScoring(profile).scales.find((s) => s.id === id) ?? IDENTITY;
}

/** 100 at or above the full-marks line, 0 at or below the zero line, linear between; two decimals. */
export function scaledScore(rate: number, scale: Scale): number {
  const bp = rate * 10000;
  if (bp >= scale.fullAtBasisPoints) return 100;
  if (bp <= scale.zeroAtBasisPoints) return 0;
  return round2((100 * (bp - scale.zeroAtBasisPoints)) / (scale.fullAtBasisPoints - scale.zeroAtBasisPoints));
}

/** The scale in words, or '' for the default. */
export function scaleWords(scale: Scale): string {
  if (scale.fullAtBasisPoints === 10000 && scale.zeroAtBasisPoints === 0) return '';
  return `；比率达到 ${basisPointsPercent(scale.fullAtBasisPoints)} 得满分，不高于 ${basisPointsPercent(scale.zeroAtBasisPoints)} 得 0 分，其间按比例计分`;
}

/** One record (or group of records) that pulled the rate down, by how much of the rate. */
export interface Shortfall {
  /** The part of (1 − rate) it stands for, in any unit shared by all shortfalls of the indicator. */
  readonly weight: number;
  readonly reason: string;
  readonly refs: readonly RecordRef[];
}

/**
 * Shares `lostPoints` (100 − the scaled score) out over the shortfalls in proportion to their
 * weights: what a record cost is its part of the points actually lost (none when the scale's
 * full-marks line was reached anyway). The parts are rounded to the cent by largest remainder, so
 * that the parts shown add up exactly to the points lost.
 */
export function shareOut(indicator: AssessmentIndicator, lostPoints: number, shortfalls: readonly Shortfall[]): LostPoint[] {
  const counted = shortfalls.filter((x) => x.weight > 0);
  const sum = counted.reduce((s, x) => s + x.weight, 0);
  const cents = Math.round(lostPoints * 100);
  if (!(cents > 0) || !(sum > 0)) return [];
  const exact = counted.map((x) => (cents * x.weight) / sum);
  const parts = exact.map((e) => Math.floor(e));
  let left = cents - parts.reduce((s, p) => s + p, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    parts[i]! += 1;
    left--;
  }
  return counted.map((x, i) => lostPoint(indicator, parts[i]! / 100, x.reason, x.refs));
}

export function lostPoint(indicator: AssessmentIndicator, points: number, reason: string, refs: readonly RecordRef[]): LostPoint {
  return { indicatorId: indicator.id, points: round2(points), weightedPoints: round2((points * indicator.weight) / 100), reason, refs };
}

/** An indicator with no data: score null, nothing lost (the total counts it as 0 and says so). */
export function noData(indicator: AssessmentIndicator, formula: string, summary: string): IndicatorResult {
  return { id: indicator.id, name: indicator.name, weight: indicator.weight, score: null, rate: null, formula, summary: `无数据：${summary}`, lost: [] };
}

/** An indicator scored from a rate through the profile's scale, its lost points shared out over the shortfalls. */
export function scoredFromRate(
  indicator: AssessmentIndicator,
  profile: RuleProfile,
  rate: number,
  formula: string,
  summary: string,
  shortfalls: readonly Shortfall[],
): IndicatorResult {
  const scale = indicatorScale(profile, indicator.id);
  const score = scaledScore(rate, scale);
  return {
    id: indicator.id,
    name: indicator.name,
    weight: indicator.weight,
    score,
    rate,
    formula: formula + scaleWords(scale),
    summary,
    lost: shareOut(indicator, 100 - score, shortfalls),
  };
}
