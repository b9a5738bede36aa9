import { describe, expect, it } from 'vitest';
import { accountabilityOfYear } from './unitAccountability';

const review = (over: Partial<{ year: number; rating: 'good' | 'fairlyGood' | 'average' | 'poor'; reportedOn: string | null; problems: string[]; rev: string; deleted: boolean }>) => ({
  year: 2026, rating: 'good' as const, reportedOn: '2027-01-12', problems: ['对下属支部督促检查不够'], rev: 'r1', deleted: false, ...over,
});
const score = (quarter: string, total: number, over: Partial<{ rev: string; deleted: boolean }> = {}) => ({ quarter, total, rev: 'r1', deleted: false, ...over });

describe('the 工委’s 述职评议 and published scores of a unit’s year', () => {
  it('takes the year’s live review (the latest revision), and the published quarters of that year in order', () => {
    const r = accountabilityOfYear(
      [review({ year: 2025, rating: 'poor' }), review({ rev: 'r2', rating: 'fairlyGood', problems: [] }), review({ rev: 'r3', deleted: true, rating: 'poor' })],
      [score('2026-Q3', 88.5), score('2026-Q1', 92), score('2025-Q4', 70), score('2026-Q2', 60, { deleted: true })],
      2026,
    );
    expect(r).toEqual({
      dutyReview: { rating: 'fairlyGood', reportedOn: '2027-01-12', problems: 0 },
      scores: [
        { quarter: '2026-Q1', label: '第1季度', total: 92 },
        { quarter: '2026-Q3', label: '第3季度', total: 88.5 },
      ],
    });
  });

  it('says nothing was decided when there are no records of the year', () => {
    expect(accountabilityOfYear([review({ year: 2025 })], [score('2025-Q4', 70)], 2026)).toEqual({ dutyReview: null, scores: [] });
  });
});
