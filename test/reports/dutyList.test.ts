/**
 * 三级五岗职责清单 and its self-check (shared/reports/dutyList.ts), rendered and read back as a reader
 * would: every post with its person (未明确 when nobody), every item; the self-check's counts equal a
 * recount from the input made here (not with shared/rules), the items not self-checked named in
 * words and never printed blank; the 公文 page (A4, margins, page numbers, no missing glyph); and a
 * unit with many posts and long items: no page ends with a post's group row, each page of the
 * tables repeats their header, no cell leaves one character on a line.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/cli/main';
import type { DutyItem, DutyList } from '../../shared/model/dutyList';
import { buildDutyList, buildDutySelfCheck, dutyListReportData, type DutyListReportData } from '../../shared/reports/dutyList';
import { expectGongwen } from './gongwenChecks';
import { orphanCharacters, pageRows } from './pageEnds';
import { compact, pdfText, pdfWords, type PageBox } from './pdfReader';
import { AS_OF, renderToFile, smallCity, YEAR } from './reportFixtures';

const STATUSES = ['done', 'partial', 'notDone', undefined, 'done'] as const;
const LABEL = { done: '落实', partial: '部分落实', notDone: '未落实' } as const;

/** The small unit's lists of the year, with outcomes set in turn, one post without a holder and one item without evidence. */
function smallData(): DutyListReportData {
  const unit = smallCity().units[0];
  if (unit === undefined) throw new Error('small fixture has no unit');
  const records = unit.records as { unit?: DutyListReportData['unit'][]; dutyList?: DutyList[] };
  let n = 0;
  // the generator writes 党委(党组); the app's default list (and so a cadre's ledger) says 党组（党委）
  const appNames = (s: string): string => s.replace('党委(党组)', '党组（党委）');
  const lists = (records.dutyList ?? []).map((l, j): DutyList => ({
    ...l,
    level: appNames(l.level),
    post: appNames(l.post),
    holderName: j === 1 ? '' : l.holderName,
    items: l.items.map((item): DutyItem => {
      const status = STATUSES[n++ % STATUSES.length];
      const { status: _old, ...rest } = item;
      void _old;
      return status === undefined ? { ...rest, selfCheck: n === 4 ? '' : rest.selfCheck } : { ...rest, status, selfCheck: n === 1 ? '' : rest.selfCheck };
    }),
  }));
  const data = dutyListReportData({ unit: records.unit, dutyList: lists }, { unitId: unit.unit.id, year: YEAR, asOf: AS_OF });
  if (data === null) throw new Error('no unit record');
  return data;
}

/** A unit with 40 branch posts of 9 long items each (the page-end case). */
function bigData(base: DutyListReportData): DutyListReportData {
  const template = base.lists[0];
  if (template === undefined) throw new Error('no list to copy');
  const long = '按规定开好“三会一课”、组织生活会和主题党日，落实谈心谈话、民主评议党员制度，做好党员发展、教育、管理和监督工作，每季度向机关党委报告一次';
  const lists: DutyList[] = Array.from({ length: 40 }, (_, b) => ({
    ...template,
    id: `${template.id.slice(0, -4)}${String(1000 + b)}`,
    createdAt: `${YEAR}-03-01T00:00:${String(b % 60).padStart(2, '0')}.000Z`,
    level: b < 2 ? '党组（党委）' : b < 5 ? '机关党委' : '党支部',
    post: b < 2 ? `党组（党委）${b === 0 ? '书记' : '其他成员'}` : b < 5 ? `机关党委委员${b}` : `第${b - 4}党支部书记`,
    holderName: b % 7 === 3 ? '' : `王${'一二三四五六七八九十'[b % 10]}明`,
    items: Array.from({ length: 9 }, (_, k) => ({
      text: k % 3 === 0 ? long : `第${k + 1}项职责：抓好本支部党建工作${k % 2 === 0 ? '，推动党建和业务深度融合' : ''}`,
      selfCheck: k % 4 === 3 ? '' : '已落实，形成工作台账，相关材料已归档备查',
      ...(k % 4 === 3 ? {} : { status: (['done', 'partial', 'notDone'] as const)[(b + k) % 3] }),
    })),
  }));
  return { ...base, lists };
}

/** Counts made here from the input, without shared/rules. */
function recount(lists: readonly DutyList[]) {
  const c = { done: 0, partial: 0, notDone: 0, unchecked: 0, total: 0 };
  for (const l of lists)
    for (const i of l.items) {
      c.total++;
      if (i.status === 'done' || i.status === 'partial' || i.status === 'notDone') c[i.status]++;
      else c.unchecked++;
    }
  return c;
}

let data: DutyListReportData;
let listText = '';
let checkText = '';
let listFile = '';
let checkFile = '';

