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
  createCadreExchange,
  deleteCadreExchange,
  updateCadreExchange,
  type CadreExchangeInput,
  type CareVisitInput,
} from './careRepository';
import { cadreExchangeFigures } from '../../shared/rules/duties/cadreExchange';
import { createRecord } from './recordRepository';
import { unitCadreExchanges } from './queries/cadreExchange';
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
    await must(createPublicity(ctx, { date: '2026-03-05', title: '市财政局开展主题党日', outlet: '市直机关党建网', level: '市直机关' }));
    expect(a.visitedName).toBe('王建国');
    expect(a.unitId).toBe(ctx.ownerId);

    const records = await unitCare(db, ctx.ownerId);
    expect(records.visits).toHaveLength(2);
    const f = careFigures(2026, records);
    expect([f.visits, f.visitedPeople, f.amountFen, f.commendations, f.publicity]).toEqual([2, 1, 30, 1, 1]);
    // 宣传 with its 媒体级别 (record schema 7)
    expect(records.publicity[0]).toMatchObject({ outlet: '市直机关党建网', level: '市直机关' });
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
    const p = await must(createPublicity(ctx, { date: '2026-03-05', title: '稿件一', outlet: '某某日报', level: '' }));
    const v2 = await must(updateCareVisit(ctx, v.id, visit({ amountFen: fen('800.5') })));
    expect([v2.id, v2.amountFen]).toEqual([v.id, 80_050]);
    expect((await must(updateCommendation(ctx, c.id, { date: '2026-06-28', name: '刘芳', honour: '优秀党务工作者', level: '市级' }))).level).toBe('市级');
    expect((await must(updatePublicity(ctx, p.id, { date: '2026-03-06', title: '稿件一（修订）', outlet: '某某日报', level: ' 市级 ' }))).level).toBe('市级');

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
    const r = await createPublicity(committee, { date: '2026-03-05', title: '稿件', outlet: '', level: '' });
    expect(r.ok ? '' : r.error.message).toBe('走访慰问、表彰、宣传和党务干部双向交流由单位登记，工委端只能查看。');
  });
});

describe('党务干部双向交流 writes', () => {
  const posting = (more: Partial<CadreExchangeInput> = {}): CadreExchangeInput => ({
    date: '2026-09-01',
    personName: '陈静',
    memberId: null,
    direction: 'toPartyAffairs',
    fromPost: '预算科科员',
    toPost: '机关党委专职副书记',
    vettedOn: null,
    vettingResult: '',
    note: '',
    ...more,
  });

  it('stores a posting into a party-affairs post without 任前考察 (flagged), then with it; a posting out keeps none', async () => {
    const x = await must(createCadreExchange(ctx, posting({ personName: ' 陈静 ' })));
    expect(x).toMatchObject({ personName: '陈静', direction: 'toPartyAffairs', vettedOn: null, unitId: ctx.ownerId });
    expect(cadreExchangeFigures((await unitCadreExchanges(db, ctx.ownerId)).exchanges, 2026).unvetted.map((r) => r.id)).toEqual([x.id]);

    const fixed = await must(updateCadreExchange(ctx, x.id, posting({ vettedOn: '2026-08-20', vettingResult: '考察合格' })));
    expect(fixed).toMatchObject({ vettedOn: '2026-08-20', vettingResult: '考察合格' });
    expect(cadreExchangeFigures((await unitCadreExchanges(db, ctx.ownerId)).exchanges, 2026)).toMatchObject({ toPartyAffairs: 1, vetted: 1, unvetted: [] });

    // a posting out of a party-affairs post has no 任前考察, whatever the form still held
    const out = await must(createCadreExchange(ctx, posting({ personName: '刘洋', direction: 'toLine', vettedOn: '2026-08-01', vettingResult: '旧内容' })));
    expect(out).toMatchObject({ vettedOn: null, vettingResult: '' });

    await must(deleteCadreExchange(ctx, out.id));
    expect((await unitCadreExchanges(db, ctx.ownerId)).exchanges.map((r) => r.personName)).toEqual(['陈静']);
    const again = await deleteCadreExchange(ctx, out.id);
    expect(again.ok ? '' : again.error.message).toBe('该双向交流记录不存在或已被删除，请刷新后重试。');
  });

  it('links a member of the unit’s roster, and refuses one that is not on it', async () => {
    const org = await must(
      createRecord(ctx, 'organisation', { name: '第一党支部', kind: 'branch', parentId: null, foundedOn: '2015-03-01', dissolvedOn: null, termStart: '2024-03-01', termYears: 3, termEnd: null, extension: null, approvalNo: '', approvedOn: null }),
    );
    const member = await must(
      createRecord(ctx, 'member', {
        name: '陈静',
        gender: 'male',
        ethnicity: '汉族',
        birthDate: '1949-12-31',
        idNumber: '110105194912310011',
        phone: '13812345678',
        joinedOn: '1975-07-01',
        membership: 'full',
        convertedOn: '1976-07-01',
        organisationId: org.id,
        postings: [{ organisationId: org.id, from: '2015-03-01', to: null }],
        status: 'active',
        statusChangedOn: null,
        cadre: null,
        excludedReason: null,
      }),
    );
    const linked = await must(createCadreExchange(ctx, posting({ memberId: member.id })));
    expect(linked.memberId).toBe(member.id);
    const stranger = await createCadreExchange(ctx, posting({ memberId: '0190a000-0000-7000-8000-00000000beef' }));
    expect(stranger.ok ? '' : stranger.error.message).toBe('所选党员不在本单位党员名册中，请重新选择或直接填写姓名。');
  });

  it('refuses a 任前考察 after the posting, a date after today and a blank name, in words, and writes nothing', async () => {
    const late = await createCadreExchange(ctx, posting({ vettedOn: '2026-09-02' }));
    expect(late.ok ? '' : late.error.message).toBe('任前考察应在任职之前进行：任前考察日期（2026-09-02）不能晚于交流日期（2026-09-01），请核对');
    const future = await createCadreExchange(ctx, posting({ date: '2026-12-01' }));
    expect(future.ok ? '' : future.error.message).toBe('交流日期不能晚于今天（2026-11-28），请登记已经发生的事项');
    const blank = await createCadreExchange(ctx, posting({ personName: ' ' }));
    expect(blank.ok ? '' : blank.error.message).toBe('请填写交流干部的姓名');
    expect((await unitCadreExchanges(db, ctx.ownerId)).exchanges).toEqual([]);
  });
});
