/**
 * Which duty areas of the ledger (明责、履责) hold records of a year. The annual report says in
 * words which areas the ledger has no records of at all for the year — “本台账未录入：经费保障、走访
 * 慰问” — so that the 工委 reads “nothing was entered” where a figure of 0 would read as “nothing was
 * done”.
 */

/** The areas in the order the report names them. */
export const LEDGER_AREAS = [
  'secretaryProject',
  'dutyList',
  'rectification',
  'funds',
  'careVisit',
  'commendation',
  'publicity',
  'cadreExchange',
] as const;
export type LedgerArea = (typeof LEDGER_AREAS)[number];

export const LEDGER_AREA_LABELS: Readonly<Record<LedgerArea, string>> = {
  secretaryProject: '书记项目',
  dutyList: '三级五岗职责清单',
  rectification: '整改落实',
  funds: '经费保障',
  careVisit: '走访慰问',
  commendation: '表彰',
  publicity: '宣传',
  cadreExchange: '党务干部双向交流',
};

/** Records of the year per area (a missing area is not asked about). */
export type LedgerAreaCounts = Partial<Readonly<Record<LedgerArea, number>>>;

/** The areas asked about that hold no record of the year, in report order. */
export function unrecordedAreas(counts: LedgerAreaCounts): LedgerArea[] {
  return LEDGER_AREAS.filter((a) => counts[a] !== undefined && counts[a] === 0);
}

/** “本台账未录入2026年度以下方面的记录：经费保障、走访慰问。”, or '' when every area has records. */
export function unrecordedSentence(areas: readonly LedgerArea[], year: number): string {
  if (areas.length === 0) return '';
  return `本台账未录入${year}年度以下方面的记录：${areas.map((a) => LEDGER_AREA_LABELS[a]).join('、')}。`;
}
