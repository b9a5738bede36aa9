import { describe, it, expect } from 'vitest';
import type { AttendanceStatus } from '../../model/vocabulary';
import {
  memberAttendanceRate,
  selfWithdrawalWarning,
  type AttendanceMeetingFact,
  type SelfWithdrawalMember,
} from './attendance';
import { NATIONAL_PROFILE_V1 as P } from '../profile';

const meeting = (date: string, status: AttendanceStatus | null, over: Partial<AttendanceMeetingFact> = {}): AttendanceMeetingFact => ({
  organisationId: 'b1',
  kind: 'themedPartyDay',
  date,
  attendance: status === null ? [{ memberId: 'other', status: 'present' }] : [{ memberId: 'm1', status }, { memberId: 'other', status: 'present' }],
  ...over,
});

describe('memberAttendanceRate', () => {
  const meetings = [
    meeting('2026-01-10', 'present'),
    meeting('2026-02-10', 'absent'),
    meeting('2026-03-10', 'excluded'),
    meeting('2026-03-31', 'present'),
    meeting('2026-04-01', 'absent'), // outside Q1
    meeting('2026-02-20', null), // not on the list
    meeting('2026-02-25', 'present', { deleted: true }),
  ];
  it('counts present / (present + absent) within the range, both ends inclusive', () => {
    const r = memberAttendanceRate({ memberId: 'm1', meetings, from: '2026-01-01', to: '2026-03-31' });
    expect([r.shouldAttend, r.present, r.absent, r.excluded, r.rate]).toEqual([3, 2, 1, 1, 2 / 3]);
    expect(r.reason).toBe('2026年1月1日至2026年3月31日应参加会议 3 次，出席 2 次，缺席 1 次，出席率 66.67%');
  });
  it('has no rate without meetings to attend', () => {
    const r = memberAttendanceRate({ memberId: 'm1', meetings, from: '2026-05-01', to: '2026-05-31' });
    expect([r.rate, r.reason]).toEqual([null, '2026年5月1日至2026年5月31日没有应参加的会议']);
  });
  it('counts a member listed twice once (present wins)', () => {
    const twice = { ...meeting('2026-01-10', 'absent'), attendance: [{ memberId: 'm1', status: 'absent' as const }, { memberId: 'm1', status: 'present' as const }] };
    expect(memberAttendanceRate({ memberId: 'm1', meetings: [twice], from: '2026-01-01', to: '2026-12-31' }).present).toBe(1);
  });
});

const member = (over: Partial<SelfWithdrawalMember> = {}): SelfWithdrawalMember => ({
  id: 'm1',
  joinedOn: '2010-07-01',
  status: 'active',
  statusChangedOn: null,
  postings: [{ organisationId: 'b1', from: '2015-01-01', to: null }],
  excludedReason: null,
  ...over,
});

/** A monthly meeting on the 10th of each month of 2026 with the member's status, null = not on the list. */
function year2026(statuses: (AttendanceStatus | null)[]): AttendanceMeetingFact[] {
  return statuses.map((s, i) => meeting(`2026-${String(i + 1).padStart(2, '0')}-10`, s));
}

