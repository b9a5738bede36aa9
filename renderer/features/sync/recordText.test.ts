import { describe, expect, it } from 'vitest';
import { encodeRev } from '../../../shared/clock/hlc';
import type { RecordTable } from '../../../shared/model/tables';
import { compareVersions, fieldValue, recordName, recordTitle, revDevice, revTime, type NameLookup } from './recordText';

const WALL = Date.UTC(2026, 2, 15, 6, 30, 0);
const rev = (wallMs: number, deviceId = 'device-a') => encodeRev({ wallMs, counter: 0, deviceId });

const NAMES: Readonly<Record<string, string>> = {
  'organisation:org-1': '第一党支部',
  'member:mem-1': '王芳',
  'member:mem-2': '李强',
  'trainingClass:cls-1': '2026年度党员集中轮训',
};
const names: NameLookup = (table, id) => NAMES[`${table}:${id}`];

describe('revTime and revDevice', () => {
  it('read the clock and the device from a rev, and say — for a broken one', () => {
    expect(revTime(rev(WALL))).toBe(new Date(WALL).toLocaleString('zh-CN', { hour12: false }));
    expect(revDevice(rev(WALL, 'pc-7'))).toBe('pc-7');
    expect(revTime('not-a-rev')).toBe('—');
    expect(revDevice('not-a-rev')).toBe('');
  });
});

describe('recordName', () => {
  it.each<[RecordTable, Record<string, unknown>, string]>([
    ['member', { name: '王芳' }, '王芳'],
    ['meeting', { organisationId: 'org-1', date: '2026-03-15', kind: 'branchGeneralMeeting' }, '第一党支部 2026-03-15 支部党员大会'],
    ['election', { organisationId: 'org-1', electedOn: '2024-05-26' }, '第一党支部 2024-05-26 换届选举'],
    ['committeeSeat', { organisationId: 'org-1', memberId: 'mem-1', post: 'secretary' }, '第一党支部 王芳 书记'],
    ['enrolment', { memberId: 'mem-2', classId: 'cls-1' }, '李强 参加「2026年度党员集中轮训」'],
    ['enrolment', { memberId: 'unknown', classId: 'unknown' }, '参训记录'],
    ['trainingClass', { title: '入党积极分子培训班' }, '入党积极分子培训班'],
    ['fundLine', { year: 2026, name: '党员教育经费' }, '2026年 党员教育经费'],
    ['assessment', { quarter: '2026-Q3' }, '2026-Q3季度考核'],
    ['receipt', { highestSequence: 12 }, '第 12 号同步包的回执'],
    ['ruleProfile', { profile: { version: 2, effectiveFrom: '2026-07-01' } }, '第 2 版（2026-07-01起施行）'],
  ])('%s %j → %s', (table, record, expected) => {
    expect(recordName(table, record, names)).toBe(expected);
  });

  it('leaves out a referenced record this PC does not have, and shortens long text', () => {
    expect(recordName('meeting', { organisationId: 'gone', date: '2026-03-15', kind: 'partyLecture' })).toBe('2026-03-15 党课');
    const problem = '支部委员会会议记录不完整，部分会议缺少表决情况和参会人员签字';
    expect(recordName('rectification', { problem })).toBe(`${problem.slice(0, 24)}…`);
  });
});

