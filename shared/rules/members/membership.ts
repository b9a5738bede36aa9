/**
 * Who was a member of the unit's roster on a given day, from the member record alone.
 *
 * - `joinedOn` (入党时间): nobody is a member before it.
 * - `postings` (`{ organisationId, from, to }`): the member belongs to the unit on day d when a
 *   posting covers d, `from ≤ d ≤ to` (both inclusive; `to: null` = still open). A member without
 *   postings (legacy data) is taken as belonging since `joinedOn`. On a transfer day covered by two
 *   postings, the one with the later `from` is the organisation of that day.
 * - `status` with `statusChangedOn`: the status holds FROM `statusChangedOn` (inclusive). A member
 *   who is now retired/transferred out/deceased was active before that day; without a date the
 *   current status is taken to hold for every day (the conservative reading).
 */
import type { MemberStatus } from '../../model/vocabulary';
import { compareIsoDates, type IsoDate } from '../dates';

export interface Posting {
  readonly organisationId: string;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
}

export interface RosterMember {
  readonly id: string;
  readonly joinedOn: IsoDate;
  readonly status: MemberStatus;
  readonly statusChangedOn: IsoDate | null;
  readonly postings: readonly Posting[];
  readonly deleted?: boolean;
}

/** The member's status on `date` (see the module comment for the reading of `statusChangedOn`). */
export function statusOn(member: Pick<RosterMember, 'status' | 'statusChangedOn'>, date: IsoDate): MemberStatus {
  if (member.status === 'active') return 'active';
  if (member.statusChangedOn !== null && compareIsoDates(date, member.statusChangedOn) < 0) return 'active';
  return member.status;
}

function covers(p: Posting, date: IsoDate): boolean {
  return compareIsoDates(p.from, date) <= 0 && (p.to === null || compareIsoDates(date, p.to) <= 0);
}

/** The organisation the member belonged to on `date`, or null (not yet joined, or posted out). */
export function organisationOn(member: RosterMember, date: IsoDate): string | null {
  if (compareIsoDates(date, member.joinedOn) < 0) return null;
  let best: Posting | null = null;
  for (const p of member.postings)
    if (covers(p, date) && (best === null || compareIsoDates(p.from, best.from) > 0)) best = p;
  return best?.organisationId ?? null;
}

/** On the unit's roster on `date`: joined, posted here (or no postings recorded), not deleted. */
export function onRosterOn(member: RosterMember, date: IsoDate): boolean {
  if (member.deleted === true) return false;
  if (compareIsoDates(date, member.joinedOn) < 0) return false;
  if (member.postings.length === 0) return true;
  return member.postings.some((p) => covers(p, date));
}

/** On the roster and with status 在职 (active) on `date`. */
export function isActiveMemberOn(member: RosterMember, date: IsoDate): boolean {
  return onRosterOn(member, date) && statusOn(member, date) === 'active';
}