describe('自行脱党 warning: 6 consecutive months without organisational life', () => {
  const A = 'absent' as const;
  const Pr = 'present' as const;
  it.each<[string, (AttendanceStatus | null)[], string, string[], boolean]>([
    ['5 months missed is not flagged', [Pr, A, A, A, A, A, Pr], '2026-08-01', [], false],
    ['6 months missed (Feb–Jul) is flagged once July has ended', [Pr, A, A, A, A, A, A], '2026-08-01', ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'], true],
    ['… but not while July is running', [Pr, A, A, A, A, A, A], '2026-07-31', [], false],
    ['an excused month breaks the run', [Pr, A, A, 'excluded', A, A, A, A], '2026-09-01', [], false],
    ['an attended month breaks the run', [A, A, A, Pr, A, A, A], '2026-08-01', [], false],
  ])('%s', (_, statuses, asOf, months, ongoing) => {
    const r = selfWithdrawalWarning({ member: member(), meetings: year2026(statuses), since: '2026-01-01', asOf }, P);
    expect(r.months).toEqual(months);
    expect(r.flagged).toBe(months.length > 0);
    expect(r.ongoing).toBe(ongoing);
  });

  it('counts months with no meeting at all as missed, and says so', () => {
    const r = selfWithdrawalWarning({ member: member(), meetings: [], since: '2026-01-01', asOf: '2026-07-01' }, P);
    expect(r.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(r.reason).toBe('2026年1月至2026年6月连续 6 个月未参加组织生活，期间也没有通知其参加会议的记录，请核实是否漏录');
  });

  it('explains with the number of meetings missed', () => {
    const r = selfWithdrawalWarning({ member: member(), meetings: year2026([A, A, A, A, A, A]), since: '2026-01-01', asOf: '2026-07-01' }, P);
    expect(r.reason).toBe('2026年1月至2026年6月连续 6 个月未参加组织生活（期间缺席会议 6 次），请核实是否有正当理由（党章第九条）');
  });

  it('present at any organisation\'s meeting counts (双重组织生活)', () => {
    const meetings = [...year2026([A, A, A, A, A, A]), meeting('2026-03-15', Pr, { organisationId: 'lg', kind: 'theoryStudyGroup' })];
    expect(selfWithdrawalWarning({ member: member(), meetings, since: '2026-01-01', asOf: '2026-07-01' }, P).flagged).toBe(false);
  });

  it('does not judge months before the ledger begins', () => {
    const r = selfWithdrawalWarning({ member: member(), meetings: year2026([null, null, null, null, Pr]), since: '2026-03-01', asOf: '2026-06-01' }, P);
    expect(r.flagged).toBe(false);
  });

  it('a member who joined mid-month counts from the next month', () => {
    const m = member({ joinedOn: '2026-01-15', postings: [{ organisationId: 'b1', from: '2026-01-15', to: null }] });
    expect(selfWithdrawalWarning({ member: m, meetings: [], since: '2026-01-01', asOf: '2026-07-01' }, P).flagged).toBe(false);
    expect(selfWithdrawalWarning({ member: m, meetings: [], since: '2026-01-01', asOf: '2026-08-01' }, P).months[0]).toBe('2026-02');
  });

  it('a member transferred out mid-year is not judged after leaving', () => {
    const m = member({ status: 'transferredOut', statusChangedOn: '2026-05-20', postings: [{ organisationId: 'b1', from: '2015-01-01', to: '2026-05-19' }] });
    const r = selfWithdrawalWarning({ member: m, meetings: [], since: '2026-01-01', asOf: '2027-01-01' }, P);
    expect(r.flagged).toBe(false); // Jan–Apr only: 4 months
  });

  it('a retired member is not judged', () => {
    const m = member({ status: 'retired', statusChangedOn: '2025-12-31' });
    expect(selfWithdrawalWarning({ member: m, meetings: [], since: '2026-01-01', asOf: '2027-01-01' }, P).flagged).toBe(false);
  });

  it('a member with an approved exclusion is not flagged', () => {
    const r = selfWithdrawalWarning({ member: member({ excludedReason: '出国（境）6个月以上' }), meetings: [], since: '2026-01-01', asOf: '2027-01-01' }, P);
    expect([r.flagged, r.reason]).toEqual([false, '已批准不计入应到（出国（境）6个月以上），不作自行脱党提示']);
  });

  it('reports every run and the latest one', () => {
    const statuses = [A, A, A, A, A, A, Pr, A, A, A, A, A, A];
    const meetings = [...year2026(statuses.slice(0, 12)), meeting('2027-01-10', A)];
    const r = selfWithdrawalWarning({ member: member(), meetings, since: '2026-01-01', asOf: '2027-02-01' }, P);
    expect(r.runs.map((x) => x.months.length)).toEqual([6, 6]);
    expect(r.months[0]).toBe('2026-08');
    expect(r.ongoing).toBe(true);
  });

  it('spans a leap February', () => {
    const m = member();
    const meetings = [meeting('2024-02-29', Pr)];
    const r = selfWithdrawalWarning({ member: m, meetings, since: '2024-01-01', asOf: '2024-09-01' }, P);
    expect(r.months).toEqual(['2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08']);
  });
});
