import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareRev } from '../../shared/clock/hlc';
import type { RecordInput } from './recordRepository';
import { auditAction, createRecord, deleteRecord, updateRecord } from './recordRepository';
import { openDatabase, type TaizhangDb } from './db';
import { idNumberLookup } from '../identity/dataKeySession';
import { completeSetup } from './workspaceRepository';
import { openWriteContext, type WriteContext } from './writeContext';

let db: TaizhangDb;
let ctx: WriteContext;
let n = 0;
let clock = Date.parse('2026-11-28T08:00:00.000Z');

beforeEach(async () => {
  db = openDatabase(`test-records-${++n}`);
  const r = await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 180, partyGroupKind: 'partyGroup', operatorName: '张敏' });
  if (!r.ok) throw new Error(r.error.message);
  ctx = await openWriteContext(db, () => new Date(clock));
});
afterEach(async () => {
  await db.delete();
});

const branch = (): RecordInput<'organisation'> => ({
  name: '第一党支部',
  kind: 'branch',
  parentId: null,
  foundedOn: '2015-03-01',
  dissolvedOn: null,
  termStart: '2024-03-01',
  termYears: 3,
  termEnd: null,
  extension: null,
  approvalNo: '市直工〔2024〕8号',
  approvedOn: '2024-03-10',
});

const member = (organisationId: string): RecordInput<'member'> => ({
  name: '李华',
  gender: 'male',
  ethnicity: '汉族',
  birthDate: '1949-12-31',
  idNumber: '11010519491231002X'.replace('002X', '0011'),
  phone: '13812345678',
  joinedOn: '1975-07-01',
  membership: 'full',
  convertedOn: '1976-07-01',
  organisationId,
  postings: [{ organisationId, from: '2015-03-01', to: null }],
  status: 'retired',
  statusChangedOn: '2009-12-31',
  cadre: null,
  excludedReason: null,
});

describe('setup writes the unit record through the same path', () => {
  it('creates the unit record with id = unitId, a change-log row and an audit row', async () => {
    const units = await db.unit.toArray();
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ name: '市财政局', staffCount: 180, deleted: false, updatedBy: '张敏' });
    expect(units[0]!.id).toBe(units[0]!.unitId);
    expect(await db.changes.where({ table: 'unit' }).count()).toBe(1);
    expect((await db.audit.toArray())[0]).toMatchObject({ action: 'create', table: 'unit', actor: '张敏' });
  });
});

