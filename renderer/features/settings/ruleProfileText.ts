/** The thresholds of a rule profile a cadre asks about, in words (for 设置 → 规则配置). */
import { ASSESSMENT_INDICATORS } from '../../../shared/model/profileSchema';
import { MEETING_KIND_LABELS, ORGANISATION_KIND_LABELS } from '../../../shared/model/vocabulary';
import type { AssessmentIndicatorId, DuesBracket, Fraction, RequirementPeriod, RuleProfile } from '../../../shared/rules/profile';
import { assessmentScoring, meetingRequirements, NATIONAL_PROFILE_V1 } from '../../../shared/rules/profile';
import { basisPointsPercent, chineseDate, yuan } from '../../../shared/rules/text';

/** [label, words] pairs, in the order the card shows them. */
export function ruleProfileLines(p: RuleProfile): [string, string][] {
  return [
    ['换届提醒', `任期届满前 ${p.terms.reminderMonths} 个月黄色预警，前 ${p.terms.secondReminderMonths} 个月再次提醒；经批准延期最长 ${p.terms.maxExtensionMonths} 个月`],
    ['专职党务干部配备', `占机关工作人员总数的 ${basisPointsPercent(p.cadreRatio.minBasisPoints)}—${basisPointsPercent(p.cadreRatio.maxBasisPoints)}`],
    ['教育培训', `年度覆盖率目标 ${basisPointsPercent(p.training.coverageTargetBasisPoints)}；新任书记 ${p.training.newHeadWithinMonths} 个月内须参加任职培训`],
    ['组织生活', `会议结束 ${p.meetings.recordWithinDays} 天后录入的记为“补录”；连续 ${p.selfWithdrawal.months} 个月未参加组织生活的党员列入提醒`],
    ['表决比例', quorumText(p)],
    ['党费标准', duesText(p)],
    ['红黄牌', `${p.cards.escalateOverdueYellow ? '黄牌逾期未整改升为红牌；' : ''}${p.cards.repeatWithinMonths} 个月内第 ${p.cards.repeatYellowCount} 张黄牌升为红牌`],
    ['季度考核指标', indicatorWeightsText(p)],
    ...(scalesText(p) === null ? [] : [['计分标准', scalesText(p)!] as [string, string]]),
  ];
}

/** 示范市机关党建规则 · 第2版（2026年12月1日起施行）, or the national defaults' name. */
export function ruleProfileTitle(p: RuleProfile): string {
  if (p === NATIONAL_PROFILE_V1) return `${p.name}（全国通用默认规则，工委尚未下发规则配置）`;
  return `${p.name} · 第${p.version}版（${chineseDate(p.effectiveFrom)}起施行）`;
}

/** 季度考核指标 in words: 组织生活完成率 25 分、党员参会率 15 分…（合计 100 分） */
export function indicatorWeightsText(p: RuleProfile): string {
  return `${p.assessment.indicators.map((i) => `${i.name} ${i.weight} 分`).join('、')}（合计 ${p.assessment.indicators.reduce((s, i) => s + i.weight, 0)} 分）`;
}

/** Every indicator the monitoring can compute, with the name a new one gets (the committee's three after the seven from records). */
export const INDICATOR_DEFAULT_NAMES: Record<AssessmentIndicatorId, string> = {
  meetingCompleteness: '组织生活完成率',
  attendance: '党员参会率',
  terms: '按期换届',
  trainingCoverage: '教育培训覆盖率',
  cadreRatio: '专职党务干部配备',
  rectification: '整改推进',
  bundleTimeliness: '数据报送及时性',
  supervision: '下沉督导调研发现问题情况',
  guidance: '日常指导评价',
  review: '述职评议',
};

/** What the editor shows for one indicator: its name (the profile's, else the default) and its weight (0 = not counted). */
export interface IndicatorWeightRow {
  readonly id: AssessmentIndicatorId;
  readonly name: string;
  readonly weight: number;
  /** How it is computed, for the committee's own inputs (from the 联系组's visits and the 述职评议). */
  readonly hint: string | null;
}

