/**
 * The live checks a meeting record gets while it is typed, by kind (DOMAIN.md, 支部条例 §11–12,
 * 选举工作条例): whether a 支部党员大会 could vote and whether each motion passed, whether a 支委会
 * had a quorum, whether an election was valid. Failing checks are warnings: saving is still
 * allowed, and the warning is stored with the record (`quorumWarning`).
 */
import type { Attendance, Resolution } from '../../model/meeting';
import type { MeetingKind } from '../../model/vocabulary';
import type { IsoDate } from '../dates';
import type { RuleProfile } from '../profile';
import { committeeMeetingQuorum, countAttendance, electionValidity, motionResult, voteQuorum, type AttendanceCounts } from './quorum';
import type { CommitteeSeatFact } from '../organisations/seats';

export interface MeetingCheck {
  readonly ok: boolean;
  /** e.g. "有表决权党员应到 23 人，实到 11 人，未过半数，不能进行表决" */
  readonly message: string;
}

export interface MeetingChecks {
  readonly counts: AttendanceCounts;
  readonly checks: readonly MeetingCheck[];
  /** All failing checks in one sentence, or null: what is stored as `quorumWarning`. */
  readonly warning: string | null;
}

export interface MeetingDraft {
  readonly kind: MeetingKind;
  readonly organisationId: string;
  readonly date: IsoDate;
  readonly attendance: readonly Attendance[];
  readonly resolutions: readonly Resolution[];
}

export function meetingChecks(meeting: MeetingDraft, seats: readonly CommitteeSeatFact[], profile: RuleProfile): MeetingChecks {
  const counts = countAttendance(meeting.attendance);
  const checks: MeetingCheck[] = [];
  const add = (c: { ok: boolean; reason: string }) => checks.push({ ok: c.ok, message: c.reason });

  switch (meeting.kind) {
    case 'branchGeneralMeeting':
    case 'democraticAppraisal': {
      add(voteQuorum(counts, profile));
      meeting.resolutions.forEach((r, i) => {
        const result = motionResult(r, counts, profile);
        checks.push({ ok: result.ok && !result.votesExceedPresent, message: `决议${meeting.resolutions.length > 1 ? i + 1 : ''}（${r.text.slice(0, 20)}）：${result.reason}` });
      });
      break;
    }
    case 'branchCommitteeMeeting':
      add(committeeMeetingQuorum(meeting, seats, profile));
      break;
    case 'electionAssembly':
      add(electionValidity(counts, profile));
      break;
    default:
      break;
  }
  const failing = checks.filter((c) => !c.ok).map((c) => c.message);
  return { counts, checks, warning: failing.length > 0 ? failing.join('；') : null };
}
