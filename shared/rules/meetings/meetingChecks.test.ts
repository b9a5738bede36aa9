import { describe, expect, it } from 'vitest';
import type { Attendance } from '../../model/meeting';
import { defaultAttendees, votingOn, type AttendeeMember } from './meetingAttendees';
import { meetingChecks } from './meetingChecks';
import { NATIONAL_PROFILE_V1 } from '../profile';
import type { HintOrganisation } from '../organisations/setupHints';

const people = (present: number, absent: number, nonVoting = 0): Attendance[] => [
  ...Array.from({ length: present }, (_, i) => ({ memberId: `p${i}`, status: 'present' as const, absenceReason: null, note: '', voting: true })),
  ...Array.from({ length: absent }, (_, i) => ({ memberId: `a${i}`, status: 'absent' as const, absenceReason: 'sick' as const, note: '', voting: true })),
  ...Array.from({ length: nonVoting }, (_, i) => ({ memberId: `n${i}`, status: 'present' as const, absenceReason: null, note: '', voting: false })),
];

const draft = (kind: 'branchGeneralMeeting' | 'branchCommitteeMeeting' | 'electionAssembly' | 'themedPartyDay', attendance: Attendance[], resolutions = [] as { text: string; yes: number; no: number; abstain: number }[]) => ({
  kind,
  organisationId: 'b1',
  date: '2026-11-20',
  attendance,
  resolutions,
});

describe('live meeting checks', () => {
  it('says in words when a 支部党员大会 cannot vote (the example of the issue)', () => {
    const r = meetingChecks(draft('branchGeneralMeeting', people(11, 12, 2)), [], NATIONAL_PROFILE_V1);
    expect(r.counts).toMatchObject({ shouldAttendVoting: 23, presentVoting: 11, shouldAttendNonVoting: 2 });
    expect(r.warning).toBe('有表决权党员应到 23 人，实到 11 人，未过半数，不能进行表决');
  });

  it('passes at 12 of 23, and checks each motion against those who should attend', () => {
    const r = meetingChecks(draft('branchGeneralMeeting', people(12, 11), [{ text: '接收张三为预备党员', yes: 12, no: 0, abstain: 0 }, { text: '另一项', yes: 11, no: 1, abstain: 0 }]), [], NATIONAL_PROFILE_V1);
    expect(r.checks.map((c) => c.ok)).toEqual([true, true, false]);
    expect(r.warning).toContain('决议2（另一项）：有表决权党员应到 23 人，赞成 11 票，未超过应到人数的半数，决议未通过');
  });

  it('checks a 支委会 against the committee seated on the day', () => {
    const seats = ['p0', 'p1', 'a0', 'a1', 'a2'].map((memberId) => ({ organisationId: 'b1', memberId, post: 'member' as const, from: '2024-01-01', to: null }));
    const r = meetingChecks(draft('branchCommitteeMeeting', people(2, 3)), seats, NATIONAL_PROFILE_V1);
    expect(r.warning).toBe('支委会委员 5 人，到会 2 人，未过半数，不能召开');
    const ok = meetingChecks(draft('branchCommitteeMeeting', people(3, 2)), seats.map((s, i) => ({ ...s, memberId: ['p0', 'p1', 'p2', 'a0', 'a1'][i]! })), NATIONAL_PROFILE_V1);
    expect(ok.warning).toBeNull();
  });

  it('an election needs more than 4/5: 16 of 20 is not enough, 17 is', () => {
    expect(meetingChecks(draft('electionAssembly', people(16, 4)), [], NATIONAL_PROFILE_V1).warning).toMatch(/未超过五分之四，选举无效/);
    expect(meetingChecks(draft('electionAssembly', people(17, 3)), [], NATIONAL_PROFILE_V1).warning).toBeNull();
  });

  it('has nothing to check for a 主题党日', () => {
    expect(meetingChecks(draft('themedPartyDay', people(1, 9)), [], NATIONAL_PROFILE_V1)).toMatchObject({ checks: [], warning: null });
  });
});

