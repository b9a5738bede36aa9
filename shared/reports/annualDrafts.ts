/**
 * The editable text parts of the annual accountability report (年度落实机关党建主体责任情况报告):
 * the opening paragraph, 一、履行主体责任情况, 二、存在问题及原因 and 三、下一步打算. The app offers these defaults, built
 * from the year's figures, for the cadre to edit; the saved (versioned) text replaces them.
 *
 * A draft is plain text, one paragraph per line. A paragraph that starts with （一）…（十） is set
 * as a level-2 heading run into its paragraph: the marker and the first sentence (up to the first
 * 。) in 楷体, the rest in 仿宋. A paragraph that starts with 一、… is a level-1 heading.
 */
import { MEETING_KIND_LABELS, PARTY_GROUP_KIND_LABELS, type MeetingKind } from '../model/vocabulary';
import type { KindTotal } from '../rules/summaries';
import { basisPointsPercent, chineseNumeral, percent } from '../rules/text';
import { ordinalIs } from './format';
import type { AnnualFigures, UnitReportData } from './reportData';

export interface AnnualDrafts {
  /** 开头: the paragraph under 主送. */
  readonly intro: string;
  /** 一、履行主体责任情况: its five parts, each opening with （一）…（五）; default from the figures (annualDutiesText.ts). */
  readonly duties: string;
  /** 二、存在问题及原因 */
  readonly problems: string;
  /** 三、下一步打算 */
  readonly nextSteps: string;
}

export const ANNUAL_DRAFT_LABELS: Record<keyof AnnualDrafts, string> = {
  intro: '开头',
  duties: '履行主体责任情况',
  problems: '存在问题及原因',
  nextSteps: '下一步打算',
};

/** 中共某某市财政局党组 */
export function partyGroupName(data: Pick<UnitReportData, 'unit'>): string {
  return `中共${data.unit.name}${leadingBody(data)}`;
}

/** 党组 or 党委: what the unit's leading body is, never “党组（党委）”. */
export function leadingBody(data: Pick<UnitReportData, 'unit'>): string {
  return PARTY_GROUP_KIND_LABELS[data.unit.partyGroupKind];
}

/**
 * The kinds of meeting the year's completion is counted over, in report order: the branches'
 * organisational life (支部条例), the 机关党委's, then the leading body's; only those due.
 */
const REPORT_KIND_ORDER: readonly MeetingKind[] = [
  'branchGeneralMeeting',
  'branchCommitteeMeeting',
  'groupMeeting',
  'partyLecture',
  'themedPartyDay',
  'organisationalLifeMeeting',
  'democraticAppraisal',
  'organCadreAssembly',
  'electionAssembly',
  'leadingGroupMeeting',
  'theoryStudyGroup',
  'democraticLifeMeeting',
];
const LEADING_KINDS: ReadonlySet<MeetingKind> = new Set(['leadingGroupMeeting', 'theoryStudyGroup', 'democraticLifeMeeting']);

export function lifeKinds(f: Pick<AnnualFigures, 'byKind'>): KindTotal[] {
  return REPORT_KIND_ORDER.flatMap((kind) => f.byKind.filter((k) => k.kind === kind && k.due > 0));
}

/** A kind's name in a report sentence or table (党组会议研究党建工作, not 党组会议(党建议题)). */
export function reportKindLabel(kind: MeetingKind, data: Pick<UnitReportData, 'unit'>): string {
  return kind === 'leadingGroupMeeting' ? `${leadingBody(data)}会议研究党建工作` : MEETING_KIND_LABELS[kind];
}

/** 全年 for a whole year's figures, 本年度 while 截至 is before the year's last day. */
export function yearSpan(f: Pick<AnnualFigures, 'referenceDate' | 'year'>): string {
  return f.referenceDate === `${f.year}-12-31` ? '全年' : '本年度';
}

/** What the year's completion is about: “三会一课”、主题党日等组织生活, and the leading body's meetings and study when due. */
export function lifeScope(data: Pick<UnitReportData, 'unit'>, f: Pick<AnnualFigures, 'byKind'>): string {
  const leading = lifeKinds(f).filter((k) => LEADING_KINDS.has(k.kind)).map((k) => reportKindLabel(k.kind, data));
  return `“三会一课”、主题党日等组织生活${leading.length > 0 ? `和${leading.join('、')}` : ''}`;
}

interface Point {
  readonly problem: string;
  readonly step: string;
}

