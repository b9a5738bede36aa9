/**
 * 数据报送及时性 (bundle timeliness): has a unit sent the 工委 a bundle recently enough?
 *
 * - The clock starts at the day the 工委 last received a bundle from the unit (the day it was
 *   imported — the committee cannot know when the USB stick left the unit), or, for an invited unit
 *   that never sent anything, at its enrolment (纳管登记).
 * - Late when more than `lateAfterDays` (profile, default 30) days have passed: day 30 itself is on
 *   time, day 31 is late.
 * - A revoked unit (已吊销) is never late: its bundles are refused anyway.
 */
import type { EnrolledUnitStatus } from '../../model/vocabulary';
import { compareIsoDates, daysBetween, type IsoDate } from '../dates';
import { lateAfterDays, type RuleProfile } from '../profile';
import { chineseDate } from '../text';

export interface TimelinessInput {
  readonly status: EnrolledUnitStatus;
  /** 纳管登记 day (China time). */
  readonly enrolledOn: IsoDate;
  /** Day the 工委 received (imported) the unit's newest bundle; null when it never sent one. */
  readonly lastBundleOn: IsoDate | null;
}

export interface BundleTimeliness {
  /** The day the clock runs from. */
  readonly since: IsoDate;
  readonly basis: 'lastBundle' | 'enrolment';
  /** Days from `since` to `today` (never negative). */
  readonly daysSince: number;
  readonly allowedDays: number;
  readonly late: boolean;
  readonly reason: string;
}

export function bundleTimeliness(input: TimelinessInput, today: IsoDate, profile: RuleProfile): BundleTimeliness {
  const allowedDays = lateAfterDays(profile);
  const basis = input.lastBundleOn === null ? 'enrolment' : 'lastBundle';
  const since = input.lastBundleOn ?? input.enrolledOn;
  const daysSince = compareIsoDates(since, today) > 0 ? 0 : daysBetween(since, today);
  const late = input.status !== 'revoked' && daysSince > allowedDays;
  const head =
    basis === 'lastBundle'
      ? `最近一次收到报送为${chineseDate(since)}，距今 ${daysSince} 天`
      : `${chineseDate(since)}纳管登记，尚未收到过报送，距今 ${daysSince} 天`;
  const reason =
    input.status === 'revoked'
      ? `${head}；该单位已吊销，不再接收报送`
      : late
        ? `${head}，超过 ${allowedDays} 天未报送`
        : `${head}，在 ${allowedDays} 天的报送期限内`;
  return { since, basis, daysSince, allowedDays, late, reason };
}