describe('default attendees', () => {
  const orgs: HintOrganisation[] = [
    { id: 'b1', kind: 'branch', parentId: null, dissolvedOn: null },
    { id: 'g1', kind: 'group', parentId: 'b1', dissolvedOn: null },
    { id: 'b2', kind: 'branch', parentId: null, dissolvedOn: null },
  ];
  const m = (id: string, name: string, extra: Partial<AttendeeMember> = {}): AttendeeMember => ({
    id,
    name,
    joinedOn: '2000-01-01',
    membership: 'full',
    convertedOn: '2001-01-01',
    status: 'active',
    statusChangedOn: null,
    excludedReason: null,
    postings: [{ organisationId: 'b1', from: '2000-01-01', to: null }],
    ...extra,
  });
  const members = [
    m('1', '王芳'),
    m('2', '李强', { postings: [{ organisationId: 'g1', from: '2000-01-01', to: null }] }),
    m('3', '赵敏', { membership: 'probationary', convertedOn: null, joinedOn: '2026-03-01', postings: [{ organisationId: 'b1', from: '2026-03-01', to: null }] }),
    m('4', '孙丽', { excludedReason: '出国一年，经支部批准' }),
    // transferred from b2 to b1 on 2026-07-01
    m('5', '周杰', { postings: [{ organisationId: 'b2', from: '2000-01-01', to: '2026-06-30' }, { organisationId: 'b1', from: '2026-07-01', to: null }] }),
    m('6', '吴昊', { status: 'transferredOut', statusChangedOn: '2026-05-01', postings: [{ organisationId: 'b1', from: '2000-01-01', to: '2026-05-01' }] }),
    m('7', '郑洁', { membership: 'full', convertedOn: '2026-12-01', joinedOn: '2025-12-01' }),
  ];

  it('lists the branch and its groups on the day; probationary without vote; excluded with the reason', () => {
    const list = defaultAttendees('branchGeneralMeeting', 'b1', '2026-11-20', orgs, members, []);
    // sorted by name as Chinese readers expect (pinyin): 李强, 孙丽, 王芳, 赵敏, 郑洁, 周杰
    expect(list.map((a) => [a.memberId, a.status, a.voting, a.note])).toEqual([
      ['2', 'present', true, ''],
      ['4', 'excluded', true, '出国一年，经支部批准'],
      ['1', 'present', true, ''],
      ['3', 'present', false, ''],
      ['7', 'present', false, ''],
      ['5', 'present', true, ''],
    ]);
  });

  it('follows transfers: a member moved in July is listed in b2 in June and in b1 in August', () => {
    expect(defaultAttendees('themedPartyDay', 'b2', '2026-06-15', orgs, members, []).map((a) => a.memberId)).toEqual(['5']);
    expect(defaultAttendees('themedPartyDay', 'b2', '2026-08-15', orgs, members, [])).toEqual([]);
    expect(defaultAttendees('themedPartyDay', 'b1', '2026-04-15', orgs, members, []).map((a) => a.memberId)).toContain('6');
    expect(defaultAttendees('themedPartyDay', 'b1', '2026-06-15', orgs, members, []).map((a) => a.memberId)).not.toContain('6');
  });

  it('lists only the committee for a 支委会', () => {
    const seats = [{ organisationId: 'b1', memberId: '1', post: 'secretary' as const, from: '2024-01-01', to: null }];
    expect(defaultAttendees('branchCommitteeMeeting', 'b1', '2026-11-20', orgs, members, seats).map((a) => a.memberId)).toEqual(['1']);
  });

  it('gives voting rights from the conversion day', () => {
    expect(votingOn({ membership: 'full', convertedOn: '2026-12-01' }, '2026-11-30')).toBe(false);
    expect(votingOn({ membership: 'full', convertedOn: '2026-12-01' }, '2026-12-01')).toBe(true);
    expect(votingOn({ membership: 'probationary', convertedOn: null }, '2026-12-01')).toBe(false);
  });
});
