/** The dashboard's unit table (one row per unit, the period's figures) to an .xlsx workbook. */
import type { CityDashboard, DashboardUnitRow } from '../../../shared/rules/committee/cityDashboard';
import { PARTY_GROUP_KIND_LABELS } from '../../../shared/model/vocabulary';
import { platform } from '../../platform';
import { writeSheet } from '../common/xlsxWorkbook';

export const DASHBOARD_HEADERS = [
  '序号', '单位', '党员', '党组织', '应召开会议', '按期召开', '完成率', '未按期会议', '换届红色', '换届黄色', '应参训', '已参训', '覆盖率', '专职党务干部', '在编人数', '配备比例', '配备情况', '最近报送', '逾期未报送',
];

const pct = (r: number | null | undefined): string => (r === null || r === undefined ? '' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
const CADRE_STATE = { below: '低于下限', within: '符合', above: '高于上限' } as const;

export function dashboardSheetRows(rows: readonly DashboardUnitRow[]): unknown[][] {
  return rows.map((r, i) => [
    i + 1,
    r.name,
    r.members ?? '',
    r.organisations ?? '',
    r.completion?.due ?? '',
    r.completion?.met ?? '',
    pct(r.completion?.rate),
    r.meetingsOwed ?? '',
    r.terms?.byLight.red ?? '',
    r.terms?.byLight.yellow ?? '',
    r.training?.shouldTrain ?? '',
    r.training?.trained ?? '',
    pct(r.training?.share),
    r.cadre?.fullTimeCount ?? '',
    r.cadre?.staffCount ?? '',
    r.cadre ? `${(Math.round(r.cadre.ratio * 10000) / 100).toFixed(2)}%` : '',
    r.cadre ? CADRE_STATE[r.cadre.state] : '',
    r.lastBundleOn ?? '从未报送',
    r.late ? '是' : '',
  ]);
}

/** 全市概况_2026年第一季度_设党委的单位_截至2026-12-05.xlsx: the period and the units shown, as on screen. */
export function dashboardFileName(dashboard: Pick<CityDashboard, 'period' | 'partyGroupKind' | 'asOf'>): string {
  const scope = dashboard.partyGroupKind === null ? '' : `_设${PARTY_GROUP_KIND_LABELS[dashboard.partyGroupKind]}的单位`;
  return `全市概况_${dashboard.period.label}${scope}_截至${dashboard.asOf}.xlsx`;
}

export async function exportDashboard(dashboard: CityDashboard): Promise<void> {
  const bytes = await writeSheet(`全市概况_${dashboard.year}`, DASHBOARD_HEADERS, dashboardSheetRows(dashboard.rows));
  await platform().saveFile(dashboardFileName(dashboard), bytes, [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
}