describe('recordTitle', () => {
  it('names the kind of record and the record, or the end of its id when it has no name', () => {
    expect(recordTitle('member', { name: '王芳' })).toBe('党员「王芳」');
    expect(recordTitle('member', { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', name: '  ' })).toBe('党员「编号尾号 3f4a5b」');
  });
});

describe('fieldValue', () => {
  it('masks ID and phone numbers as everywhere else in the app', () => {
    expect(fieldValue('member', 'idNumber', '411302198503120224')).toBe('4113**********0224');
    expect(fieldValue('member', 'phone', '13812345678')).toBe('138****5678');
    expect(fieldValue('member', 'birthDate', '1985-03-12')).toBe('1985年');
  });

  it('turns codes into their Chinese labels, money in fen into yuan, and booleans and blanks into words', () => {
    expect(fieldValue('member', 'gender', 'female')).toBe('女');
    expect(fieldValue('meeting', 'kind', 'themedPartyDay')).toBe('主题党日');
    expect(fieldValue('expense', 'amountFen', 123456)).toBe('1234.56 元');
    expect(fieldValue('meeting', 'quorumWarning', 3)).toBe('3');
    expect(fieldValue('member', 'deleted', true)).toBe('是');
    expect(fieldValue('member', 'deleted', false)).toBe('否');
    for (const blank of [null, undefined, '']) expect(fieldValue('member', 'name', blank)).toBe('—');
  });

  it('names referenced records when known, else shows the end of their id', () => {
    expect(fieldValue('member', 'organisationId', 'org-1', names)).toBe('第一党支部');
    expect(fieldValue('member', 'organisationId', '0190a1b2-aaaa-7bbb-8ccc-ddddeeeeffff')).toBe('（编号尾号 eeffff）');
    expect(fieldValue('meeting', 'attachmentIds', [])).toBe('—');
  });

  it('lists arrays of strings and counts arrays of objects (attendance in people)', () => {
    expect(fieldValue('meeting', 'topics', ['重温入党誓词', '学习党章'])).toBe('重温入党誓词、学习党章');
    expect(fieldValue('meeting', 'attendance', [{ memberId: 'mem-1' }, { memberId: 'mem-2' }])).toBe('2 人');
    expect(fieldValue('meeting', 'resolutions', [{ text: '通过' }])).toBe('1 项');
  });

  it('writes an object as its labelled fields', () => {
    const posting = fieldValue('member', 'postings', { organisationId: 'org-1', from: '2020-01-01' }, names);
    expect(posting).toBe('党组织：第一党支部；转入日期：2020-01-01');
  });

  it('cuts long text at 120 characters', () => {
    const minutes = '会'.repeat(130);
    expect(fieldValue('meeting', 'minutes', minutes)).toBe(`${'会'.repeat(120)}…`);
  });
});

describe('compareVersions', () => {
  const base = { id: 'm1', unitId: 'u1', name: '王芳', gender: 'female', phone: '13812345678', organisationId: 'org-1', deleted: false, updatedBy: '张三' };

  it('starts with 修改时间, follows the table’s field order, hides id/unitId/rev, and marks what differs', () => {
    const current = { ...base, rev: rev(WALL) };
    const other = { ...base, rev: rev(WALL + 60_000, 'device-b'), phone: '13900001111', organisationId: 'org-2', updatedBy: '李四' };
    const rows = compareVersions('member', current, other, names);
    expect(rows[0]).toEqual({ field: 'rev', label: '修改时间', current: revTime(current.rev), other: revTime(other.rev), differs: true });
    const fields = rows.map((r) => r.field);
    for (const hidden of ['id', 'unitId']) expect(fields).not.toContain(hidden);
    expect(fields.filter((f) => f === 'rev')).toHaveLength(1);
    // the table's order: 姓名 before 性别 before 联系电话 before 所在党组织, meta fields last
    expect(fields.indexOf('name')).toBeLessThan(fields.indexOf('gender'));
    expect(fields.indexOf('gender')).toBeLessThan(fields.indexOf('phone'));
    expect(fields.indexOf('phone')).toBeLessThan(fields.indexOf('organisationId'));
    expect(fields.slice(-3)).toEqual(['updatedBy', 'createdAt', 'deleted']);

    const row = (f: string) => rows.find((r) => r.field === f);
    expect(row('name')).toMatchObject({ label: '姓名', current: '王芳', other: '王芳', differs: false });
    expect(row('phone')).toMatchObject({ label: '联系电话', current: '138****5678', other: '139****1111', differs: true });
    expect(row('organisationId')).toMatchObject({ current: '第一党支部', other: '（编号尾号 org-2）', differs: true });
    expect(row('updatedBy')).toMatchObject({ label: '修改人', current: '张三', other: '李四', differs: true });
  });

  it('compares stored values, not the words: two phone numbers masked alike still differ', () => {
    const rows = compareVersions('member', { ...base, rev: rev(WALL) }, { ...base, rev: rev(WALL), phone: '13800005678' });
    expect(rows[0]?.differs).toBe(false);
    const phone = rows.find((r) => r.field === 'phone');
    expect(phone?.current).toBe(phone?.other);
    expect(phone?.differs).toBe(true);
  });

  it('shows a record this PC does not have as — on the current side, and only the fields the other has', () => {
    const rows = compareVersions('member', undefined, { ...base, rev: rev(WALL) });
    expect(rows[0]).toMatchObject({ current: '—', differs: true });
    expect(rows.every((r) => r.current === '—')).toBe(true);
    expect(rows.map((r) => r.field)).not.toContain('birthDate');
    expect(rows.find((r) => r.field === 'name')).toMatchObject({ other: '王芳', differs: true });
  });

  it('keeps a field only one side has, after the labelled ones', () => {
    const rows = compareVersions('member', { ...base, rev: rev(WALL) }, { ...base, rev: rev(WALL), futureField: 'x' });
    expect(rows[rows.length - 1]).toMatchObject({ field: 'futureField', label: 'futureField', current: '—', other: 'x', differs: true });
  });
});
