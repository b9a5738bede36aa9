/** Competition ranking: equal totals share a rank and the next rank skips (1, 1, 3). */

export function ranksByTotal<T extends { readonly total: number }>(rows: readonly T[]): number[] {
  return rows.map((r) => 1 + rows.filter((o) => o.total > r.total).length);
}
