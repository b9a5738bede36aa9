import { describe, expect, it } from 'vitest';
import { NATIONAL_PROFILE_V1, type RuleProfile } from '../../../shared/rules/profile';
import { ruleProfileSchema } from '../../../shared/model/profileSchema';
import { duesBracketsError, duesBracketsFromRows, duesBracketsText, duesRows, specialMonthlyError, fractionError, frequencyRows, requirementsWithCounts, indicatorsFromWeights, indicatorWeightRows, indicatorWeightsError, ruleProfileLines, ruleProfileTitle, scaleError, scalePercents, scoringFromScales } from './ruleProfileText';

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
      ['表决比例', '表决须有表决权的党员到会超过 1/2，决议须赞成超过应到会有表决权党员的 1/2，支委会须委员到会超过 1/2，选举须到会超过应到会的 4/5'],
      [
        '党费标准',
        '在职党员月工资收入3000元以下（含）按 0.5%，3000元以上至5000元（含）按 1%，5000元以上至10000元（含）按 1.5%，10000元以上按 2%；离退休党员月收入5000元以下（含）按 0.5%，5000元以上按 1%；学生、下岗失业、享受最低生活保障的党员每月 0.20元；补交党费最多补 6 个月',
      ],
      ['红黄牌', '黄牌逾期未整改升为红牌；12 个月内第 2 张黄牌升为红牌'],
      ['季度考核指标', '组织生活完成率 25 分、党员参会率 15 分、按期换届 15 分、教育培训覆盖率 15 分、专职党务干部配备 10 分、整改推进 10 分、数据报送及时性 10 分（合计 100 分）'],
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

describe('the indicator weights in the editor', () => {
  it('lists the profile’s indicators first, then the committee’s three at 0 (日常指导评价 too: the 联系组’s visits now hold it)', () => {
    const rows = indicatorWeightRows(NATIONAL_PROFILE_V1);
    expect(rows.map((r) => [r.id, r.weight])).toEqual([
      ['meetingCompleteness', 25],
      ['attendance', 15],
      ['terms', 15],
      ['trainingCoverage', 15],
      ['cadreRatio', 10],
      ['rectification', 10],
      ['bundleTimeliness', 10],
      ['supervision', 0],
      ['guidance', 0],
      ['review', 0],
    ]);
    expect(rows.find((r) => r.id === 'review')).toMatchObject({ name: '述职评议', hint: '按上一年度述职评议等次计分' });
    expect(rows.find((r) => r.id === 'guidance')).toMatchObject({ name: '日常指导评价', hint: expect.stringContaining('日常指导评价（0–100 分）的平均分') });
    // a profile that counts 日常指导评价 keeps it, with its name
    const withGuidance = { ...NATIONAL_PROFILE_V1, assessment: { indicators: [{ id: 'guidance' as const, name: '日常指导', weight: 100 }] } };
    expect(indicatorWeightRows(withGuidance)[0]).toMatchObject({ id: 'guidance', name: '日常指导', weight: 100, hint: expect.stringContaining('无数据') });
    expect(indicatorWeightRows(withGuidance).filter((r) => r.id === 'guidance')).toHaveLength(1);
  });

  it('refuses weights that do not add up to 100, in Chinese, saying the sum and which way to go', () => {
    expect(indicatorWeightsError([25, 15, 15, 15, 10, 10, 10, 0, 0])).toBeNull();
    expect(indicatorWeightsError([25, 15, 15, 15, 10, 10, 10, 5, 5])).toBe('各项考核指标的权重之和必须为 100 分，现为 110 分，请调低部分指标的权重后再下发。');
    expect(indicatorWeightsError([25, 15, 15, 15, 10, 10, 0])).toBe('各项考核指标的权重之和必须为 100 分，现为 90 分，请调高部分指标的权重后再下发。');
    expect(indicatorWeightsError([0, 0])).toBe('至少要有一项考核指标的权重大于 0，请填写各项指标的权重。');
  });

  it('makes the profile’s indicators of the weights above 0, in order, and the result is a valid profile', () => {
    const rows = indicatorWeightRows(NATIONAL_PROFILE_V1);
    const indicators = indicatorsFromWeights(rows, [15, 15, 15, 15, 10, 10, 10, 5, 0, 5]);
    expect(indicators.map((i) => `${i.id}:${i.weight}`)).toEqual([
      'meetingCompleteness:15',
      'attendance:15',
      'terms:15',
      'trainingCoverage:15',
      'cadreRatio:10',
      'rectification:10',
      'bundleTimeliness:10',
      'supervision:5',
      'review:5',
    ]);
    expect(ruleProfileSchema.safeParse({ ...NATIONAL_PROFILE_V1, version: 2, assessment: { indicators } }).success).toBe(true);
    // an indicator set to 0 is left out
    expect(indicatorsFromWeights(rows, [35, 15, 15, 15, 10, 10, 0, 0, 0, 0]).map((i) => i.id)).not.toContain('bundleTimeliness');
  });
});

