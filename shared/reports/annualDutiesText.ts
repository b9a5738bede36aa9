/**
 * 一、履行主体责任情况 of the annual accountability report, as the app writes it from the year's
 * figures: five parts, each a paragraph that starts with its level-2 heading — （一）政治建设和制度落实,
 * （二）思想建设和教育培训, （三）组织建设 (three paragraphs), （四）作风建设和问题整改, （五）工作保障. It is
 * the default of the report's `duties` draft (issue 14: nothing in the report is a canned claim the
 * cadre cannot correct): the cadre may edit it like 开头, 存在问题 and 下一步打算; left empty, the report
 * uses this text. `annualReportDefaults` gives every draft's default.
 */
import { APPRAISAL_GRADE_LABELS, APPRAISAL_GRADES, DUTY_REVIEW_RATING_LABELS, type MeetingKind } from '../model/vocabulary';
import { NO_OUTLET } from '../rules/duties/care';
import { unrecordedSentence } from '../rules/duties/ledgerAreas';
import { smallUnitOneCadre } from '../rules/summaries';
import { basisPointsPercent, chineseDate, percent, yuanText } from '../rules/text';
import { defaultAnnualDrafts, leadingBody, lifeKinds, lifeScope, partyGroupName, reportKindLabel, yearSpan, type AnnualDrafts } from './annualDrafts';
import { hours, ofDue, pct, quoted } from './format';
import type { AnnualFigures, UnitReportData } from './reportData';
import { organisationsPhrase, SMALL_UNIT_ONE_CADRE, termLightsPhrase } from './sentences';

function kindTotal(f: AnnualFigures, kind: MeetingKind) {
  return f.byKind.find((k) => k.kind === kind) ?? null;
}

function politicalSection(data: UnitReportData, f: AnnualFigures): string {
  const body = leadingBody(data);
  const lg = kindTotal(f, 'leadingGroupMeeting');
  const study = kindTotal(f, 'theoryStudyGroup');
  const theory = f.life.theoryStudy;
  const parts = [
    `${partyGroupName(data)}${yearSpan(f)}召开${body}会议专题研究机关党建工作${f.held.leadingGroupMeeting}次${lg && lg.due > 0 ? `（应不少于${lg.due}次）` : ''}`,
    `理论学习中心组集体学习${f.held.theoryStudyGroup}次${study && study.due > 0 ? `，按季度完成${study.met}次、应完成${study.due}次` : ''}${theory.sessions > 0 ? `，其中${theory.deputySatIn}次记录机关党委专职副书记列席` : ''}`,
    democraticLifePhrase(f),
  ];
  const p = f.projects;
  const project =
    p.projects.length === 0
      ? `本年度未录入${body}书记项目`
      : `确定${body}书记项目${p.projects.length}项（${p.projects.map((x) => quoted(x.title)).join('、')}），设置工作节点${p.milestones}个，已完成${p.done}个${p.share === null ? '' : `，完成率${percent(p.share)}`}${p.overdue > 0 ? `，${p.overdue}个节点逾期未完成` : ''}`;
  return `${parts.join('，')}。${project}${projectEvidencePhrase(f)}。${dutyListSentence(data, f)}`;
}

/** The projects' 证明材料 and the 工委's 评价 in words, from the records (nothing claimed without one). */
function projectEvidencePhrase(f: AnnualFigures): string {
  const projects = f.projectEvidence;
  if (projects.length === 0) return '';
  const files = projects.reduce((n, p) => n + p.attachments, 0);
  const evidence = files === 0 ? '，台账中未上传证明材料' : `，上传证明材料${files}份`;
  const rated = projects.filter((p) => p.rating !== null);
  const ratings =
    rated.length === 0
      ? '，尚未收到工委评价'
      : `，工委评价${rated.map((p) => (projects.length === 1 ? DUTY_REVIEW_RATING_LABELS[p.rating!.rating] : `${quoted(p.title)}${DUTY_REVIEW_RATING_LABELS[p.rating!.rating]}`)).join('、')}${rated.length < projects.length ? `，${projects.length - rated.length}项尚未收到工委评价` : ''}`;
  return `${evidence}${ratings}`;
}

/** 民主生活会 of the 党组(党委) in words, from the ledger's records (“台账中未录入…” when it has none). */
function democraticLifePhrase(f: AnnualFigures): string {
  const held = f.life.democraticLife;
  if (held.length === 0) return '台账中未录入本年度民主生活会记录';
  const dates = held.map((m) => chineseDate(m.date)).join('、');
  const deputy = held.filter((m) => m.deputySatIn).length;
  const satIn = deputy === held.length ? '机关党委专职副书记列席' : deputy === 0 ? '未记录机关党委专职副书记列席' : `其中${deputy}次机关党委专职副书记列席`;
  return `召开民主生活会${held.length}次（${dates}），${satIn}`;
}

/** The 民主评议党员 grades of the year added up, in words (only the grades there are). */
function appraisalPhrase(f: AnnualFigures): string {
  const t = f.life.appraisal.tally;
  if (f.life.appraisal.meetings === 0) return '';
  if (t.graded === 0) return '（台账中未录入评定等次）';
  const grades = APPRAISAL_GRADES.filter((g) => t.counts[g] > 0).map((g) => `${APPRAISAL_GRADE_LABELS[g]}${t.counts[g]}名`);
  return `（评定等次${t.graded}名，其中${grades.join('、')}${t.ungraded > 0 ? `，${t.ungraded}名未录入等次` : ''}）`;
}

