import { describe, expect, it } from 'vitest';
import type { RosterMember } from '../rules/members/membership';
import { buildSignInSheet, trainingSignInSheet } from '../reports/signInSheet';
import { trainingDates, trainingPlace, trainingSignInRows, type TrainingSignInInput } from './signInSheet';

type M = RosterMember & { name: string; organisationId: string };
const mem = (id: string, name: string, organisationId: string, over: Partial<M> = {}): M => ({
  id,
  name,
  organisationId,
  joinedOn: '2010-07-01',
  status: 'active',
  statusChangedOn: null,
  postings: [{ organisationId, from: '2015-01-01', to: null }],
  ...over,
});
const enrol = (memberId: string, classId = 'k', deleted = false) => ({ classId, memberId, deleted });

const organisations = [
  { id: 'top', name: '市财政局机关党委', parentId: null, kind: 'organCommittee' as const },
  { id: 'b2', name: '市财政局第二党支部', parentId: 'top', kind: 'branch' as const },
  { id: 'b10', name: '市财政局第十党支部', parentId: 'top', kind: 'branch' as const },
  { id: 'b1', name: '市财政局第一党支部', parentId: 'top', kind: 'branch' as const },
];

function input(over: Partial<TrainingSignInInput> = {}): TrainingSignInInput {
  return {
    trainingClass: {
      id: 'k',
      title: '2026年党员集中轮训班',
      category: '党员教育培训',
      format: '专题讲座',
      placeKind: '本单位',
      place: '三楼会议室',
      startDate: '2026-03-02',
      endDate: '2026-03-04',
      lecturer: '市委党校 陈教授',
    },
    enrolments: [enrol('w'), enrol('z'), enrol('l'), enrol('s'), enrol('t'), enrol('q'), enrol('w'), enrol('x', 'other'), enrol('d', 'k', true)],
    members: [
      mem('w', '王芳', 'b2'),
      mem('z', '赵敏', 'b1'),
      mem('l', '李强', 'b1'),
      mem('s', '孙丽', 'b10'),
      mem('t', '陶然', 'top'),
      // moved from 第一 to 第二党支部 after the class: listed under the branch of the class's first day
      mem('q', '钱进', 'b2', { postings: [{ organisationId: 'b1', from: '2015-01-01', to: '2026-05-31' }, { organisationId: 'b2', from: '2026-06-01', to: null }] }),
      mem('x', '徐明', 'b1'),
      mem('d', '丁一', 'b1'),
    ],
    organisations,
    unit: { name: '市财政局', partyGroupKind: 'partyGroup' },
    ...over,
  };
}

describe('training sign-in sheet', () => {
  it('lists each enrolled member once, by organisation as the tree reads, then by name', () => {
    expect(trainingSignInRows(input())).toEqual([
      { seq: 1, memberId: 't', name: '陶然', organisation: '机关党委' },
      { seq: 2, memberId: 'l', name: '李强', organisation: '第一党支部' },
      { seq: 3, memberId: 'q', name: '钱进', organisation: '第一党支部' },
      { seq: 4, memberId: 'z', name: '赵敏', organisation: '第一党支部' },
      { seq: 5, memberId: 'w', name: '王芳', organisation: '第二党支部' },
      { seq: 6, memberId: 's', name: '孙丽', organisation: '第十党支部' },
    ]);
  });

  it('a member whose organisation is unknown comes last, without one', () => {
    const rows = trainingSignInRows(input({ organisations: organisations.filter((o) => o.id !== 'b10') }));
    expect(rows.at(-1)).toEqual({ seq: 6, memberId: 's', name: '孙丽', organisation: '' });
  });

  it('leaves out deleted members and other classes’ enrolments; no enrolments, no rows', () => {
    const rows = trainingSignInRows(input({ members: input().members.map((m) => (m.id === 'l' ? { ...m, deleted: true } : m)) }));
    expect(rows.map((r) => r.name)).not.toContain('李强');
    expect(trainingSignInRows(input({ enrolments: [] }))).toEqual([]);
  });

  it('produces the SignInSheet the PDF builder takes', () => {
    const sheet = trainingSignInSheet(input());
    expect(sheet.title).toBe('2026年党员集中轮训班签到表');
    expect(sheet.details).toEqual([
      ['培训时间', '2026年3月2日至2026年3月4日'],
      ['培训地点', '本单位·三楼会议室'],
      ['授课人', '市委党校 陈教授'],
      ['培训类别', '党员教育培训（专题讲座）'],
    ]);
    expect(sheet.people[0]).toEqual({ name: '陶然', note: '机关党委' });
    expect(sheet.people).toHaveLength(6);
    expect(sheet.author).toBe('中共市财政局党组');
    // and the builder accepts it
    const pdf = buildSignInSheet(sheet);
    expect(JSON.stringify(pdf)).toContain('陶然');
  });

  it('words dates and places', () => {
    expect(trainingDates({ startDate: '2026-03-02', endDate: '2026-03-02' })).toBe('2026年3月2日');
    expect(trainingPlace({ placeKind: '红色教育基地', place: '' })).toBe('红色教育基地');
    expect(trainingPlace({ placeKind: '', place: '' })).toBe('');
  });
});