describe('the indicators’ scales in the editor', () => {
  const rows = indicatorWeightRows(NATIONAL_PROFILE_V1);
  const identity = rows.map(() => ({ full: 100, zero: 0 }));

  it('reads each scale in percent, rate × 100 where the profile sets none', () => {
    const scaled: RuleProfile = {
      ...NATIONAL_PROFILE_V1,
      assessment: { ...NATIONAL_PROFILE_V1.assessment, scoring: { scales: [{ id: 'attendance', fullAtBasisPoints: 9000, zeroAtBasisPoints: 5000 }], lateRecordPoints: 3, lateRecordMaxPoints: 9, trainingQuarterTargetsBasisPoints: [2500, 5000, 7500, 10000] } },
    };
    expect(scalePercents(scaled, rows).slice(0, 2)).toEqual([{ full: 100, zero: 0 }, { full: 90, zero: 50 }]);
    expect(new Map(ruleProfileLines(scaled)).get('计分标准')).toBe('党员参会率达到 90% 得满分、不高于 50% 得 0 分');
    expect(new Map(ruleProfileLines(NATIONAL_PROFILE_V1)).has('计分标准')).toBe(false);
  });

  it('writes only the scales that differ from rate × 100, keeping the other scoring parameters; none at all keeps none', () => {
    expect(scoringFromScales(NATIONAL_PROFILE_V1, rows, identity)).toBeUndefined();
    const edited = identity.map((s, i) => (rows[i]!.id === 'attendance' ? { full: 75, zero: 0 } : s));
    const scoring = scoringFromScales(NATIONAL_PROFILE_V1, rows, edited)!;
    expect(scoring.scales).toEqual([{ id: 'attendance', fullAtBasisPoints: 7500, zeroAtBasisPoints: 0 }]);
    expect(scoring.lateRecordPoints).toBe(2);
    const profile = { ...NATIONAL_PROFILE_V1, version: 2, assessment: { indicators: NATIONAL_PROFILE_V1.assessment.indicators, scoring } };
    expect(ruleProfileSchema.safeParse(profile).success).toBe(true);
  });

  it('refuses a zero line not below the full-marks line, in Chinese', () => {
    expect(scaleError('党员参会率', { full: 90, zero: 50 })).toBeNull();
    expect(scaleError('党员参会率', { full: 90, zero: 90 })).toBe('“党员参会率”的零分线（90%）必须低于满分线（90%），请调整。');
  });
});

