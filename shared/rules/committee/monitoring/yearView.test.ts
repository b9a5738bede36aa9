/** 年度考核参考: the year's published quarters summed and averaged, the missing quarters named. */
import { describe, expect, it } from 'vitest';
import type { PublishedAssessment } from './publication';
import { yearView } from './yearView';

const pub = (unitId: string, q: number, total: number): PublishedAssessment => ({ unitId, quarter: `2026-Q${q}`, scores: {}, total });

describe('yearView', () => {
  const assessments = [
    ...[80, 90, 70].map((t, i) => pub('ua', i + 1, t)),
    pub('ub', 1, 85),
    pub('ub', 3, 65),
    ...[60, 100, 80].map((t, i) => pub('uc', i + 1, t)),
    { ...pub('ua', 4, 99), deleted: true }, // withdrawn: Q4 is not published
    { ...pub('ua', 1, 50), quarter: '2025-Q1' }, // another year
  ];
  const v = yearView(assessments, 2026, [
    { unitId: 'ua', name: '单位甲' },
    { unitId: 'ub', name: '单位乙' },
    { unitId: 'uc', name: '单位丙' },
    { unitId: 'ud', name: '单位丁' },
  ]);

  it('names the quarters not published yet (a deleted record is not published)', () => {
    expect(v.publishedQuarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(v.missingQuarters).toEqual(['2026-Q4']);
    expect(v.note).toBe('2026年第4季度尚未发布，年度参考分按已发布的 3 个季度计算');
  });

  it('sums and averages each unit’s published quarters, ranks by the average with ties, a unit without any last', () => {
    expect(v.units.map((u) => [u.name, u.quarters, u.sum, u.average, u.rank])).toEqual([
      ['单位丙', [60, 100, 80, null], 240, 80, 1], // equal averages by name (pinyin: bing before jia)
      ['单位甲', [80, 90, 70, null], 240, 80, 1],
      ['单位乙', [85, null, 65, null], 150, 75, 3],
      ['单位丁', [null, null, null, null], 0, null, null],
    ]);
    expect(v.units[2]!.note).toBe('按已发布的 2 个季度计算，合计 150 分，平均 75 分；第2季度、第4季度无已发布结果');
    expect(v.units[3]!.note).toBe('2026年尚无该单位已发布的季度考核结果');
  });

  it('a full year says so; a year with nothing published says so', () => {
    const full = yearView([1, 2, 3, 4].map((q) => pub('ua', q, 90 + q)), 2026, [{ unitId: 'ua', name: '单位甲' }]);
    expect(full.note).toBe('2026年四个季度均已发布');
    expect(full.units[0]).toMatchObject({ sum: 370, average: 92.5, rank: 1, note: '2026年四个季度均已发布，合计 370 分，平均 92.5 分' });
    expect(yearView([], 2027, [{ unitId: 'ua', name: '单位甲' }]).note).toBe('2027年尚无已发布的季度考核结果');
  });
});
