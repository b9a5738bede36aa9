/**
 * A member's attendance at organisational life, and the 自行脱党 warning (党章 §9: a member who,
 * without good reason, does not take part in organisational life for six months in a row is
 * regarded as having left the party).
 *
 * Attendance rate over [from, to] (both inclusive): among non-deleted meetings dated in the
 * range whose attendance list names the member with status present or absent (excluded entries
 * are not "should attend"), rate = present / (present + absent).
 *
 * 自行脱党 warning (a prompt to verify, never a verdict):
 * - Months examined: from the month of `since` (the day the ledger's records begin; earlier months
 *   have no records and must not be judged) to the last month that has ended before `asOf`.
 * - A month counts only if the member was on the roster and 在职 (status active) on its first and
 *   its last day (see membership.ts). Joining, transferring in or out, retiring mid-month → the
 *   month does not count. Retired members are left out on purpose: their organisational life is
 *   often kept elsewhere, and a false 自行脱党 flag is a serious accusation.
 * - A counted month is "missed" when the member was present at no meeting of any kind, of any
 *   organisation (双重组织生活 counts). A month in which the member was `excluded` (approved reason)
 *   at some meeting is excused.
 * - A run of `profile.selfWithdrawal.months` (6) or more consecutive missed months is flagged; a
 *   month that does not count, is excused, or is attended ends the run.
 * - A member with an approved `excludedReason` is not flagged.
 */
import type { AttendanceStatus, MeetingKind } from '../../model/vocabulary';
import {
  compareIsoDates,
  isWithin,
  monthBounds,
  monthsFromTo,
  yearMonthOf,
  addMonths,
  type IsoDate,
  type YearMonth,
} from '../dates';
import { isActiveMemberOn, type RosterMember } from '../members/membership';
import type { RuleProfile } from '../profile';
import { chineseYearMonth, chineseDate, percent } from '../text';

export interface AttendanceMeetingFact {
  readonly organisationId: string;
  readonly kind: MeetingKind;
  readonly date: IsoDate;
  readonly deleted?: boolean;
  readonly attendance: readonly { readonly memberId: string; readonly status: AttendanceStatus }[];
}