const HINTS: Partial<Record<AssessmentIndicatorId, string>> = {
  supervision: '按本季度联系组督导调研是否提出整改要求计分',
  review: '按上一年度述职评议等次计分',
  guidance: '按本季度联系组督导检查时给出的日常指导评价（0–100 分）的平均分计分；本季度未评价的单位该项为“无数据”（按 0 分计）',
};

/** Every indicator in the profile's order, then the ones it does not count (weight 0) in the default order. */
export function indicatorWeightRows(p: RuleProfile): IndicatorWeightRow[] {
  const listed = p.assessment.indicators.map((i) => ({ id: i.id, name: i.name, weight: i.weight, hint: HINTS[i.id] ?? null }));
  const rest = ASSESSMENT_INDICATORS.filter((id) => !listed.some((l) => l.id === id)).map((id) => ({ id, name: INDICATOR_DEFAULT_NAMES[id], weight: 0, hint: HINTS[id] ?? null }));
  return [...listed, ...rest];
}

/** The weights' sum check, in Chinese; null when they add up to 100 with at least one counted. */
export function indicatorWeightsError(weights: readonly number[]): string | null {
  const sum = weights.reduce((s, w) => s + (Number.isFinite(w) ? w : 0), 0);
  if (weights.every((w) => !(w > 0))) return '至少要有一项考核指标的权重大于 0，请填写各项指标的权重。';
  if (sum !== 100) return `各项考核指标的权重之和必须为 100 分，现为 ${sum} 分，请${sum > 100 ? '调低' : '调高'}部分指标的权重后再下发。`;
  return null;
}

/** The profile's indicators from the editor's rows: those with a weight above 0, in the rows' order, with the profile's names. */
export function indicatorsFromWeights(rows: readonly IndicatorWeightRow[], weights: readonly number[]): RuleProfile['assessment']['indicators'] {
  return rows.flatMap((r, i) => {
    const weight = weights[i] ?? 0;
    return weight > 0 ? [{ id: r.id, name: r.name, weight }] : [];
  });
}

/** An indicator's scale in the editor, in percent: full marks at or above `full`, 0 at or below `zero`. */
export interface ScalePercents {
  readonly full: number;
  readonly zero: number;
}

/** Each row's scale in the profile (default: full marks at 100 %, 0 at 0 %: the rate × 100). */
export function scalePercents(p: RuleProfile, rows: readonly IndicatorWeightRow[]): ScalePercents[] {
  const scales = assessmentScoring(p).scales;
  return rows.map((r) => {
    const s = scales.find((x) => x.id === r.id);
    return s === undefined ? { full: 100, zero: 0 } : { full: s.fullAtBasisPoints / 100, zero: s.zeroAtBasisPoints / 100 };
  });
}

/** The scale's check in Chinese, or null. */
export function scaleError(name: string, s: ScalePercents): string | null {
  if (!(s.zero < s.full)) return `“${name}”的零分线（${s.zero}%）必须低于满分线（${s.full}%），请调整。`;
  return null;
}

/** The profile's `assessment.scoring` with the editor's scales (only those differing from rate × 100), or the base's when nothing is set. */
export function scoringFromScales(base: RuleProfile, rows: readonly IndicatorWeightRow[], scales: readonly ScalePercents[]): RuleProfile['assessment']['scoring'] {
  const set = rows.flatMap((r, i) => {
    const s = scales[i];
    if (s === undefined || (s.full === 100 && s.zero === 0)) return [];
    return [{ id: r.id, fullAtBasisPoints: Math.round(s.full * 100), zeroAtBasisPoints: Math.round(s.zero * 100) }];
  });
  if (base.assessment.scoring === undefined && set.length === 0) return undefined;
  return { ...assessmentScoring(base), scales: set };
}

/** The scales that differ from rate × 100, in words (for the card), or null when none does. */
export function scalesText(p: RuleProfile): string | null {
  const names = new Map(p.assessment.indicators.map((i) => [i.id, i.name] as const));
  const set = assessmentScoring(p).scales.filter((s) => names.has(s.id));
  if (set.length === 0) return null;
  return set.map((s) => `${names.get(s.id)}达到 ${basisPointsPercent(s.fullAtBasisPoints)} 得满分、不高于 ${basisPointsPercent(s.zeroAtBasisPoints)} 得 0 分`).join('；');
}

