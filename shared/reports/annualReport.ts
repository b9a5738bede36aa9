/**
 * 年度落实机关党建主体责任情况报告: the unit's 党组(党委) reports to the organs working committee.
 *
 * Title; 主送 the committee; opening (draft); 一、履行主体责任情况 by 政治建设和制度落实 / 思想建设和
 * 教育培训 / 组织建设 / 作风建设和问题整改 / 工作保障, every figure filled in from `computeAnnualFigures`
 * (shared/rules); 二、存在问题及原因 and 三、下一步打算 (drafts the cadre edits; defaults built from the
 * figures); 附件说明; signature and date; attachments: the figures table and the table of every
 * organisation's organisational life and term.
 */
import { DUTY_REVIEW_RATING_LABELS, TERM_LIGHT_LABELS, type MeetingKind } from '../model/vocabulary';
import { basisPointsPercent, chineseDate, percent, yuanAmount, yuanText } from '../rules/text';
import type { IsoDate } from '../rules/dates';
import { careFigures, NO_OUTLET } from '../rules/duties/care';
import { smallUnitOneCadre } from '../rules/summaries';
import { defaultAnnualDrafts, leadingBody, lifeKinds, lifeScope, partyGroupName, reportKindLabel, yearSpan, type AnnualDrafts } from './annualDrafts';
import { draftParagraphs } from './draftText';
import { hours, NONE, ofDue, pct, quoted } from './format';
import { BUNDLED_FONT_SET, type ReportFontSet } from './fonts';
import { gongwen, type Gongwen, type TableColumn, type TableRow } from './gongwenLayout';
import type { PdfContent, PdfDocumentDefinition } from './pdfTypes';
import { computeAnnualFigures, withoutUnitName, type AnnualFigures, type UnitReportData } from './reportData';
import { organisationsPhrase, SMALL_UNIT_ONE_CADRE, termLightsPhrase } from './sentences';

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

function kindTotal(f: AnnualFigures, kind: MeetingKind) {
  return f.byKind.find((k) => k.kind === kind) ?? null;
}

function politicalSection(data: UnitReportData, f: AnnualFigures): string {
  const body = leadingBody(data);
  const lg = kindTotal(f, 'leadingGroupMeeting');
  const study = kindTotal(f, 'theoryStudyGroup');
  const parts = [
    `${partyGroupName(data)}${yearSpan(f)}召开${body}会议专题研究机关党建工作${f.held.leadingGroupMeeting}次${lg && lg.due > 0 ? `（应不少于${lg.due}次）` : ''}`,
    `理论学习中心组集体学习${f.held.theoryStudyGroup}次${study && study.due > 0 ? `，按季度完成${study.met}次、应完成${study.due}次` : ''}`,
  ];
  const p = f.projects;
  const project =
    p.projects.length === 0
      ? `本年度未录入${body}书记项目`
      : `确定${body}书记项目${p.projects.length}项（${p.projects.map((x) => quoted(x.title)).join('、')}），设置工作节点${p.milestones}个，已完成${p.done}个${p.share === null ? '' : `，完成率${percent(p.share)}`}${p.overdue > 0 ? `，${p.overdue}个节点逾期未完成` : ''}`;
  return `${parts.join('，')}。${project}。`;
}

