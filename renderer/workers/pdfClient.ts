/**
 * The typed client of the PDF worker (pdf.worker.ts). One worker per session, so the fonts it
 * loads stay loaded; one job at a time. The page posts the plain records and options (the
 * report builders run inside the worker: their definitions hold functions and cannot be posted)
 * and gets progress and the PDF's bytes back. The host's 公文 fonts are read through the bridge
 * once per session and handed to the worker once.
 */
import type { SystemFont } from '../../shared/platform';
import type { AnnualDrafts } from '../../shared/reports/annualDrafts';
import type { SnapshotOptions, UnitRecords } from '../../shared/reports/reportData';
import type { IsoDate } from '../../shared/rules/dates';
import { platform } from '../platform';

export type ReportJob =
  | { readonly kind: 'annual'; readonly drafts: AnnualDrafts; readonly date: IsoDate }
  | { readonly kind: 'roster'; readonly full: boolean }
  | { readonly kind: 'meetings'; readonly organisationId: string }
  | { readonly kind: 'signin-meeting'; readonly meetingId: string }
  | { readonly kind: 'signin-training'; readonly classId: string };

/** A host font the worker may use: its family (from the file name) and its bytes. */
export interface HostFont {
  readonly id: string;
  readonly family: string;
  readonly bytes: Uint8Array;
}

export type PdfStage = 'fonts' | 'layout' | 'render';

export type WorkerRequest =
  | { readonly type: 'host-fonts'; readonly fonts: readonly HostFont[] }
  | {
      readonly type: 'generate';
      readonly id: number;
      readonly records: UnitRecords;
      readonly snapshot: SnapshotOptions;
      readonly job: ReportJob;
      /** Where the bundled fonts are served: fonts/ beside index.html. */
      readonly fontsBase: string;
    };

export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly stage: PdfStage; readonly fraction: number }
  | { readonly type: 'done'; readonly id: number; readonly bytes: Uint8Array; readonly fonts: string; readonly pages: number; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

export interface PdfResult {
  readonly bytes: Uint8Array;
  /** describeFontSet of the set used. */
  readonly fonts: string;
  readonly pages: number;
  /** Time inside the worker, ms. */
  readonly ms: number;
}

export interface PdfProgress {
  readonly stage: PdfStage;
  /** 0…1 over the whole job. */
  readonly fraction: number;
}

let worker: Worker | null = null;
let nextId = 1;
let hostFonts: Promise<void> | null = null;
const pending = new Map<number, { resolve(r: PdfResult): void; reject(e: Error): void; onProgress(p: PdfProgress): void }>();

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

/** Builds and renders one report in the worker. */
export async function generatePdf(
  records: UnitRecords,
  snapshot: SnapshotOptions,
  job: ReportJob,
  onProgress: (p: PdfProgress) => void = () => {},
): Promise<PdfResult> {
  const w = theWorker();
  onProgress({ stage: 'fonts', fraction: 0 });
  await sendHostFonts(w);
  const id = nextId++;
  const request: WorkerRequest = { type: 'generate', id, records, snapshot, job, fontsBase: new URL('fonts/', document.baseURI).href };
  return new Promise<PdfResult>((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    w.postMessage(request);
  });
}
