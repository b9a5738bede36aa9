/**
 * Builds and renders report PDFs off the main thread. The worker reads the records itself
 * (reportInputs.ts, its own Dexie connection), runs the report builders (shared/reports) and
 * renders with pdfmake's browser build and the report fonts (workerFonts.ts). The annual report's
 * snapshot is computed once: prepare-annual computes it for the panel's default text and keeps it
 * for the 生成 that follows. pdfmake is loaded only in this worker: when the 报表 page opens
 * (warm-up: pdfmake, the fonts and one small page rendered while the user reads), else on the
 * first render. The worker lives for the session, so all of that happens once.
 */
import { annualReportDefaults } from '../../shared/reports/annualDutiesText';
import { buildAnnualReport } from '../../shared/reports/annualReport';
import { buildCityReportFrom } from '../../shared/reports/cityReport';
import { buildCardRegisterReport, buildYearViewReport } from '../../shared/reports/committeeRegisters';
import { buildDutyList, buildDutySelfCheck } from '../../shared/reports/dutyList';
import { describeFontSet, pdfFontDictionary, type ReportFontSet } from '../../shared/reports/fonts';
import { buildMeetingBook } from '../../shared/reports/meetingRecord';
import { buildQuarterScoreReport } from '../../shared/reports/quarterScoreReport';
import type { PdfDocumentDefinition } from '../../shared/reports/pdfTypes';
import { buildRoster } from '../../shared/reports/roster';
import { buildSignInSheet, signInSheetForMeeting, signInSheetForTraining } from '../../shared/reports/signInSheet';
import { pdfmake } from './pdfmakeModule';
import type { PdfStage, ReportJob, WorkerRequest, WorkerResponse } from './pdfProtocol';
import { annualSnapshot, cardRegisterInput, cityInput, NO_UNIT_RECORD, quarterScoresInput, readDutyListSnapshot, readSignInSnapshot, readSnapshot, yearViewInput } from './reportInputs';
import { loadFonts, sessionFontSet, takeHostFonts } from './workerFonts';

// the renderer is typed with the DOM's lib: a worker's postMessage takes its transfer list in the options
const post = (message: WorkerResponse, transfer: Transferable[] = []): void => self.postMessage(message, { transfer });

type Progress = (stage: PdfStage, fraction: number) => void;

/** Where each stage starts on the job's progress bar, in order (render runs to 0.98; done is 1). */
const STAGE_STARTS: Record<'unit' | 'city', readonly (readonly [PdfStage, number])[]> = {
  unit: [['fonts', 0], ['data', 0.2], ['layout', 0.3], ['render', 0.4]],
  city: [['fonts', 0], ['data', 0.05], ['layout', 0.6], ['render', 0.65]],
};

/**
 * The job's progress, posted only when the stage or the whole percent changes: pdfmake reports
 * after every item it draws (10,000 times for the largest unit's annual report), and each message
 * is a state update on the page.
 */
function jobProgress(id: number, job: ReportJob): Progress {
  const starts = STAGE_STARTS[job.kind === 'city' ? 'city' : 'unit'];
  let last: { stage: PdfStage; percent: number } | null = null;
  return (stage, fraction) => {
    const i = starts.findIndex(([s]) => s === stage);
    const start = starts[i]?.[1] ?? 0;
    const end = starts[i + 1]?.[1] ?? 0.98;
    const whole = start + (end - start) * fraction;
    const percent = Math.floor(whole * 100);
    if (last !== null && last.stage === stage && last.percent === percent) return;
    last = { stage, percent };
    post({ type: 'progress', id, stage, fraction: whole });
  };
}

/** Reads what the job needs (stage data), then builds its document definition (stage layout). */
async function build(job: ReportJob, fonts: ReportFontSet, progress: Progress): Promise<PdfDocumentDefinition> {
  progress('data', 0);
  if (job.kind === 'city') {
    const input = await cityInput(job, (f) => progress('data', f));
    progress('layout', 0);
    return buildCityReportFrom(input, { fonts, date: job.date });
  }
  if (job.kind === 'annual') {
    const annual = await annualSnapshot(job.snapshot, false);
    if (annual === null) throw new Error(NO_UNIT_RECORD);
    progress('layout', 0);
    return buildAnnualReport(annual.data, { fonts, drafts: job.drafts, date: job.date, figures: annual.figures });
  }
  if (job.kind === 'signin-meeting' || job.kind === 'signin-training') {
    // a sheet reads the unit, its organisations and members and the one meeting or class, not the year
    const data = await readSignInSnapshot(job.snapshot, job.kind === 'signin-meeting' ? { meetingId: job.meetingId } : { classId: job.classId });
    if (data === null) throw new Error(NO_UNIT_RECORD);
    progress('layout', 0);
    const sheet = job.kind === 'signin-meeting' ? signInSheetForMeeting(data, job.meetingId) : signInSheetForTraining(data, job.classId);
    return buildSignInSheet(sheet, { fonts });
  }
  if (job.kind === 'year-view') {
    const { view, committeeName } = await yearViewInput(job.year);
    progress('layout', 0);
    return buildYearViewReport(view, { fonts, committeeName, asOf: job.asOf });
  }
  if (job.kind === 'quarter-scores') {
    const { print, committeeName } = await quarterScoresInput(job.quarter, job.today, (f) => progress('data', f));
    progress('layout', 0);
    return buildQuarterScoreReport(print, { fonts, committeeName, asOf: job.today });
  }
  if (job.kind === 'card-register') {
    const { input, committeeName } = await cardRegisterInput();
    progress('layout', 0);
    return buildCardRegisterReport(input, { fonts, committeeName, asOf: job.asOf, year: job.year });
  }
  if (job.kind === 'duties') {
    // the unit and its duty lists only
    const duties = await readDutyListSnapshot(job.snapshot);
    if (duties === null) throw new Error(NO_UNIT_RECORD);
    progress('layout', 0);
    return job.part === 'list' ? buildDutyList(duties, { fonts }) : buildDutySelfCheck(duties, { fonts });
  }
  const data = await readSnapshot(job.snapshot);
  if (data === null) throw new Error(NO_UNIT_RECORD);
  progress('layout', 0);
  switch (job.kind) {
    case 'roster':
      return buildRoster(data, { fonts, full: job.full });
    case 'meetings':
      return buildMeetingBook(data, job.organisationId, { fonts });
  }
}