export interface MemberAttendanceInput {
  readonly memberId: string;
  readonly meetings: readonly AttendanceMeetingFact[];
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface MemberAttendanceRate {
  readonly memberId: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Meetings where the member was on the list and not excluded. */
  readonly shouldAttend: number;
  readonly present: number;
  readonly absent: number;
  readonly excluded: number;
  /** present / shouldAttend, or null when there was nothing to attend. */
  readonly rate: number | null;
  readonly reason: string;
}

function statusAt(meeting: AttendanceMeetingFact, memberId: string): AttendanceStatus | null {
  // A member listed twice counts once: present wins, then absent, then excluded.
  let best: AttendanceStatus | null = null;
  for (const a of meeting.attendance)
    if (a.memberId === memberId) {
      if (a.status === 'present') return 'present';
      if (a.status === 'absent' || best === null) best = a.status;
    }
  return best;
}

export function memberAttendanceRate(input: MemberAttendanceInput): MemberAttendanceRate {
  const { memberId, from, to } = input;
  let present = 0;
  let absent = 0;
  let excluded = 0;
  for (const m of input.meetings) {
    if (m.deleted === true || !isWithin(m.date, from, to)) continue;
    const s = statusAt(m, memberId);
    if (s === 'present') present++;
    else if (s === 'absent') absent++;
    else if (s === 'excluded') excluded++;
  }
  const shouldAttend = present + absent;
  const rate = shouldAttend === 0 ? null : present / shouldAttend;
  const range = `${chineseDate(from)}至${chineseDate(to)}`;
  const reason =
    rate === null
      ? `${range}没有应参加的会议`
      : `${range}应参加会议 ${shouldAttend} 次，出席 ${present} 次，缺席 ${absent} 次，出席率 ${percent(rate)}`;
  return { memberId, from, to, shouldAttend, present, absent, excluded, rate, reason };
}

export interface SelfWithdrawalMember extends RosterMember {
  readonly excludedReason: string | null;
}

export interface SelfWithdrawalInput {
  readonly member: SelfWithdrawalMember;
  readonly meetings: readonly AttendanceMeetingFact[];
  /** The first day the ledger holds meeting records for (months before it are not judged). */
  readonly since: IsoDate;
  readonly asOf: IsoDate;
}

export interface MissedRun {
  readonly months: readonly YearMonth[];
  /** Meetings in those months where the member was listed as absent. */
  readonly meetingsMissed: number;
}

export interface SelfWithdrawalWarning {
  readonly memberId: string;
  readonly flagged: boolean;
  /** The months of the most recent flagged run (empty when not flagged). */
  readonly months: readonly YearMonth[];
  /** The most recent flagged run reaches the last month examined. */
  readonly ongoing: boolean;
  /** Every flagged run, oldest first. */
  readonly runs: readonly MissedRun[];
  readonly reason: string;
}

type MonthVerdict = 'attended' | 'missed' | 'excused' | 'notCounted';

export function selfWithdrawalWarning(input: SelfWithdrawalInput, profile: RuleProfile): SelfWithdrawalWarning {
  const { member, asOf } = input;
  const need = profile.selfWithdrawal.months;
  const none = (reason: string): SelfWithdrawalWarning => ({
    memberId: member.id,
    flagged: false,
    months: [],
    ongoing: false,
    runs: [],
    reason,
  });
  if (member.excludedReason !== null && member.excludedReason.trim() !== '')
    return none(`已批准不计入应到（${member.excludedReason}），不作自行脱党提示`);

  const lastEnded = yearMonthOf(addMonths(asOf, -1));
  const months = monthsFromTo(yearMonthOf(input.since), lastEnded);
  const verdicts = new Map<YearMonth, MonthVerdict>();
  const missedMeetings = new Map<YearMonth, number>();
  for (const ym of months) {
    const { start, end } = monthBounds(ym);
    verdicts.set(ym, isActiveMemberOn(member, start) && isActiveMemberOn(member, end) ? 'missed' : 'notCounted');
    missedMeetings.set(ym, 0);
  }
  for (const m of input.meetings) {
    if (m.deleted === true || compareIsoDates(m.date, asOf) > 0) continue;
    const ym = yearMonthOf(m.date);
    const v = verdicts.get(ym);
    if (v === undefined || v === 'notCounted') continue;
    const s = statusAt(m, member.id);
    if (s === 'present') verdicts.set(ym, 'attended');
    else if (s === 'excluded' && v === 'missed') verdicts.set(ym, 'excused');
    else if (s === 'absent') missedMeetings.set(ym, (missedMeetings.get(ym) ?? 0) + 1);
  }

  const runs: MissedRun[] = [];
  let current: YearMonth[] = [];
  const close = (): void => {
    if (current.length >= need)
      runs.push({ months: current, meetingsMissed: current.reduce((s, ym) => s + (missedMeetings.get(ym) ?? 0), 0) });
    current = [];
  };
  for (const ym of months) {
    if (verdicts.get(ym) === 'missed') current.push(ym);
    else close();
  }
  const ongoing = current.length >= need;
  close();

  const latest = runs[runs.length - 1];
  if (latest === undefined) return none(`没有连续 ${need} 个月未参加组织生活的情况`);
  const first = latest.months[0] ?? '';
  const last = latest.months[latest.months.length - 1] ?? '';
  const span = `${chineseYearMonth(first)}至${chineseYearMonth(last)}连续 ${latest.months.length} 个月未参加组织生活`;
  const reason =
    latest.meetingsMissed > 0
      ? `${span}（期间缺席会议 ${latest.meetingsMissed} 次），请核实是否有正当理由（党章第九条）`
      : `${span}，期间也没有通知其参加会议的记录，请核实是否漏录`;
  return { memberId: member.id, flagged: true, months: latest.months, ongoing, runs, reason };
}
