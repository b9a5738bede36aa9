/** 两委 seats and the roster: a seat ticked 专职 marks its holder 专职党务干部, so the cadre ratio counts them (issue 16). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NATIONAL_PROFILE_V1 } from '../../shared/rules/profile';
import { cadreRatio } from '../../shared/rules/organisations/cadreRatio';
import { openDatabase, type TaizhangDb } from './db';
import { addSeat, createOrganisation } from './organisationRepository';
import { completeSetup } from './workspaceRepository';
import { openWriteContext, type WriteContext } from './writeContext';
import { addTestMember } from './testing/members';

let db: TaizhangDb;
let ctx: WriteContext;
let n = 0;
let orgId = '';

const member = (name: string, seq: number, cadre: 'fullTime' | 'partTime' | null = null): Promise<string> => addTestMember(ctx, orgId, name, seq, { cadre });

const seat = (memberId: string, fullTime: boolean) => ({ organisationId: orgId, memberId, post: 'secretary' as const, role: null, fullTime, from: '2025-03-01', to: null });

beforeEach(async () => {
  db = openDatabase(`test-organisations-${++n}`);
  await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 120, partyGroupKind: 'partyGroup' });
  ctx = await openWriteContext(db);
  const org = await createOrganisation(ctx, { name: '机关党委', kind: 'organCommittee', parentId: null, foundedOn: null, dissolvedOn: null, termStart: null, termYears: null, termEnd: null, extension: null, approvalNo: '', approvedOn: null });
  if (!org.ok) throw new Error(org.error.message);
  orgId = org.value.id;
});
afterEach(async () => {
  await db.delete();
});

describe('两委 seats and the roster’s 专职党务干部', () => {
  it('a seat ticked 专职 marks its holder 专职党务干部 in the same write, and the ratio counts them', async () => {
    const wang = await member('王芳', 1);
    const before = cadreRatio({ staffCount: 120, members: await db.member.toArray() }, NATIONAL_PROFILE_V1);
    expect(before.fullTimeCount).toBe(0);
    const r = await addSeat(ctx, seat(wang, true));
    expect(r.ok).toBe(true);
    expect((await db.member.get(wang))?.cadre).toBe('fullTime');
    const after = cadreRatio({ staffCount: 120, members: await db.member.toArray() }, NATIONAL_PROFILE_V1);
    expect(after.fullTimeCount).toBe(1);
    expect(after.reason).toContain('专职党务干部 1 人');
    // the roster change travels like any edit: in the change log with the seat
    const changed = (await db.changes.toArray()).map((c) => c.table);
    expect(changed).toEqual(expect.arrayContaining(['committeeSeat', 'member']));
  });

  it('a part-time seat leaves the roster as it is; a member already 专职 gets no new revision', async () => {
    const li = await member('李强', 2, 'partTime');
    await addSeat(ctx, seat(li, false));
    expect((await db.member.get(li))?.cadre).toBe('partTime');
    const zhao = await member('赵敏', 3, 'fullTime');
    const rev = (await db.member.get(zhao))?.rev;
    await addSeat(ctx, seat(zhao, true));
    expect((await db.member.get(zhao))?.rev).toBe(rev);
  });

  it('a refused seat marks nobody (one transaction)', async () => {
    const wang = await member('王芳', 1);
    const r = await addSeat(ctx, { ...seat(wang, true), from: '2025-03-01', to: '2024-01-01' });
    expect(r.ok).toBe(false);
    expect((await db.member.get(wang))?.cadre).toBeNull();
    expect(await db.committeeSeat.count()).toBe(0);
  });
});
