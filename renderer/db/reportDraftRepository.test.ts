import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type TaizhangDb } from './db';
import { latestReportDraft, reportDraftVersions } from './queries/reports';
import { KEPT_DRAFT_VERSIONS, MAX_DRAFT_CHARS, saveReportDraft, type ReportDraftInput } from './reportDraftRepository';
import { completeSetup } from './workspaceRepository';
import { openWriteContext, type WriteContext } from './writeContext';

let db: TaizhangDb;
let ctx: WriteContext;
let n = 0;
let now = Date.parse('2026-12-20T02:00:00.000Z');

beforeEach(async () => {
  db = openDatabase(`test-report-drafts-${++n}`);
  await db.open();
  const r = await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 180, partyGroupKind: 'partyGroup', operatorName: '张敏' });
  expect(r.ok).toBe(true);
  ctx = await openWriteContext(db, () => new Date((now += 60_000)));
});
afterEach(async () => {
  await db.delete();
});

const draft = (over: Partial<ReportDraftInput> = {}): ReportDraftInput => ({
  unitId: ctx.ownerId,
  year: 2026,
  addressee: '中共示范市委直属机关工委',
  intro: '2026年，中共市财政局党组……现将有关情况报告如下。',
  duties: '',
  problems: '一是组织生活不够规范。',
  nextSteps: '（一）压紧压实主体责任。',
  ...over,
});

describe('annual report drafts', () => {
  it('nothing saved: no draft (the defaults apply)', async () => {
    expect(await latestReportDraft(db, ctx.ownerId, 2026)).toBeUndefined();
  });

  it('every save appends a version; the newest is used; other years and units are apart', async () => {
    const first = await saveReportDraft(ctx, draft());
    const second = await saveReportDraft(ctx, draft({ problems: '一是组织生活不够规范。二是培训覆盖不全。', addressee: '  中共示范市委直属机关工委  ' }));
    await saveReportDraft(ctx, draft({ year: 2025, problems: '去年的问题' }));
    await saveReportDraft(ctx, draft({ unitId: 'another-unit', problems: '别的单位' }));
    expect(first.ok && second.ok).toBe(true);
    const latest = await latestReportDraft(db, ctx.ownerId, 2026);
    expect(latest).toMatchObject({ problems: '一是组织生活不够规范。二是培训覆盖不全。', addressee: '中共示范市委直属机关工委', savedBy: '张敏' });
    const versions = await reportDraftVersions(db, ctx.ownerId, 2026);
    expect(versions.map((v) => v.problems)).toEqual(['一是组织生活不够规范。', '一是组织生活不够规范。二是培训覆盖不全。']);
    expect(versions[0]!.savedAt < versions[1]!.savedAt).toBe(true);
    expect((await latestReportDraft(db, ctx.ownerId, 2025))?.problems).toBe('去年的问题');
  });

  it('saving unchanged text appends nothing', async () => {
    await saveReportDraft(ctx, draft());
    const again = await saveReportDraft(ctx, draft({ addressee: '中共示范市委直属机关工委 ' }));
    expect(again.ok).toBe(true);
    expect(await reportDraftVersions(db, ctx.ownerId, 2026)).toHaveLength(1);
  });

  it(`keeps the newest ${KEPT_DRAFT_VERSIONS} versions`, async () => {
    for (let i = 0; i < KEPT_DRAFT_VERSIONS + 3; i++) await saveReportDraft(ctx, draft({ problems: `第${i}稿` }));
    const versions = await reportDraftVersions(db, ctx.ownerId, 2026);
    expect(versions).toHaveLength(KEPT_DRAFT_VERSIONS);
    expect(versions[0]!.problems).toBe('第3稿');
    expect(versions.at(-1)!.problems).toBe(`第${KEPT_DRAFT_VERSIONS + 2}稿`);
  });

  it.each([
    ['an overlong part', { problems: '问'.repeat(MAX_DRAFT_CHARS + 1) }, 'problems', /存在问题及原因/],
    ['a bad year', { year: 1999 }, 'year', /年度/],
    ['an overlong addressee', { addressee: '工'.repeat(61) }, 'addressee', /主送/],
  ] as const)('refuses %s, and stores nothing', async (_what, over, field, message) => {
    const r = await saveReportDraft(ctx, draft(over));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.path).toEqual([field]);
      expect(r.error.message).toMatch(message);
    }
    expect(await db.reportDrafts.count()).toBe(0);
  });
});