beforeAll(async () => {
  data = smallData();
  listFile = await renderToFile('duty-list.pdf', buildDutyList(data));
  checkFile = await renderToFile('duty-self-check.pdf', buildDutySelfCheck(data));
  listText = compact((await expectGongwen(listFile)).text);
  checkText = compact((await expectGongwen(checkFile)).text);
  if (process.env.TZ_KEEP_PDF) {
    copyFileSync(listFile, `${process.env.TZ_KEEP_PDF}/duty-list.pdf`);
    copyFileSync(checkFile, `${process.env.TZ_KEEP_PDF}/duty-self-check.pdf`);
  }
}, 120_000);

describe('三级五岗职责清单', () => {
  it('has a fixture with posts, items, a post without holder and every outcome', () => {
    expect(data.lists.length).toBeGreaterThanOrEqual(3);
    const c = recount(data.lists);
    expect(c.done * c.partial * c.notDone * c.unchecked).toBeGreaterThan(0);
    expect(data.lists.some((l) => l.holderName === '')).toBe(true);
  });

  it('prints the title, every post with its person (未明确 when nobody) and every item', () => {
    const kind = data.unit.partyGroupKind === 'partyGroup' ? '党组' : '党委';
    expect(listText).toContain(`${data.unit.name}${kind}${YEAR}年度“三级五岗”党建工作职责清单`);
    for (const l of data.lists) {
      expect(listText, l.post).toContain(compact(`${l.post}（责任人：${l.holderName === '' ? '未明确' : l.holderName}；${l.items.length}项）`));
      l.items.forEach((item, k) => expect(listText, item.text).toContain(compact(`${k + 1}${item.text}`)));
    }
    for (const level of new Set(data.lists.map((l) => l.level))) expect(listText).toContain(`${level}层级`);
    const unassigned = data.lists.filter((l) => l.holderName === '').length;
    expect(listText).toContain(`其中${unassigned}个岗位尚未明确责任人`);
    // 落款: the 党组（党委） and the day
    expect(listText).toContain(`中共${data.unit.name}${kind}2026年12月31日`);
  });

  it('self-check: the counts equal a recount of the input, in the sentence and in the 合计 row', () => {
    const c = recount(data.lists);
    expect(checkText).toContain(`截至2026年12月31日，本单位${YEAR}年度“三级五岗”职责清单共${data.lists.length}个岗位、${c.total}项职责事项，已自查${c.total - c.unchecked}项：落实${c.done}项、部分落实${c.partial}项、未落实${c.notDone}项；尚有${c.unchecked}项未自查`);
    expect(checkText).toContain(`合计${c.total}${c.done}${c.partial}${c.notDone}${c.unchecked}`);
    for (const l of data.lists) {
      const p = recount([l]);
      expect(checkText, l.post).toContain(compact(`${l.post}${l.holderName === '' ? '未明确' : l.holderName}${p.total}${p.done}${p.partial}${p.notDone}${p.unchecked}`));
    }
  });

  it('self-check: names every item not self-checked, and prints every item with its outcome in words', () => {
    const c = recount(data.lists);
    expect(checkText).toContain(`以下${c.unchecked}项职责事项尚未自查`);
    for (const l of data.lists)
      l.items.forEach((item, k) => {
        const outcome = item.status === undefined ? '未自查' : LABEL[item.status];
        const evidence = item.selfCheck !== '' ? item.selfCheck : item.status === undefined ? '尚未自查' : '未填写自查情况';
        expect(checkText, item.text).toContain(compact(`${k + 1}${item.text}${outcome}${evidence}`));
        if (item.status === undefined) expect(checkText, item.text).toContain(compact(`第${k + 1}项“${item.text.replace(/“/g, '‘').replace(/”/g, '’')}”`));
      });
  });

  it('says in words when every item is self-checked, and when none is', async () => {
    const all = { ...data, lists: data.lists.map((l) => ({ ...l, items: l.items.map((i) => ({ ...i, status: i.status ?? ('done' as const) })) })) };
    const allText = compact((await expectGongwen(await renderToFile('duty-all.pdf', buildDutySelfCheck(all)))).text);
    expect(allText).toContain('全部职责事项均已自查');
    expect(allText).not.toContain('尚有');
    const none = { ...data, lists: data.lists.map((l) => ({ ...l, items: l.items.map(({ status: _s, ...i }) => (void _s, i)) })) };
    const noneText = compact((await expectGongwen(await renderToFile('duty-none.pdf', buildDutySelfCheck(none)))).text);
    expect(noneText).toContain('均尚未自查');
    expect(noneText).not.toContain('落实0项');
  });

  it('refuses a year without lists, in Chinese', () => {
    expect(() => buildDutyList({ ...data, lists: [] })).toThrow(/2026年还没有三级五岗职责清单/);
    expect(() => buildDutySelfCheck({ ...data, year: 2025 })).toThrow(/2025年还没有三级五岗职责清单/);
  });
});

