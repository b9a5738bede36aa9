/**
 * Quorum and voting rules for one meeting (支部条例 §11–12; 选举条例). Should-attend counts are
 * derived from the attendance list — everyone not `excluded` — never typed. 预备党员 have
 * `voting: false`: they count in 应到 but not in the voting base.
 *
 * Every threshold is "MORE than a share of the base" and is checked exactly:
 * present × denominator > numerator × base. With 23 voting members who should attend, more than
 * half means at least 12; with 20, more than four fifths means at least 17 (16 is exactly 4/5 and
 * is not enough).
 */
import type { AttendanceStatus } from '../../model/vocabulary';
import { committeeMembersOn, type CommitteeSeatFact } from '../organisations/seats';
import { exceeds, moreThan, type Fraction, type RuleProfile } from '../profile';
import { fractionWords } from '../text';
import type { IsoDate } from '../dates';

export interface AttendanceEntry {
  readonly status: AttendanceStatus;
  readonly voting: boolean;
}

export interface AttendanceCounts {
  /** 应到: everyone not excluded. */
  readonly shouldAttend: number;
  readonly shouldAttendVoting: number;
  readonly shouldAttendNonVoting: number;
  /** 实到 */
  readonly present: number;
  readonly presentVoting: number;
  readonly presentNonVoting: number;
  readonly absent: number;
  readonly absentVoting: number;
  readonly absentNonVoting: number;
  /** 不计入应到 (approved, e.g. abroad ≥ 6 months). */
  readonly excluded: number;
}

export function countAttendance(attendance: readonly AttendanceEntry[]): AttendanceCounts {
  let presentVoting = 0;
  let presentNonVoting = 0;
  let absentVoting = 0;
  let absentNonVoting = 0;
  let excluded = 0;
  for (const a of attendance) {
    if (a.status === 'excluded') excluded++;
    else if (a.status === 'present') {
      if (a.voting) presentVoting++;
      else presentNonVoting++;
    } else if (a.voting) absentVoting++;
    else absentNonVoting++;
  }
  return {
    shouldAttend: presentVoting + presentNonVoting + absentVoting + absentNonVoting,
    shouldAttendVoting: presentVoting + absentVoting,
    shouldAttendNonVoting: presentNonVoting + absentNonVoting,
    present: presentVoting + presentNonVoting,
    presentVoting,
    presentNonVoting,
    absent: absentVoting + absentNonVoting,
    absentVoting,
    absentNonVoting,
    excluded,
  };
}

/** The outcome of one "more than a share of a base" check. */
export interface ThresholdCheck {
  readonly ok: boolean;
  /** The base the share is taken of (e.g. voting members who should attend). */
  readonly base: number;
  /** The count compared (present, yes votes, …). */
  readonly actual: number;
  /** The smallest count that passes. */
  readonly minimum: number;
  readonly fraction: Fraction;
  /** Chinese explanation, e.g. "有表决权党员应到 23 人，实到 11 人，未过半数，不能进行表决". */
  readonly reason: string;
}

/** 超过半数 / 未过半数, 超过五分之四 / 未超过五分之四. */
function overWords(fraction: Fraction, ok: boolean): string {
  const words = fractionWords(fraction.numerator, fraction.denominator);
  if (words === '半数') return ok ? '超过半数' : '未过半数';
  return ok ? `超过${words}` : `未超过${words}`;
}

function check(actual: number, base: number, fraction: Fraction, describe: (ok: boolean, words: string) => string): ThresholdCheck {
  const ok = base > 0 && exceeds(actual, fraction, base);
  return { ok, base, actual, minimum: moreThan(fraction, base), fraction, reason: describe(ok, overWords(fraction, ok)) };
}