function pageCount(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  return (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

const settled = (p: Promise<unknown>): Promise<void> =>
  p.then(
    () => undefined,
    () => undefined,
  );

/** The annual snapshot being computed for the panel (the warm-up's render waits for it). */
let preparing: Promise<void> = Promise.resolve();
/** The warm-up's render, once started (a report's render waits for it: pdfmake is one instance). */
let warmRender: Promise<void> = Promise.resolve();
let warmedUp = false;
/** Reports asked for so far: a report that comes first makes the warm-up's render needless. */
let generateRequests = 0;
/** Reports being made now. */
let running = 0;
/** How long the panel's text must have been shown, with no report asked for, before the warm-up renders. */
const WARM_UP_IDLE_MS = 250;

/** One small page in every face of the set: what pdfmake compiles and reads on its first render. */
function warmUpDefinition(fonts: ReportFontSet): PdfDocumentDefinition {
  const families = Object.keys(pdfFontDictionary(fonts));
  const text = '机关党建台账 2026年度 第一党支部 签到表 （一）';
  return {
    pageSize: { width: 595.28, height: 841.89 },
    pageMargins: [79, 105, 74, 99],
    defaultStyle: { font: families[0] ?? '', fontSize: 16 },
    info: { title: 'warm-up' },
    footer: (page, pages) => ({ text: `— ${page} / ${pages} —`, alignment: 'center' }),
    content: families.flatMap((font) => [
      { text, font, fontSize: 16, alignment: 'center' },
      { table: { headerRows: 1, widths: ['*', 60, 60], body: [[{ text, font }, { text: '姓名', font }, { text: '签名', font }], ...[1, 2, 3].map((n) => [{ text: `${n} ${text}`, font }, { text: '张三', font }, ''])] } },
    ]),
  };
}

function warmUp(request: Extract<WorkerRequest, { type: 'warm-up' }>): void {
  if (warmedUp) return;
  warmedUp = true;
  void (async () => {
    const fonts = await sessionFontSet();
    const pdfMake = await pdfmake();
    await loadFonts(fonts, request.fontsBase, () => {});
    await preparing; // the panel's text first: the user is waiting for it
    const asked = generateRequests;
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_IDLE_MS));
    if (generateRequests !== asked || running > 0) return; // a report is on its way: its own render compiles pdfmake
    pdfMake.setFonts(pdfFontDictionary(fonts));
    pdfMake.setProgressCallback(() => {});
    warmRender = settled(pdfMake.createPdf(warmUpDefinition(fonts)).getBuffer());
    await warmRender;
  })().catch(() => {
    warmedUp = false; // a report loads what it needs itself
  });
}

async function generate(request: Extract<WorkerRequest, { type: 'generate' }>): Promise<void> {
  const { id, job } = request;
  const started = performance.now();
  const progress = jobProgress(id, job);
  running++;
  try {
    const fonts = await sessionFontSet();
    progress('fonts', 0);
    await loadFonts(fonts, request.fontsBase, (f) => progress('fonts', f));
    const definition = await build(job, fonts, progress);
    progress('render', 0);
    await warmRender;
    const pdfMake = await pdfmake();
    pdfMake.setFonts(pdfFontDictionary(fonts));
    pdfMake.setProgressCallback((p) => progress('render', p));
    const buffer = await pdfMake.createPdf(definition).getBuffer();
    const bytes = new Uint8Array(buffer.byteLength);
    bytes.set(buffer);
    post({ type: 'done', id, bytes, fonts: describeFontSet(fonts), pages: pageCount(bytes), ms: Math.round(performance.now() - started) }, [bytes.buffer]);
  } catch (e) {
    post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  } finally {
    running--;
  }
}

async function prepareAnnual(request: Extract<WorkerRequest, { type: 'prepare-annual' }>): Promise<void> {
  try {
    const computing = annualSnapshot(request.snapshot, true);
    preparing = settled(computing);
    const annual = await computing;
    const prepared = annual === null ? null : { unitName: annual.data.unit.name, defaults: annualReportDefaults(annual.data, annual.figures) };
    post({ type: 'prepared', id: request.id, prepared });
  } catch (e) {
    post({ type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) });
  }
}

self.addEventListener('message', (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  if (msg.type === 'host-fonts') takeHostFonts(msg.fonts);
  else if (msg.type === 'prepare-annual') void prepareAnnual(msg);
  else if (msg.type === 'warm-up') warmUp(msg);
  else {
    generateRequests++;
    void generate(msg);
  }
});
