import { describe, it, expect } from 'vitest';
import type { AttendanceStatus } from '../../model/vocabulary';
import {
  committeeMeetingQuorum,
  committeeQuorum,
  countAttendance,
  electionValidity,
  motionResult,
  voteQuorum,
  type AttendanceEntry,
} from './quorum';
import { NATIONAL_PROFILE_V1 as P } from '../profile';

/** votingPresent, votingAbsent, nonVotingPresent, nonVotingAbsent, excluded */
function list(vp: number, va: number, np = 0, na = 0, ex = 0): AttendanceEntry[] {
  const rows = (n: number, status: AttendanceStatus, voting: boolean): AttendanceEntry[] => Array.from({ length: n }, () => ({ status, voting }));
  return [...rows(vp, 'present', true), ...rows(va, 'absent', true), ...rows(np, 'present', false), ...rows(na, 'absent', false), ...rows(ex, 'excluded', true)];
}

describe('countAttendance', () => {
  it('derives 应到 from everyone not excluded, split by voting rights', () => {
    expect(countAttendance(list(10, 3, 2, 1, 4))).toEqual({
      shouldAttend: 16,
      shouldAttendVoting: 13,
      shouldAttendNonVoting: 3,
      present: 12,
      presentVoting: 10,
      presentNonVoting: 2,
      absent: 4,
      absentVoting: 3,
      absentNonVoting: 1,
      excluded: 4,
    });
  });
  it('counts an excluded non-voting member as excluded only', () => {
    expect(countAttendance([{ status: 'excluded', voting: false }])).toMatchObject({ shouldAttend: 0, excluded: 1 });
  });
});

describe('voteQuorum: present voting members > 1/2 of voting should-attend', () => {
  it.each([
    [list(11, 12), false, '有表决权党员应到 23 人，实到 11 人，未过半数，不能进行表决'],
    [list(12, 11), true, '有表决权党员应到 23 人，实到 12 人，超过半数，可以进行表决'],
    [list(12, 12), false, '有表决权党员应到 24 人，实到 12 人，未过半数，不能进行表决'], // exactly half is not enough
    [list(13, 11), true, '有表决权党员应到 24 人，实到 13 人，超过半数，可以进行表决'],
    [list(11, 12, 5, 0), false, '有表决权党员应到 23 人，实到 11 人，未过半数，不能进行表决'], // 预备党员 present do not help
    [list(11, 10, 0, 0, 2), true, '有表决权党员应到 21 人，实到 11 人，超过半数，可以进行表决'], // excluded leave the base
    [list(0, 0, 3, 0), false, '没有应到的有表决权党员，不能进行表决'],
    [list(1, 0), true, '有表决权党员应到 1 人，实到 1 人，超过半数，可以进行表决'],
  ])('case %#', (attendance, ok, reason) => {
    const r = voteQuorum(countAttendance(attendance), P);
    expect(r.ok).toBe(ok);
    expect(r.reason).toBe(reason);
  });
  it('reports the minimum', () => {
    expect(voteQuorum(countAttendance(list(5, 18)), P).minimum).toBe(12);
  });
});

describe('motionResult: yes > 1/2 of voting SHOULD-attend (not of present)', () => {
  it.each([
    [{ yes: 12, no: 0, abstain: 0 }, list(12, 11), true, '有表决权党员应到 23 人，赞成 12 票，超过应到人数的半数，决议通过'],
    [{ yes: 11, no: 0, abstain: 1 }, list(12, 11), false, '有表决权党员应到 23 人，赞成 11 票，未超过应到人数的半数，决议未通过'],
    // 11 of 13 present is a large majority of those present but not of the 23 who should attend
    [{ yes: 11, no: 2, abstain: 0 }, list(13, 10), false, '有表决权党员应到 23 人，赞成 11 票，未超过应到人数的半数，决议未通过'],
    [{ yes: 10, no: 0, abstain: 0 }, list(10, 10), false, '有表决权党员应到 20 人，赞成 10 票，未超过应到人数的半数，决议未通过'],
    [{ yes: 11, no: 0, abstain: 0 }, list(11, 9), true, '有表决权党员应到 20 人，赞成 11 票，超过应到人数的半数，决议通过'],
  ])('case %#', (votes, attendance, ok, reason) => {
    const r = motionResult(votes, countAttendance(attendance), P);
    expect(r.ok).toBe(ok);
    expect(r.reason).toBe(reason);
    expect(r.votesExceedPresent).toBe(false);
  });
  it('flags more votes than voting members present', () => {
    const r = motionResult({ yes: 12, no: 2, abstain: 0 }, countAttendance(list(13, 10)), P);
    expect(r.votesExceedPresent).toBe(true);
    expect(r.votesCast).toBe(14);
    expect(r.reason).toContain('投票数 14 超过实到有表决权党员 13 人');
  });
});