function trainingSection(data: UnitReportData, f: AnnualFigures): string {
  const t = f.training;
  const h = f.trainingHours;
  const members =
    t.members.share === null
      ? '本年度没有应参训党员'
      : `党员应参训${t.members.shouldTrain}人，已参训${t.members.trained}人，覆盖率${percent(t.members.share)}，${t.members.metTarget ? '实现' : '未实现'}${data.profile.training.coverageTargetBasisPoints === 10000 ? '全员覆盖' : `${basisPointsPercent(data.profile.training.coverageTargetBasisPoints)}的覆盖目标`}`;
  const average = h.averageHours === null ? '' : `，人均参训${hours(h.averageHours)}学时`;
  const heads = t.heads.share === null ? '' : `；党组织书记参训${t.heads.trained}人（应参训${t.heads.shouldTrain}人），覆盖率${percent(t.heads.share)}`;
  const leaders = t.leadership.share === null ? '' : `；领导班子成员参训${t.leadership.trained}人（应参训${t.leadership.shouldTrain}人），覆盖率${percent(t.leadership.share)}`;
  const induction =
    t.newHeadsWithoutInduction.length > 0 ? `；${t.newHeadsWithoutInduction.length}名新任党组织书记尚未参加任职培训` : '';
  const { unit, committee } = h.classes;
  const classes =
    unit > 0
      ? `${yearSpan(f)}本单位举办党员教育培训班${unit}期，${committee > 0 ? `参加机关工委组织的培训班${committee}期` : '未参加机关工委组织的培训班'}`
      : `本年度本单位未举办党员教育培训班，${committee > 0 ? `参加机关工委组织的培训班${committee}期` : '也未参加机关工委组织的培训班'}`;
  return `${classes}。${members}${average}${heads}${leaders}${induction}。`;
}

function organisationSection(data: UnitReportData, f: AnnualFigures): string[] {
  const r = f.roster;
  const first =
    `截至${chineseDate(f.referenceDate)}，本单位设${organisationsPhrase(f.organisationCounts.byKind, f.organisationCounts.baseLevel, '另设')}；` +
    `有党员${r.total}名，其中在职党员${r.active}名、离退休党员${r.retired}名，正式党员${r.full}名、预备党员${r.probationary}名；` +
    `本年度新发展党员${r.joinedThisYear}名。`;

  // every kind that makes up the total, so that the bracket adds up to it
  const items = lifeKinds(f).map((k) => `${reportKindLabel(k.kind, data)}${ofDue(k.met, k.due)}`);
  const second =
    `${yearSpan(f)}${lifeScope(data, f)}应按期召开${f.completion.due}次，按期召开${f.completion.met}次，完成率${pct(f.completion.rate)}` +
    `${items.length > 0 ? `（按期召开/应召开：${items.join('，')}）` : ''}；` +
    `开展主题党日${f.held.themedPartyDay}次、党课${f.held.partyLecture}次，召开组织生活会${f.held.organisationalLifeMeeting}次、民主评议党员${f.held.democraticAppraisal}次。`;

  const t = f.terms;
  const c = f.cadre;
  const bounds = `${basisPointsPercent(data.profile.cadreRatio.minBasisPoints)}至${basisPointsPercent(data.profile.cadreRatio.maxBasisPoints)}`;
  const judgement = smallUnitOneCadre(c, data.profile)
    ? `单位${SMALL_UNIT_ONE_CADRE}`
    : `${c.state === 'within' ? '符合' : c.state === 'below' ? '低于' : '高于'}${bounds}的配备要求`;
  const third =
    `实行任期制的党组织${t.applicable}个，按换届三色预警，${termLightsPhrase(t, f.termBreakdown)}。` +
    `机关工作人员${c.staffCount}名，配备专职党务干部${c.fullTimeCount}名，占比${percent(c.ratio)}，${judgement}。`;
  return [first, second, third];
}

function rectificationSection(f: AnnualFigures): string {
  const r = f.rectification;
  // only the parts there are; they add up to the total
  const parts = [
    r.closed > 0 ? `已整改销号${r.closed}项${r.closedShare === null ? '' : `（销号率${percent(r.closedShare)}）`}` : '',
    r.inProgress > 0 ? `正在整改${r.inProgress}项` : '',
    r.open > 0 ? `尚未整改${r.open}项` : '',
  ].filter((p) => p !== '');
  const items =
    r.total === 0
      ? '本年度没有需要整改的问题事项。'
      : `本年度需整改的问题事项${r.total}项，其中${parts.join('，')}${r.closed === 0 ? '，尚无销号事项' : ''}${r.overdue > 0 ? `；未销号事项中超过整改时限的${r.overdue}项` : ''}。`;
  return items + cardsSentence(f) + dutyReviewSentence(f) + scoresSentence(f);
}

