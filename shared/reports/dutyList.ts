/**
 * 三级五岗职责清单 and its annual self-check (自查表), two documents of one year's duty lists:
 *
 * - `buildDutyList`: ××党组“三级五岗”党建工作职责清单 — for each level (三级) a table of its posts
 *   (五岗), each post a group row with the person assigned (“未明确” when nobody is) and its duty
 *   items numbered under it; signed by the 党组（党委）.
 * - `buildDutySelfCheck`: ××党组“三级五岗”党建工作职责落实情况自查表 — the counts (落实/部分落实/
 *   未落实/未自查) in a sentence and per post in a table with its 合计, the items not yet
 *   self-checked named in words, then every item with its outcome and evidence.
 *
 * Two documents, not one: the list is settled and filed at the start of the year (明责), the
 * self-check at its end (履责) — different days, and the self-check repeats every item with its
 * outcome, so it stands on its own.
 *
 * An item without an outcome is never left blank (a blank cell reads like nothing to report): its
 * 自查结论 says 未自查, its 自查情况 尚未自查 when no evidence was written either. Counts come from
 * shared/rules/duties/dutyLists.ts. Levels and posts are data (the city's list may differ): the
 * levels come in the order the screen shows them (`groupByLevel`).
 */
import type { Unit } from '../model';
import { DUTY_ITEM_STATUS_LABELS, DUTY_ITEM_UNCHECKED_LABEL, type DutyItem, type DutyItemStatus, type DutyList } from '../model/dutyList';
import { isoDate, minDate, type IsoDate } from '../rules/dates';
import { groupByLevel, isSelfChecked, statusCounts } from '../rules/duties/dutyLists';
import { chineseDate } from '../rules/text';
import { leadingBody, partyGroupName } from './annualDrafts';
import { BUNDLED_FONT_SET, type ReportFontSet } from './fonts';
import { quoted } from './format';
import { gongwen, type Gongwen, type TableRow } from './gongwenLayout';
import type { PdfContent, PdfDocumentDefinition } from './pdfTypes';

/** What the two documents read: the unit and its live duty lists (the builders keep the year's). */
export interface DutyListReportData {
  readonly unit: Unit;
  readonly year: number;
  /** 截至: the day the self-check's state is printed for (12月31日, or earlier for a year in progress). */
  readonly asOf: IsoDate;
  readonly lists: readonly DutyList[];
}

export interface DutyListRecords {
  readonly unit?: readonly Unit[];
  readonly dutyList?: readonly DutyList[];
}

/** The unit's snapshot for the duty-list documents, from its records (live, of that unit); null without its unit record. */
export function dutyListReportData(records: DutyListRecords, options: { readonly unitId: string; readonly year: number; readonly asOf?: IsoDate }): DutyListReportData | null {
  const unit = (records.unit ?? []).find((u) => u.id === options.unitId && u.unitId === options.unitId && !u.deleted);
  if (unit === undefined) return null;
  const lists = (records.dutyList ?? []).filter((l) => !l.deleted && l.unitId === options.unitId && l.year === options.year);
  const end = isoDate(options.year, 12, 31);
  return { unit, year: options.year, asOf: options.asOf === undefined ? end : minDate(end, options.asOf), lists };
}

export interface DutyListOptions {
  readonly fonts?: ReportFontSet;
  /** 成文日期 (落款); default the 截至 day. */
  readonly date?: IsoDate;
}

/** The error when the year has no lists: said on the page and by the CLI. */
export function noDutyListsMessage(year: number): string {
  return `${year}年还没有三级五岗职责清单，无法打印：请先在“三级五岗”中按默认清单生成或新增岗位。`;
}

/** 市统计局党组2026年度“三级五岗”党建工作职责清单 */
export function dutyListTitle(data: Pick<DutyListReportData, 'unit' | 'year'>): string {
  return `${data.unit.name}${leadingBody(data)}${data.year}年度“三级五岗”党建工作职责清单`;
}

/** 市统计局党组2026年度“三级五岗”党建工作职责落实情况自查表 */
export function dutySelfCheckTitle(data: Pick<DutyListReportData, 'unit' | 'year'>): string {
  return `${data.unit.name}${leadingBody(data)}${data.year}年度“三级五岗”党建工作职责落实情况自查表`;
}

/** The person assigned to a post, or 未明确. */
export function holderText(list: Pick<DutyList, 'holderName'>): string {
  return list.holderName.trim() === '' ? '未明确' : list.holderName.trim();
}

function postRow(list: DutyList): TableRow {
  return { section: `${list.post}（责任人：${holderText(list)}；${list.items.length === 0 ? '未列职责事项' : `${list.items.length}项`}）` };
}

