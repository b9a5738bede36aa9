/**
 * 专职党务干部配备比例 (机关条例 §30): full-time party-affairs cadres are generally 1%–2% of the
 * unit's staff (机关工作人员总数).
 *
 * - Counted: members not deleted, status 在职 (active), cadre 'fullTime'. Part-time cadres do not count.
 * - Bounds are inclusive and exact (integer basis points): 1 of 100 is 1% → within; 2 of 100 → within.
 * - Small units "name a designated person": the minimum is never less than 1 person and the
 *   maximum never less than 1 person, so a unit of 30 staff with one full-time cadre (3.33%) is
 *   within, and one with none is below. In general
 *   minCount = max(1, ⌈staff × min⌉), maxCount = max(1, ⌊staff × max⌋), and the state compares the
 *   count with these (equivalent to comparing the ratio with the bounds once staff ≥ 100).
 */
import type { CadreKind, MemberStatus } from '../../model/vocabulary';
import { BugError } from '../../errors/errors';
import type { RuleProfile } from '../profile';
import { basisPointsPercent, percent } from '../text';

export interface CadreMember {
  readonly status: MemberStatus;
  readonly cadre: CadreKind | null;
  readonly deleted?: boolean;
}

export interface CadreRatioInput {
  /** The unit's staffCount (机关工作人员总数, ≥ 1). */
  readonly staffCount: number;
  /** The unit's members. */
  readonly members: readonly CadreMember[];
}

export type CadreRatioState = 'below' | 'within' | 'above';

export interface CadreRatioResult {
  readonly fullTimeCount: number;
  readonly staffCount: number;
  /** fullTimeCount / staffCount */
  readonly ratio: number;
  /** Fewest full-time cadres that are within the bounds. */
  readonly minCount: number;
  /** Most full-time cadres that are within the bounds. */
  readonly maxCount: number;
  readonly state: CadreRatioState;
  readonly reason: string;
}

export function cadreRatio(input: CadreRatioInput, profile: RuleProfile): CadreRatioResult {
  const { staffCount } = input;
  if (!Number.isInteger(staffCount) || staffCount < 1) throw new BugError(`staffCount must be a positive integer: ${staffCount}`);
  const { minBasisPoints, maxBasisPoints } = profile.cadreRatio;
  const fullTimeCount = input.members.filter(
    (m) => m.deleted !== true && m.status === 'active' && m.cadre === 'fullTime',
  ).length;
  const minCount = Math.max(1, Math.ceil((staffCount * minBasisPoints) / 10000));
  const maxCount = Math.max(1, Math.floor((staffCount * maxBasisPoints) / 10000));
  const state: CadreRatioState = fullTimeCount < minCount ? 'below' : fullTimeCount > maxCount ? 'above' : 'within';
  const ratio = fullTimeCount / staffCount;
  const bounds = `${basisPointsPercent(minBasisPoints)}–${basisPointsPercent(maxBasisPoints)}`;
  const head = `专职党务干部 ${fullTimeCount} 人，机关工作人员 ${staffCount} 人，占比 ${percent(ratio)}`;
  const small = (staffCount * minBasisPoints) / 10000 < 1;
  let reason: string;
  if (state === 'within') reason = `${head}，符合 ${bounds} 的配备要求`;
  else if (state === 'below')
    reason = small
      ? `${head}，单位人数较少，也应至少明确 1 名专职党务干部`
      : `${head}，低于 ${basisPointsPercent(minBasisPoints)} 的下限（至少应配备 ${minCount} 人）`;
  else reason = `${head}，高于 ${basisPointsPercent(maxBasisPoints)} 的上限（一般不超过 ${maxCount} 人）`;
  return { fullTimeCount, staffCount, ratio, minCount, maxCount, state, reason };
}
