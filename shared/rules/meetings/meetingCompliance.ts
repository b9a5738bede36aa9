/**
 * 三会一课 and other organisational life: did an organisation hold the minimum number of
 * meetings of each required kind in each month / quarter / year?
 *
 * Decisions (documented for users in the reasons):
 * - A meeting counts when it is not deleted, belongs to the organisation, has the kind, and its
 *   date lies in the period AND on or before `asOf` (a meeting dated in the future is a plan).
 * - A period has ended when its last day is before `asOf`: on 3月31日 the first quarter is still
 *   running (notYetDue), on 4月1日 it is owed if nothing was held.
 * - Existence: the organisation exists on day d when `foundedOn ≤ d` (or unknown) and
 *   `d < dissolvedOn` (the dissolution day is its first day of not existing).
 *   A period is required when the organisation exists on the period's last day, and — for
 *   monthly and quarterly requirements — already existed on its first day: a new organisation's
 *   monthly/quarterly obligations start with its first full month/quarter, while the yearly ones
 *   (组织生活会, 民主评议) are owed for the founding year if it still exists on 12月31日. A period in
 *   which the organisation is dissolved is not required.
 * - "Held wins": a period with held ≥ required is 'held' whatever else is true (a new branch that
 *   did hold its first 主题党日 in its founding month gets credit for it).
 * - Completion rate = Σ min(held, required) / Σ required over the periods that are 'held' or
 *   'owed'; periods still running and not yet met, and periods not required, are left out.
 * - `whenDue` requirements (换届选举大会) are followed by the term light, not here.
 */
import type { MeetingKind, OrganisationKind } from '../../model/vocabulary';
import { MEETING_KIND_LABELS } from '../../model/vocabulary';
import {
  compareIsoDates,
  dateOfInstant,
  daysBetween,
  countByPeriod,
  periodsOfYear,
  type IsoDate,
  type IsoInstant,
  type Period,
  type PeriodKind,
} from '../dates';
import { requirementsFor, type RuleProfile } from '../profile';
import { chineseDate } from '../text';

export interface ComplianceOrganisation {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly foundedOn: IsoDate | null;
  readonly dissolvedOn: IsoDate | null;
}

export interface MeetingFact {
  readonly organisationId: string;
  readonly kind: MeetingKind;
  readonly date: IsoDate;
  readonly deleted?: boolean;
}

export interface MeetingComplianceInput {
  readonly organisation: ComplianceOrganisation;
  /** Whether the organisation has a committee (支委会); see `hasCommitteeOn`. */
  readonly hasCommittee: boolean;
  /** Meetings of any organisations; those of others are ignored. */
  readonly meetings: readonly MeetingFact[];
  readonly year: number;
  readonly asOf: IsoDate;
}

export type PeriodState = 'held' | 'owed' | 'notYetDue' | 'notApplicable';

export interface PeriodCompliance {
  readonly period: Period;
  readonly required: number;
  readonly held: number;
  readonly state: PeriodState;
  readonly reason: string;
}

export interface KindCompliance {
  readonly kind: MeetingKind;
  readonly periodKind: PeriodKind;
  readonly requiredPerPeriod: number;
  /** 依据, from the profile. */
  readonly basis: string;
  readonly periods: readonly PeriodCompliance[];
  /** Σ min(held, required) over held/owed periods. */
  readonly met: number;
  /** Σ required over held/owed periods. */
  readonly due: number;
}

export interface CompletionRate {
  readonly met: number;
  readonly due: number;
  /** met / due, or null when nothing was due. */
  readonly rate: number | null;
}

export interface MeetingComplianceResult {
  readonly organisationId: string;
  readonly year: number;
  readonly asOf: IsoDate;
  readonly kinds: readonly KindCompliance[];
  readonly completion: CompletionRate;
}

function existsOn(org: ComplianceOrganisation, date: IsoDate): boolean {
  if (org.foundedOn !== null && compareIsoDates(date, org.foundedOn) < 0) return false;
  if (org.dissolvedOn !== null && compareIsoDates(date, org.dissolvedOn) >= 0) return false;
  return true;
}

/** Why a period is not required, or null when it is. */
function notRequiredBecause(org: ComplianceOrganisation, period: Period): string | null {
  if (org.dissolvedOn !== null && compareIsoDates(org.dissolvedOn, period.end) <= 0) {
    return compareIsoDates(org.dissolvedOn, period.start) <= 0
      ? `该党组织已于${chineseDate(org.dissolvedOn)}撤销`
      : `该党组织于${chineseDate(org.dissolvedOn)}撤销，本期不作要求`;
  }
  if (!existsOn(org, period.end)) return '该党组织尚未成立';
  if (period.kind !== 'year' && org.foundedOn !== null && compareIsoDates(org.foundedOn, period.start) > 0) {
    const unit = period.kind === 'month' ? '月' : '季度';
    return `该党组织于${chineseDate(org.foundedOn)}成立，从成立后第一个完整${unit}起计算`;
  }
  return null;
}

