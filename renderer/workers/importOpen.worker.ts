/**
 * The import's CPU-heavy stages off the main thread (bundleOpener.ts): verify, then open —
 * decrypt, bounded unzip, the manifest's hashes, every record checked — with the same shared code
 * (and so the same refusals) as in-process. The worker lives for the session and serves one job per
 * import (importOpenClient.ts); the window stays responsive while a large bundle is read.
 */
import { openInProcess, type OpenSteps } from '../db/sync/bundleOpener';
import { RECORD_SLICE, type ImportOpenRequest, type ImportOpenResponse } from './importOpenProtocol';

const jobs = new Map<number, OpenSteps>();

function post(message: ImportOpenResponse): void {
  self.postMessage(message);
}

async function handle(request: ImportOpenRequest): Promise<void> {
  if (request.type === 'drop') {
    jobs.get(request.job)?.dispose();
    jobs.delete(request.job);
    return;
  }
  if (request.type === 'verify') {
    const steps = openInProcess();
    jobs.set(request.job, steps);
    post({ type: 'verified', job: request.job, result: await steps.verify(request.bytes, request.trust) });
    return;
  }
  const steps = jobs.get(request.job);
  if (steps === undefined) throw new Error(`no verified bundle for job ${request.job}`);
  const { job } = request;
  const opened = await steps.open(request.device, {
    recipientId: request.recipientId,
    kind: request.kind,
    onRecordsChecked: request.progress ? (done, total) => post({ type: 'progress', job, done, total }) : undefined,
  });
  steps.dispose();
  jobs.delete(job);
  if (!opened.ok) {
    post({ type: 'opened', job, result: opened });
    return;
  }
  const { records, ...rest } = opened.value;
  for (const [table, rows] of Object.entries(records) as [keyof typeof records, readonly unknown[]][]) {
    for (let i = 0; i < rows.length; i += RECORD_SLICE) post({ type: 'records', job, table, rows: rows.slice(i, i + RECORD_SLICE) });
  }
  post({ type: 'opened', job, result: { ok: true, value: rest } });
}

self.addEventListener('message', (e: MessageEvent<ImportOpenRequest>) => {
  const request = e.data;
  handle(request).catch((error: unknown) => post({ type: 'crash', job: request.job, message: error instanceof Error ? error.message : String(error) }));
});
