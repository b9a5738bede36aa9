/**
 * The committee's city figures (shared/rules/committee/cityDashboard.ts), computed in the dashboard
 * worker from the per-unit summaries, so that typing and scrolling never wait for them. Recomputed
 * when an import lands or the register changes; the latest request wins.
 */
import { useEffect, useState } from 'react';
import type { CityDashboard, CityDashboardOptions } from '../../../shared/rules/committee/cityDashboard';
import { cityDataVersion } from '../../db/queries/register';
import { computeCityDashboard } from '../../workers/dashboardClient';
import { todayIso } from './today';
import { useAppQuery } from './useAppQuery';

export interface DashboardState {
  readonly value: CityDashboard | null;
  readonly error: string | null;
  readonly computing: boolean;
}

export function defaultDashboardOptions(): CityDashboardOptions {
  const today = todayIso();
  return { year: Number(today.slice(0, 4)), period: { kind: 'year' }, asOf: today, today };
}

export function useCityDashboard(options: CityDashboardOptions = defaultDashboardOptions()): DashboardState {
  const version = useAppQuery(cityDataVersion);
  const key = JSON.stringify(options);
  const [state, setState] = useState<DashboardState>({ value: null, error: null, computing: true });
  useEffect(() => {
    if (version === undefined) return;
    let current = true;
    setState((s) => ({ ...s, computing: true }));
    computeCityDashboard(JSON.parse(key) as CityDashboardOptions).then(
      (value) => current && setState({ value, error: null, computing: false }),
      (e: unknown) => current && setState({ value: null, error: `全市数据计算失败：${e instanceof Error ? e.message : String(e)}。请刷新页面重试。`, computing: false }),
    );
    return () => {
      current = false;
    };
  }, [version, key]);
  return state;
}
