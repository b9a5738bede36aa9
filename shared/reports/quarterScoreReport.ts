/**
 * 季度考核计分表: one quarter's scores of every unit as the 季度考核 page shows them — rank, unit,
 * weighted total and each indicator's score (0–100) under its name and weight — as PDF (公文
 * layout, built here) and as spreadsheet rows (`quarterScoreRows`, the .xlsx). Two states:
 *
 * - 未发布（预览）: computed live from the records the units sent, on `computedOn`. The title and a
 *   sentence above the table say so and name that day: a later computation may differ (late records).
 * - 已发布: the frozen assessment records of the quarter (`quarterScoresFromPublished`), with the
 *   day they were published.
 *
 * An indicator with no data is “—” and counts 0 in the total (said under the table).
 */
import type { Assessment } from '../model';
import type { AssessmentIndicatorId, RuleProfile } from '../rules/profile';
import { dateOfInstant, type IsoDate } from '../rules/dates';
import { parseQuarter, publishedOfQuarter, type QuarterKey, type QuarterScoreTable } from '../rules/committee/monitoring';
import { ranksByTotal } from '../rules/committee/monitoring/ranking';
import { chineseDate } from '../rules/text';
import { BUNDLED_FONT_SET } from './fonts';
import { NONE, tidy } from './format';
import { gongwen, type TableRow } from './gongwenLayout';
import type { PdfDocumentDefinition } from './pdfTypes';
import type { CommitteeRegisterOptions } from './committeeRegisters';
import { compareChinese } from '../rules/collation';

export type QuarterScoreStatus = { readonly kind: 'preview'; readonly computedOn: IsoDate } | { readonly kind: 'published'; readonly publishedOn: IsoDate };

export interface QuarterScoreUnitRow {
  readonly unitId: string;
  readonly name: string;
  readonly rank: number;
  readonly total: number;
  /** Indicator id → score 0–100; an indicator without data has no entry. */
  readonly scores: Readonly<Partial<Record<AssessmentIndicatorId, number>>>;
}

/** What the 计分表 prints: the quarter, its state, the profile's indicators and the units best first. */
export interface QuarterScorePrint {
  readonly quarter: QuarterKey;
  /** 2026年第3季度 */
  readonly label: string;
  readonly status: QuarterScoreStatus;
  /** The rule profile the scores were computed under (name, version) and its indicators in order. */
  readonly profile: { readonly name: string; readonly version: number };
  readonly indicators: readonly { readonly id: AssessmentIndicatorId; readonly name: string; readonly weight: number }[];
  readonly units: readonly QuarterScoreUnitRow[];
}

const indicatorsOf = (profile: RuleProfile): QuarterScorePrint['indicators'] => profile.assessment.indicators.map((i) => ({ id: i.id, name: i.name, weight: i.weight }));

/** The live (unpublished) table as printed: `profile` is the one the table was computed under. */
export function quarterScoresFromLive(table: QuarterScoreTable, profile: RuleProfile): QuarterScorePrint {
  return {
    quarter: table.quarter,
    label: table.label,
    status: { kind: 'preview', computedOn: table.computedOn },
    profile: { name: table.profile.name, version: table.profile.version },
    indicators: indicatorsOf(profile),
    units: table.units.map((u) => ({ unitId: u.unitId, name: u.name, rank: u.rank, total: u.total, scores: u.scores })),
  };
}

/**
 * The quarter's published assessment records as printed, ranked by total (ties share a rank),
 * equal ranks by name. Published on the (China-time) day of the latest record. Null when the
 * quarter has no published record.
 */
export function quarterScoresFromPublished(
  assessments: readonly Assessment[],
  quarter: QuarterKey,
  profile: RuleProfile,
  names: ReadonlyMap<string, string>,
): QuarterScorePrint | null {
  const published = publishedOfQuarter(assessments, quarter) as Assessment[];
  if (published.length === 0) return null;
  const ranks = ranksByTotal(published);
  const units = published
    .map((a, i) => ({ unitId: a.unitId, name: names.get(a.unitId) ?? '（已移出名册的单位）', rank: ranks[i]!, total: a.total, scores: a.scores }))
    .sort((x, y) => x.rank - y.rank || compareChinese(x.name, y.name));
  const publishedOn = published.map((a) => dateOfInstant(a.createdAt)).reduce((a, b) => (a > b ? a : b));
  return {
    quarter,
    label: parseQuarter(quarter).period.label,
    status: { kind: 'published', publishedOn },
    profile: { name: profile.name, version: profile.version },
    indicators: indicatorsOf(profile),
    units,
  };
}

