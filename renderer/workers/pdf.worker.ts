/**
 * Builds and renders report PDFs off the main thread. The report builders (shared/reports) run
 * here, on the plain records the page posts; pdfmake's browser build renders with the report
 * fonts. Fonts are loaded once per session: the bundled Noto fonts fetched from the app's own
 * origin (fonts/*.ttf beside index.html) when a report first needs them, the host's 公文 fonts
 * measured once when the page hands them over. pdfmake is loaded only in this worker.
 */
import pdfMake from 'taizhang:pdfmake';
import { buildAnnualReport } from '../../shared/reports/annualReport';
import { fontMetricsOf } from '../../shared/reports/fontMetrics';
import {
  BUNDLED_FONT_FILES,
  BUNDLED_FONT_SET,
  chooseReportFonts,
  describeFontSet,
  fontFilesOf,
  pdfFontDictionary,
  type ReportFontSet,
  type SystemFontCandidate,
} from '../../shared/reports/fonts';
import { buildMeetingBook } from '../../shared/reports/meetingRecord';
import type { PdfDocumentDefinition } from '../../shared/reports/pdfTypes';
import { unitReportData } from '../../shared/reports/reportData';
import { buildRoster } from '../../shared/reports/roster';
import { buildSignInSheet, signInSheetForMeeting, signInSheetForTraining } from '../../shared/reports/signInSheet';
import type { HostFont, PdfStage, ReportJob, WorkerRequest, WorkerResponse } from './pdfClient';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

const post = (message: WorkerResponse, transfer: Transferable[] = []): void => scope.postMessage(message, transfer);

/** The font set for this session: the bundled one until the host's fonts have been measured. */
let fontSet: Promise<ReportFontSet> = Promise.resolve(BUNDLED_FONT_SET);
/** Host font bytes by id (kept for the session). */
const hostBytes = new Map<string, Uint8Array>();
/** Bundled font bytes being fetched or fetched, by file name. */
const fetched = new Map<string, Promise<Uint8Array>>();

async function measureHostFonts(fonts: readonly HostFont[]): Promise<ReportFontSet> {
  if (fonts.length === 0) return BUNDLED_FONT_SET;
  const fontkit = await import('fontkit');
  const candidates: SystemFontCandidate[] = [];
  for (const f of fonts) {
    try {
      const font = fontkit.create(f.bytes);
      hostBytes.set(f.id, f.bytes);
      candidates.push({ file: f.id, names: [f.family, font.familyName].filter((n) => typeof n === 'string' && n !== ''), metrics: fontMetricsOf(font) });
    } catch {
      // not a font fontkit can read: that role keeps the bundled face
    }
  }
  return chooseReportFonts(candidates);
}

function fontBytes(file: string, base: string): Promise<Uint8Array> {
  const host = hostBytes.get(file);
  if (host !== undefined) return Promise.resolve(host);
  if (!(BUNDLED_FONT_FILES as readonly string[]).includes(file)) return Promise.reject(new Error(`未知字体 ${file}`));
  let p = fetched.get(file);
  if (p === undefined) {
    p = fetch(new URL(file, base)).then(async (r) => {
      if (!r.ok) throw new Error(`内置字体 ${file} 无法读取（${r.status}），请重新安装程序`);
      return new Uint8Array(await r.arrayBuffer());
    });
    p.catch(() => fetched.delete(file)); // try again next time
    fetched.set(file, p);
  }
  return p;
}

/** Puts the set's font files into pdfmake's virtual file system (each file once per session). */
async function loadFonts(set: ReportFontSet, base: string, progress: (fraction: number) => void): Promise<void> {
  const files = fontFilesOf(set).filter((f) => !pdfMake.virtualfs.existsSync(f));
  let done = 0;
  await Promise.all(
    files.map(async (file) => {
      const bytes = await fontBytes(file, base);
      if (!pdfMake.virtualfs.existsSync(file)) pdfMake.virtualfs.writeFileSync(file, bytes);
      progress(++done / files.length);
    }),
  );
}

function build(job: ReportJob, request: Extract<WorkerRequest, { type: 'generate' }>, fonts: ReportFontSet): PdfDocumentDefinition {
  const data = unitReportData(request.records, request.snapshot);
  if (data === null) throw new Error('没有找到本单位的基本信息，请先在“设置”中完成单位信息。');
  switch (job.kind) {
    case 'annual':
      return buildAnnualReport(data, { fonts, drafts: job.drafts, date: job.date });
    case 'roster':
      return buildRoster(data, { fonts, full: job.full });
    case 'meetings':
      return buildMeetingBook(data, job.organisationId, { fonts });
    case 'signin-meeting':
      return buildSignInSheet(signInSheetForMeeting(data, job.meetingId), { fonts });
    case 'signin-training':
      return buildSignInSheet(signInSheetForTraining(data, job.classId), { fonts });
  }
}

function pageCount(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  return (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

async function generate(request: Extract<WorkerRequest, { type: 'generate' }>): Promise<void> {
  const { id } = request;
  const started = performance.now();
  // stages share the bar: fonts 0–30 %, layout 30–40 %, rendering 40–100 %
  const progress = (stage: PdfStage, fraction: number): void => post({ type: 'progress', id, stage, fraction });
  try {
    const fonts = await fontSet;
    await loadFonts(fonts, request.fontsBase, (f) => progress('fonts', 0.3 * f));
    progress('layout', 0.3);
    const definition = build(request.job, request, fonts);
    progress('layout', 0.4);
    pdfMake.setFonts(pdfFontDictionary(fonts));
    pdfMake.setProgressCallback((p) => progress('render', 0.4 + 0.58 * p));
    const buffer = await pdfMake.createPdf(definition).getBuffer();
    const bytes = new Uint8Array(buffer.byteLength);
    bytes.set(buffer);
    post(
      { type: 'done', id, bytes, fonts: describeFontSet(fonts), pages: pageCount(bytes), ms: Math.round(performance.now() - started) },
      [bytes.buffer],
    );
  } catch (e) {
    post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  }
}

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'host-fonts') fontSet = measureHostFonts(msg.fonts).catch(() => BUNDLED_FONT_SET);
  else void generate(msg);
};
