/** The thresholds of a rule profile a cadre asks about, in words (for 设置 → 规则配置). */
import type { RuleProfile } from '../../../shared/rules/profile';
import { NATIONAL_PROFILE_V1 } from '../../../shared/rules/profile';
import { basisPointsPercent, chineseDate } from '../../../shared/rules/text';

/** [label, words] pairs, in the order the card shows them. */
export function ruleProfileLines(p: RuleProfile): [string, string][] {
  return [
    ['换届提醒', `任期届满前 ${p.terms.reminderMonths} 个月黄色预警，前 ${p.terms.secondReminderMonths} 个月再次提醒；经批准延期最长 ${p.terms.maxExtensionMonths} 个月`],
    ['专职党务干部配备', `占机关工作人员总数的 ${basisPointsPercent(p.cadreRatio.minBasisPoints)}—${basisPointsPercent(p.cadreRatio.maxBasisPoints)}`],
    ['教育培训', `年度覆盖率目标 ${basisPointsPercent(p.training.coverageTargetBasisPoints)}；新任书记 ${p.training.newHeadWithinMonths} 个月内须参加任职培训`],
    ['组织生活', `会议结束 ${p.meetings.recordWithinDays} 天后录入的记为“补录”；连续 ${p.selfWithdrawal.months} 个月未参加组织生活的党员列入提醒`],
    ['红黄牌', `${p.cards.escalateOverdueYellow ? '黄牌逾期未整改升为红牌；' : ''}${p.cards.repeatWithinMonths} 个月内第 ${p.cards.repeatYellowCount} 张黄牌升为红牌`],
  ];
}

/** 示范市机关党建规则 · 第2版（2026年12月1日起施行）, or the national defaults' name. */
export function ruleProfileTitle(p: RuleProfile): string {
  if (p === NATIONAL_PROFILE_V1) return `${p.name}（全国通用默认规则，工委尚未下发规则配置）`;
  return `${p.name} · 第${p.version}版（${chineseDate(p.effectiveFrom)}起施行）`;
}
