/**
 * Tombstones without personal details (record schema 6): what a delete keeps, that a tombstone is a
 * valid record and a live member without an ID number is not, that a v5 tombstone is blanked on its
 * way in (the same on every PC), and that a v5 bundle may not carry the v6 blank.
 */
import { describe, expect, it } from 'vitest';
import { newerThanDeclared } from '../bundle/schemaHistory';
import { asTombstone } from './tombstone';
import { RECORD_SCHEMA_VERSION, upgradeRecord } from './upgrade';
import { validateRecord } from './validate';

const member = {
  id: '019bbef3-b000-7000-8000-000000000001',
  unitId: '019bbef3-b000-7000-8000-0000000000aa',
  rev: '1767340800000-00000-dev1',
  deleted: false,
  updatedBy: '张敏',
  createdAt: '2026-01-02T08:00:00.000Z',
  name: '李华',
  gender: 'male',
  ethnicity: '汉族',
  birthDate: '1949-12-31',
  idNumber: '110105194912310011',
  phone: '13812345678',
  joinedOn: '1975-07-01',
  membership: 'full',
  convertedOn: '1976-07-01',
  organisationId: '019bbef3-b000-7000-8000-0000000000bb',
  postings: [{ organisationId: '019bbef3-b000-7000-8000-0000000000bb', from: '2015-03-01', to: null }],
  status: 'active',
  statusChangedOn: null,
  cadre: null,
  excludedReason: '长期患病，经批准不计入应到人数',
  education: '大学本科',
  note: '联系人：其女儿 13900001111',
};

describe('asTombstone', () => {
  it('keeps a deleted member’s id, name and dates, and blanks the ID number, phone, 备注 and 不计入原因', () => {
    const t = asTombstone('member', { ...member, deleted: true });
    expect(t).toMatchObject({ id: member.id, name: '李华', birthDate: '1949-12-31', joinedOn: '1975-07-01', deleted: true });
    expect(t).toMatchObject({ idNumber: '', phone: '', note: '', excludedReason: null });
    expect(JSON.stringify(t)).not.toMatch(/110105|13812345678|13900001111|患病/);
    expect(validateRecord('member', t).ok).toBe(true);
  });

  it('does not touch a live record, a table without personal details, or add an optional field the record lacks', () => {
    expect(asTombstone('member', member)).toBe(member);
    const meeting = { id: 'x', deleted: true, topic: '学习' };
    expect(asTombstone('meeting', meeting)).toBe(meeting);
    const { note: _note, ...withoutNote } = member;
    const t = asTombstone('member', { ...withoutNote, deleted: true });
    expect(Object.hasOwn(t, 'note')).toBe(false);
    // blanking twice changes nothing (the same object back)
    expect(asTombstone('member', t)).toBe(t);
  });

  it('blanks a deleted 走访慰问’s reason (health or hardship details)', () => {
    const visit = { id: 'v', deleted: true, visitedName: '王芳', reason: '术后康复，慢性肾病', date: '2026-05-01' };
    expect(asTombstone('careVisit', visit)).toEqual({ ...visit, reason: '' });
  });
});

describe('a member without an ID number', () => {
  it('is refused while live, in words', () => {
    const r = validateRecord('member', { ...member, idNumber: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('请填写身份证号');
  });

  it('is still refused with a wrong number, deleted or not', () => {
    const r = validateRecord('member', { ...member, deleted: true, idNumber: '110105194912310012' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('校验位');
  });
});

describe('record schema 5 → 6', () => {
  it('blanks a v5 tombstone on its way in, and leaves a live v5 member as it is', () => {
    expect(RECORD_SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
    expect(upgradeRecord('member', { ...member, deleted: true }, 5)).toMatchObject({ idNumber: '', phone: '', note: '', excludedReason: null });
    expect(upgradeRecord('member', member, 5)).toEqual(member);
    expect(upgradeRecord('careVisit', { id: 'v', deleted: true, reason: '住院' }, 1)).toMatchObject({ reason: '' });
  });

  it('refuses the v6 blank in a bundle that declares an older schema version', () => {
    const blank = { ...member, deleted: true, idNumber: '' };
    expect(newerThanDeclared('member', blank, 5)).toEqual({ field: 'idNumber', value: '', since: 6 });
    expect(newerThanDeclared('member', blank, 6)).toBeNull();
    expect(newerThanDeclared('member', { ...member, deleted: true }, 5)).toBeNull();
  });
});
