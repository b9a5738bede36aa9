/**
 * The 年度考核参考 as spreadsheet rows (the screen's table, and the .xlsx the 工委 files or
 * forwards): one row per unit in rank order, a quarter without a published result as "—", and the
 * note on which quarters the reference is built from as the last row.
 */
import type { YearView } from '../../../shared/rules/committee/monitoring';

export const YEAR_VIEW_HEADERS = ['名次', '单位', '第1季度', '第2季度', '第3季度', '第4季度', '合计', '平均分', '说明'] as const;

export function yearViewRows(view: YearView): (string | number)[][] {
  const rows: (string | number)[][] = view.units.map((u) => [u.rank ?? '—', u.name, ...u.quarters.map((q) => q ?? '—'), u.average === null ? '—' : u.sum, u.average ?? '—', u.note]);
  rows.push([]);
  rows.push([`说明：${view.note}。年度参考分为已发布季度总分的平均分，按平均分排名；未发布的季度不计入。`]);
  return rows;
}
