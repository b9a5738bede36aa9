/**
 * The roster reading client over a stand-in Worker (Node has none): progress is passed on, the
 * result settles the job and ends the worker, 取消 ends the worker at once and settles the job as
 * cancelled — a late answer from a cancelled worker changes nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planRosterFile, readRosterFile, RosterReadCancelled, type RosterJobRequest as RosterReadRequest, type RosterJobResponse as RosterReadResponse } from './rosterReadClient';

class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((e: MessageEvent<RosterReadResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  requests: RosterReadRequest[] = [];
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(request: RosterReadRequest) {
    this.requests.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  answer(message: RosterReadResponse) {
    this.onmessage?.({ data: message } as MessageEvent<RosterReadResponse>);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('readRosterFile in a worker', () => {
  it('passes progress on, settles with the result and ends the worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const seen: number[] = [];
    const job = readRosterFile(new Uint8Array([1, 2, 3]), { sheetIndex: 2, onProgress: (p) => seen.push(p.fraction) });
    const worker = FakeWorker.last!;
    expect(worker.requests).toEqual([{ type: 'read', bytes: new Uint8Array([1, 2, 3]), sheetIndex: 2 }]);
    worker.answer({ type: 'progress', progress: { phase: 'rows', fraction: 0.5, rows: 2000 } });
    worker.answer({ type: 'read', result: { ok: true, value: { sheets: [], sheetIndex: 0, rows: [] } } });
    await expect(job.promise).resolves.toEqual({ ok: true, value: { sheets: [], sheetIndex: 0, rows: [] } });
    expect(seen).toEqual([0.5]);
    expect(worker.terminated).toBe(true);
  });

  it('取消 ends the worker at once; its late answer is ignored', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const job = readRosterFile(new Uint8Array([1]));
    const worker = FakeWorker.last!;
    job.cancel();
    expect(worker.terminated).toBe(true);
    await expect(job.promise).rejects.toBeInstanceOf(RosterReadCancelled);
    worker.answer({ type: 'read', result: { ok: true, value: { sheets: [], sheetIndex: 0, rows: [] } } });
  });

  it('plans in a worker too: rows, context and mapping go over, the plan comes back', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const context = { organisationsByName: new Map([['第一党支部', 'x']]), existingByIdNumber: new Map(), asOf: '2026-11-28' };
    const job = planRosterFile([], context, { name: 0 });
    const worker = FakeWorker.last!;
    expect(worker.requests).toEqual([{ type: 'plan', rows: [], context, mapping: { name: 0 } }]);
    const planned = { ok: false as const, problem: { kind: 'roster-empty' as const, message: '表格中没有党员数据' } };
    worker.answer({ type: 'planned', result: planned });
    await expect(job.promise).resolves.toEqual(planned);
    expect(worker.terminated).toBe(true);
  });

  it('a crash in the worker fails the job with its message', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const job = readRosterFile(new Uint8Array([1]));
    FakeWorker.last!.answer({ type: 'crash', message: '出错了' });
    await expect(job.promise).rejects.toThrow('出错了');
  });
});
