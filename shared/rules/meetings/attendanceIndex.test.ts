import { describe, expect, it } from 'vitest';
import { memberAttendanceRate, selfWithdrawalWarning } from './attendance';
import { meetingsByMember } from './attendanceIndex';
import { NATIONAL_PROFILE_V1 } from '../profile';

describe('meetings indexed by member', () => {
  const row = (memberId: string, status: 'present' | 'absent' | 'excluded') => ({ memberId, status });
  const meetings = [
    { organisationId: 'b1', kind: 'themedPartyDay' as const, date: '2026-01-10', attendance: [row('a', 'present'), row('b', 'absent')] },
    { organisationId: 'b1', kind: 'themedPartyDay' as const, date: '2026-02-10', attendance: [row('a', 'absent'), row('b', 'absent')] },
    { organisationId: 'b1', kind: 'themedPartyDay' as const, date: '2026-03-10', attendance: [row('a', 'present')], deleted: true },
  ];

  it('gives the same attendance figures as the full meetings', () => {
    const index = meetingsByMember(meetings);
    for (const memberId of ['a', 'b']) {
      const full = memberAttendanceRate({ memberId, meetings, from: '2026-01-01', to: '2026-12-31' });
      const indexed = memberAttendanceRate({ memberId, meetings: index.get(memberId) ?? [], from: '2026-01-01', to: '2026-12-31' });
      expect(indexed).toEqual(full);
    }
    expect(index.get('a')).toHaveLength(2);
  });

  it('gives the same 自行脱党 verdict', () => {
    const member = { id: 'b', joinedOn: '2000-01-01', status: 'active' as const, statusChangedOn: null, postings: [], excludedReason: null };
    const input = { member, since: '2025-06-01', asOf: '2026-11-28' };
    expect(selfWithdrawalWarning({ ...input, meetings: meetingsByMember(meetings).get('b') ?? [] }, NATIONAL_PROFILE_V1)).toEqual(
      selfWithdrawalWarning({ ...input, meetings }, NATIONAL_PROFILE_V1),
    );
  });
});