function ratio(met: number, due: number): CompletionRate {
  return { met, due, rate: due === 0 ? null : met / due };
}

export function meetingCompliance(input: MeetingComplianceInput, profile: RuleProfile): MeetingComplianceResult {
  const { organisation: org, year, asOf } = input;
  // the organisation's meetings of the year held by `asOf`, by kind, in one pass
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const datesByKind = new Map<MeetingKind, IsoDate[]>();
  for (const m of input.meetings) {
    if (m.deleted === true || m.organisationId !== org.id || compareIsoDates(m.date, asOf) > 0) continue;
    if (m.date < yearStart || m.date > yearEnd) continue;
    const dates = datesByKind.get(m.kind);
    if (dates === undefined) datesByKind.set(m.kind, [m.date]);
    else dates.push(m.date);
  }
  const kinds: KindCompliance[] = [];
  for (const req of requirementsFor(profile, org.kind, input.hasCommittee)) {
    if (req.period === 'whenDue') continue;
    const label = MEETING_KIND_LABELS[req.kind];
    const ofYear = periodsOfYear(year, req.period);
    const heldIn = countByPeriod(datesByKind.get(req.kind) ?? [], ofYear);
    const periods: PeriodCompliance[] = ofYear.map((period, i) => {
      const held = heldIn[i] ?? 0;
      const required = req.count;
      // a kind the ledger could not record before (民主生活会): not required of earlier periods, held or not
      if (req.countsFrom !== undefined && compareIsoDates(period.end, req.countsFrom) < 0)
        return { period, required, held, state: 'notApplicable', reason: `${period.label}不作要求：${label}自${chineseDate(req.countsFrom)}起计入完成情况（此前的台账不能登记${label}）` };
      const counts = `应召开${label} ${required} 次，已召开 ${held} 次`;
      if (held >= required) return { period, required, held, state: 'held', reason: `${period.label}${counts}，已完成` };
      const because = notRequiredBecause(org, period);
      if (because !== null)
        return { period, required, held, state: 'notApplicable', reason: `${period.label}不作要求：${because}` };
      if (compareIsoDates(period.end, asOf) >= 0)
        return { period, required, held, state: 'notYetDue', reason: `${period.label}尚未结束，${counts}` };
      return { period, required, held, state: 'owed', reason: `${period.label}${counts}，未完成` };
    });
    let met = 0;
    let due = 0;
    for (const p of periods)
      if (p.state === 'held' || p.state === 'owed') {
        met += Math.min(p.held, p.required);
        due += p.required;
      }
    kinds.push({ kind: req.kind, periodKind: req.period, requiredPerPeriod: req.count, basis: req.basis, periods, met, due });
  }
  return {
    organisationId: org.id,
    year,
    asOf,
    kinds,
    completion: ratio(
      kinds.reduce((s, k) => s + k.met, 0),
      kinds.reduce((s, k) => s + k.due, 0),
    ),
  };
}

/** Adds up the completion of several organisations (e.g. all branches of a unit). */
export function combineCompletion(results: readonly { readonly completion: CompletionRate }[]): CompletionRate {
  return ratio(
    results.reduce((s, r) => s + r.completion.met, 0),
    results.reduce((s, r) => s + r.completion.due, 0),
  );
}

export interface TimelinessMeeting {
  readonly date: IsoDate;
}

export interface MeetingTimeliness {
  /** The calendar day (China time) the record was created. */
  readonly recordedOn: IsoDate;
  /** recordedOn − meeting date; negative when entered in advance. */
  readonly daysAfterMeeting: number;
  readonly allowedDays: number;
  readonly late: boolean;
  readonly reason: string;
}

/**
 * Was the meeting recorded in time? Late when the record was created more than
 * `profile.meetings.recordWithinDays` days after the meeting (day N itself is on time). The
 * instant is read in China time (UTC+8) unless another offset is given.
 */
export function meetingTimeliness(
  meeting: TimelinessMeeting,
  createdAt: IsoInstant,
  profile: RuleProfile,
  offsetMinutes = 480,
): MeetingTimeliness {
  const recordedOn = dateOfInstant(createdAt, offsetMinutes);
  const daysAfterMeeting = daysBetween(meeting.date, recordedOn);
  const allowedDays = profile.meetings.recordWithinDays;
  const late = daysAfterMeeting > allowedDays;
  const when = `会议于${chineseDate(meeting.date)}召开，${chineseDate(recordedOn)}录入`;
  const reason = late
    ? `${when}，超过会后 ${allowedDays} 天内录入的要求 ${daysAfterMeeting - allowedDays} 天`
    : `${when}，按时录入（会后 ${allowedDays} 天内）`;
  return { recordedOn, daysAfterMeeting, allowedDays, late, reason };
}
