/**
 * 年度落实机关党建主体责任情况报告: the unit's 党组(党委) reports to the organs working committee.
 *
 * Title; 主送 the committee; opening (draft); 一、履行主体责任情况 by 政治建设和制度落实 / 思想建设和
 * 教育培训 / 组织建设 / 作风建设和问题整改 / 工作保障 (a draft too, its default written from
 * `computeAnnualFigures` by annualDutiesText.ts); 二、存在问题及原因 and 三、下一步打算 (drafts the cadre edits; defaults built from the
 * figures); 附件说明; signature and date; attachments: the figures table and the table of every
 * organisation's organisational life and term.
 */
import { APPRAISAL_GRADES, DUTY_REVIEW_RATING_LABELS, TERM_LIGHT_LABELS } from '../model/vocabulary';
import { chineseDate, percent, yuanAmount } from '../rules/text';
import type { IsoDate } from '../rules/dates';
import { leadingBody, lifeKinds, partyGroupName, reportKindLabel, type AnnualDrafts } from './annualDrafts';
import { annualReportDefaults } from './annualDutiesText';
import { unrecordedSentence } from '../rules/duties/ledgerAreas';
import { draftParagraphs } from './draftText';
import { hours, NONE, ofDue, pct } from './format';
import { BUNDLED_FONT_SET, type ReportFontSet } from './fonts';
import { gongwen, type Gongwen, type TableColumn, type TableRow } from './gongwenLayout';
import type { PdfContent, PdfDocumentDefinition } from './pdfTypes';
import { computeAnnualFigures, withoutUnitName, type AnnualFigures, type UnitReportData } from './reportData';

export interface AnnualReportOptions {
  readonly fonts?: ReportFontSet;
  /** The cadre's saved drafts; missing parts use `defaultAnnualDrafts`. */
  readonly drafts?: Partial<AnnualDrafts>;
  /** 成文日期; defaults to the figures' day (`data.asOf`). */
  readonly date?: IsoDate;
  /** Figures already computed for the same data (the app shows them before printing). */
  readonly figures?: AnnualFigures;
}

export function annualReportTitle(data: UnitReportData): string {
  return `${partyGroupName(data)}关于${data.year}年度落实机关党建主体责任情况的报告`;
}

/** The 工委's ratings of the year's projects (好/较好/一般/差), or 尚未收到. */
function projectRatingCell(f: AnnualFigures): string {
  if (f.projectEvidence.length === 0) return NONE;
  const rated = f.projectEvidence.filter((p) => p.rating !== null);
  if (rated.length === 0) return '尚未收到';
  return rated.map((p) => DUTY_REVIEW_RATING_LABELS[p.rating!.rating]).join('、') + (rated.length < f.projectEvidence.length ? `（${f.projectEvidence.length - rated.length}项尚未收到）` : '');
}

/** 优秀/合格/基本合格/不合格 of the year's 民主评议党员, or why there are none. */
function appraisalCell(f: AnnualFigures): string {
  const a = f.life.appraisal;
  if (a.meetings === 0) return '未录入';
  if (a.tally.graded === 0) return '未录入等次';
  return APPRAISAL_GRADES.map((g) => String(a.tally.counts[g])).join('/');
}