/** 未发布（预览） / 已发布 */
export function quarterStatusLabel(status: QuarterScoreStatus): string {
  return status.kind === 'preview' ? '未发布（预览）' : '已发布';
}

/** ××工委2026年第3季度机关党建考核计分表（未发布预览） */
export function quarterScoreTitle(committeeName: string, print: Pick<QuarterScorePrint, 'label' | 'status'>): string {
  return `${committeeName}${print.label}机关党建考核计分表${print.status.kind === 'preview' ? '（未发布预览）' : ''}`;
}

/** The sentence above the table (and the .xlsx's first note): which state, which day, which profile. */
export function quarterScoreStatement(print: QuarterScorePrint): string {
  const basis = `依据${print.profile.name}第${print.profile.version}版，只用各单位已报送的记录计算`;
  if (print.status.kind === 'preview')
    return `本表为${print.label}考核分数的未发布（预览），按${chineseDate(print.status.computedOn)}已收到的记录计算（${basis}）；发布前补报的记录会改变分数，以发布的结果为准。`;
  return `本表为${chineseDate(print.status.publishedOn)}发布的${print.label}考核结果（${basis}），发布后补报的记录不改变已发布的分数。`;
}

export const QUARTER_SCORE_NOTE = '注：各项指标得分为0—100分，括号内为权重；总分为各项得分按权重加权之和。“—”表示该项无数据，按0分计入总分。';

/** Headers of the table (and the .xlsx): 名次, 单位, 总分, then each indicator with its weight. */
export function quarterScoreHeaders(print: QuarterScorePrint): string[] {
  return ['名次', '单位', '总分', ...print.indicators.map((i) => `${i.name}（${i.weight}）`)];
}

/** One row per unit, best first: rank, name, total, each indicator's score or “—”. */
export function quarterScoreRows(print: QuarterScorePrint): (string | number)[][] {
  return print.units.map((u) => [u.rank, u.name, u.total, ...print.indicators.map((i) => u.scores[i.id] ?? NONE)]);
}

/**
 * An indicator's column header broken by hand into lines of at most four characters (a narrow
 * column would otherwise leave one character alone on a line: 按期换/届), the weight below.
 */
export function headerLines(name: string, weight: number): string {
  const chars = [...name];
  const lines: string[] = [];
  const count = Math.ceil(chars.length / 4);
  const per = Math.ceil(chars.length / count);
  for (let i = 0; i < chars.length; i += per) lines.push(chars.slice(i, i + per).join(''));
  return [...lines, `（${weight}）`].join('\n');
}

export const NO_SCORED_UNITS = '这个季度没有可打印的考核分数：还没有已启用的纳管单位。请先在“同步”中登记单位并导入其同步包。';

export function buildQuarterScoreReport(print: QuarterScorePrint, options: CommitteeRegisterOptions): PdfDocumentDefinition {
  if (print.units.length === 0) throw new Error(NO_SCORED_UNITS);
  const gw = gongwen(options.fonts ?? BUNDLED_FONT_SET);
  const title = quarterScoreTitle(options.committeeName, print);
  const many = print.indicators.length > 7;
  const table = gw.table({
    columns: [
      { header: '名次', width: 22, align: 'center' },
      { header: '单位', width: '*' },
      { header: '总分', width: 34, align: 'center' },
      ...print.indicators.map((i) => ({ header: headerLines(i.name, i.weight), width: many ? 34 : 40, align: 'center' as const })),
    ],
    rows: quarterScoreRows(print).map((r) => r.map(String)) as TableRow[],
    fontSize: many ? 8 : 9,
    compact: true,
  });
  const date = print.status.kind === 'preview' ? print.status.computedOn : print.status.publishedOn;
  return gw.document({
    title,
    subject: `${print.label}机关党建考核计分表（${quarterStatusLabel(print.status)}）`,
    author: options.committeeName,
    keywords: `季度考核,${print.quarter},${quarterStatusLabel(print.status)}`,
    content: [
      gw.title(title),
      gw.blank(1),
      gw.paragraph(tidy(`${quarterScoreStatement(print)}纳管单位${print.units.length}个，按总分排名，同分同名次。`)),
      gw.blank(1),
      table,
      gw.note(QUARTER_SCORE_NOTE, 10.5),
      gw.closing([gw.blank(2), gw.signature(options.committeeName, options.date ?? date)]),
    ],
  });
}