/** The item's 自查结论 in words, 未自查 when it has none. */
export function outcomeText(item: DutyItem): string {
  return isSelfChecked(item) ? DUTY_ITEM_STATUS_LABELS[item.status as DutyItemStatus] : DUTY_ITEM_UNCHECKED_LABEL;
}

/** The item's 自查情况: its evidence, or words saying there is none. */
export function evidenceText(item: DutyItem): string {
  const text = item.selfCheck.trim();
  if (text !== '') return text;
  return isSelfChecked(item) ? '未填写自查情况' : '尚未自查';
}

function ofYear(data: DutyListReportData): DutyList[] {
  const lists = data.lists.filter((l) => !l.deleted && l.year === data.year);
  if (lists.length === 0) throw new Error(noDutyListsMessage(data.year));
  return lists;
}

function signed(gw: Gongwen, data: DutyListReportData, options: DutyListOptions): PdfContent {
  return gw.closing([gw.blank(2), gw.signature(partyGroupName(data), options.date ?? data.asOf)]);
}

/** 本清单共3个层级、5个岗位、19项职责事项；…个岗位尚未明确责任人 */
function listSummary(lists: readonly DutyList[], levels: number): string {
  const items = lists.reduce((n, l) => n + l.items.length, 0);
  const unassigned = lists.filter((l) => l.holderName.trim() === '');
  const who =
    unassigned.length === 0
      ? '各岗位均已明确责任人。'
      : `其中${unassigned.length}个岗位尚未明确责任人（${[...new Set(unassigned.map((l) => quoted(l.post)))].join('、')}）。`;
  return `本清单共${levels}个层级、${lists.length}个岗位、${items}项职责事项，${who}`;
}

export function buildDutyList(data: DutyListReportData, options: DutyListOptions = {}): PdfDocumentDefinition {
  const gw = gongwen(options.fonts ?? BUNDLED_FONT_SET);
  const lists = ofYear(data);
  const groups = groupByLevel(lists);
  const title = dutyListTitle(data);
  const tables: PdfContent[] = groups.flatMap((g, i) => {
    const rows: TableRow[] = [];
    for (const l of g.lists) {
      rows.push(postRow(l));
      if (l.items.length === 0) rows.push(['', '该岗位未列职责事项']);
      l.items.forEach((item, k) => rows.push([String(k + 1), item.text]));
    }
    const table = gw.table({
      caption: `${g.level}层级（${g.lists.length}个岗位）`,
      columns: [
        { header: '序号', width: 26, align: 'center' },
        { header: '职责内容', width: '*' },
      ],
      rows,
    });
    return i === 0 ? [table] : [gw.blank(1), table];
  });
  return gw.document({
    title,
    subject: `${data.year}年度“三级五岗”党建工作职责清单`,
    author: partyGroupName(data),
    keywords: `三级五岗,职责清单,${data.year}`,
    content: [gw.title(title), gw.blank(1), gw.paragraph(listSummary(lists, groups.length)), gw.blank(1), ...tables, signed(gw, data, options)],
  });
}

/** 落实12项、部分落实2项，没有未落实的事项 — a kind with none said in words, never as 0. */
function outcomesSentence(counts: Readonly<Record<DutyItemStatus | 'unchecked', number>>): string {
  const kinds: DutyItemStatus[] = ['done', 'partial', 'notDone'];
  const some = kinds.filter((k) => counts[k] > 0).map((k) => `${DUTY_ITEM_STATUS_LABELS[k]}${counts[k]}项`);
  const none = kinds.filter((k) => counts[k] === 0).map((k) => DUTY_ITEM_STATUS_LABELS[k]);
  return [some.join('、'), none.length > 0 ? `没有${none.join('、')}的事项` : ''].filter((s) => s !== '').join('，');
}

function selfCheckSummary(data: DutyListReportData, lists: readonly DutyList[]): string {
  const counts = statusCounts(lists);
  const total = counts.done + counts.partial + counts.notDone + counts.unchecked;
  const checked = total - counts.unchecked;
  const day = `截至${chineseDate(data.asOf)}，本单位${data.year}年度“三级五岗”职责清单共${lists.length}个岗位`;
  if (total === 0) return `${day}，各岗位均未列职责事项，没有可自查的事项。`;
  const head = `${day}、${total}项职责事项，`;
  if (checked === 0) return `${head}均尚未自查。`;
  const rest = counts.unchecked === 0 ? '全部职责事项均已自查。' : `尚有${counts.unchecked}项未自查（见第二部分）。`;
  return `${head}已自查${checked}项：${outcomesSentence(counts)}；${rest}`;
}

