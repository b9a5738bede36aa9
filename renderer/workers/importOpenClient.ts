/**
 * The client of the import worker (importOpen.worker.ts): `openInWorker` is a `BundleOpener` for
 * prepareImport (renderer/db/sync/bundleOpener.ts) that runs verify and open in one Web Worker kept
 * for the session (started on first use: a worker per import would compile the codec each time).
 * The opened bundle arrives in slices; the main thread only receives them. Where there is no Worker
 * (unit tests in Node) the stages run in-process. A crashed worker is dropped and the job refused
 * as a bug would be (thrown).
 */
import type { OpenedBundle } from '../../shared/bundle';
import type { RecordTable } from '../../shared/model/tables';
import { openInProcess, type BundleOpener, type OpenSteps } from '../db/sync/bundleOpener';
import type { ImportOpenRequest, ImportOpenResponse } from './importOpenProtocol';

type Listener = (message: ImportOpenResponse) => void;

let worker: Worker | null = null;
let nextJob = 1;
const listeners = new Map<number, Listener>();

function theWorker(): Worker {
  if (worker !== null) return worker;
  const w = new Worker(new URL('./importOpen.worker.ts', import.meta.url), { type: 'module', name: 'taizhang-import' });
  w.onmessage = (e: MessageEvent<ImportOpenResponse>) => listeners.get(e.data.job)?.(e.data);
  w.onerror = (e) => {
    e.preventDefault();
    const crash = e.message || '导入程序无法启动';
    for (const [job, listener] of [...listeners]) listener({ type: 'crash', job, message: crash });
    listeners.clear();
    w.terminate();
    if (worker === w) worker = null;
  };
  worker = w;
  return w;
}

function send(request: ImportOpenRequest): void {
  theWorker().postMessage(request);
}

function inWorker(): OpenSteps {
  const job = nextJob++;
  let verified = false;
  return {
    verify(bytes, trust) {
      return new Promise((resolve, reject) => {
        listeners.set(job, (m) => {
          if (m.type === 'verified') {
            verified = m.result.ok;
            resolve(m.result);
          } else if (m.type === 'crash') reject(new Error(m.message));
        });
        send({ type: 'verify', job, bytes, trust });
      });
    },
    open(device, options) {
      return new Promise((resolve, reject) => {
        const records: Partial<Record<RecordTable, unknown[]>> = {};
        let progress = Promise.resolve();
        listeners.set(job, (m) => {
          if (m.type === 'records') {
            const list = records[m.table] ?? (records[m.table] = []);
            for (const r of m.rows) list.push(r);
          } else if (m.type === 'progress') {
            const report = options.onRecordsChecked;
            if (report) progress = progress.then(() => report(m.done, m.total));
          } else if (m.type === 'opened') {
            listeners.delete(job);
            verified = false;
            const result = m.result;
            // the last progress report first, then the result (as in-process)
            void progress.then(() => resolve(result.ok ? { ok: true, value: { ...result.value, records: records as OpenedBundle['records'] } } : result), reject);
          } else if (m.type === 'crash') {
            listeners.delete(job);
            reject(new Error(m.message));
          }
        });
        send({ type: 'open', job, device, recipientId: options.recipientId, kind: options.kind, progress: options.onRecordsChecked !== undefined });
      });
    },
    dispose() {
      listeners.delete(job);
      if (verified && worker !== null) send({ type: 'drop', job });
      verified = false;
    },
  };
}

/** verify and open in the session's import worker (in-process where there is no Worker). */
export const openInWorker: BundleOpener = () => (typeof Worker === 'undefined' ? openInProcess() : inWorker());
