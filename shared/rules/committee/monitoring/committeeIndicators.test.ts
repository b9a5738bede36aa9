/**
 * The 工委's own inputs on hand-made edges (the hand-made unit `ua`, 2026 Q3 judged on 09-30):
 * 下沉督导调研 — no visit, a visit outside the quarter, another unit's, a deleted one, visits with and
 * without 整改要求, the profile's scale; 述职评议 — none, a review of another year, one entered after
 * the day judged, each 等次; 日常指导评价 — no visit, a visit without a score, the mean of several, a
 * visit outside the quarter, another unit's, a deleted one, a profile that does not count it; a
 * profile change taking effect from its date only; and the total.
 */
import { describe, expect, it } from 'vitest';
import { NATIONAL_PROFILE_V1 as P, ruleProfileSchema, type AssessmentIndicatorId, type RuleProfile } from '../../profile';
import { composeFindings } from '../supervisionVisits';
import type { ReviewRecord, VisitRecord } from './committeeIndicators';
import { quarterlyIndicators, type QuarterlyIndicatorsInput } from './quarterlyIndicators';
import { scoreQuarter } from './quarterScores';
import { HAND_BUNDLES, HAND_REGISTER, handUnit, Q3, TODAY } from './testing/handUnit';
import type { IndicatorResult } from './types';

/** The national indicators with 组织生活 down to 15 and 下沉督导调研 and 述职评议 at 5 each. */
const WITH_COMMITTEE: RuleProfile = {
  ...P,
  version: 2,
  name: '某市规则',
  effectiveFrom: '2026-07-01',
  assessment: {
    indicators: [
      ...P.assessment.indicators.map((i) => (i.id === 'meetingCompleteness' ? { ...i, weight: 15 } : i)),
      { id: 'supervision', name: '下沉督导调研发现问题情况', weight: 5 },
      { id: 'review', name: '述职评议', weight: 5 },
    ],
  },
};

const INPUT: QuarterlyIndicatorsInput = { unitId: 'ua', quarter: Q3, today: TODAY, records: handUnit(), register: HAND_REGISTER, bundles: HAND_BUNDLES };

const visit = (id: string, date: string, followUps: readonly string[], extra: Partial<VisitRecord> = {}): VisitRecord => ({
  id,
  unitId: 'ua',
  deleted: false,
  kind: 'spotCheck',
  date,
  findings: composeFindings('现场查看了支部台账', followUps),
  ...extra,
});
const review = (id: string, year: number, rating: ReviewRecord['rating'], createdAt = '2026-01-20T02:00:00.000Z', extra: Partial<ReviewRecord> = {}): ReviewRecord => ({
  id,
  unitId: 'ua',
  deleted: false,
  createdAt,
  year,
  rating,
  reportedOn: null,
  ...extra,
});

function byId(input: QuarterlyIndicatorsInput, profile: RuleProfile = WITH_COMMITTEE): Record<AssessmentIndicatorId, IndicatorResult> {
  return Object.fromEntries(quarterlyIndicators(input, profile).indicators.map((i) => [i.id, i])) as Record<AssessmentIndicatorId, IndicatorResult>;
}

describe('下沉督导调研发现问题情况', () => {
  it('is a valid profile to issue', () => {
    expect(ruleProfileSchema.safeParse(WITH_COMMITTEE).success).toBe(true);
  });

  it('no visit in the quarter: nothing found, nothing lost, said in words', () => {
    const s = byId(INPUT).supervision;
    expect(s).toMatchObject({ score: 100, rate: null, lost: [] });
    expect(s.summary).toBe('2026年第3季度截至2026年9月30日工委未到该单位督导调研，不扣分');
  });

  it('visits outside the quarter, after the day judged, of another unit or deleted do not count', () => {
    const visits = [
      visit('june', '2026-06-30', ['补齐会议记录']),
      visit('october', '2026-10-01', ['补齐会议记录']),
      visit('other', '2026-08-01', ['补齐会议记录'], { unitId: 'ub' }),
      visit('deleted', '2026-08-02', ['补齐会议记录'], { deleted: true }),
    ];
    expect(byId({ ...INPUT, committeeRecords: { visits } }).supervision).toMatchObject({ score: 100, rate: null, lost: [] });
  });

  it('the share of the quarter’s visits that asked for no rectification; each that did costs its part, with the visit', () => {
    const visits = [
      visit('v1', '2026-07-01', []), // the quarter's first day
      visit('v2', '2026-08-12', ['补齐第一党支部会议记录', '建立支部工作月报制度']),
      visit('v3', '2026-09-30', ['规范党费收缴台账'], { kind: 'survey' }), // the day judged
    ];
    const s = byId({ ...INPUT, committeeRecords: { visits } }).supervision;
    // 1 of 3 visits asked for nothing → 33.33; 66.67 lost, shared by the two visits
    expect(s.score).toBe(33.33);
    expect(s.summary).toBe('本季度督导调研 3 次，其中 2 次提出整改要求（共 3 项）');
    expect(s.lost.map((l) => [l.points, l.weightedPoints, l.refs.map((r) => [r.table, r.id])])).toEqual([
      [33.34, 1.67, [['supervisionVisit', 'v2']]],
      [33.33, 1.67, [['supervisionVisit', 'v3']]],
    ]);
    expect(s.lost[0]!.reason).toBe('2026年8月12日抽查提出整改要求 2 项（补齐第一党支部会议记录等）');
    expect(s.lost[1]!.refs[0]!.label).toBe('2026年9月30日调研');
  });

  it('the profile’s scale applies: full marks at 50 % of visits without 整改要求', () => {
    const scaled: RuleProfile = {
      ...WITH_COMMITTEE,
      assessment: { ...WITH_COMMITTEE.assessment, scoring: { scales: [{ id: 'supervision', fullAtBasisPoints: 5000, zeroAtBasisPoints: 0 }], lateRecordPoints: 2, lateRecordMaxPoints: 10, trainingQuarterTargetsBasisPoints: [2500, 5000, 7500, 10000] } },
    };
    expect(ruleProfileSchema.safeParse(scaled).success).toBe(true);
    const visits = [visit('v1', '2026-07-10', []), visit('v2', '2026-08-10', ['补齐会议记录'])];
    expect(byId({ ...INPUT, committeeRecords: { visits } }, scaled).supervision).toMatchObject({ score: 100, lost: [] });
    expect(byId({ ...INPUT, committeeRecords: { visits } }).supervision.score).toBe(50);
  });
});

