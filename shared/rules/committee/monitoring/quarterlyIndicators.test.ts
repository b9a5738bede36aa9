/**
 * Every indicator of the hand-made unit (testing/handUnit.ts, worked out there by hand) and its
 * edges: founded and dissolved mid-quarter, deleted records, a late record, a unit without
 * organisations, a running and a future quarter, the profile's scales, the committee's own inputs.
 */
import { describe, expect, it } from 'vitest';
import { NATIONAL_PROFILE_V1 as P, ruleProfileSchema, type AssessmentIndicatorId, type RuleProfile } from '../../profile';
import { quarterlyIndicators, type QuarterlyIndicatorsInput } from './quarterlyIndicators';
import { HAND_BUNDLES, HAND_REGISTER, handUnit, meeting, Q3, TODAY } from './testing/handUnit';
import type { IndicatorResult } from './types';

const INPUT: QuarterlyIndicatorsInput = { unitId: 'ua', quarter: Q3, today: TODAY, records: handUnit(), register: HAND_REGISTER, bundles: HAND_BUNDLES };

function byId(input: QuarterlyIndicatorsInput, profile: RuleProfile = P): Record<AssessmentIndicatorId, IndicatorResult> {
  return Object.fromEntries(quarterlyIndicators(input, profile).indicators.map((i) => [i.id, i])) as Record<AssessmentIndicatorId, IndicatorResult>;
}

/** Σ lost points in cents (exact: the parts are rounded by largest remainder). */
const lostCents = (i: IndicatorResult): number => Math.round(i.lost.reduce((s, l) => s + l.points, 0) * 100);
const cents = (n: number): number => Math.round(n * 100);
const refIds = (i: IndicatorResult): string[] => i.lost.flatMap((l) => l.refs.map((r) => r.id));

describe('quarterlyIndicators on the hand-made unit, 2026 Q3', () => {
  const r = byId(INPUT);

  it('scores every indicator of the profile, in its order, as worked out by hand', () => {
    expect(quarterlyIndicators(INPUT, P).indicators.map((i) => [i.id, i.score])).toEqual([
      ['meetingCompleteness', 81.33],
      ['attendance', 75],
      ['terms', 66.67],
      ['trainingCoverage', 44.44],
      ['cadreRatio', 50],
      ['rectification', 66.67],
      ['bundleTimeliness', 61.96],
    ]);
    expect(quarterlyIndicators(INPUT, P).judgedOn).toBe('2026-09-30');
  });

  it('组织生活完成率: pro rata for the branch founded and the one dissolved mid-quarter; the owed periods are the lost points', () => {
    const c = r.meetingCompleteness;
    expect(c.rate).toBeCloseTo(10 / 12, 10);
    expect(c.summary).toBe('2026年第3季度应召开 12 次，按要求召开 10 次，完成率 83.33%；补录会议 1 次');
    // b1's 党课 (the deleted lecture does not count) and b3's July 主题党日; nothing of b2 before September
    expect(c.lost.map((l) => l.refs.map((x) => x.id))).toEqual([['b1'], ['b3'], ['b4-lect']]);
    expect(c.lost[0]!.reason).toContain('第一党支部：2026年第3季度应召开党课 1 次，已召开 0 次，未完成');
    expect(c.lost[1]!.reason).toContain('第三党支部：2026年7月应召开主题党日 1 次，已召开 0 次');
    // 100 − 83.33 = 16.67 shared by the two owed periods to the cent; the late record 2 more
    expect(c.lost.map((l) => l.points)).toEqual([8.34, 8.33, 2]);
    expect(c.lost[2]).toMatchObject({ points: 2, weightedPoints: 0.5 });
    expect(c.lost[2]!.reason).toBe('补录会议 1 次（会后超过 7 天录入），每次扣 2 分，最多扣 10 分');
    expect(c.lost[2]!.refs[0]!.label).toContain('2026年10月5日录入');
    expect(lostCents(c)).toBe(cents(100 - c.score!));
  });

  it('党员参会率: excluded members are not due, deleted meetings are ignored, the meeting with an absentee is named', () => {
    expect(r.attendance.summary).toBe('2026年第3季度应出席 4 人次，出席 3 人次，参会率 75%');
    expect(r.attendance.lost).toEqual([{ indicatorId: 'attendance', points: 25, weightedPoints: 3.75, reason: '第一党支部主题党日（2026年7月10日）缺席 1 人次', refs: [{ table: 'meeting', id: 'b1-tpd7', label: '第一党支部主题党日（2026年7月10日）' }] }]);
  });

  it('按期换届: only the red term loses; the dissolved branch and the deleted one are not judged; yellow keeps its points', () => {
    expect(r.terms.summary).toBe('2026年9月30日实行任期制的党组织 3 个，按期 2 个，超期或未录入任期 1 个');
    expect(refIds(r.terms)).toEqual(['b4']);
    expect(r.terms.lost[0]!.reason).toMatch(/^第四党支部（党支部）：任期已于2025年1月1日届满/);
  });

  it('教育培训覆盖率: measured against the progress due by the end of Q3; the untrained members are the records', () => {
    expect(r.trainingCoverage.rate).toBeCloseTo(1 / 3 / 0.75, 10);
    expect(r.trainingCoverage.formula).toContain('全年目标 100% 的 75%');
    expect(r.trainingCoverage.summary).toBe('截至2026年9月30日本年度党员应参训 3 人，已参训 1 人，覆盖率 33.33%；本季度末应达到 75%');
    expect(refIds(r.trainingCoverage)).toEqual(['m2', 'm3']);
  });

  it('专职党务干部配备: a cadre retired before the quarter end does not count', () => {
    expect(r.cadreRatio.summary).toContain('专职党务干部 1 人，机关工作人员 200 人');
    expect(r.cadreRatio.lost[0]!.refs).toEqual([{ table: 'unit', id: 'ua', label: '单位甲' }]);
  });

  it('整改推进: an item entered after the quarter and a deleted one are not counted', () => {
    expect(r.rectification.summary).toBe('2026年整改事项 3 项，已销号 1 项，逾期未销号 1 项');
    expect(refIds(r.rectification)).toEqual(['r1']);
  });

  it('数据报送及时性: the late runs between bundles, each pointing to the last bundle received', () => {
    const t = r.bundleTimeliness;
    expect(t.summary).toBe('2026年7月1日至2026年9月30日共 92 天，逾期未报送 35 天，及时率 61.96%');
    expect(t.lost.map((l) => [l.reason.slice(0, l.reason.indexOf('（')), l.refs[0]!.id])).toEqual([
      ['2026年7月21日至2026年8月4日共 15 天逾期未报送', 'bd-1'],
      ['2026年9月5日至2026年9月24日共 20 天逾期未报送', 'bd-2'],
    ]);
    expect(lostCents(t)).toBe(cents(100 - 61.96));
  });

  it('every indicator says its formula in words, and its lost points add up to what it lost', () => {
    for (const i of Object.values(r)) {
      expect(i.formula.length, i.id).toBeGreaterThan(10);
      expect(lostCents(i), i.id).toBe(cents(100 - i.score!));
    }
  });
});

