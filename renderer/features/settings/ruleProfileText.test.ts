import { describe, expect, it } from 'vitest';
import { NATIONAL_PROFILE_V1, type RuleProfile } from '../../../shared/rules/profile';
import { ruleProfileLines, ruleProfileTitle } from './ruleProfileText';

const issued: RuleProfile = {
  ...NATIONAL_PROFILE_V1,
  version: 2,
  effectiveFrom: '2026-12-01',
  name: '示范市机关党建规则',
  terms: { ...NATIONAL_PROFILE_V1.terms, reminderMonths: 4, secondReminderMonths: 2, maxExtensionMonths: 6 },
  cadreRatio: { minBasisPoints: 150, maxBasisPoints: 250 },
  training: { ...NATIONAL_PROFILE_V1.training, coverageTargetBasisPoints: 9550, newHeadWithinMonths: 6 },
  meetings: { ...NATIONAL_PROFILE_V1.meetings, recordWithinDays: 10 },
  selfWithdrawal: { months: 6 },
  cards: { escalateOverdueYellow: false, repeatYellowCount: 3, repeatWithinMonths: 6 },
};

describe('ruleProfileTitle', () => {
  it('says the national defaults are in force until the committee issues a profile', () => {
    expect(ruleProfileTitle(NATIONAL_PROFILE_V1)).toBe('全国默认规则（全国通用默认规则，工委尚未下发规则配置）');
  });

  it('names an issued profile with its version and the day it takes effect', () => {
    expect(ruleProfileTitle(issued)).toBe('示范市机关党建规则 · 第2版（2026年12月1日起施行）');
    // a copy of the national defaults is an issued profile, not the built-in one
    expect(ruleProfileTitle({ ...NATIONAL_PROFILE_V1 })).toBe('全国默认规则 · 第1版（2019年1月1日起施行）');
  });
});

describe('ruleProfileLines', () => {
  it('states the national thresholds in words, in the card’s order', () => {
    expect(ruleProfileLines(NATIONAL_PROFILE_V1)).toEqual([
      ['换届提醒', '任期届满前 6 个月黄色预警，前 3 个月再次提醒；经批准延期最长 12 个月'],
      ['专职党务干部配备', '占机关工作人员总数的 1%—2%'],
      ['教育培训', '年度覆盖率目标 100%；新任书记 12 个月内须参加任职培训'],
      ['组织生活', '会议结束 7 天后录入的记为“补录”；连续 6 个月未参加组织生活的党员列入提醒'],
      ['红黄牌', '黄牌逾期未整改升为红牌；12 个月内第 2 张黄牌升为红牌'],
    ]);
  });

  it('follows the committee’s own values: basis points as percentages, no escalation clause when it is off', () => {
    const lines = new Map(ruleProfileLines(issued));
    expect(lines.get('换届提醒')).toBe('任期届满前 4 个月黄色预警，前 2 个月再次提醒；经批准延期最长 6 个月');
    expect(lines.get('专职党务干部配备')).toBe('占机关工作人员总数的 1.5%—2.5%');
    expect(lines.get('教育培训')).toBe('年度覆盖率目标 95.5%；新任书记 6 个月内须参加任职培训');
    expect(lines.get('组织生活')).toContain('会议结束 10 天后录入的记为“补录”');
    expect(lines.get('红黄牌')).toBe('6 个月内第 3 张黄牌升为红牌');
  });
});
