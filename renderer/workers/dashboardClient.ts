/**
 * The typed client of the dashboard worker (dashboard.worker.ts): `computeCityDashboard(options)`.
 * One worker per session (its database connection and summary check stay warm). The latest
 * request wins: a new request settles the one still waiting by rejecting it with
 * DashboardSupersededError (`isDashboardSuperseded` tells it apart — ignore it), and the worker
 * computes only the newest. Even a repeat of the same options is computed afresh: it may come
 * after an import that the waiting answer did not see.
 */
import { cityDashboardOptionsSchema, type CityDashboard, type CityDashboardOptions } from '../../shared/rules/committee/cityDashboard';
import type { DashboardRequest, DashboardResponse } from './dashboardProtocol';

/** A request that a newer one replaced before it was answered. */
export class DashboardSupersededError extends Error {
  constructor() {
    super('已有更新的全市概况计算请求，本次计算已取消');
    this.name = 'DashboardSupersededError';
  }
}

export function isDashboardSuperseded(e: unknown): e is DashboardSupersededError {
  return e instanceof DashboardSupersededError;
}

interface Waiting {
  resolve(d: CityDashboard): void;
  reject(e: Error): void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Waiting>();

function theWorker(): Worker {
  if (worker !== null) return worker;
  const w = new Worker(new URL('./dashboard.worker.ts', import.meta.url), { type: 'module', name: 'taizhang-dashboard' });
  w.onmessage = (e: MessageEvent<DashboardResponse>) => {
    const msg = e.data;
    const job = pending.get(msg.id);
    if (job === undefined) return; // superseded: already settled
    pending.delete(msg.id);
    if (msg.type === 'done') job.resolve(msg.dashboard);
    else job.reject(new Error(msg.message));
  };
  w.onerror = (e) => {
    // the worker failed to start or crashed: fail the waiting request, start afresh next time
    for (const job of pending.values()) job.reject(new Error(`全市概况计算程序出错：${e.message || '无法启动'}。请重试；如仍失败，请重新启动程序。`));
    pending.clear();
    w.terminate();
    worker = null;
  };
  worker = w;
  return w;
}

/** The city dashboard for `options`, computed in the worker from the per-unit summaries. */
export function computeCityDashboard(options: CityDashboardOptions): Promise<CityDashboard> {
  const parsed = cityDashboardOptionsSchema.safeParse(options);
  if (!parsed.success) return Promise.reject(new Error(`全市概况的查询条件不正确：${parsed.error.issues[0]?.message ?? ''}`));
  for (const job of pending.values()) job.reject(new DashboardSupersededError());
  pending.clear();
  const w = theWorker();
  const id = nextId++;
  const promise = new Promise<CityDashboard>((resolve, reject) => {
    pending.set(id, { resolve, reject });
  });
  const request: DashboardRequest = { type: 'compute', id, options: parsed.data };
  w.postMessage(request);
  return promise;
}
