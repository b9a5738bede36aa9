import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { careFigures } from '../../shared/rules/duties/care';
import { parseYuan } from '../../shared/rules/duties/funds';
import {
  createCareVisit,
  createCommendation,
  createPublicity,
  deleteCareVisit,
  deleteCommendation,
  deletePublicity,
  recordCareReasonReveal,
  updateCareVisit,
  updateCommendation,
  updatePublicity,
  type CareVisitInput,
} from './careRepository';
import { openDatabase, type TaizhangDb } from './db';
import { unitCare } from './queries/care';
import { completeSetup } from './workspaceRepository';
import { openWriteContext, type WriteContext } from './writeContext';

let db: TaizhangDb;
let ctx: WriteContext;
let n = 0;
const clock = Date.parse('2026-11-28T08:00:00.000Z');

beforeEach(async () => {
  db = openDatabase(`test-care-${++n}`);
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

function fen(text: string): number {
  const r = parseYuan(text);
  if (!r.ok) throw new Error(r.message);
  return r.fen;
}

const visit = (more: Partial<CareVisitInput> = {}): CareVisitInput => ({
  date: '2026-07-01',
  visitedName: '王建国',
  reason: '“七一”走访慰问老党员',
  visitors: '李书记',
  amountFen: fen('500'),
  ...more,
});

describe('关怀激励 writes', () => {
  it('visits, commendations and publicity are stored for the unit, amounts in 分, and read back live', async () => {
    const a = await must(createCareVisit(ctx, visit({ visitedName: '  王建国 ', amountFen: fen('0.1') })));
    await must(createCareVisit(ctx, visit({ amountFen: fen('0.2') })));
    await must(createCommendation(ctx, { date: '2026-06-28', name: '刘芳', honour: '优秀共产党员', level: '市直机关' }));
    await must(createPublicity(ctx, { date: '2026-03-05', title: '市财政局开展主题党日', outlet: '市直机关党建网' }));
    expect(a.visitedName).toBe('王建国');
    expect(a.unitId).toBe(ctx.ownerId);

    const records = await unitCare(db, ctx.ownerId);
    expect(records.visits).toHaveLength(2);
    const f = careFigures(2026, records);
    expect([f.visits, f.visitedPeople, f.amountFen, f.commendations, f.publicity]).toEqual([2, 1, 30, 1, 1]);
    // another unit sees none of them
    expect((await unitCare(db, 'another-unit')).visits).toEqual([]);
  });

  it('a 慰问事由 shown on screen is audited by whom it concerned, and the trail never holds its words', async () => {
    const v = await must(createCareVisit(ctx, visit({ visitedName: '李秀英', reason: '因病住院慰问' })));
    await recordCareReasonReveal(ctx, v);
    const trail = await db.audit.where('[table+id]').equals(['careVisit', v.id]).toArray();
    expect(trail.map((a) => [a.action, a.note])).toEqual([['create', ''], ['reveal', '查看对李秀英的慰问事由']]);
    expect(JSON.stringify(trail)).not.toContain('因病住院');
  });

  it('edits keep the id; deletes leave tombstones the reads skip', async () => {
    const v = await must(createCareVisit(ctx, visit()));
    const c = await must(createCommendation(ctx, { date: '2026-06-28', name: '刘芳', honour: '优秀共产党员', level: '' }));
    const p = await must(createPublicity(ctx, { date: '2026-03-05', title: '稿件一', outlet: '某某日报' }));
    const v2 = await must(updateCareVisit(ctx, v.id, visit({ amountFen: fen('800.5') })));
    expect([v2.id, v2.amountFen]).toEqual([v.id, 80_050]);
    expect((await must(updateCommendation(ctx, c.id, { date: '2026-06-28', name: '刘芳', honour: '优秀党务工作者', level: '市级' }))).level).toBe('市级');
    expect((await must(updatePublicity(ctx, p.id, { date: '2026-03-06', title: '稿件一（修订）', outlet: '某某日报' }))).title).toBe('稿件一（修订）');

    await must(deleteCareVisit(ctx, v.id));
    await must(deleteCommendation(ctx, c.id));
    await must(deletePublicity(ctx, p.id));
    const records = await unitCare(db, ctx.ownerId);
    expect([records.visits, records.commendations, records.publicity]).toEqual([[], [], []]);
    expect((await db.careVisit.get(v.id))?.deleted).toBe(true);
    const again = await deleteCareVisit(ctx, v.id);
    expect(again.ok ? '' : again.error.message).toBe('该走访慰问记录不存在或已被删除，请刷新后重试。');
  });

  it('refuses a date after today and a blank person, in words, and writes nothing', async () => {
    const future = await createCareVisit(ctx, visit({ date: '2026-12-01' }));
    expect(future.ok ? '' : future.error.message).toBe('走访日期不能晚于今天（2026-11-28），请登记已经发生的事项');
    const blank = await createCommendation(ctx, { date: '2026-06-28', name: '  ', honour: '优秀共产党员', level: '' });
    expect(blank.ok).toBe(false);
    expect(blank.ok ? '' : blank.error.message).toMatch(/表彰对象/);
    const records = await unitCare(db, ctx.ownerId);
    expect(records.visits.length + records.commendations.length).toBe(0);
  });

  it('the 工委 cannot write a unit\'s care records', async () => {
    const committee = { ...ctx, mode: 'committee' as const };
    const r = await createPublicity(committee, { date: '2026-03-05', title: '稿件', outlet: '' });
    expect(r.ok ? '' : r.error.message).toBe('走访慰问、表彰和宣传由单位登记，工委端只能查看。');
  });
});
