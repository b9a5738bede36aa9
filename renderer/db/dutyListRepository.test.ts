import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { overallCompleteness, postCompleteness } from '../../shared/rules/duties/dutyLists';
import { openDatabase, type TaizhangDb } from './db';
import {
  addDutyItem,
  createDutyPost,
  deleteDutyItem,
  deleteDutyPost,
  seedDefaultDutyLists,
  selfCheckDutyItem,
  updateDutyItemText,
  updateDutyPost,
} from './dutyListRepository';
import { unitDutyLists } from './queries/dutyLists';
import { completeSetup } from './workspaceRepository';
import { openWriteContext, type WriteContext } from './writeContext';

let db: TaizhangDb;
let ctx: WriteContext;
let n = 0;
const clock = Date.parse('2026-11-28T08:00:00.000Z');

beforeEach(async () => {
  db = openDatabase(`test-duty-lists-${++n}`);
  const r = await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 180, partyGroupKind: 'partyGroup', operatorName: '张敏' });
  if (!r.ok) throw new Error(r.error.message);
  ctx = await openWriteContext(db, () => new Date(clock));
});

afterEach(async () => {
  await db.delete();
});

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('三级五岗 writes', () => {
  it('seeds the default list for a year once, read back by unit; a second seed is refused and writes nothing', async () => {
    const seeded = await must(seedDefaultDutyLists(ctx, 2026));
    expect(seeded.map((l) => l.post)).toContain('党支部书记');
    expect(seeded.every((l) => l.year === 2026 && l.holderName === '' && l.items.every((i) => i.status === undefined))).toBe(true);
    const again = await seedDefaultDutyLists(ctx, 2026);
    expect(!again.ok && again.error.message).toContain('2026年已有5个岗位');
    const lists = await unitDutyLists(db, ctx.ownerId);
    expect(lists).toHaveLength(5);
    expect(await unitDutyLists(db, 'another-unit')).toEqual([]);
    // another year is its own
    await must(seedDefaultDutyLists(ctx, 2027));
    expect(await unitDutyLists(db, ctx.ownerId)).toHaveLength(10);
  });

  it('self-check: outcome and evidence per item, completeness moves, clearing makes it 未自查 again', async () => {
    const [first] = await must(seedDefaultDutyLists(ctx, 2026));
    const list = first!;
    const total = list.items.length;
    const item0 = list.items[0]!.text;
    let after = await must(selfCheckDutyItem(ctx, list.id, 0, item0, { status: 'done', selfCheck: ' 全年专题研究党建工作3次，有会议纪要 ' }));
    expect(after.items[0]).toEqual({ text: item0, selfCheck: '全年专题研究党建工作3次，有会议纪要', status: 'done' });
    expect(postCompleteness(after)).toMatchObject({ checked: 1, total });
    after = await must(selfCheckDutyItem(ctx, list.id, 1, list.items[1]!.text, { status: 'partial', selfCheck: '讲党课1次' }));
    const lists = await unitDutyLists(db, ctx.ownerId);
    expect(overallCompleteness(lists).checked).toBe(2);
    after = await must(selfCheckDutyItem(ctx, list.id, 0, item0, { status: null, selfCheck: '' }));
    expect(after.items[0]).not.toHaveProperty('status');
    expect(postCompleteness(after).checked).toBe(1);
  });

  it('posts and items: add, edit, delete; a post twice at one level is refused; an item changed meanwhile is refused', async () => {
    const post = await must(createDutyPost(ctx, { year: 2026, level: '党支部', post: '组织委员', holderName: '李华' }));
    const dup = await createDutyPost(ctx, { year: 2026, level: '党支部', post: '组织委员', holderName: '' });
    expect(!dup.ok && dup.error.message).toContain('已有“组织委员”岗位');
    await must(addDutyItem(ctx, post.id, '负责党员发展'));
    await must(addDutyItem(ctx, post.id, '负责党费收缴'));
    let after = await must(updateDutyItemText(ctx, post.id, 1, '负责党费收缴', '负责党费收缴和使用管理'));
    expect(after.items.map((i) => i.text)).toEqual(['负责党员发展', '负责党费收缴和使用管理']);
    const stale = await deleteDutyItem(ctx, post.id, 1, '负责党费收缴');
    expect(!stale.ok && stale.error.message).toContain('请刷新页面后重试');
    after = await must(deleteDutyItem(ctx, post.id, 0, '负责党员发展'));
    expect(after.items.map((i) => i.text)).toEqual(['负责党费收缴和使用管理']);
    after = await must(updateDutyPost(ctx, post.id, { level: '党支部', post: '组织委员', holderName: '王强' }));
    expect(after.holderName).toBe('王强');
    const empty = await addDutyItem(ctx, post.id, '  ');
    expect(empty.ok).toBe(false);
    await must(deleteDutyPost(ctx, post.id));
    expect(await unitDutyLists(db, ctx.ownerId)).toEqual([]);
    const gone = await addDutyItem(ctx, post.id, '补充');
    expect(!gone.ok && gone.error.message).toContain('不存在或已被删除');
  });
});
