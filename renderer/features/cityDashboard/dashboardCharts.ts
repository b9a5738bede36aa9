/**
 * ECharts options of the city dashboard, built from the dashboard figures (never from records):
 * 三会一课 completion unit × month, training coverage and 专职党务干部 ratio by unit.
 */
import type { CityDashboard, DashboardUnitRow } from '../../../shared/rules/committee/cityDashboard';
import type { ChartOption } from '../common/EChart';

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/** A heat-map cell: [month index, unit index, rate % or null] plus what a click needs. */
export interface HeatCell {
  readonly value: [number, number, number | null];
  readonly unitId: string;
  readonly month: number;
  readonly met: number;
  readonly due: number;
  readonly owed: number;
}

export function heatCells(rows: readonly DashboardUnitRow[]): HeatCell[] {
  const cells: HeatCell[] = [];
  rows.forEach((r, y) =>
    (r.months ?? []).forEach((m, x) => {
      if (m.due > 0) cells.push({ value: [x, y, m.rate === null ? null : Math.round(m.rate * 1000) / 10], unitId: r.unitId, month: x + 1, met: m.met, due: m.due, owed: m.owed });
    }),
  );
  return cells;
}

export function completionHeatmap(rows: readonly DashboardUnitRow[]): ChartOption {
  const cells = heatCells(rows);
  const cellAt = (p: { dataIndex: number } | readonly { dataIndex: number }[]): HeatCell | undefined => cells[('dataIndex' in p ? p : p[0])?.dataIndex ?? -1];
  return {
    animation: false,
    tooltip: {
      formatter: (p) => {
        const d = cellAt(p);
        if (!d) return '';
        const row = rows[d.value[1]];
        return `${row?.name ?? ''} ${d.month}月<br/>应开 ${d.due} 次，按期 ${d.met} 次${d.owed > 0 ? `，缺 ${d.owed} 次` : ''}<br/>完成率 ${d.value[2] ?? '—'}%`;
      },
    },
    grid: { left: 180, right: 24, top: 8, bottom: 56 },
    xAxis: { type: 'category', data: MONTHS, splitArea: { show: true } },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisLabel: { interval: 0, width: 168, overflow: 'truncate' } }, // every unit named: no label-size estimate to skip some
    visualMap: {
      min: 0,
      max: 100,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: ['100%', '0%'],
      inRange: { color: ['#c62828', '#f9a825', '#2e7d32'] },
    },
    series: [{ type: 'heatmap', data: cells.map((c) => ({ ...c, value: [...c.value] })), label: { show: rows.length <= 30, formatter: (p) => `${cellAt(p)?.value[2] ?? ''}` } }],
  };
}

export interface BarItem {
  readonly value: number;
  readonly unitId: string;
  readonly itemStyle?: { readonly color: string };
}

/** Training coverage (培训覆盖率) by unit, against the profile's target. */
export function coverageBars(rows: readonly DashboardUnitRow[], targetPercent: number): ChartOption {
  const shown = rows.filter((r) => r.training !== null && r.training.share !== null);
  const data: BarItem[] = shown.map((r) => ({
    value: Math.round(r.training!.share! * 1000) / 10,
    unitId: r.unitId,
    itemStyle: { color: r.training!.metTarget ? '#2e7d32' : '#c62828' },
  }));
  return barChart(shown.map((r) => r.name), data, '%', [{ yAxis: targetPercent, name: `目标 ${targetPercent}%` }]);
}

/** 专职党务干部 ratio by unit, with the profile's bounds. */
export function cadreBars(rows: readonly DashboardUnitRow[], bounds: { lowPercent: number; highPercent: number }): ChartOption {
  const shown = rows.filter((r) => r.cadre !== null);
  const colour = { below: '#c62828', within: '#2e7d32', above: '#f9a825' } as const;
  const data: BarItem[] = shown.map((r) => ({ value: Math.round(r.cadre!.ratio * 10000) / 100, unitId: r.unitId, itemStyle: { color: colour[r.cadre!.state] } }));
  return barChart(shown.map((r) => r.name), data, '%', [
    { yAxis: bounds.lowPercent, name: `下限 ${bounds.lowPercent}%` },
    { yAxis: bounds.highPercent, name: `上限 ${bounds.highPercent}%` },
  ]);
}

function barChart(names: readonly string[], data: readonly BarItem[], unit: string, lines: readonly { yAxis: number; name: string }[]): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}${unit}` },
    grid: { left: 48, right: 24, top: 24, bottom: names.length > 12 ? 96 : 48 },
    xAxis: { type: 'category', data: [...names], axisLabel: { interval: 0, rotate: names.length > 8 ? 40 : 0, width: 90, overflow: 'truncate' } },
    yAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` } },
    dataZoom: names.length > 40 ? [{ type: 'slider', start: 0, end: Math.round((40 / names.length) * 100) }] : [],
    series: [
      {
        type: 'bar',
        data: data.map((d) => ({ ...d })),
        markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#555' }, label: { formatter: '{b}' }, data: lines.map((l) => ({ ...l })) },
      },
    ],
  };
}

/** The dashboard's unit rows in the order the charts show them. */
export function chartRows(dashboard: CityDashboard): readonly DashboardUnitRow[] {
  return dashboard.rows.filter((r) => r.summaryAsOf !== null);
}