/** The problems the figures show, each with the measure that answers it. */
function pointsOf(data: UnitReportData, f: AnnualFigures): Point[] {
  const out: Point[] = [];
  const owing = f.organisationsOwing;
  if (f.completion.rate !== null && f.completion.met < f.completion.due)
    out.push({
      problem: `组织生活制度落实不够到位，${yearSpan(f)}${lifeScope(data, f)}应按期召开${f.completion.due}次，实际按期召开${f.completion.met}次，完成率${percent(f.completion.rate)}，有${owing}个党组织存在未按期召开的情况`,
      step: '严格落实“三会一课”、主题党日、组织生活会和民主评议党员等制度，实行按月提醒、按季通报，对未按期开展的党组织督促补课，确保组织生活经常、认真、严肃',
    });
  const tm = f.training.members;
  if (tm.share !== null && !tm.metTarget)
    out.push({
      problem: `党员教育培训覆盖还不够全面，${yearSpan(f)}党员培训覆盖率为${percent(tm.share)}，尚有${tm.shouldTrain - tm.trained}名党员未参加集中培训`,
      step: '制定年度党员教育培训计划，采取集中轮训、专题讲座、现场教学等方式，对未参训党员及时组织补训，确保党员教育培训全员覆盖',
    });
  if (f.training.newHeadsWithoutInduction.length > 0)
    out.push({
      problem: `新任党组织书记培训不够及时，有${f.training.newHeadsWithoutInduction.length}名新任党组织书记尚未参加任职培训`,
      step: '抓好新任党组织书记任前任职培训，做到应训尽训',
    });
  const { red, yellow } = f.terms.byLight;
  if (red > 0 || yellow > 0) {
    const { noTerm } = f.termBreakdown.red;
    const ended = red - noTerm;
    const extendedYellow = f.termBreakdown.extendedByLight.yellow;
    const parts = [
      ended > 0 ? `${ended}个党组织任期已届满尚未换届` : '',
      noTerm > 0 ? `${noTerm}个党组织未登记任期` : '',
      yellow - extendedYellow > 0 ? `${yellow - extendedYellow}个党组织任期将在${data.profile.terms.reminderMonths}个月内届满` : '',
      extendedYellow > 0 ? `${extendedYellow}个党组织经批准延期换届，须在延期届满前完成换届` : '',
    ].filter((s) => s !== '');
    out.push({
      problem: `党组织按期换届工作还需加强，${parts.join('，')}`,
      step: `建立党组织任期台账${noTerm > 0 ? '，补齐未登记的任期信息' : ''}，提前谋划换届工作，对任期已届满的党组织限期完成换届选举，确需延期的按程序报批`,
    });
  }
  if (f.cadre.state === 'below')
    out.push({
      problem: `党务干部配备还不够充足，专职党务干部${f.cadre.fullTimeCount}名，占机关工作人员的${percent(f.cadre.ratio)}，低于${basisPointsPercent(data.profile.cadreRatio.minBasisPoints)}的配备要求`,
      step: `按照机关工作人员总数${basisPointsPercent(data.profile.cadreRatio.minBasisPoints)}至${basisPointsPercent(data.profile.cadreRatio.maxBasisPoints)}的比例配齐配强专职党务干部，加强党务干部业务培训`,
    });
  const r = f.rectification;
  if (r.total > r.closed)
    out.push({
      problem: `问题整改还有差距，尚有${r.total - r.closed}项整改事项未销号${r.overdue > 0 ? `，其中${r.overdue}项已超过整改时限` : ''}`,
      step: '对未销号的整改事项逐项明确责任人和完成时限，实行清单化管理、销号式推进，做到件件有着落、事事有回音',
    });
  if (f.projects.overdue > 0)
    out.push({
      problem: `书记项目推进不够均衡，有${f.projects.overdue}个工作节点未按计划完成`,
      step: '加强书记项目过程管理，定期调度推进情况，确保项目按节点完成、取得实效',
    });
  if (f.funds.share !== null && f.funds.share < 0.6)
    out.push({
      problem: `党建工作经费执行进度偏慢，${yearSpan(f)}执行率为${percent(f.funds.share)}`,
      step: '加强党建工作经费预算管理，提高经费使用效益，保障党建工作正常开展',
    });
  return out;
}

/** The defaults of 开头, 存在问题 and 下一步打算; with 履行主体责任情况: `annualReportDefaults` (annualDutiesText.ts). */
export function defaultAnnualDrafts(data: UnitReportData, figures: AnnualFigures): Omit<AnnualDrafts, 'duties'> {
  const who = partyGroupName(data);
  const intro =
    `${data.year}年，${who}坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻新时代党的建设总要求，` +
    '认真落实《中国共产党党和国家机关基层组织工作条例》，切实履行机关党建主体责任，推动机关党建工作高质量发展。' +
    '现将有关情况报告如下。';

  const points = pointsOf(data, figures);
  const problemLines =
    points.length === 0
      ? [
          '对照机关党建主体责任要求，工作中还存在一些不足：一是党建工作与业务工作融合还不够紧密，党建引领作用发挥还不够充分；二是基层党组织工作方式方法创新还不够，组织生活的吸引力有待增强。',
        ]
      : [
          `对照机关党建主体责任要求，工作中还存在以下问题：${points.map((p, i) => `${ordinalIs(i)}${p.problem}`).join('；')}。`,
        ];
  problemLines.push(
    '分析原因，主要是：个别党组织书记抓党建的责任意识还不够强，“一岗双责”落实不够到位；党务干部队伍专业化水平有待提高；制度执行的刚性约束和日常督促检查还不够有力。',
  );

  const steps: string[] = [
    `（一）压紧压实主体责任。坚持党建工作与业务工作同谋划、同部署、同推进、同考核，健全${leadingBody(data)}统一领导、机关党组织具体落实、党支部抓好执行的责任体系，落实三级五岗职责清单。`,
  ];
  const specific = points.map((p) => p.step);
  if (specific.length > 0) steps.push(`（二）聚焦问题抓好整改。${specific.join('；')}。`);
  steps.push(
    `（${chineseNumeral(steps.length + 1)}）加强党员队伍建设。严格党员教育管理监督，做好发展党员工作，加强党务干部队伍建设，提升机关党建工作规范化水平。`,
    `（${chineseNumeral(steps.length + 2)}）强化工作保障。落实党建工作经费，加强阵地建设，定期研究解决机关党建工作中的重大问题，以高质量党建引领保障机关各项工作。`,
  );
  return { intro, problems: problemLines.join('\n'), nextSteps: steps.join('\n') };
}