/**
 * The year's 三级五岗职责清单 in words: posts, items, holders not named, and the self-check's
 * outcomes (落实/部分落实/未落实/未自查, only those there are) with its completeness.
 */
function dutyListSentence(data: UnitReportData, f: AnnualFigures): string {
  const d = f.dutyList;
  if (d.posts === 0) return `台账中未录入${data.year}年度三级五岗职责清单。`;
  const holders = d.postsWithoutHolder > 0 ? `（其中${d.postsWithoutHolder}个岗位尚未明确责任人）` : '';
  const list = `建立${data.year}年度三级五岗职责清单，明确${d.posts}个岗位职责事项${d.items}项${holders}`;
  const o = d.outcomes;
  const c = d.completeness;
  if (c.checked === 0) return `${list}${d.items > 0 ? '，尚未开展年度自查' : ''}。`;
  const outcomes = [
    o.done > 0 ? `落实${o.done}项` : '',
    o.partial > 0 ? `部分落实${o.partial}项` : '',
    o.notDone > 0 ? `未落实${o.notDone}项` : '',
  ].filter((x) => x !== '');
  const rest = o.unchecked > 0 ? `，尚有${o.unchecked}项未自查` : '';
  return `${list}；年度自查${c.checked}项，自查完成率${c.share === null ? '—' : percent(c.share)}，其中${outcomes.join('、')}${rest}。`;
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
    `开展主题党日${f.held.themedPartyDay}次、党课${f.held.partyLecture}次，召开组织生活会${f.held.organisationalLifeMeeting}次、民主评议党员${f.held.democraticAppraisal}次${appraisalPhrase(f)}。`;

  const t = f.terms;
  const c = f.cadre;
  const bounds = `${basisPointsPercent(data.profile.cadreRatio.minBasisPoints)}至${basisPointsPercent(data.profile.cadreRatio.maxBasisPoints)}`;
  const judgement = smallUnitOneCadre(c, data.profile)
    ? `单位${SMALL_UNIT_ONE_CADRE}`
    : `${c.state === 'within' ? '符合' : c.state === 'below' ? '低于' : '高于'}${bounds}的配备要求`;
  const third =
    `实行任期制的党组织${t.applicable}个，按换届三色预警，${termLightsPhrase(t, f.termBreakdown)}。` +
    `机关工作人员${c.staffCount}名，配备专职党务干部${c.fullTimeCount}名，占比${percent(c.ratio)}，${judgement}。` +
    exchangeSentence(f);
  return [first, second, third];
}

/** 党务干部双向交流 and 任前考察 in words; “无” only when the ledger has no posting of the year. */
function exchangeSentence(f: AnnualFigures): string {
  const x = f.exchange;
  if (x.total === 0) return '台账中无本年度党务干部双向交流记录。';
  const parts = [x.toPartyAffairs > 0 ? `从业务岗位交流到党务岗位${x.toPartyAffairs}人次` : '', x.toLine > 0 ? `从党务岗位交流到业务岗位${x.toLine}人次` : ''].filter((p) => p !== '');
  const vetting =
    x.toPartyAffairs === 0
      ? ''
      : x.unvetted.length === 0
        ? '，交流到党务岗位的均进行了任前考察'
        : `，其中${x.unvetted.length}人次交流到党务岗位未登记任前考察`;
  return `本年度党务干部双向交流${x.total}人次，${parts.join('、')}${vetting}。`;
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
      ? '台账中无本年度需要整改的问题事项记录。'
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
  if (u.lines.length === 0) return `台账中未录入${u.year}年党建工作经费预算。`;
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
function careSentence(f: AnnualFigures): string {
  const c = f.care;
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

/** The paragraphs of 一、履行主体责任情况, one per line, each part opening with its level-2 heading. */
export function dutiesText(data: UnitReportData, f: AnnualFigures): string {
  const org = organisationSection(data, f);
  return [
    `（一）政治建设和制度落实。${politicalSection(data, f)}`,
    `（二）思想建设和教育培训。${trainingSection(data, f)}`,
    `（三）组织建设。${org[0] ?? ''}`,
    ...org.slice(1),
    `（四）作风建设和问题整改。${rectificationSection(f)}`,
    `（五）工作保障。${fundsSection(f)}${careSentence(f)}`,
    // the areas the ledger holds nothing of this year, so that a “无” above is read as “not entered”
    unrecordedSentence(f.unrecorded, data.year),
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** Every draft's default: what the report says where the cadre has saved nothing. */
export function annualReportDefaults(data: UnitReportData, f: AnnualFigures): AnnualDrafts {
  return { ...defaultAnnualDrafts(data, f), duties: dutiesText(data, f) };
}

/**
 * The drafts as they are saved: 履行主体责任情况 left empty while it is the generated text, so that a
 * saved version keeps following the ledger's figures until the cadre really rewrites it.
 */
export function draftsToSave(drafts: AnnualDrafts, defaults: Pick<AnnualDrafts, 'duties'>): AnnualDrafts {
  return { ...drafts, duties: drafts.duties.trim() === defaults.duties.trim() ? '' : drafts.duties };
}

/** A saved version as it is shown: an empty (or, before the part existed, absent) 履行主体责任情况 shows the generated text. */
export function draftsToShow(saved: Omit<AnnualDrafts, 'duties'> & { readonly duties?: string | undefined }, defaults: Pick<AnnualDrafts, 'duties'>): AnnualDrafts {
  return { intro: saved.intro, problems: saved.problems, nextSteps: saved.nextSteps, duties: saved.duties?.trim() ? saved.duties : defaults.duties };
}