describe('committeeQuorum: present committee members > 1/2 of the committee', () => {
  it.each([
    [5, 3, true, '支委会委员 5 人，到会 3 人，超过半数，可以召开'],
    [5, 2, false, '支委会委员 5 人，到会 2 人，未过半数，不能召开'],
    [4, 2, false, '支委会委员 4 人，到会 2 人，未过半数，不能召开'],
    [4, 3, true, '支委会委员 4 人，到会 3 人，超过半数，可以召开'],
    [3, 2, true, '支委会委员 3 人，到会 2 人，超过半数，可以召开'],
    [0, 0, false, '未录入支委会委员，无法判断到会人数'],
  ])('%i members, %i present', (committeeSize, presentCommitteeMembers, ok, reason) => {
    const r = committeeQuorum({ committeeSize, presentCommitteeMembers }, P);
    expect([r.ok, r.reason]).toEqual([ok, reason]);
  });

  it('derives the committee from the seats held on the meeting day', () => {
    const seat = (memberId: string, from: string, to: string | null = null) => ({ organisationId: 'b1', memberId, post: 'member' as const, from, to });
    const seats = [
      seat('a', '2024-01-01'),
      seat('b', '2024-01-01'),
      seat('c', '2024-01-01'),
      seat('d', '2024-01-01', '2026-02-28'), // left before the meeting
      seat('e', '2026-04-01'), // joins after the meeting
      { ...seat('f', '2024-01-01'), deleted: true },
      { ...seat('g', '2024-01-01'), organisationId: 'b2' },
    ];
    const meeting = {
      organisationId: 'b1',
      date: '2026-03-10',
      attendance: [
        { memberId: 'a', status: 'present' as const },
        { memberId: 'b', status: 'present' as const },
        { memberId: 'd', status: 'present' as const }, // no longer on the committee
        { memberId: 'x', status: 'present' as const }, // 列席, not a committee member
        { memberId: 'c', status: 'absent' as const },
      ],
    };
    const r = committeeMeetingQuorum(meeting, seats, P);
    expect([r.base, r.actual, r.ok]).toEqual([3, 2, true]);
    const r2 = committeeMeetingQuorum({ ...meeting, attendance: meeting.attendance.slice(1) }, seats, P);
    expect([r2.base, r2.actual, r2.ok]).toEqual([3, 1, false]);
  });
});

describe('electionValidity: present voting > 4/5 of voting should-attend', () => {
  it.each([
    [list(16, 4), false, '有表决权党员应到 20 人，实到 16 人，未超过五分之四，选举无效'], // exactly 4/5
    [list(17, 3), true, '有表决权党员应到 20 人，实到 17 人，超过五分之四，选举有效'],
    [list(18, 5), false, '有表决权党员应到 23 人，实到 18 人，未超过五分之四，选举无效'], // 18.4 needed
    [list(19, 4), true, '有表决权党员应到 23 人，实到 19 人，超过五分之四，选举有效'],
    [list(4, 1), false, '有表决权党员应到 5 人，实到 4 人，未超过五分之四，选举无效'],
    [list(5, 0, 0, 3), true, '有表决权党员应到 5 人，实到 5 人，超过五分之四，选举有效'],
  ])('case %#', (attendance, ok, reason) => {
    const r = electionValidity(countAttendance(attendance), P);
    expect([r.ok, r.reason]).toEqual([ok, reason]);
  });
});