describe('record repository', () => {
  it('create stamps meta, logs the change and audits every field', async () => {
    const r = await createRecord(ctx, 'organisation', branch());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const stored = await db.organisation.get(r.value.id);
    expect(stored).toMatchObject({ name: '第一党支部', deleted: false, updatedBy: '张敏', createdAt: '2026-11-28T08:00:00.000Z' });
    expect(stored!.unitId).toBe((await db.workspace.get('workspace'))!.ownerId);
    const change = await db.changes.where('[table+id]').equals(['organisation', r.value.id]).toArray();
    expect(change).toEqual([{ seq: expect.any(Number), table: 'organisation', id: r.value.id, rev: stored!.rev }]);
    const audit = await db.audit.where('[table+id]').equals(['organisation', r.value.id]).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('create');
    expect(audit[0]!.changes).toContainEqual({ field: 'name', before: null, after: '第一党支部' });
    expect((await db.device.get('device'))!.lastRev).toBe(stored!.rev);
  });

  it('update writes a higher rev, logs it, and audits only the changed fields with before/after', async () => {
    const created = await createRecord(ctx, 'organisation', branch());
    if (!created.ok) throw new Error();
    clock -= 3_600_000; // the PC clock is set back an hour: revisions must still increase
    const updated = await updateRecord(ctx, 'organisation', created.value.id, { name: '机关第一党支部', termYears: 5 });
    expect(updated.ok).toBe(true);
    if (!updated.ok) return;
    expect(compareRev(updated.value.rev, created.value.rev)).toBe(1);
    const audit = await db.audit.where('[table+id]').equals(['organisation', created.value.id]).toArray();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.changes).toEqual([
      { field: 'name', before: '第一党支部', after: '机关第一党支部' },
      { field: 'termYears', before: 3, after: 5 },
    ]);
    expect(await db.changes.where('[table+id]').equals(['organisation', created.value.id]).count()).toBe(2);
  });

  it('an update that changes nothing writes nothing', async () => {
    const created = await createRecord(ctx, 'organisation', branch());
    if (!created.ok) throw new Error();
    const before = { changes: await db.changes.count(), audit: await db.audit.count() };
    const same = await updateRecord(ctx, 'organisation', created.value.id, { name: '第一党支部' });
    expect(same.ok && same.value.rev).toBe(created.value.rev);
    expect({ changes: await db.changes.count(), audit: await db.audit.count() }).toEqual(before);
  });

  it('delete is a tombstone: the record stays, marked deleted, logged and audited', async () => {
    const created = await createRecord(ctx, 'organisation', branch());
    if (!created.ok) throw new Error();
    const deleted = await deleteRecord(ctx, 'organisation', created.value.id);
    expect(deleted.ok).toBe(true);
    const stored = await db.organisation.get(created.value.id);
    expect(stored).toMatchObject({ deleted: true, name: '第一党支部' });
    const audit = await db.audit.where('[table+id]').equals(['organisation', created.value.id]).toArray();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    expect(audit[1]!.changes).toContainEqual({ field: 'name', before: '第一党支部', after: null });
    // a deleted record can be neither updated nor deleted again
    const again = await updateRecord(ctx, 'organisation', created.value.id, { name: 'x' });
    expect(!again.ok && again.error.kind).toBe('not-found');
    expect(!again.ok && again.error.message).toMatch(/不存在或已被删除/);
  });

  it('a deleted member’s tombstone keeps its name and dates but no ID number, phone or 备注 — in the store and in the change log that bundles read', async () => {
    const org = await createRecord(ctx, 'organisation', branch());
    if (!org.ok) throw new Error();
    const m = await createRecord(ctx, 'member', { ...member(org.value.id), note: '其女儿电话 13900001111' });
    if (!m.ok) throw new Error(m.error.message);
    const deleted = await deleteRecord(ctx, 'member', m.value.id);
    expect(deleted.ok).toBe(true);
    const stored = await db.member.get(m.value.id);
    expect(stored).toMatchObject({ deleted: true, name: '李华', birthDate: '1949-12-31', joinedOn: '1975-07-01', idNumber: '', phone: '', note: '' });
    expect(await db.member.where('idLookup').equals(idNumberLookup(m.value.idNumber)).count()).toBe(0);
    // everything this PC keeps about the member now (store, change log, audit) holds no full number
    const kept = JSON.stringify([await db.member.toArray(), await db.changes.toArray(), await db.audit.toArray()]);
    expect(kept).not.toContain(m.value.idNumber);
    expect(kept).not.toContain('13812345678');
    // the 备注 stays only in this PC's audit trail (local, never synced), as it was typed
    expect(JSON.stringify([await db.member.toArray(), await db.changes.toArray()])).not.toContain('13900001111');
  });

  it('never writes a plain ID number or phone into the audit trail', async () => {
    const org = await createRecord(ctx, 'organisation', branch());
    if (!org.ok) throw new Error();
    const m = await createRecord(ctx, 'member', member(org.value.id));
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    await updateRecord(ctx, 'member', m.value.id, { phone: '13900001111' });
    await auditAction(ctx, 'reveal', 'member', m.value.id, '查看完整身份证号');
    const text = JSON.stringify(await db.audit.toArray());
    expect(text).not.toContain(m.value.idNumber);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('13900001111');
    // masked: the first 4 and the last 4 only, and the birth date as its year (no pair rebuilds the number)
    expect(text).toContain(`${m.value.idNumber.slice(0, 4)}**********${m.value.idNumber.slice(-4)}`);
    expect(text).not.toContain(m.value.birthDate);
    expect(text).toContain(`${m.value.birthDate.slice(0, 4)}年`);
  });

  it('refuses an invalid record with a Chinese message naming the field, and writes nothing', async () => {
    const before = { changes: await db.changes.count(), audit: await db.audit.count(), rev: (await db.device.get('device'))!.lastRev };
    const bad = await createRecord(ctx, 'member', { ...member('01900000-0000-7000-8000-000000000000'), idNumber: '110105194912310012' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.kind).toBe('validation');
      expect(bad.error.message).toMatch(/身份证号/);
    }
    expect(await db.member.count()).toBe(0);
    expect({ changes: await db.changes.count(), audit: await db.audit.count(), rev: (await db.device.get('device'))!.lastRev }).toEqual(before);
  });

  it('a unit workspace cannot write committee-owned records', async () => {
    const r = await createRecord(ctx, 'notice', { title: '关于开展检查的通知', body: '…', issuedOn: '2026-11-01' } as never);
    expect(!r.ok && r.error.kind).toBe('not-owner');
    expect(!r.ok && r.error.message).toMatch(/由工委填报/);
    expect(await db.notice.count()).toBe(0);
  });

  it('the clock survives a restart: a new session keeps issuing higher revs', async () => {
    const first = await createRecord(ctx, 'organisation', branch());
    if (!first.ok) throw new Error();
    clock -= 86_400_000; // next day the PC clock is a day behind
    const ctx2 = await openWriteContext(db, () => new Date(clock));
    const second = await createRecord(ctx2, 'organisation', { ...branch(), name: '第二党支部' });
    if (!second.ok) throw new Error();
    expect(compareRev(second.value.rev, first.value.rev)).toBe(1);
  });
});