const PERIOD_WORDS: Record<Exclude<RequirementPeriod, 'whenDue'>, string> = { month: '每月', quarter: '每季度', year: '每年' };

/** A meeting requirement the editor can change the frequency of (not 换届选举, held when due). */
export interface FrequencyRow {
  /** Index in `meetingRequirements(profile)`: the profile's own, then the later kinds' defaults it does not list (民主生活会). */
  readonly index: number;
  /** 党员大会（党总支、党支部）每季度至少 */
  readonly label: string;
  readonly count: number;
}

export function frequencyRows(p: RuleProfile): FrequencyRow[] {
  return meetingRequirements(p).flatMap((r, index) =>
    r.period === 'whenDue'
      ? []
      : [{ index, label: `${MEETING_KIND_LABELS[r.kind]}（${r.organisationKinds.map((k) => ORGANISATION_KIND_LABELS[k]).join('、')}${r.onlyWithCommittee ? '，设支委会的' : ''}）${PERIOD_WORDS[r.period]}至少`, count: r.count }],
  );
}

/**
 * The requirements with the editor's counts (`counts[i]` for `frequencyRows(p)[i]`); a changed count
 * says so in its 依据, keeping the original basis in words.
 */
export function requirementsWithCounts(p: RuleProfile, counts: readonly number[], profileName: string): RuleProfile['meetings']['requirements'] {
  const byIndex = new Map(frequencyRows(p).map((row, i) => [row.index, counts[i] ?? row.count] as const));
  const own = p.meetings.requirements.length;
  return meetingRequirements(p).flatMap((applied, index) => {
    const { countsFrom: _default, ...r } = applied; // a later kind's default date is never stored
    const count = byIndex.get(index);
    const changed = count === undefined || count === r.count || r.period === 'whenDue' ? null : { ...r, count, basis: `${profileName}（${PERIOD_WORDS[r.period]}至少${count}次；原依据：${r.basis}）` };
    // a later kind's default (民主生活会) becomes the profile's own only when the 工委 changes it
    if (index >= own) return changed === null ? [] : [changed];
    return [changed ?? r];
  });
}

/** 超过 1/2 */
const fraction = (f: Fraction): string => `${f.numerator}/${f.denominator}`;

/** The quorum shares in words (for the card). */
export function quorumText(p: RuleProfile): string {
  const q = p.quorum;
  return `表决须有表决权的党员到会超过 ${fraction(q.vote)}，决议须赞成超过应到会有表决权党员的 ${fraction(q.motion)}，支委会须委员到会超过 ${fraction(q.committee)}，选举须到会超过应到会的 ${fraction(q.election)}`;
}

/** A share the editor reads, in Chinese when it is not one: numerator and denominator whole, 0 < n ≤ d. */
export function fractionError(label: string, f: { numerator: number | null; denominator: number | null }): string | null {
  const { numerator: n, denominator: d } = f;
  if (n === null || d === null || !Number.isInteger(n) || !Number.isInteger(d) || n < 1 || d < 1) return `请按“分子/分母”填写${label}，均为正整数。`;
  if (n > d) return `${label}的分子（${n}）不能大于分母（${d}），请调整。`;
  return null;
}

// ── 党费标准 (dues) ────────────────────────────────────────────────────────────────────────────

/** Fen as 元 in a bracket's words, without “.00” for whole 元: 300000 → 3000元, 300050 → 3000.50元. */
export function bracketYuan(fen: number): string {
  return fen % 100 === 0 ? `${fen / 100}元` : yuan(fen);
}

/** The brackets in words: 月收入3000元以下（含）0.5%，3000元以上至5000元（含）1%，10000元以上 2%. */
export function duesBracketsText(brackets: readonly DuesBracket[]): string {
  return brackets
    .map((b, i) => {
      const from = i === 0 ? null : brackets[i - 1]!.upToFen;
      const range =
        b.upToFen === null
          ? from === null
            ? '不论收入多少'
            : `${bracketYuan(from)}以上`
          : from === null
            ? `${bracketYuan(b.upToFen)}以下（含）`
            : `${bracketYuan(from)}以上至${bracketYuan(b.upToFen)}（含）`;
      return `${range}按 ${basisPointsPercent(b.rateBasisPoints)}`;
    })
    .join('，');
}