function figuresTable(gw: Gongwen, data: UnitReportData, f: AnnualFigures): PdfContent {
  const t = f.training;
  const rows: TableRow[] = [
    { section: '组织和党员' },
    ['基层党组织（个）', String(f.organisationCounts.baseLevel)],
    ['其中：党支部（个）', String(f.organisationCounts.byKind.branch)],
    ['党员总数（名）', String(f.roster.total)],
    ['其中：在职/离退休（名）', `${f.roster.active}/${f.roster.retired}`],
    ['预备党员（名）', String(f.roster.probationary)],
    ['本年度发展党员（名）', String(f.roster.joinedThisYear)],
    { section: '组织生活' },
    ['组织生活完成率', pct(f.completion.rate)],
    ...lifeKinds(f).map((k): TableRow => [`${reportKindLabel(k.kind, data)}（按期召开/应召开）`, ofDue(k.met, k.due)]),
    ['主题党日开展（次）', String(f.held.themedPartyDay)],
    ['民主评议党员等次（优秀/合格/基本合格/不合格，名）', appraisalCell(f)],
    { section: leadingBody(data) },
    ['专题研究党建工作（次）', String(f.held.leadingGroupMeeting)],
    ['理论学习中心组学习（次）', String(f.held.theoryStudyGroup)],
    ['其中：专职副书记列席（次）', f.life.theoryStudy.sessions === 0 ? NONE : String(f.life.theoryStudy.deputySatIn)],
    ['民主生活会（次）', f.life.democraticLife.length === 0 ? '未录入' : String(f.life.democraticLife.length)],
    ...(f.projects.projects.length === 0
      ? [['书记项目（项）', UNRECORDED] as TableRow]
      : [
          ['书记项目（项）', String(f.projects.projects.length)],
          ['书记项目节点（完成/总数）', ofDue(f.projects.done, f.projects.milestones)],
    ['书记项目证明材料（份）', f.projectEvidence.length === 0 ? NONE : String(f.projectEvidence.reduce((n, p) => n + p.attachments, 0))],
    ['书记项目工委评价', projectRatingCell(f)],
        ]),
    { section: '三级五岗职责清单' },
    ...dutyListRows(f),
    { section: '教育培训' },
    ['举办培训班（期）', String(f.trainingHours.classes.unit)],
    ['参加工委培训班（期）', String(f.trainingHours.classes.committee)],
    ['党员培训覆盖率', pct(t.members.share)],
    ['党员人均学时', hours(f.trainingHours.averageHours)],
    ['党组织书记培训覆盖率', pct(t.heads.share)],
    ['领导班子成员培训覆盖率', pct(t.leadership.share)],
    { section: '换届' },
    ['实行任期制的党组织（个）', String(f.terms.applicable)],
    ['绿色/黄色/红色（个）', `${f.terms.byLight.green}/${f.terms.byLight.yellow}/${f.terms.byLight.red}`],
    { section: '党务干部' },
    ['专职党务干部（名）', String(f.cadre.fullTimeCount)],
    ['机关工作人员（名）', String(f.cadre.staffCount)],
    ['配备比例', percent(f.cadre.ratio)],
    ...(f.exchange.total === 0
      ? [['双向交流（人次）', UNRECORDED] as TableRow]
      : [
          ['双向交流（人次）', String(f.exchange.total)],
          ['其中：业务→党务/党务→业务（人次）', `${f.exchange.toPartyAffairs}/${f.exchange.toLine}`],
          ['交流到党务岗位未登记任前考察（人次）', String(f.exchange.unvetted.length)],
        ]),
    { section: '问题整改' },
    ...(f.rectification.total === 0
      ? [['整改事项（项）', UNRECORDED] as TableRow]
      : [
          ['整改事项（项）', String(f.rectification.total)],
          ['已销号（项）', String(f.rectification.closed)],
          ['超过整改时限（项）', String(f.rectification.overdue)],
        ]),
    ['被亮黄牌/红牌（张）', `${f.cards.yellow}/${f.cards.red}`],
    { section: '督责考评' },
    ['书记述职评议等次', f.accountability.dutyReview === null ? '未录入' : DUTY_REVIEW_RATING_LABELS[f.accountability.dutyReview.rating]],
    ...(f.accountability.scores.length === 0
      ? [['季度监控考核得分', '未发布'] as TableRow]
      : f.accountability.scores.map((q): TableRow => [`${q.label}监控考核得分`, String(q.total)])),
    { section: '党建工作经费' },
    ...(f.funds.lines.length === 0
      ? [['预算和支出', UNRECORDED] as TableRow]
      : [
          ['预算（元）', yuanAmount(f.funds.budgetFen)],
          ['支出（元）', yuanAmount(f.funds.spentFen)],
          ['执行率', pct(f.funds.share)],
        ]),
    { section: '关怀激励和宣传' },
    ['走访慰问（人次）', f.care.visits === 0 ? UNRECORDED : String(f.care.visits)],
    ['慰问金（元）', f.care.visits === 0 ? UNRECORDED : yuanAmount(f.care.amountFen)],
    ['获表彰（项）', f.care.commendations === 0 ? UNRECORDED : String(f.care.commendations)],
    ['宣传稿件（篇）', f.care.publicity === 0 ? UNRECORDED : String(f.care.publicity)],
  ];
  const columns: TableColumn[] = [
    { header: '指标', width: '*' },
    { header: `${data.year}年`, width: 120, align: 'right' },
  ];
  return gw.table({ columns, rows });
}

/** What the figures table shows for an area the ledger holds no record of this year. */
const UNRECORDED = '未录入';

/** The 三级五岗 rows: posts, items, outcomes and completeness; one 未录入 row without a list. */
function dutyListRows(f: AnnualFigures): TableRow[] {
  const d = f.dutyList;
  if (d.posts === 0) return [['职责清单', UNRECORDED]];
  const o = d.outcomes;
  return [
    ['岗位（个）', String(d.posts)],
    ['职责事项（项）', String(d.items)],
    ['落实/部分落实/未落实/未自查（项）', `${o.done}/${o.partial}/${o.notDone}/${o.unchecked}`],
    ['自查完成率', pct(d.completeness.share)],
  ];
}

/** Kinds whose members are counted in the organisations under them: “—” when none is directly theirs. */
const MEMBERS_BELOW = new Set(['organCommittee', 'disciplineCommittee', 'generalBranch']);

