/**
 * Who is listed for a meeting: the organisation's roster on the meeting day, so attendance is
 * picked from it rather than typed. Should-attend, voting and non-voting follow from the list.
 *
 * - 支部党员大会, 党课, 主题党日, 组织生活会, 民主评议党员, 换届选举大会: every member of the
 *   organisation and the organisations below it (a branch's groups) on that day.
 * - 党小组会: the group's members.
 * - 支委会, 党组会议, 理论学习中心组, 民主生活会: the members holding a seat on the organisation's
 *   committee that day (for the 党组(党委): its members). Those who sit in without a seat (列席, e.g.
 *   the 机关党委专职副书记) are the meeting's `observers`, not attendance rows.
 * - 机关党员干部大会: every member under the organisation (usually the 机关党委).
 * Members with an approved `excludedReason` are listed as excluded with that reason; 预备党员 (not
 * converted by the meeting day) are listed without voting rights. Members who are 调出/去世 by then
 * are not listed; retired members whose relationship stays in the branch are.
 */
import type { Attendance } from '../../model/meeting';
import type { MeetingKind, MembershipKind } from '../../model/vocabulary';
import { compareIsoDates, type IsoDate } from '../dates';
import { organisationOn, statusOn, type RosterMember } from '../members/membership';
import { compareNames } from '../naturalOrder';
import { committeeMembersOn, type CommitteeSeatFact } from '../organisations/seats';
import { subtreeIds, type HintOrganisation } from '../organisations/setupHints';

export interface AttendeeMember extends RosterMember {
  readonly name: string;
  readonly membership: MembershipKind;
  readonly convertedOn: IsoDate | null;
  readonly excludedReason: string | null;
}

const COMMITTEE_KINDS: readonly MeetingKind[] = ['branchCommitteeMeeting', 'leadingGroupMeeting', 'theoryStudyGroup', 'democraticLifeMeeting'];

/** Voting rights on `date`: full members, or probationary members converted by then. */
export function votingOn(member: Pick<AttendeeMember, 'membership' | 'convertedOn'>, date: IsoDate): boolean {
  if (member.convertedOn !== null) return compareIsoDates(member.convertedOn, date) <= 0;
  return member.membership === 'full';
}

export function defaultAttendees(
  kind: MeetingKind,
  organisationId: string,
  date: IsoDate,
  organisations: readonly HintOrganisation[],
  members: readonly AttendeeMember[],
  seats: readonly CommitteeSeatFact[],
): Attendance[] {
  let listed: AttendeeMember[];
  if (COMMITTEE_KINDS.includes(kind)) {
    const seated = committeeMembersOn(seats, organisationId, date);
    listed = members.filter((m) => m.deleted !== true && seated.has(m.id));
  } else {
    const ids = subtreeIds(organisationId, organisations);
    listed = members.filter((m) => {
      if (m.deleted === true) return false;
      const s = statusOn(m, date);
      if (s === 'transferredOut' || s === 'deceased') return false;
      const at = organisationOn(m, date);
      return at !== null && ids.has(at);
    });
  }
  return listed
    .sort((a, b) => compareNames(a.name, b.name) || a.id.localeCompare(b.id))
    .map((m) => ({
      memberId: m.id,
      status: m.excludedReason ? 'excluded' : 'present',
      absenceReason: null,
      note: m.excludedReason ?? '',
      voting: votingOn(m, date),
    }));
}