describe('三级五岗 page ends (40 posts × 9 items)', () => {
  const pages: { list: PageBox[]; check: PageBox[] } = { list: [], check: [] };
  let big: DutyListReportData;

  beforeAll(async () => {
    big = bigData(smallData());
    const list = await renderToFile('duty-list-big.pdf', buildDutyList(big));
    const check = await renderToFile('duty-self-check-big.pdf', buildDutySelfCheck(big));
    await expectGongwen(list);
    await expectGongwen(check);
    pages.list = await pdfWords(list);
    pages.check = await pdfWords(check);
    if (process.env.TZ_KEEP_PDF) {
      copyFileSync(list, `${process.env.TZ_KEEP_PDF}/duty-list-big.pdf`);
      copyFileSync(check, `${process.env.TZ_KEEP_PDF}/duty-self-check-big.pdf`);
    }
  }, 240_000);

  const lastRow = (p: PageBox): string => pageRows(p).at(-1)?.text ?? '';
  const firstRow = (p: PageBox): string => pageRows(p)[0]?.text ?? '';

  it('no page ends with a post or level group row or a heading', () => {
    expect(pages.list.length).toBeGreaterThan(8);
    expect(pages.check.length).toBeGreaterThan(pages.list.length);
    for (const [name, list] of Object.entries(pages))
      for (const p of list.slice(0, -1)) {
        const last = lastRow(p);
        expect(/（责任人：[^）]*）$/.test(last), `${name} page ${p.page} ends with the group row ${last}`).toBe(false);
        expect(/层级(（\d+个岗位）)?$/.test(last), `${name} page ${p.page} ends with the level row ${last}`).toBe(false);
        expect(/^[一二三]、[^。]*$/.test(last), `${name} page ${p.page} ends with the heading ${last}`).toBe(false);
      }
  });

  it('every page inside a table repeats its level and header rows', () => {
    // pages after the first of the list are all table pages (the last may hold only the 落款)
    for (const p of pages.list.slice(1)) {
      const rows = pageRows(p).map((r) => r.text);
      if (rows.length <= 2) continue;
      expect(rows[0], `list page ${p.page}`).toMatch(/层级（\d+个岗位）$/);
      expect(rows[1], `list page ${p.page}`).toBe('序号职责内容');
    }
    const detail = pages.check.filter((p) => pageRows(p).some((r) => r.text === '序号职责内容自查结论自查情况'));
    expect(detail.length).toBeGreaterThan(5);
    for (const p of detail.slice(1)) expect(firstRow(p), `self-check page ${p.page}`).toMatch(/层级$/);
  });

  it('every post and item is printed, the 合计 equals the recount', () => {
    const text = compact(pages.list.flatMap((p) => pageRows(p).map((r) => r.text)).join(''));
    for (const l of big.lists) expect(text, l.post).toContain(compact(`${l.post}（责任人：${l.holderName === '' ? '未明确' : l.holderName}；9项）`));
    const check = compact(pages.check.flatMap((p) => pageRows(p).map((r) => r.text)).join(''));
    const c = recount(big.lists);
    expect(check).toContain(`合计${c.total}${c.done}${c.partial}${c.notDone}${c.unchecked}`);
  });

  it('leaves no table cell with one character on a line of its own', () => {
    for (const [name, list] of Object.entries(pages)) for (const p of list) expect(orphanCharacters(p), `${name} page ${p.page}`).toEqual([]);
  });
});

describe('taizhang report duties', () => {
  it('prints the list and, with --self-check, the 自查表 of a fixture unit; a year without lists fails in Chinese', async () => {
    const unit = smallCity().units[0];
    if (unit === undefined) throw new Error('no unit');
    const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-duties-cli-'));
    const fixtures = path.join(dir, 'fixtures');
    mkdirSync(fixtures);
    writeFileSync(path.join(fixtures, `${unit.unit.id}.json`), JSON.stringify({ unit: unit.unit, deviceId: unit.deviceId, records: unit.records }));
    const errors: string[] = [];
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(' ')));
    try {
      const common = ['report', 'duties', '--input', fixtures, '--unit', unit.unit.id, '--as-of', '2026-12-31'];
      const list = path.join(dir, 'list.pdf');
      const check = path.join(dir, 'check.pdf');
      expect(await main([...common, '--year', '2026', '--out', list])).toBe(0);
      expect(await main([...common, '--year', '2026', '--self-check', '--date', '2027-01-10', '--out', check])).toBe(0);
      expect(compact(await pdfText(list))).toContain('“三级五岗”党建工作职责清单');
      const checkText = compact(await pdfText(check));
      expect(checkText).toContain('党建工作职责落实情况自查表');
      expect(checkText).toContain('2027年1月10日');
      expect(await main([...common, '--year', '2024', '--out', path.join(dir, 'none.pdf')])).toBe(1);
      expect(errors.join('\n')).toContain('2024年还没有三级五岗职责清单');
    } finally {
      vi.restoreAllMocks();
    }
  }, 120_000);
});
