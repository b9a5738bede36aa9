/**
 * The dashboard client with a stand-in Worker: one worker per session, the latest request wins
 * (older ones settle with DashboardSupersededError, late answers to them are dropped), bad options
 * never reach the worker, a crashed worker fails the waiting request and is replaced.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CityDashboard } from '../../shared/rules/committee/cityDashboard';
import type { DashboardRequest, DashboardResponse } from './dashboardProtocol';

class FakeWorker {
  static created: FakeWorker[] = [];
  readonly posted: DashboardRequest[] = [];
  onmessage: ((e: MessageEvent<DashboardResponse>) => void) | null = null;
  /** The client reads only the message of the ErrorEvent (Node has no ErrorEvent). */
  onerror: ((e: { message: string }) => void) | null = null;
  terminated = false;
  constructor(readonly url: URL) {
    FakeWorker.created.push(this);
  }
  postMessage(request: DashboardRequest): void {
    this.posted.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(response: DashboardResponse): void {
    this.onmessage?.(new MessageEvent('message', { data: response }));
  }
}

const OPTIONS = { year: 2026, period: { kind: 'year' }, asOf: '2026-11-28' } as const;
/** Only the fields a test looks at: the client passes the worker's answer through untouched. */
const answerFor = (asOf: string): CityDashboard => JSON.parse(JSON.stringify({ year: 2026, asOf, rows: [] }));

async function freshClient() {
  vi.resetModules();
  return import('./dashboardClient');
}

beforeEach(() => {
  FakeWorker.created = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('computeCityDashboard', () => {
  it('posts the options to one worker and resolves with its answer', async () => {
    const { computeCityDashboard } = await freshClient();
    const first = computeCityDashboard(OPTIONS);
    const w = FakeWorker.created[0]!;
    expect(w.url.pathname).toMatch(/dashboard\.worker\.ts$/);
    expect(w.posted).toEqual([{ type: 'compute', id: 1, options: OPTIONS }]);
    w.answer({ type: 'done', id: 1, dashboard: answerFor('2026-11-28'), ms: 3 });
    await expect(first).resolves.toMatchObject({ asOf: '2026-11-28' });
    const second = computeCityDashboard({ ...OPTIONS, period: { kind: 'month', m: 3 } });
    expect(FakeWorker.created).toHaveLength(1);
    w.answer({ type: 'error', id: 2, message: '读取失败' });
    await expect(second).rejects.toThrow('读取失败');
  });

  it('lets the latest request win', async () => {
    const { computeCityDashboard, isDashboardSuperseded } = await freshClient();
    const older = computeCityDashboard(OPTIONS);
    const repeated = computeCityDashboard(OPTIONS); // e.g. after an import: computed afresh
    const newest = computeCityDashboard({ ...OPTIONS, asOf: '2026-11-29' });
    const w = FakeWorker.created[0]!;
    expect(w.posted.map((r) => r.id)).toEqual([1, 2, 3]);
    const settled = await Promise.allSettled([older, repeated]);
    for (const s of settled) expect(s.status === 'rejected' && isDashboardSuperseded(s.reason)).toBe(true);
    w.answer({ type: 'done', id: 1, dashboard: answerFor('2026-11-28'), ms: 1 }); // late: dropped
    w.answer({ type: 'done', id: 3, dashboard: answerFor('2026-11-29'), ms: 1 });
    await expect(newest).resolves.toMatchObject({ asOf: '2026-11-29' });
  });

  it('refuses bad options without asking the worker', async () => {
    const { computeCityDashboard } = await freshClient();
    await expect(computeCityDashboard({ ...OPTIONS, period: { kind: 'month', m: 13 } })).rejects.toThrow('查询条件不正确');
    await expect(computeCityDashboard({ ...OPTIONS, asOf: '2026-02-30' })).rejects.toThrow('查询条件不正确');
    expect(FakeWorker.created).toHaveLength(0);
  });

  it('fails the waiting request when the worker crashes, and starts a new worker next time', async () => {
    const { computeCityDashboard } = await freshClient();
    const waiting = computeCityDashboard(OPTIONS);
    const w = FakeWorker.created[0]!;
    w.onerror?.({ message: 'boom' });
    await expect(waiting).rejects.toThrow('全市概况计算程序出错：boom');
    expect(w.terminated).toBe(true);
    void computeCityDashboard(OPTIONS).catch(() => {});
    expect(FakeWorker.created).toHaveLength(2);
  });
});