describe('meeting frequencies and quorum in the editor', () => {
  it('lists every requirement counted per period (not 换届选举, held when due), in words', () => {
    const rows = frequencyRows(NATIONAL_PROFILE_V1);
    expect(rows.map((r) => r.label)).toContain('支委会（党支部，设支委会的）每月至少');
    expect(rows.find((r) => r.label.startsWith('党组会议'))).toMatchObject({ count: 2 });
    expect(rows.some((r) => r.label.startsWith('换届选举'))).toBe(false);
    // the profile's own, and 民主生活会 (a later kind's default the profile does not list)
    expect(rows).toHaveLength(NATIONAL_PROFILE_V1.meetings.requirements.filter((r) => r.period !== 'whenDue').length + 1);
    expect(rows.at(-1)).toMatchObject({ label: '民主生活会（党组(党委)）每年至少', count: 1 });
  });

  it('keeps 民主生活会 a default while unchanged, and makes it the profile’s own (no default date stored) when changed', () => {
    const rows = frequencyRows(NATIONAL_PROFILE_V1);
    const unchanged = requirementsWithCounts(NATIONAL_PROFILE_V1, rows.map((r) => r.count), '示范市机关党建规则');
    expect(unchanged).toEqual(NATIONAL_PROFILE_V1.meetings.requirements);
    const twice = requirementsWithCounts(NATIONAL_PROFILE_V1, rows.map((r) => (r.label.startsWith('民主生活会') ? 2 : r.count)), '示范市机关党建规则');
    const own = twice.find((r) => r.kind === 'democraticLifeMeeting')!;
    expect(own).toMatchObject({ count: 2, period: 'year', organisationKinds: ['leadingGroup'] });
    expect('countsFrom' in own).toBe(false);
    expect(ruleProfileSchema.safeParse({ ...NATIONAL_PROFILE_V1, version: 2, meetings: { ...NATIONAL_PROFILE_V1.meetings, requirements: twice } }).success).toBe(true);
  });

  it('writes a changed count with its 依据 saying so; unchanged requirements stay as they were; the profile is valid', () => {
    const rows = frequencyRows(NATIONAL_PROFILE_V1);
    const counts = rows.map((r) => (r.label.startsWith('支部党员大会') ? 2 : r.count));
    const requirements = requirementsWithCounts(NATIONAL_PROFILE_V1, counts, '示范市机关党建规则');
    const general = requirements.find((r) => r.kind === 'branchGeneralMeeting')!;
    const original = NATIONAL_PROFILE_V1.meetings.requirements.find((r) => r.kind === 'branchGeneralMeeting')!;
    expect(general.count).toBe(2);
    expect(general.basis).toBe(`示范市机关党建规则（每季度至少2次；原依据：${original.basis}）`);
    expect(requirements.filter((r) => r.kind !== 'branchGeneralMeeting')).toEqual(NATIONAL_PROFILE_V1.meetings.requirements.filter((r) => r.kind !== 'branchGeneralMeeting'));
    expect(ruleProfileSchema.safeParse({ ...NATIONAL_PROFILE_V1, version: 2, meetings: { ...NATIONAL_PROFILE_V1.meetings, requirements } }).success).toBe(true);
  });

  it('refuses a share that is not n/d with 0 < n ≤ d, in Chinese', () => {
    expect(fractionError('选举', { numerator: 2, denominator: 3 })).toBeNull();
    expect(fractionError('选举', { numerator: 5, denominator: 4 })).toBe('选举的分子（5）不能大于分母（4），请调整。');
    expect(fractionError('选举', { numerator: null, denominator: 4 })).toBe('请按“分子/分母”填写选举，均为正整数。');
  });
});