function organisationsTable(gw: Gongwen, data: UnitReportData, f: AnnualFigures): PdfContent {
  // the 党组(党委)'s own meetings are in attachment 1; this table is about the organisations under it
  const organisations = f.organisations.filter((o) => o.organisation.kind !== 'leadingGroup');
  // every kind some organisation owes, so that each row's rate is over the cells it shows
  const kinds = lifeKinds(f)
    .map((k) => k.kind)
    .filter((k) => organisations.some((o) => o.compliance.kinds.some((x) => x.kind === k && x.due > 0)));
  // with many kinds of meeting, 小五 (9 pt) leaves the names room
  const fontSize = kinds.length >= 8 ? 9 : 10.5;
  const columns: TableColumn[] = [
    { header: '党组织', width: '*' },
    { header: '党员', width: 22, align: 'right' },
    // three characters of the header to a line, so that no header leaves one alone (“支委/会”)
    ...kinds.map((k): TableColumn => ({ header: reportKindLabel(k, data), width: Math.ceil(3 * fontSize) + 1, align: 'center' })),
    { header: '完成率', width: 38, align: 'right' },
    { header: '换届', width: 22, align: 'center' },
  ];
  const rows = organisations.map((o) => {
    const cells = kinds.map((k) => {
      const kc = o.compliance.kinds.find((x) => x.kind === k);
      return kc === undefined ? NONE : ofDue(kc.met, kc.due);
    });
    const kind = o.organisation.kind;
    // 党小组 members are not recorded; those of a 机关党委 or 总支 are in its branches
    const members = kind === 'group' || (MEMBERS_BELOW.has(kind) && o.members === 0) ? NONE : String(o.members);
    return [
      withoutUnitName(o.organisation.name, data.unit.name),
      members,
      ...cells,
      pct(o.compliance.completion.rate),
      o.term.applicable ? TERM_LIGHT_LABELS[o.term.light] : NONE,
    ];
  });
  return gw.table({ columns, rows, fontSize, compact: true });
}

export function buildAnnualReport(data: UnitReportData, options: AnnualReportOptions = {}): PdfDocumentDefinition {
  const gw = gongwen(options.fonts ?? BUNDLED_FONT_SET);
  const f = options.figures ?? computeAnnualFigures(data);
  const defaults = annualReportDefaults(data, f);
  const drafts: AnnualDrafts = {
    intro: options.drafts?.intro?.trim() || defaults.intro,
    duties: options.drafts?.duties?.trim() || defaults.duties,
    problems: options.drafts?.problems?.trim() || defaults.problems,
    nextSteps: options.drafts?.nextSteps?.trim() || defaults.nextSteps,
  };
  const signer = partyGroupName(data);
  const attachments = [`${data.year}年度机关党建主要指标统计表`, `${data.year}年度各党组织组织生活和换届情况表`];

  const content: PdfContent[] = [
    gw.title([signer, `关于${data.year}年度落实机关党建主体责任`, '情况的报告']),
    gw.blank(1),
    gw.addressee(`${data.committeeName}：`),
    ...draftParagraphs(gw, drafts.intro),
    ...withHeading(gw, '一、履行主体责任情况', draftParagraphs(gw, drafts.duties)),
  ];

  const problems = draftParagraphs(gw, drafts.problems);
  const steps = draftParagraphs(gw, drafts.nextSteps);
  content.push(
    ...withHeading(gw, '二、存在问题及原因', problems),
    ...withHeading(gw, '三、下一步打算', steps),
    gw.closing([
      gw.paragraph('特此报告。'),
      gw.blank(1),
      ...gw.attachmentNote(attachments),
      gw.blank(2),
      gw.signature(signer, options.date ?? data.asOf),
    ]),
    ...gw.attachmentHeader(1, attachments[0] ?? ''),
    figuresTable(gw, data, f),
    gw.note(
      `注：数据截至${chineseDate(f.referenceDate)}。${f.unrecorded.length === 0 ? '' : `${unrecordedSentence(f.unrecorded, data.year)}表中相应指标记“未录入”。`}`,
      10.5,
    ),
    ...gw.attachmentHeader(2, attachments[1] ?? ''),
    organisationsTable(gw, data, f),
    gw.note(
      `注：党员栏为隶属该党组织的党员人数，党小组和党员编入下级党组织的记“—”；组织生活各栏为“按期召开期数/应召开期数”，“—”表示该党组织无此项要求或尚未到期；换届栏为换届三色预警。`,
      10.5,
    ),
  );

  return gw.document({
    title: annualReportTitle(data),
    subject: `${data.year}年度落实机关党建主体责任情况报告`,
    author: signer,
    keywords: `机关党建,主体责任,${data.year}`,
    content,
  });
}

/** A level-1 heading kept with the first line of what follows it. */
function withHeading(gw: Gongwen, heading: string, body: PdfContent[]): PdfContent[] {
  const [first, ...rest] = body;
  if (first === undefined || typeof first !== 'object' || !('stack' in first)) return [gw.heading1(heading), ...body];
  return [...gw.keepWithNext(gw.heading1(heading), first), ...rest];
}
