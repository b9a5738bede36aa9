/** Paths into the committee's read-only view of one unit (单位 → a unit). */
export function unitPath(unitId: string, inUnit: string, query?: Readonly<Record<string, string>>): string {
  const base = `/units/${encodeURIComponent(unitId)}${inUnit === '/' ? '' : inUnit}`;
  const q = query ? new URLSearchParams(query).toString() : '';
  return q ? `${base}?${q}` : base;
}