/** Per post: 岗位, 责任人, 事项, 落实, 部分落实, 未落实, 未自查; the levels as group rows; 合计 last. */
function countsTable(gw: Gongwen, lists: readonly DutyList[]): PdfContent {
  const rows: TableRow[] = [];
  for (const g of groupByLevel(lists)) {
    rows.push({ section: `${g.level}层级` });
    for (const l of g.lists) {
      const c = statusCounts([l]);
      rows.push([l.post, holderText(l), l.items.length, c.done, c.partial, c.notDone, c.unchecked]);
    }
  }
  const c = statusCounts(lists);
  rows.push(['合计', '', c.done + c.partial + c.notDone + c.unchecked, c.done, c.partial, c.notDone, c.unchecked]);
  const n = 34;
  return gw.table({
    columns: [
      { header: '岗位', width: '*' },
      { header: '责任人', width: 52, align: 'center' },
      { header: '职责事项', width: n, align: 'center' },
      { header: '落实', width: n, align: 'center' },
      { header: '部分落实', width: n, align: 'center' },
      { header: '未落实', width: n, align: 'center' },
      { header: '未自查', width: n, align: 'center' },
    ],
    rows,
    fontSize: 10.5,
  });
}

/** 党组（党委）书记（张三）：第2项“…”、第4项“…”。 — one paragraph per post with items not self-checked. */
function uncheckedParagraphs(gw: Gongwen, lists: readonly DutyList[]): PdfContent[] {
  const out: PdfContent[] = [];
  for (const g of groupByLevel(lists))
    for (const l of g.lists) {
      const named = l.items.flatMap((item, k) => (isSelfChecked(item) ? [] : [`第${k + 1}项${quoted(item.text)}`]));
      if (named.length > 0) out.push(gw.paragraph(`${quoted(l.post)}（责任人：${holderText(l)}）${named.length}项：${named.join('；')}。`));
    }
  return out;
}

/** Per level: every item with its 自查结论 and 自查情况, each post a group row. */
function detailTables(gw: Gongwen, lists: readonly DutyList[]): PdfContent[] {
  return groupByLevel(lists).flatMap((g, i) => {
    const rows: TableRow[] = [];
    for (const l of g.lists) {
      rows.push(postRow(l));
      if (l.items.length === 0) rows.push(['', '该岗位未列职责事项', '', '']);
      l.items.forEach((item, k) => rows.push([String(k + 1), item.text, outcomeText(item), evidenceText(item)]));
    }
    const table = gw.table({
      caption: `${g.level}层级`,
      columns: [
        { header: '序号', width: 24, align: 'center' },
        { header: '职责内容', width: '*' },
        { header: '自查结论', width: 50, align: 'center' },
        { header: '自查情况', width: '*' },
      ],
      rows,
      fontSize: 10.5,
    });
    return i === 0 ? [table] : [gw.blank(1), table];
  });
}

export function buildDutySelfCheck(data: DutyListReportData, options: DutyListOptions = {}): PdfDocumentDefinition {
  const gw = gongwen(options.fonts ?? BUNDLED_FONT_SET);
  const lists = ofYear(data);
  const title = dutySelfCheckTitle(data);
  const counts = statusCounts(lists);
  const unchecked = uncheckedParagraphs(gw, lists);
  const heading = (text: string, first: PdfContent): PdfContent[] =>
    typeof first === 'object' && first !== null && 'stack' in first ? gw.keepWithNext(gw.heading1(text), first) : [gw.heading1(text), first];
  const second: PdfContent[] =
    counts.unchecked === 0
      ? heading('二、尚未自查的事项', gw.paragraph('全部职责事项均已自查，没有尚未自查的事项。'))
      : [...heading('二、尚未自查的事项', gw.paragraph(`以下${counts.unchecked}项职责事项尚未自查，请责任人在年底前逐项填写自查结论和自查情况：`)), ...unchecked];
  return gw.document({
    title,
    subject: `${data.year}年度“三级五岗”党建工作职责落实情况自查表`,
    author: partyGroupName(data),
    keywords: `三级五岗,职责清单,自查,${data.year}`,
    content: [
      gw.title(title),
      gw.blank(1),
      gw.flush(`填报单位：${data.unit.name}（盖章）`),
      ...heading('一、总体情况', gw.paragraph(selfCheckSummary(data, lists))),
      gw.blank(1),
      countsTable(gw, lists),
      gw.blank(1),
      ...second,
      ...heading('三、逐项自查情况', gw.paragraph('各岗位职责事项的自查结论和自查情况如下，未自查的事项注明“未自查”。')),
      gw.blank(1),
      ...detailTables(gw, lists),
      signed(gw, data, options),
    ],
  });
}