/** 党费标准 in words (for the card). */
export function duesText(p: RuleProfile): string {
  const d = p.dues;
  return `在职党员月工资收入${duesBracketsText(d.inService)}；离退休党员月收入${duesBracketsText(d.retired)}；学生、下岗失业、享受最低生活保障的党员每月 ${yuan(d.specialMonthlyFen)}；补交党费最多补 ${d.backPayMaxMonths} 个月`;
}

/** One dues bracket in the editor: its upper bound in 元 (null on the last: no upper bound) and its rate in percent. */
export interface DuesRow {
  readonly upTo: number | null;
  readonly rate: number | null;
}

export const DUES_GROUPS = [
  { key: 'inService', label: '在职党员' },
  { key: 'retired', label: '离退休党员' },
] as const;
export type DuesGroup = (typeof DUES_GROUPS)[number]['key'];

/** The profile's brackets as the editor's rows. */
export function duesRows(brackets: readonly DuesBracket[]): DuesRow[] {
  return brackets.map((b) => ({ upTo: b.upToFen === null ? null : b.upToFen / 100, rate: b.rateBasisPoints / 100 }));
}

const hundredths = (n: number): boolean => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

/**
 * What is wrong with one group's brackets, in Chinese, or null: at least one; each rate 0%–100% to two
 * decimals; every bracket but the last with an upper bound in 元 to the 分, above the one before (the
 * brackets follow on from each other, from the lowest income up; the last has no upper bound).
 */
export function duesBracketsError(label: string, rows: readonly DuesRow[]): string | null {
  if (rows.length === 0) return `${label}的党费档次至少要有一档，请添加。`;
  for (const [i, r] of rows.entries()) {
    const n = `${label}第${i + 1}档`;
    if (r.rate === null || r.rate === undefined || !Number.isFinite(r.rate)) return `${n}的缴纳比例未填写，请填写 0%—100% 之间的比例。`;
    if (r.rate < 0 || r.rate > 100 || !hundredths(r.rate)) return `${n}的缴纳比例应在 0%—100% 之间，最多两位小数，请调整。`;
    if (i === rows.length - 1) continue; // the last bracket has no upper bound
    if (r.upTo === null || r.upTo === undefined || !Number.isFinite(r.upTo)) return `${n}的月收入上限未填写；只有最后一档不设上限，请填写。`;
    if (!(r.upTo > 0) || !hundredths(r.upTo)) return `${n}的月收入上限应为大于 0 的金额（精确到分），请调整。`;
    const prev = i === 0 ? null : rows[i - 1]!.upTo;
    if (prev !== null && prev !== undefined && !(r.upTo > prev)) {
      return `${n}的月收入上限（${r.upTo}元）须高于第${i}档的上限（${prev}元）：各档按月收入从低到高排列、首尾相接，请调整。`;
    }
  }
  return null;
}

/** The profile's brackets from the editor's rows (checked by `duesBracketsError` first): the last without an upper bound. */
export function duesBracketsFromRows(rows: readonly DuesRow[]): DuesBracket[] {
  return rows.map((r, i) => ({ upToFen: i === rows.length - 1 ? null : Math.round((r.upTo ?? 0) * 100), rateBasisPoints: Math.round((r.rate ?? 0) * 100) }));
}

/** The 每月固定党费 of students, the unemployed and 低保 recipients, in 元, checked: null when fine. */
export function specialMonthlyError(yuanAmount: number | null): string | null {
  if (yuanAmount === null || yuanAmount === undefined || !Number.isFinite(yuanAmount)) return '请填写学生、下岗失业、享受最低生活保障党员每月缴纳的党费金额。';
  if (yuanAmount < 0 || !hundredths(yuanAmount)) return '每月固定党费应为不小于 0 的金额（精确到分），请调整。';
  return null;
}