/** The 工委's 述职评议 of the year, in words, also when it has not been entered. */
function dutyReviewSentence(f: AnnualFigures): string {
  const r = f.accountability.dutyReview;
  if (r === null) return '工委尚未录入本年度书记抓基层党建述职评议结果。';
  const when = r.reportedOn === null ? '' : `（${chineseDate(r.reportedOn)}述职）`;
  return `本年度书记抓基层党建述职评议等次为“${DUTY_REVIEW_RATING_LABELS[r.rating]}”${when}，${r.problems > 0 ? `评议指出问题${r.problems}个` : '评议未指出问题'}。`;
}

/** The quarter scores the 工委 published for the year, in words, also when none were published. */
function scoresSentence(f: AnnualFigures): string {
  const s = f.accountability.scores;
  if (s.length === 0) return '工委尚未发布本年度季度监控考核结果。';
  return `工委发布的本年度季度监控考核得分：${s.map((q) => `${q.label}${q.total}分`).join('，')}。`;
}

/** 红黄牌 in words, also when there were none. */
function cardsSentence(f: AnnualFigures): string {
  const c = f.cards;
  if (c.yellow + c.red === 0) return '本年度未被亮红黄牌。';
  return (
    `本年度被亮${c.yellow > 0 ? `黄牌${c.yellow}张` : ''}${c.yellow > 0 && c.red > 0 ? '、' : ''}${c.red > 0 ? `红牌${c.red}张` : ''}：${c.lines.join('；')}。` +
    `其中已销牌${c.closed}张${c.open > 0 ? `，尚未销牌${c.open}张` : ''}。`
  );
}

function fundsSection(f: AnnualFigures): string {
  const u = f.funds;
  if (u.lines.length === 0) return `${u.year}年未列支党建工作经费预算。`;
  // the ledger's own budget lines, by name (a long list ends with 等), instead of a canned purpose
  const names = (lines: readonly { name: string }[]): string =>
    lines.length <= FUND_LINES_NAMED ? lines.map((l) => l.name).join('、') : `${lines.slice(0, FUND_LINES_NAMED).map((l) => l.name).join('、')}等`;
  const special = u.lines.filter((l) => l.special);
  const specialText =
    special.length === 0 ? '' : `其中专项经费${special.length}项（${names(special)}），预算${yuanText(special.reduce((s, l) => s + l.budgetFen, 0))}。`;
  const overText =
    u.overLines.length === 0
      ? ''
      : `超出预算的科目${u.overLines.length}项：${u.overLines.map((l) => `${l.name}（预算${yuanText(l.budgetFen)}，已支出${yuanText(l.spentFen)}）`).join('、')}。`;
  return (
    `本年度党建工作经费预算${u.lines.length}项（${names(u.lines)}），共${yuanText(u.budgetFen)}，已支出${yuanText(u.spentFen)}` +
    `${u.share === null ? '' : `，执行率${percent(u.share)}`}。` +
    specialText +
    overText
  );
}

/**
 * 关怀激励 and 宣传 from the ledger's 走访慰问, 表彰 and 宣传 records of the year up to 截至: figures
 * where there are records, “无…记录” in words for a kind the ledger has none of.
 */
function careSentence(data: UnitReportData, f: AnnualFigures): string {
  const upTo = <T extends { readonly date: string }>(rows: readonly T[] | undefined): T[] => (rows ?? []).filter((r) => r.date <= f.referenceDate);
  const c = careFigures(data.year, { visits: upTo(data.careVisits), commendations: upTo(data.commendations), publicity: upTo(data.publicity) });
  const visits =
    c.visits === 0
      ? '台账中无走访慰问记录'
      : `走访慰问${c.visits}人次${c.visitedPeople < c.visits ? `（${c.visitedPeople}人）` : ''}${c.amountFen > 0 ? `，发放慰问金${yuanText(c.amountFen)}` : ''}`;
  const commendations =
    c.commendations === 0 ? '无获表彰记录' : `获表彰${c.commendations}项（${c.commendationsByLevel.map((l) => `${l.label}${l.count}项`).join('、')}）`;
  const outlets = c.publicityByOutlet.filter((o) => o.label !== NO_OUTLET).map((o) => o.label);
  const where = outlets.length === 0 ? '' : outlets.length <= CARE_OUTLETS_NAMED ? `在${outlets.join('、')}` : `在${outlets.slice(0, CARE_OUTLETS_NAMED).join('、')}等${outlets.length}家媒体`;
  const publicity = c.publicity === 0 ? '无宣传稿件刊发记录' : `${where}刊发宣传稿件${c.publicity}篇`;
  return `关怀激励和宣传方面，本年度${visits}；${commendations}；${publicity}。`;
}

