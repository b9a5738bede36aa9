import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type TaizhangDb } from './db';
import { changeMembersStatus } from './memberRepository';
import { createOrganisation } from './organisationRepository';
import { addTestMember } from './testing/members';
import { completeSetup } from './workspaceRepository';
import { openWriteContext, type WriteContext } from './writeContext';

let db: TaizhangDb;
let ctx: WriteContext;
let orgId = '';
let n = 0;

beforeEach(async () => {
  db = openDatabase(`test-members-${++n}`);
  await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 120, partyGroupKind: 'partyGroup' });
  ctx = await openWriteContext(db);
  const org = await createOrganisation(ctx, {
    name: '离退休干部党支部', kind: 'branch', parentId: null, foundedOn: '2010-01-01', dissolvedOn: null, termStart: '2024-01-01',
    termYears: 3, termEnd: null, extension: null, approvalNo: '', approvedOn: null,
  });
  if (!org.ok) throw new Error(org.error.message);
  orgId = org.value.id;
});
afterEach(async () => {
  await db.delete();
});

describe('批量状态变更', () => {
  it('retires the members ticked in one go, each with the date, and leaves one already retired as is', async () => {
    const a = await addTestMember(ctx, orgId, '王芳', 1);
    const b = await addTestMember(ctx, orgId, '李强', 2);
    const c = await addTestMember(ctx, orgId, '赵敏', 3, { status: 'retired', statusChangedOn: '2020-05-01' });
    const r = await changeMembersStatus(ctx, [a, b, c], 'retired', '2026-11-30');
    expect(r).toEqual({ ok: true, value: { changed: 2, unchanged: 1 } });
    const after = new Map((await db.member.toArray()).map((m) => [m.name, m]));
    expect(after.get('王芳')).toMatchObject({ status: 'retired', statusChangedOn: '2026-11-30' });
    expect(after.get('李强')).toMatchObject({ status: 'retired', statusChangedOn: '2026-11-30' });
    expect(after.get('赵敏')).toMatchObject({ status: 'retired', statusChangedOn: '2020-05-01' });
    // one audit row per member changed
    expect(await db.audit.where('table').equals('member').filter((row) => row.action === 'update').count()).toBe(2);
  });

  it('closes the open posting of members transferred out on the day', async () => {
    const a = await addTestMember(ctx, orgId, '王芳', 1);
    const b = await addTestMember(ctx, orgId, '李强', 2);
    expect((await changeMembersStatus(ctx, [a, b], 'transferredOut', '2026-10-01')).ok).toBe(true);
    for (const m of await db.member.toArray()) expect(m.postings).toEqual([{ organisationId: orgId, from: '2008-07-01', to: '2026-10-01' }]);
  });

  it('changes nobody when one of them joined after the date, and says who', async () => {
    const a = await addTestMember(ctx, orgId, '王芳', 1);
    const b = await addTestMember(ctx, orgId, '李强', 2, { joinedOn: '2026-12-01' });
    const before = await db.member.toArray();
    const r = await changeMembersStatus(ctx, [a, b], 'retired', '2026-11-30');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('李强的入党时间（2026-12-01）晚于退休日期，请核对日期或不勾选此人。本次没有变更任何人。');
    expect(await db.member.toArray()).toEqual(before);
  });

  it('changes nobody when a member was deleted meanwhile, and asks for nothing without a selection', async () => {
    const a = await addTestMember(ctx, orgId, '王芳', 1);
    const before = await db.member.toArray();
    const r = await changeMembersStatus(ctx, [a, '019bbef3-b000-7000-8000-00000000dead'], 'retired', '2026-11-30');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('本次没有变更任何人');
    expect(await db.member.toArray()).toEqual(before);
    const none = await changeMembersStatus(ctx, [], 'retired', '2026-11-30');
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toBe('请先勾选要变更状态的党员。');
  });
});
