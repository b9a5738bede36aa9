/**
 * The messages between the page (dashboardClient.ts) and the dashboard worker
 * (dashboard.worker.ts). A request carries only the options: the worker reads the summaries, the
 * register and the rule profile itself, through its own Dexie connection to the app's database.
 */
import type { CityDashboard, CityDashboardOptions } from '../../shared/rules/committee/cityDashboard';

export interface DashboardRequest {
  readonly type: 'compute';
  readonly id: number;
  readonly options: CityDashboardOptions;
}

export type DashboardResponse =
  | { readonly type: 'done'; readonly id: number; readonly dashboard: CityDashboard; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
