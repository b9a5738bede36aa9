/**
 * The typed client of the PDF worker (pdf.worker.ts; messages in pdfProtocol.ts). One worker per
 * session, so the fonts it loads stay loaded (warmed up when the 报表 page opens); one job at a time. The page names the report (unit,
 * year, day, options); the worker reads the records, runs the report builders (their definitions
 * hold functions and cannot be posted) and answers with progress and the PDF's bytes. The host's
 * 公文 fonts are read through the bridge once per session and handed to the worker once.
 */
import type { SystemFont } from '../../shared/platform';
import { platform } from '../platform';
import type { AnnualPrepared, HostFont, PdfProgress, PdfResult, ReportJob, UnitSnapshot, WorkerRequest, WorkerResponse } from './pdfProtocol';

export type { AnnualPrepared, PdfProgress, PdfResult, PdfStage, ReportJob, UnitSnapshot } from './pdfProtocol';

interface Pending {
  resolve(r: PdfResult): void;
  prepared(p: AnnualPrepared | null): void;
  reject(e: Error): void;
  onProgress(p: PdfProgress): void;
}

let worker: Worker | null = null;
let nextId = 1;
let hostFonts: Promise<void> | null = null;
let warmedUp = false;
const pending = new Map<number, Pending>();

function theWorker(): Worker {
  if (worker !== null) return worker;
  const w = new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module', name: 'taizhang-pdf' });
  w.onmessage = (e: MessageEvent<WorkerResponse>) => {
    const msg = e.data;
    const job = pending.get(msg.id);
    if (job === undefined) return;
    if (msg.type === 'progress') job.onProgress({ stage: msg.stage, fraction: msg.fraction });
    else {
      pending.delete(msg.id);
      if (msg.type === 'done') job.resolve({ bytes: msg.bytes, fonts: msg.fonts, pages: msg.pages, ms: msg.ms });
      else if (msg.type === 'prepared') job.prepared(msg.prepared);
      else job.reject(new Error(msg.message));
    }
  };
  w.onerror = (e) => {
    // the worker failed to start or crashed: fail every waiting job, start afresh next time
    for (const job of pending.values()) job.reject(new Error(`报表生成程序出错：${e.message || '无法启动'}。请重试；如仍失败，请重新启动程序。`));
    pending.clear();
    w.terminate();
    worker = null;
    hostFonts = null;
    warmedUp = false;
  };
  worker = w;
  return w;
}

/** Reads the host's 公文 fonts through the bridge (once per session) and hands them to the worker. */
function sendHostFonts(w: Worker): Promise<void> {
  hostFonts ??= (async () => {
    let fonts: HostFont[] = [];
    try {
      const listed: SystemFont[] = await platform().listSystemFonts();
      const read = await Promise.all(
        listed.map(async (f) => {
          try {
            return { id: f.id, family: f.family, bytes: await platform().readSystemFont(f.id) };
          } catch {
            return null; // unreadable: that role falls back to the bundled font
          }
        }),
      );
      fonts = read.filter((f): f is HostFont => f !== null);
    } catch {
      fonts = []; // no host fonts: the bundled ones
    }
    const message: WorkerRequest = { type: 'host-fonts', fonts };
    w.postMessage(message, fonts.map((f) => f.bytes.buffer as ArrayBuffer));
  })();
  return hostFonts;
}

const ignore = (): void => {};

const fontsBase = (): string => new URL('fonts/', document.baseURI).href;

/**
 * The 报表 page opened: the worker loads pdfmake and the session's fonts and renders one small
 * page with them while the user reads or chooses (once per session), so that the first report
 * costs what the second does.
 */
export function warmUpPdfWorker(): void {
  if (warmedUp) return;
  warmedUp = true;
  const w = theWorker();
  void sendHostFonts(w).then(() => {
    const message: WorkerRequest = { type: 'warm-up', fontsBase: fontsBase() };
    if (worker === w) w.postMessage(message);
  });
}

/** Builds and renders one report in the worker. */
export async function generatePdf(job: ReportJob, onProgress: (p: PdfProgress) => void = ignore): Promise<PdfResult> {
  const w = theWorker();
  onProgress({ stage: 'fonts', fraction: 0 });
  await sendHostFonts(w);
  const id = nextId++;
  const request: WorkerRequest = { type: 'generate', id, job, fontsBase: fontsBase() };
  return new Promise<PdfResult>((resolve, reject) => {
    pending.set(id, { resolve, prepared: ignore, reject, onProgress });
    w.postMessage(request);
  });
}

/**
 * The annual report's snapshot and figures, computed in the worker (and kept there for the
 * 生成 that follows): the text generated from them, or null when the unit has no unit record.
 */
export function prepareAnnualReport(snapshot: UnitSnapshot): Promise<AnnualPrepared | null> {
  const w = theWorker();
  const id = nextId++;
  const request: WorkerRequest = { type: 'prepare-annual', id, snapshot };
  return new Promise<AnnualPrepared | null>((resolve, reject) => {
    pending.set(id, { resolve: ignore, prepared: resolve, reject, onProgress: ignore });
    w.postMessage(request);
  });
}
