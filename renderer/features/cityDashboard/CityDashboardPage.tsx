/**
 * 全市概况 (committee): the city at a glance, computed in a worker from the per-unit summaries —
 * headline figures, 三会一课 completion unit × month, 换届三色 counts with the red and yellow
 * organisations, training coverage and 专职党务干部 ratio by unit, bundle timeliness. Every cell
 * and row clicks through to the unit's records behind it (read-only).
 */
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Spin, Typography } from 'antd';
import type { CityDashboardOptions, DashboardPeriod } from '../../../shared/rules/committee/cityDashboard';
import { PARTY_GROUP_KIND_LABELS, PARTY_GROUP_KINDS, type PartyGroupKind } from '../../../shared/model/vocabulary';
import { EChart } from '../common/EChart';
import { todayIso } from '../common/today';
import { useCityDashboard } from '../common/useCityDashboard';
import { useRuleProfile } from '../common/useRuleProfile';
import { cadreBars, chartRows, completionHeatmap, coverageBars, type BarItem, type HeatCell } from './dashboardCharts';
import { exportDashboard } from './dashboardExport';
import { HeadlineFigures } from './HeadlineFigures';
import { LateUnitsTable } from './LateUnitsTable';
import { TermAlertsTable } from './TermAlertsTable';
import { unitPath } from './unitLinks';

const PERIODS: { value: string; label: string; period: DashboardPeriod }[] = [
  { value: 'year', label: '全年', period: { kind: 'year' } },
  ...([1, 2, 3, 4] as const).map((q) => ({ value: `q${q}`, label: `第${'一二三四'[q - 1]}季度`, period: { kind: 'quarter', q } as DashboardPeriod })),
  ...Array.from({ length: 12 }, (_, i) => ({ value: `m${i + 1}`, label: `${i + 1}月`, period: { kind: 'month', m: i + 1 } as DashboardPeriod })),
];

/** Which units: all, or those led by a 党组 / a 党委 (the one kind the register knows of a unit). */
const SCOPES: { value: 'all' | PartyGroupKind; label: string }[] = [
  { value: 'all', label: '全部单位' },
  ...PARTY_GROUP_KINDS.map((k) => ({ value: k, label: `设${PARTY_GROUP_KIND_LABELS[k]}的单位` })),
];

export function CityDashboardPage() {
  const navigate = useNavigate();
  const profile = useRuleProfile();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [periodKey, setPeriodKey] = useState('year');
  const [scope, setScope] = useState<'all' | PartyGroupKind>('all');
  const options = useMemo<CityDashboardOptions>(() => {
    const asOf = year < thisYear ? `${year}-12-31` : today;
    const period = PERIODS.find((p) => p.value === periodKey)!.period;
    return scope === 'all' ? { year, period, asOf, today } : { year, period, asOf, today, partyGroupKind: scope };
  }, [year, periodKey, scope, thisYear, today]);
  const { value: dashboard, error, computing } = useCityDashboard(options);
  const rows = useMemo(() => (dashboard ? chartRows(dashboard) : []), [dashboard]);
  const heat = useMemo(() => completionHeatmap(rows), [rows]);
  const coverage = useMemo(() => coverageBars(rows, profile.training.coverageTargetBasisPoints / 100), [rows, profile]);
  const cadre = useMemo(() => cadreBars(rows, { lowPercent: profile.cadreRatio.minBasisPoints / 100, highPercent: profile.cadreRatio.maxBasisPoints / 100 }), [rows, profile]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          全市概况
        </Typography.Title>
        <Space wrap>
          <Select aria-label="年度" value={year} onChange={setYear} style={{ width: 110 }} options={Array.from({ length: 6 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i}年` }))} />
          <Select aria-label="期间" value={periodKey} onChange={setPeriodKey} style={{ width: 120 }} options={PERIODS.map((p) => ({ value: p.value, label: p.label }))} />
          <Select aria-label="单位范围" value={scope} onChange={setScope} style={{ width: 140 }} options={SCOPES} />
          {computing && <Spin size="small" />}
          <Button disabled={!dashboard} onClick={() => dashboard && void exportDashboard(dashboard)}>
            导出 Excel
          </Button>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {dashboard && (
        <Typography.Text type="secondary" data-testid="dashboard-basis">
          截至 {dashboard.asOf}（换届与组织数按 {dashboard.judgedOn}）；
          {dashboard.partyGroupKind !== null && `范围：设${PARTY_GROUP_KIND_LABELS[dashboard.partyGroupKind]}的单位（尚未报送同步包的单位类别未知，不在其中）；`}
          规则配置：{dashboard.profile.name}；超过 {dashboard.profile.lateAfterDays} 天未报送同步包视为逾期。
          各单位数据来自其最近一次报送的同步包。
        </Typography.Text>
      )}
      {!dashboard && !error && <Spin description="正在汇总全市数据…" />}
      {dashboard && dashboard.rows.length === 0 && dashboard.partyGroupKind !== null && (
        <Card>
          <Empty description={`没有设${PARTY_GROUP_KIND_LABELS[dashboard.partyGroupKind]}的单位。单位的类别来自其报送的同步包；可以改选“全部单位”。`} />
        </Card>
      )}
      {dashboard && dashboard.rows.length === 0 && dashboard.partyGroupKind === null && (
        <Card>
          <Empty description="尚未纳管任何单位。请到“同步”页办理纳管登记，导入各单位报送的同步包后，这里显示全市情况。">
            <Button type="primary" onClick={() => void navigate('/sync')}>
              去办理纳管登记
            </Button>
          </Empty>
        </Card>
      )}
      {dashboard && dashboard.rows.length > 0 && (
        <>
          <HeadlineFigures dashboard={dashboard} />
          <Card title="“三会一课”完成情况（单位 × 月份）" data-testid="completion-heatmap">
            {rows.length === 0 ? (
              <Empty description="还没有单位报送同步包" />
            ) : (
              <EChart
                label="各单位各月“三会一课”完成率热力图"
                testId="completion-heatmap-chart"
                option={heat}
                height={Math.max(240, rows.length * 22 + 80)}
                onItemClick={(_, i) => {
                  const cell = (heat.series as { data: HeatCell[] }[])[0]?.data[i];
                  if (cell) void navigate(unitPath(cell.unitId, `/meetings/overview`));
                }}
              />
            )}
          </Card>
          <TermAlertsTable dashboard={dashboard} />
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card title="教育培训覆盖率（按单位）">
                {rows.length === 0 ? <Empty /> : <EChart label="各单位培训覆盖率" option={coverage} height={320} onItemClick={(d) => void navigate(unitPath((d as BarItem).unitId, '/training/coverage'))} />}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="专职党务干部配备比例（按单位）">
                {rows.length === 0 ? <Empty /> : <EChart label="各单位专职党务干部配备比例" option={cadre} height={320} onItemClick={(d) => void navigate(unitPath((d as BarItem).unitId, '/'))} />}
              </Card>
            </Col>
          </Row>
          <LateUnitsTable dashboard={dashboard} />
        </>
      )}
    </Space>
  );
}