/** 能否表决: voting members present must be more than half of the voting members who should attend. */
export function voteQuorum(counts: AttendanceCounts, profile: RuleProfile): ThresholdCheck {
  const base = counts.shouldAttendVoting;
  return check(counts.presentVoting, base, profile.quorum.vote, (ok, words) =>
    base === 0
      ? '没有应到的有表决权党员，不能进行表决'
      : `有表决权党员应到 ${base} 人，实到 ${counts.presentVoting} 人，${words}，${ok ? '可以进行表决' : '不能进行表决'}`,
  );
}

export interface ResolutionVotes {
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
}

export interface MotionResult extends ThresholdCheck {
  /** yes + no + abstain */
  readonly votesCast: number;
  /** More votes cast than voting members present: the record is inconsistent. */
  readonly votesExceedPresent: boolean;
}

/**
 * 决议是否通过: yes votes must be more than half of the voting members who SHOULD attend (not of
 * those present) — 支部条例 §11.
 */
export function motionResult(votes: ResolutionVotes, counts: AttendanceCounts, profile: RuleProfile): MotionResult {
  const base = counts.shouldAttendVoting;
  const votesCast = votes.yes + votes.no + votes.abstain;
  const fraction = profile.quorum.motion;
  const words = fractionWords(fraction.numerator, fraction.denominator);
  const result = check(votes.yes, base, fraction, (ok) =>
    base === 0
      ? '没有应到的有表决权党员，决议不能通过'
      : `有表决权党员应到 ${base} 人，赞成 ${votes.yes} 票，${ok ? '超过' : '未超过'}应到人数的${words}，${ok ? '决议通过' : '决议未通过'}`,
  );
  const votesExceedPresent = votesCast > counts.presentVoting;
  return {
    ...result,
    votesCast,
    votesExceedPresent,
    reason: votesExceedPresent
      ? `${result.reason}（注意：投票数 ${votesCast} 超过实到有表决权党员 ${counts.presentVoting} 人）`
      : result.reason,
  };
}

export interface CommitteeAttendance {
  readonly committeeSize: number;
  readonly presentCommitteeMembers: number;
}

/** 支委会 quorum: more than half of the committee present (支部条例 §12). */
export function committeeQuorum(input: CommitteeAttendance, profile: RuleProfile): ThresholdCheck {
  const base = input.committeeSize;
  return check(input.presentCommitteeMembers, base, profile.quorum.committee, (ok, words) =>
    base === 0
      ? '未录入支委会委员，无法判断到会人数'
      : `支委会委员 ${base} 人，到会 ${input.presentCommitteeMembers} 人，${words}，${ok ? '可以召开' : '不能召开'}`,
  );
}

export interface CommitteeMeetingFact {
  readonly organisationId: string;
  readonly date: IsoDate;
  readonly attendance: readonly { readonly memberId: string; readonly status: AttendanceStatus }[];
}

/**
 * 支委会 quorum from a meeting record and the committee seats: the committee is the members
 * holding a seat on the meeting's organisation on the meeting day; present members are those
 * of them marked present.
 */
export function committeeMeetingQuorum(
  meeting: CommitteeMeetingFact,
  seats: readonly CommitteeSeatFact[],
  profile: RuleProfile,
): ThresholdCheck {
  const committee = committeeMembersOn(seats, meeting.organisationId, meeting.date);
  const present = new Set(
    meeting.attendance.filter((a) => a.status === 'present' && committee.has(a.memberId)).map((a) => a.memberId),
  );
  return committeeQuorum({ committeeSize: committee.size, presentCommitteeMembers: present.size }, profile);
}

/** 选举是否有效: voting members present must be more than 4/5 of those who should attend (选举条例). */
export function electionValidity(counts: AttendanceCounts, profile: RuleProfile): ThresholdCheck {
  const base = counts.shouldAttendVoting;
  return check(counts.presentVoting, base, profile.quorum.election, (ok, words) =>
    base === 0
      ? '没有应到的有表决权党员，选举无效'
      : `有表决权党员应到 ${base} 人，实到 ${counts.presentVoting} 人，${words}，${ok ? '选举有效' : '选举无效'}`,
  );
}
