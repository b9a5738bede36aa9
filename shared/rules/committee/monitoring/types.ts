/**
 * The shapes of the quarterly monitoring (季度无感知监控考核): an indicator's result, and for every
 * point it lost the records behind it, so that a screen can open them.
 */
import type { RecordTable } from '../../../model/tables';
import type { AssessmentIndicatorId } from '../../profile';

/**
 * Where a record lives: a synced record table, or the committee's own import log (`importLog`,
 * keyed by bundleId: the bundles it received from the unit).
 */
export type RefTable = RecordTable | 'importLog';

/** A record behind a lost point: the table, the record's id, and a Chinese label to show. */
export interface RecordRef {
  readonly table: RefTable;
  readonly id: string;
  readonly label: string;
}

/** Points an indicator lost, why, and the records behind it. */
export interface LostPoint {
  readonly indicatorId: AssessmentIndicatorId;
  /** Points off the indicator's 0–100 score (two decimals). */
  readonly points: number;
  /** Points off the weighted total (points × weight / 100, two decimals). */
  readonly weightedPoints: number;
  readonly reason: string;
  readonly refs: readonly RecordRef[];
}

export interface IndicatorResult {
  readonly id: AssessmentIndicatorId;
  /** The profile's name of the indicator (e.g. 组织生活完成率). */
  readonly name: string;
  readonly weight: number;
  /** 0–100 with two decimals; null = 无数据 (counted as 0 in the total, and said so). */
  readonly score: number | null;
  /** The measured share (0–1) before the profile's scale; null when there was nothing to measure. */
  readonly rate: number | null;
  /** How the score is computed, in words (for the screen); empty for a quarter that has not begun. */
  readonly formula: string;
  /** The figures of this unit and quarter, in words; for a null score, why there is no data. */
  readonly summary: string;
  /** Every point lost, with the records behind it (Σ points = 100 − score, up to rounding). */
  readonly lost: readonly LostPoint[];
}