/** How many outlets the 宣传 clause names before it says 等. */
const CARE_OUTLETS_NAMED = 3;

/** How many budget lines the 经费 paragraph names before it says 等. */
const FUND_LINES_NAMED = 6;

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
    { section: leadingBody(data) },
    ['专题研究党建工作（次）', String(f.held.leadingGroupMeeting)],
    ['理论学习中心组学习（次）', String(f.held.theoryStudyGroup)],
    ['书记项目（项）', String(f.projects.projects.length)],
    ['书记项目节点（完成/总数）', ofDue(f.projects.done, f.projects.milestones)],
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
    { section: '问题整改' },
    ['整改事项（项）', String(f.rectification.total)],
    ['已销号（项）', String(f.rectification.closed)],
    ['超过整改时限（项）', String(f.rectification.overdue)],
    ['被亮黄牌/红牌（张）', `${f.cards.yellow}/${f.cards.red}`],
    { section: '督责考评' },
    ['书记述职评议等次', f.accountability.dutyReview === null ? '未录入' : DUTY_REVIEW_RATING_LABELS[f.accountability.dutyReview.rating]],
    ...(f.accountability.scores.length === 0
      ? [['季度监控考核得分', '未发布'] as TableRow]
      : f.accountability.scores.map((q): TableRow => [`${q.label}监控考核得分`, String(q.total)])),
    { section: '党建工作经费' },
    ['预算（元）', yuanAmount(f.funds.budgetFen)],
    ['支出（元）', yuanAmount(f.funds.spentFen)],
    ['执行率', pct(f.funds.share)],
  ];
  const columns: TableColumn[] = [
    { header: '指标', width: '*' },
    { header: `${data.year}年`, width: 120, align: 'right' },
  ];
  return gw.table({ columns, rows });
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
  const defaults = defaultAnnualDrafts(data, f);
  const drafts: AnnualDrafts = {
    intro: options.drafts?.intro?.trim() || defaults.intro,
    problems: options.drafts?.problems?.trim() || defaults.problems,
    nextSteps: options.drafts?.nextSteps?.trim() || defaults.nextSteps,
  };
  const signer = partyGroupName(data);
  const attachments = [`${data.year}年度机关党建主要指标统计表`, `${data.year}年度各党组织组织生活和换届情况表`];
  const org = organisationSection(data, f);

  const content: PdfContent[] = [
    gw.title([signer, `关于${data.year}年度落实机关党建主体责任`, '情况的报告']),
    gw.blank(1),
    gw.addressee(`${data.committeeName}：`),
    ...draftParagraphs(gw, drafts.intro),
    ...gw.keepWithNext(gw.heading1('一、履行主体责任情况'), gw.heading2('（一）政治建设和制度落实。', politicalSection(data, f))),
    gw.heading2('（二）思想建设和教育培训。', trainingSection(data, f)),
    gw.heading2('（三）组织建设。', org[0]),
    ...org.slice(1).map((p) => gw.paragraph(p)),
    gw.heading2('（四）作风建设和问题整改。', rectificationSection(f)),
    gw.heading2('（五）工作保障。', fundsSection(f) + careSentence(data, f)),
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
    gw.note(`注：数据截至${chineseDate(f.referenceDate)}。`, 10.5),
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