describe('the dues brackets in the editor (党费标准)', () => {
  const national = NATIONAL_PROFILE_V1.dues;

  it('reads the profile’s brackets as rows in 元 and %, and writes them back unchanged', () => {
    expect(duesRows(national.retired)).toEqual([
      { upTo: 5000, rate: 0.5 },
      { upTo: null, rate: 1 },
    ]);
    expect(duesBracketsFromRows(duesRows(national.inService))).toEqual(national.inService);
  });

  it('writes the edited brackets: 元 to 分, % to basis points, the last without an upper bound; the profile is valid', () => {
    const rows = [
      { upTo: 3500.5, rate: 0.5 },
      { upTo: 8000, rate: 1.25 },
      { upTo: 12000, rate: 2 }, // the last row's bound is ignored: it has none
    ];
    const inService = duesBracketsFromRows(rows);
    expect(inService).toEqual([
      { upToFen: 350050, rateBasisPoints: 50 },
      { upToFen: 800000, rateBasisPoints: 125 },
      { upToFen: null, rateBasisPoints: 200 },
    ]);
    expect(ruleProfileSchema.safeParse({ ...NATIONAL_PROFILE_V1, version: 2, dues: { ...national, inService } }).success).toBe(true);
    expect(duesBracketsText(inService)).toBe('3500.50元以下（含）按 0.5%，3500.50元以上至8000元（含）按 1.25%，8000元以上按 2%');
    expect(duesBracketsText([{ upToFen: null, rateBasisPoints: 100 }])).toBe('不论收入多少按 1%');
  });

  it('refuses, in Chinese and naming the bracket, what the profile would refuse', () => {
    expect(duesBracketsError('在职党员', duesRows(national.inService))).toBeNull();
    expect(duesBracketsError('在职党员', [])).toBe('在职党员的党费档次至少要有一档，请添加。');
    expect(duesBracketsError('在职党员', [{ upTo: null, rate: 1 }])).toBeNull();
    // not ascending
    expect(duesBracketsError('在职党员', [{ upTo: 5000, rate: 0.5 }, { upTo: 3000, rate: 1 }, { upTo: null, rate: 2 }])).toBe(
      '在职党员第2档的月收入上限（3000元）须高于第1档的上限（5000元）：各档按月收入从低到高排列、首尾相接，请调整。',
    );
    expect(duesBracketsError('离退休党员', [{ upTo: 5000, rate: 0.5 }, { upTo: 5000, rate: 1 }, { upTo: null, rate: 2 }])).toContain('离退休党员第2档的月收入上限（5000元）须高于第1档');
    // a missing bound (only the last has none), a bound of 0 or below the 分
    expect(duesBracketsError('在职党员', [{ upTo: null, rate: 0.5 }, { upTo: null, rate: 1 }])).toBe('在职党员第1档的月收入上限未填写；只有最后一档不设上限，请填写。');
    expect(duesBracketsError('在职党员', [{ upTo: 0, rate: 0.5 }, { upTo: null, rate: 1 }])).toBe('在职党员第1档的月收入上限应为大于 0 的金额（精确到分），请调整。');
    expect(duesBracketsError('在职党员', [{ upTo: 3000.005, rate: 0.5 }, { upTo: null, rate: 1 }])).toContain('精确到分');
    // rates: missing, out of 0–100, more than two decimals
    expect(duesBracketsError('在职党员', [{ upTo: 3000, rate: null }, { upTo: null, rate: 1 }])).toBe('在职党员第1档的缴纳比例未填写，请填写 0%—100% 之间的比例。');
    expect(duesBracketsError('在职党员', [{ upTo: 3000, rate: 0.5 }, { upTo: null, rate: 101 }])).toBe('在职党员第2档的缴纳比例应在 0%—100% 之间，最多两位小数，请调整。');
    expect(duesBracketsError('在职党员', [{ upTo: 3000, rate: -1 }, { upTo: null, rate: 1 }])).toContain('第1档的缴纳比例应在 0%—100% 之间');
    expect(duesBracketsError('在职党员', [{ upTo: 3000, rate: 0.125 }, { upTo: null, rate: 1 }])).toContain('最多两位小数');
  });

  it('checks the fixed monthly amount: not negative, to the 分', () => {
    expect(specialMonthlyError(0.2)).toBeNull();
    expect(specialMonthlyError(0)).toBeNull();
    expect(specialMonthlyError(null)).toBe('请填写学生、下岗失业、享受最低生活保障党员每月缴纳的党费金额。');
    expect(specialMonthlyError(-0.1)).toBe('每月固定党费应为不小于 0 的金额（精确到分），请调整。');
    expect(specialMonthlyError(0.205)).toContain('精确到分');
  });
});
