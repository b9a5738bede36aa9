/**
 * The unit's roster on a day (党员队伍): how many members, 在职 and 退休, 正式 and 预备, in which
 * organisation, and how many joined the party in the year (发展党员).
 *
 * - On the roster: `onRosterOn` (membership.ts) and the status on that day is 在职 or 退休 (members
 *   transferred out or deceased are not counted).
 * - 预备党员 on day d: `membership` is probationary, or the member was converted after d.
 * - The organisation is the one of the day (`organisationOn`), or the current one for legacy
 *   members without postings.
 */
import type { MembershipKind, MemberStatus } from '../../model/vocabulary';
import { compareIsoDates, yearOf, type IsoDate } from '../dates';
import { onRosterOn, organisationOn, statusOn, type RosterMember } from './membership';

export interface RosterSummaryMember extends RosterMember {
  readonly membership: MembershipKind;
  readonly convertedOn: IsoDate | null;
  readonly organisationId: string;
}

/** The roster's counts (also added up over several units: shared/rules/summaries.ts `combineRosters`). */
export interface RosterTotals {
  readonly total: number;
  readonly active: number;
  readonly retired: number;
  readonly full: number;
  readonly probationary: number;
  /** Joined the party in the year of `date` (入党时间 in that year) and on the roster. */
  readonly joinedThisYear: number;
}

export interface RosterSummary extends RosterTotals {
  readonly date: IsoDate;
  /** Organisation id → members on the roster in it. */
  readonly byOrganisation: ReadonlyMap<string, number>;
  /** Ids of the members counted, in input order. */
  readonly memberIds: readonly string[];
}

/** Whether the member is counted on the roster on `date`, with the status of that day. */
export function rosterStatusOn(member: RosterMember, date: IsoDate): MemberStatus | null {
  if (!onRosterOn(member, date)) return null;
  const status = statusOn(member, date);
  return status === 'active' || status === 'retired' ? status : null;
}

export function isProbationaryOn(member: Pick<RosterSummaryMember, 'membership' | 'convertedOn'>, date: IsoDate): boolean {
  if (member.membership === 'probationary') return true;
  return member.convertedOn !== null && compareIsoDates(member.convertedOn, date) > 0;
}

export function rosterSummary(members: readonly RosterSummaryMember[], date: IsoDate): RosterSummary {
  let active = 0;
  let retired = 0;
  let probationary = 0;
  let joinedThisYear = 0;
  const byOrganisation = new Map<string, number>();
  const memberIds: string[] = [];
  const year = yearOf(date);
  for (const m of members) {
    const status = rosterStatusOn(m, date);
    if (status === null) continue;
    memberIds.push(m.id);
    if (status === 'active') active++;
    else retired++;
    if (isProbationaryOn(m, date)) probationary++;
    if (yearOf(m.joinedOn) === year) joinedThisYear++;
    const org = m.postings.length === 0 ? m.organisationId : organisationOn(m, date);
    if (org !== null) byOrganisation.set(org, (byOrganisation.get(org) ?? 0) + 1);
  }
  const total = active + retired;
  return { date, total, active, retired, full: total - probationary, probationary, joinedThisYear, byOrganisation, memberIds };
}