describe('述职评议', () => {
  it('no review of the previous year: nothing lost, said in words', () => {
    const r = byId(INPUT).review;
    expect(r).toMatchObject({ score: 100, rate: null, lost: [] });
    expect(r.summary).toBe('截至2026年9月30日尚无该单位2025年度述职评议结果，不扣分');
  });

  it('a review of another year, of another unit, deleted, or entered after the day judged does not count', () => {
    const reviews = [
      review('this-year', 2026, 'poor'),
      review('older', 2024, 'poor'),
      review('other', 2025, 'poor', undefined, { unitId: 'ub' }),
      review('deleted', 2025, 'poor', undefined, { deleted: true }),
      review('late', 2025, 'poor', '2026-10-01T02:00:00.000Z'),
    ];
    expect(byId({ ...INPUT, committeeRecords: { reviews } }).review).toMatchObject({ score: 100, rate: null, lost: [] });
    // the late one counts in the next quarter
    expect(byId({ ...INPUT, quarter: '2026-Q4', today: '2027-01-10', committeeRecords: { reviews } }).review.score).toBe(0);
  });

  it('each 等次 as its rate; the review is the record behind the points lost', () => {
    const score = (rating: ReviewRecord['rating']) => byId({ ...INPUT, committeeRecords: { reviews: [review('rv', 2025, rating)] } }).review;
    expect([score('good').score, score('fairlyGood').score, score('average').score, score('poor').score]).toEqual([100, 80, 60, 0]);
    expect(score('good').lost).toEqual([]);
    expect(score('average')).toMatchObject({
      summary: '2025年度述职评议等次为“一般”',
      lost: [{ points: 40, weightedPoints: 2, refs: [{ table: 'dutyReview', id: 'rv', label: '2025年度述职评议（一般）' }] }],
    });
  });
});