describe('edges', () => {
  it('a unit without organisations has no data (not 100) for the record-based indicators, and says so', () => {
    const records = { unit: handUnit().unit };
    const r = byId({ ...INPUT, records });
    for (const id of ['meetingCompleteness', 'attendance', 'terms', 'trainingCoverage', 'rectification'] as const) {
      expect(r[id].score, id).toBeNull();
      expect(r[id].summary, id).toBe('无数据：该单位本季度没有已录入的党组织（尚未报送党组织信息），不能计分');
    }
    expect(r.cadreRatio.score).toBe(0); // its unit record says 200 staff and no full-time cadre
    expect(r.bundleTimeliness.score).toBe(61.96);
  });

  it('a unit whose records never arrived and that is not in the register has no data at all', () => {
    const r = byId({ unitId: 'uz', quarter: Q3, today: TODAY, records: handUnit() });
    expect(Object.values(r).every((i) => i.score === null)).toBe(true);
    expect(r.cadreRatio.summary).toBe('无数据：尚未收到该单位的单位信息（机关工作人员总数）');
    expect(r.bundleTimeliness.summary).toBe('无数据：该单位不在纳管单位名单中');
  });

  it('a running quarter counts only the periods that have ended; a quarter not begun has no data', () => {
    const running = byId({ ...INPUT, today: '2026-08-15' });
    // July: b1 and b4 held, b3 owed; August still running, its 主题党日 already held by b1 and b4 count (held wins)
    expect(running.meetingCompleteness).toMatchObject({ score: 80, summary: '2026年第3季度应召开 5 次，按要求召开 4 次，完成率 80%' });
    expect(running.bundleTimeliness.summary).toContain('2026年7月1日至2026年8月15日共 46 天，逾期未报送 15 天');
    const future = quarterlyIndicators({ ...INPUT, today: '2026-06-30' }, P);
    expect(future.judgedOn).toBeNull();
    expect(future.indicators.every((i) => i.score === null && i.summary === '无数据：2026年第3季度尚未开始')).toBe(true);
  });

  it('the fourth quarter also owes the year’s 组织生活会 and 民主评议, a branch founded during the year included', () => {
    const q4 = byId({ ...INPUT, quarter: '2026-Q4', today: '2027-01-10' });
    const yearly = q4.meetingCompleteness.lost.filter((l) => l.reason.includes('2026年应召开'));
    expect(yearly.map((l) => l.refs[0]!.id).sort()).toEqual(['b1', 'b1', 'b2', 'b2', 'b4', 'b4']);
    expect(yearly.some((l) => l.reason.includes('组织生活会')) && yearly.some((l) => l.reason.includes('民主评议党员'))).toBe(true);
  });

  it('a branch dissolved during the quarter owes nothing after it; dissolving all but one leaves that one', () => {
    const base = handUnit();
    const onlyB1 = { ...base, organisation: base.organisation!.map((o) => (o.id === 'b1' ? o : { ...o, dissolvedOn: '2026-07-01' })) };
    const r = byId({ ...INPUT, records: onlyB1 });
    expect(r.meetingCompleteness.summary).toMatch(/^2026年第3季度应召开 5 次，按要求召开 4 次/);
    expect(r.terms.summary).toContain('实行任期制的党组织 1 个，按期 1 个');
  });

  it('a late record costs points per meeting, capped by the profile', () => {
    const base = handUnit();
    const late = (id: string, date: string) => meeting('ua', id, 'b4', 'themedPartyDay', date, { createdAt: '2026-10-12T02:00:00.000Z' });
    const records = { ...base, meeting: [...base.meeting!, ...['07-11', '07-12', '07-13', '07-14', '07-15', '07-16'].map((d, i) => late(`x${i}`, `2026-${d}`))] };
    const r = byId({ ...INPUT, records });
    expect(r.meetingCompleteness.score).toBe(83.33 - 10);
    expect(r.meetingCompleteness.lost.at(-1)!.refs).toHaveLength(7);
    // a meeting recorded on day 7 is on time (the profile's recordWithinDays)
    const onTime = { ...base, meeting: base.meeting!.map((m) => (m.id === 'b4-lect' ? { ...m, createdAt: '2026-09-27T02:00:00.000Z' } : m)) };
    expect(byId({ ...INPUT, records: onTime }).meetingCompleteness.score).toBe(83.33);
  });

  it('the profile’s scale turns a rate into a score; reaching full marks loses nothing', () => {
    const scaled: RuleProfile = {
      ...P,
      version: 2,
      assessment: { ...P.assessment, scoring: { scales: [{ id: 'attendance', fullAtBasisPoints: 7500, zeroAtBasisPoints: 0 }, { id: 'terms', fullAtBasisPoints: 10000, zeroAtBasisPoints: 5000 }], lateRecordPoints: 0, lateRecordMaxPoints: 0, trainingQuarterTargetsBasisPoints: [2500, 3000, 4000, 10000] } },
    };
    expect(ruleProfileSchema.safeParse(scaled).success).toBe(true);
    const r = byId(INPUT, scaled);
    expect(r.attendance).toMatchObject({ score: 100, lost: [] });
    expect(r.terms.score).toBe(33.33); // 2/3 on a 50 %–100 % scale
    expect(r.terms.formula).toContain('比率达到 100% 得满分，不高于 50% 得 0 分');
    expect(r.meetingCompleteness).toMatchObject({ score: 83.33 }); // no late-record deduction
    expect(r.trainingCoverage.score).toBeCloseTo(83.33, 2); // 33.33 % of an expected 40 %
  });

  it('the committee’s inputs count only where the profile has their indicator; 日常指导评价 without a scored visit is 无数据', () => {
    const withReview: RuleProfile = {
      ...P,
      version: 2,
      assessment: { indicators: [...P.assessment.indicators.map((i) => (i.id === 'meetingCompleteness' ? { ...i, weight: 15 } : i)), { id: 'review', name: '述职评议', weight: 10 }] },
    };
    expect(ruleProfileSchema.safeParse(withReview).success).toBe(true);
    const withGuidance: RuleProfile = { ...withReview, assessment: { indicators: withReview.assessment.indicators.map((i) => (i.id === 'review' ? { id: 'guidance', name: '日常指导评价', weight: 10 } : i)) } };
    const scoredVisit = { id: 'gv', unitId: 'ua', deleted: false, kind: 'forum' as const, date: '2026-08-03', findings: '', guidanceScore: 90 };
    expect(byId({ ...INPUT, committeeRecords: { visits: [scoredVisit] } }, withGuidance).guidance).toMatchObject({ score: 90, summary: '本季度日常指导评价 1 次，90 分', lost: [{ points: 10, weightedPoints: 1 }] });
    expect(byId(INPUT, withGuidance).guidance).toMatchObject({ score: null, summary: '无数据：2026年第3季度截至2026年9月30日联系组尚未对该单位作出日常指导评价' });
    // 述职评议 is read from the committee's records, not given by hand (committeeIndicators.test.ts)
    const review = { id: 'rv', unitId: 'ua', deleted: false, createdAt: '2026-01-20T02:00:00.000Z', year: 2025, rating: 'fairlyGood' as const, reportedOn: '2026-01-15' };
    expect(byId({ ...INPUT, committeeRecords: { reviews: [review] } }, withReview).review).toMatchObject({ score: 80, lost: [{ points: 20, weightedPoints: 2 }] });
    const national = quarterlyIndicators({ ...INPUT, committeeRecords: { reviews: [review] } }, P).indicators.map((i) => i.id);
    expect(national).not.toContain('review');
  });
});
