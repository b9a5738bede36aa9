/**
 * The committee's two registers as PDF (公文 layout), beside the screens they print:
 *
 * - `buildYearViewReport`: ××工委2026年度机关党建季度考核汇总表 — the 年度考核参考 of
 *   shared/rules/committee/monitoring/yearView.ts (each unit's PUBLISHED quarterly totals, their sum
 *   and average, ranked by the average): a quarter without a published result is “—”, a unit
 *   without any says 未考核 and has no rank; which quarters count is said in words above the table.
 * - `buildCardRegisterReport`: ××工委红黄牌台账 — every card with its subject, reason, dates, the
 *   deadline in words and what the unit has done (shared/rules/committee/cardProgress.ts), counted
 *   above the table (red and yellow, closed, open, overdue; a kind with none said in words).
 *
 * Both are signed by the committee and dated the 截至 day unless a 成文日期 is given.
 */
import type { Card, Rectification } from '../model';
import type { IsoDate } from '../rules/dates';
import { cardColourLabel, cardProgress, type CardStage } from '../rules/committee/cardProgress';
import type { YearView } from '../rules/committee/monitoring';
import { compareCodePoints } from '../rules/collation';
import { chineseDate } from '../rules/text';
import { BUNDLED_FONT_SET, type ReportFontSet } from './fonts';
import { NONE, tidy } from './format';
import { gongwen, type Gongwen, type TableRow } from './gongwenLayout';
import type { PdfContent, PdfDocumentDefinition } from './pdfTypes';

export interface CommitteeRegisterOptions {
  readonly fonts?: ReportFontSet;
  /** The committee (落款), e.g. 中共××市委直属机关工委. */
  readonly committeeName: string;
  /** 截至: the day the register is printed for. */
  readonly asOf: IsoDate;
  /** 成文日期; default the 截至 day. */
  readonly date?: IsoDate;
}

function signed(gw: Gongwen, options: CommitteeRegisterOptions): PdfContent {
  return gw.closing([gw.blank(2), gw.signature(options.committeeName, options.date ?? options.asOf)]);
}

export const NO_ENROLLED_UNITS = '尚未登记纳管单位，没有可打印的季度考核汇总：请先在“同步”中登记单位、导入其同步包并发布季度考核。';
export const NO_CARDS = '尚未发出红黄牌，没有可打印的红黄牌台账。';

/** 2026年度机关党建季度考核汇总表 */
export function yearViewTitle(committeeName: string, year: number): string {
  return `${committeeName}${year}年度机关党建季度考核汇总表`;
}

const score = (n: number): string => String(n);

export function buildYearViewReport(view: YearView, options: CommitteeRegisterOptions): PdfDocumentDefinition {
  if (view.units.length === 0) throw new Error(NO_ENROLLED_UNITS);
  const gw = gongwen(options.fonts ?? BUNDLED_FONT_SET);
  const title = yearViewTitle(options.committeeName, view.year);
  const scored = view.units.filter((u) => u.average !== null).length;
  const unscored = view.units.length - scored;
  const rows: TableRow[] = view.units.map((u) => [
    u.rank === null ? NONE : String(u.rank),
    u.name,
    ...u.quarters.map((q) => (q === null ? NONE : score(q))),
    u.average === null ? NONE : score(u.sum),
    u.average === null ? '未考核' : score(u.average),
  ]);
  const q = 40;
  const table = gw.table({
    columns: [
      { header: '名次', width: 26, align: 'center' },
      { header: '单位', width: '*' },
      { header: '第1季度', width: q, align: 'center' },
      { header: '第2季度', width: q, align: 'center' },
      { header: '第3季度', width: q, align: 'center' },
      { header: '第4季度', width: q, align: 'center' },
      { header: '合计', width: q, align: 'center' },
      { header: '平均分', width: q, align: 'center' },
    ],
    rows,
    fontSize: 10.5,
    compact: true,
  });
  const units = `纳管单位${view.units.length}个，${unscored === 0 ? '均有已发布的季度考核结果' : scored === 0 ? '均尚无已发布的季度考核结果' : `${scored}个有已发布的季度考核结果，${unscored}个尚无`}。`;
  return gw.document({
    title,
    subject: `${view.year}年度机关党建季度考核汇总表`,
    author: options.committeeName,
    keywords: `季度考核,年度考核参考,${view.year}`,
    content: [
      gw.title(title),
      gw.blank(1),
      gw.paragraph(
        tidy(`截至${chineseDate(options.asOf)}，${view.note}。${units}年度参考分为各单位已发布季度总分的平均分，按平均分排名；未发布的季度不计入。`),
      ),
      gw.blank(1),
      table,
      gw.note('注：“—”表示该季度无该单位已发布的考核结果；“未考核”表示全年尚无该单位已发布的结果，不参加排名。', 10.5),
      signed(gw, options),
    ],
  });
}

/** What the register reads: the cards, the units' items answering them, and names. */
export interface CardRegisterInput {
  readonly cards: readonly Card[];
  readonly answers: readonly Rectification[];
  /** Enrolled units' names by unit id. */
  readonly unitNames: ReadonlyMap<string, string>;
  /** Names of the organisations cards were issued to, by id. */
  readonly organisationNames: ReadonlyMap<string, string>;
}