describe('日常指导评价', () => {
  /** The national indicators with 组织生活 down to 15 and 日常指导评价 at 10. */
  const WITH_GUIDANCE: RuleProfile = {
    ...WITH_COMMITTEE,
    assessment: { indicators: [...P.assessment.indicators.map((i) => (i.id === 'meetingCompleteness' ? { ...i, weight: 15 } : i)), { id: 'guidance', name: '日常指导评价', weight: 10 }] },
  };
  const scored = (id: string, date: string, guidanceScore: number, extra: Partial<VisitRecord> = {}): VisitRecord => visit(id, date, [], { guidanceScore, ...extra });
  const guidance = (visits: readonly VisitRecord[], input: Partial<QuarterlyIndicatorsInput> = {}): IndicatorResult =>
    byId({ ...INPUT, ...input, committeeRecords: { visits } }, WITH_GUIDANCE).guidance;

  it('is a valid profile to issue', () => {
    expect(ruleProfileSchema.safeParse(WITH_GUIDANCE).success).toBe(true);
  });

  it('no visit, or visits without a score: 无数据, said in words, counted 0 in the total', () => {
    const none = guidance([]);
    expect(none).toMatchObject({ score: null, rate: null, lost: [] });
    expect(none.summary).toBe('无数据：2026年第3季度截至2026年9月30日联系组尚未对该单位作出日常指导评价');
    expect(guidance([visit('v1', '2026-08-12', ['补齐会议记录'])])).toMatchObject({ score: null, lost: [] });
  });

  it('visits outside the quarter, after the day judged, of another unit or deleted do not count', () => {
    const visits = [
      scored('june', '2026-06-30', 10),
      scored('october', '2026-10-01', 10),
      scored('other', '2026-08-01', 10, { unitId: 'ub' }),
      scored('deleted', '2026-08-02', 10, { deleted: true }),
    ];
    expect(guidance(visits)).toMatchObject({ score: null, lost: [] });
    // judged on 08-15 (a running quarter), the visit of 08-20 is not yet counted
    const running = guidance([scored('a', '2026-08-10', 90), scored('b', '2026-08-20', 50)], { today: '2026-08-15' });
    expect(running).toMatchObject({ score: 90, summary: '本季度日常指导评价 1 次，90 分' });
  });

  it('the mean of the scored visits; a visit without a score is not counted; each visit below 100 is behind its part of the points lost', () => {
    const visits = [scored('v1', '2026-07-01', 100), scored('v2', '2026-08-12', 80, { kind: 'forum' }), visit('v0', '2026-08-20', []), scored('v3', '2026-09-30', 75)];
    const g = guidance(visits);
    // (100 + 80 + 75) / 3 = 85 → 15 lost, shared 20 : 25 by v2 and v3
    expect(g.score).toBe(85);
    expect(g.summary).toBe('本季度日常指导评价 3 次（100、80、75 分），平均 85 分');
    expect(g.lost.map((l) => [l.points, l.weightedPoints, l.refs.map((r) => [r.table, r.id, r.label])])).toEqual([
      [6.67, 0.67, [['supervisionVisit', 'v2', '2026年8月12日座谈']]],
      [8.33, 0.83, [['supervisionVisit', 'v3', '2026年9月30日抽查']]],
    ]);
    expect(g.lost[0]!.reason).toBe('2026年8月12日座谈日常指导评价 80 分');
  });

  it('two visits averaged to two decimals, as every rate', () => {
    const g = guidance([scored('a', '2026-07-10', 90), scored('b', '2026-08-10', 85), scored('c', '2026-09-10', 86)]);
    expect(g.score).toBe(87); // 261 / 3
    expect(guidance([scored('a', '2026-07-10', 90), scored('b', '2026-08-10', 85), scored('c', '2026-09-10', 85)]).score).toBe(86.67);
  });

  it('counts in the total by its weight, and not at all under a profile that does not count it', () => {
    const visits = [scored('v2', '2026-08-12', 80)];
    const profiles = [{ profile: WITH_GUIDANCE }];
    const q3 = scoreQuarter([{ ...INPUT, name: '市审计局', committeeRecords: { visits } }], { quarter: Q3, today: TODAY, profiles }).units[0]!;
    expect(q3.scores).toMatchObject({ guidance: 80 });
    const national = quarterlyIndicators({ ...INPUT, committeeRecords: { visits } }, P).indicators.map((i) => i.id);
    expect(national).not.toContain('guidance');
    expect(quarterlyIndicators({ ...INPUT, committeeRecords: { visits } }, WITH_COMMITTEE).indicators.map((i) => i.id)).not.toContain('guidance');
  });
});

describe('a profile that adds the committee’s indicators', () => {
  const records = { visits: [visit('v2', '2026-08-12', ['补齐会议记录'])], reviews: [review('rv', 2025, 'average')] };
  const unit = { ...INPUT, name: '市审计局', committeeRecords: records };

  it('takes effect from its date only: a quarter before it scores with the old indicators and weights', () => {
    const profiles = [{ profile: WITH_COMMITTEE }];
    const q2 = scoreQuarter([unit], { quarter: '2026-Q2', today: TODAY, profiles }).units[0]!;
    expect(q2.indicators.map((i) => i.id)).not.toContain('supervision');
    expect(q2.indicators.find((i) => i.id === 'meetingCompleteness')!.weight).toBe(25);
    const q3 = scoreQuarter([unit], { quarter: Q3, today: TODAY, profiles }).units[0]!;
    expect(q3.indicators.find((i) => i.id === 'meetingCompleteness')!.weight).toBe(15);
    expect(q3.scores).toMatchObject({ supervision: 0, review: 60 });
  });

  it('counts in the total by its weight', () => {
    const q3 = scoreQuarter([unit], { quarter: Q3, today: TODAY, profiles: [{ profile: WITH_COMMITTEE }] }).units[0]!;
    const without = scoreQuarter([{ ...unit, committeeRecords: {} }], { quarter: Q3, today: TODAY, profiles: [{ profile: WITH_COMMITTEE }] }).units[0]!;
    // supervision 100 → 0 at weight 5, review 100 → 60 at weight 5: 5 + 2 = 7 points
    expect(Math.round((without.total - q3.total) * 100) / 100).toBe(7);
  });
});
