/**
 * Computes the 工委's city dashboard off the main thread (DESIGN.md §3: the city screens read
 * per-unit summaries). The worker opens the app's database itself (Dexie works in workers), makes
 * sure the summaries are current once per session (ensureUnitSummaries: an old database, a new
 * year), then answers each request from the summaries. When requests pile up, only the latest is
 * computed: the client has already settled the others.
 */
import { cityDashboardOptionsSchema } from '../../shared/rules/committee/cityDashboard';
import { openDatabase } from '../db/db';
import { ensureUnitSummaries } from '../db/unitSummaries';
import { loadCityDashboard } from './dashboardJob';
import type { DashboardRequest, DashboardResponse } from './dashboardProtocol';

const db = openDatabase();
let ensured: Promise<unknown> | null = null;
let latest = 0;

function post(message: DashboardResponse): void {
  self.postMessage(message);
}

async function compute(request: DashboardRequest): Promise<void> {
  const started = performance.now();
  const options = cityDashboardOptionsSchema.parse(request.options);
  ensured ??= ensureUnitSummaries(db).catch((e: unknown) => {
    ensured = null; // try again with the next request
    throw e;
  });
  await ensured;
  if (request.id !== latest) return;
  const dashboard = await loadCityDashboard(db, options);
  if (request.id !== latest) return;
  post({ type: 'done', id: request.id, dashboard, ms: Math.round(performance.now() - started) });
}

self.addEventListener('message', (e: MessageEvent<DashboardRequest>) => {
  const request = e.data;
  latest = request.id;
  compute(request).catch((error: unknown) => post({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) }));
});