const STAGE_TEXT: Record<CardStage, string> = {
  unanswered: '单位未回应',
  inProgress: '单位整改中',
  awaitingClose: '单位已整改，待销牌',
  closed: '已销牌',
};

/** 红黄牌台账 of the committee: of one year (the cards issued in it), or of every year when `year` is null. */
export function cardRegisterTitle(committeeName: string, year: number | null = null): string {
  return year === null ? `${committeeName}红黄牌台账` : `${committeeName}${year}年度红黄牌台账`;
}

/** No card issued in `year`: nothing to print for it. */
export function noCardsInYear(year: number): string {
  return `${year}年没有发出红黄牌，没有可打印的${year}年度红黄牌台账。`;
}

/** The register's columns, the same in the PDF and the .xlsx. */
export const CARD_REGISTER_HEADERS = ['序号', '牌色', '亮牌对象', '亮牌事由', '亮牌日期', '整改期限', '整改情况'] as const;

/** The register as text: the summary sentence and one row per card (CARD_REGISTER_HEADERS), oldest first. */
export interface CardRegisterTable {
  readonly title: string;
  readonly summary: string;
  readonly rows: readonly (readonly string[])[];
}

/**
 * Every card up to 截至, or (`year`) the cards issued in that year, each with its progress as of 截至;
 * throws the Chinese reason when there is none (nothing to print or export).
 */
export function cardRegisterTable(input: CardRegisterInput, options: { readonly committeeName: string; readonly asOf: IsoDate; readonly year?: number | null }): CardRegisterTable {
  const year = options.year ?? null;
  const cards = input.cards.filter((c) => !c.deleted && c.issuedOn <= options.asOf && (year === null || c.issuedOn.startsWith(`${year}-`)));
  if (cards.length === 0) throw new Error(year === null ? NO_CARDS : noCardsInYear(year));
  const title = cardRegisterTitle(options.committeeName, year);
  const ordered = [...cards].sort((a, b) => compareCodePoints(a.issuedOn, b.issuedOn) || compareCodePoints(a.createdAt, b.createdAt));
  const progress = ordered.map((card) => ({ card, progress: cardProgress(card, input.answers, options.asOf) }));
  const red = cards.filter((c) => c.colour === 'red').length;
  const closed = progress.filter((p) => p.progress.stage === 'closed').length;
  const open = cards.length - closed;
  const overdue = progress.filter((p) => p.progress.overdue).length;
  const awaiting = progress.filter((p) => p.progress.stage === 'awaitingClose').length;
  const openText =
    open === 0
      ? '全部已销牌'
      : `已销牌${closed}张，未销牌${open}张（${[overdue === 0 ? '没有逾期未整改的' : `逾期未整改${overdue}张`, awaiting === 0 ? '没有单位已整改待销牌的' : `单位已整改待销牌${awaiting}张`].join('，')}）`;
  const yellow = cards.length - red;
  const colours = red === 0 ? '均为黄牌' : yellow === 0 ? '均为红牌' : `红牌${red}张、黄牌${yellow}张`;
  const summary = `截至${chineseDate(options.asOf)}，${year === null ? '' : `${year}年`}共亮牌${cards.length}张（${colours}），${openText}。`;

  const rows = progress.map(({ card, progress: p }, i) => {
    const unit = input.unitNames.get(card.unitId) ?? '（已移出名册的单位）';
    // an organisation's name usually begins with its unit's (市审计局统计科党支部): the unit is not said twice
    const organisation = input.organisationNames.get(card.subjectId) ?? '（未知党组织）';
    const subject = card.subjectKind === 'unit' ? unit : organisation.startsWith(unit) ? organisation : `${unit}${organisation}`;
    return [
      String(i + 1),
      cardColourLabel(card),
      subject,
      card.trigger,
      chineseDate(card.issuedOn),
      tidy(p.deadlineText),
      `${STAGE_TEXT[p.stage]}${p.stage === 'closed' ? '' : `；${p.answerText}`}`,
    ];
  });
  return { title, summary, rows };
}

/** The register of every card up to 截至, or (`year`) of the cards issued in that year, each with its progress as of 截至. */
export function buildCardRegisterReport(input: CardRegisterInput, options: CommitteeRegisterOptions & { readonly year?: number | null }): PdfDocumentDefinition {
  const gw = gongwen(options.fonts ?? BUNDLED_FONT_SET);
  const { title, summary, rows } = cardRegisterTable(input, options);
  const widths = [{ width: 24, align: 'center' }, { width: 24, align: 'center' }, { width: '*' }, { width: '*' }, { width: 46, align: 'center' }, { width: 66 }, { width: 66 }] as const;
  const table = gw.table({
    columns: CARD_REGISTER_HEADERS.map((header, i) => ({ header, ...widths[i]! })),
    rows: rows.map((r) => [...r]),
    fontSize: 10.5,
    compact: true,
  });
  return gw.document({
    title,
    subject: '红黄牌台账',
    author: options.committeeName,
    keywords: '红黄牌,台账',
    content: [gw.title(title), gw.blank(1), gw.paragraph(summary), gw.blank(1), table, signed(gw, options)],
  });
}
