import { describe, expect, it } from 'vitest';
import { yearView } from '../../../shared/rules/committee/monitoring';
import { YEAR_VIEW_HEADERS, yearViewRows } from './yearViewSheet';

const assessment = (unitId: string, quarter: string, total: number) => ({ id: `${unitId}-${quarter}`, unitId, rev: '0', deleted: false, quarter, scores: {}, total });

describe('yearViewRows', () => {
  it('lists units by rank with each quarter, the sum and average, "—" where nothing was published, and says which quarters count', () => {
    const view = yearView(
      [assessment('a', '2026-Q1', 90), assessment('a', '2026-Q2', 80), assessment('b', '2026-Q1', 95), assessment('b', '2026-Q2', 91)] as never,
      2026,
      [
        { unitId: 'a', name: '市财政局' },
        { unitId: 'b', name: '市审计局' },
        { unitId: 'c', name: '市统计局' },
      ],
    );
    const rows = yearViewRows(view);
    expect(rows[0]).toEqual([1, '市审计局', 95, 91, '—', '—', 186, 93, expect.stringContaining('按已发布的 2 个季度计算')]);
    expect(rows[1]).toEqual([2, '市财政局', 90, 80, '—', '—', 170, 85, expect.any(String)]);
    expect(rows[2]!.slice(0, 8)).toEqual(['—', '市统计局', '—', '—', '—', '—', '—', '—']);
    expect(rows.at(-1)![0]).toBe('说明：2026年第3季度、第4季度尚未发布，年度参考分按已发布的 2 个季度计算。年度参考分为已发布季度总分的平均分，按平均分排名；未发布的季度不计入。');
    expect(rows[0]).toHaveLength(YEAR_VIEW_HEADERS.length);
  });
});
