/**
 * The browser side of reportsBrowser.bench.ts, built by Vite into a page that runs in real Chromium
 * (a disk profile: IndexedDB on disk, as in the app). Node drives it through `window.reportsBench`.
 *
 * - `seed`: the largest unit of the synthetic city (test/bench/largestUnit.ts) written into the
 *   app's own database (openDatabase(): the app's name, schema and durability), as a unit's
 *   workspace holds it; or, for the smoke test, a unit of the `small` city.
 * - `app`: the app's own path, the same client and worker the 报表 screen uses
 *   (renderer/workers/pdfClient.ts): for the annual report prepareAnnualReport (the panel opening:
 *   read the records, snapshot, figures, the generated text) then generatePdf (the 生成 click: the
 *   definition, the render, the bytes); for a sign-in sheet generatePdf alone (its panel prepares
 *   nothing). The progress callback stands in for the page's (one state update per message, counted).
 *   A new session is a reloaded page (Node reloads it): a new worker, nothing loaded; `open` is the
 *   报表 page opening (ReportsArea asks the worker to warm up).
 * - `baseline`: pdfmake's browser build rendering the SAME definition on this page's main thread,
 *   its fonts already in pdfmake's virtual file system (fetched once, untimed). The definition is
 *   built untimed from the same records the same way the worker builds it; the read, the snapshot,
 *   the figures and the definition are timed on their own, to show where the app's extra time goes.
 *
 * Both sides answer a digest of the PDF with the creation date and the document ID blanked: equal
 * digests mean byte-identical PDFs, i.e. the same definition rendered the same way.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the ambient `taizhang:pdfmake` (pdfmake's browser build) the PDF worker declares
/// <reference path="../../../renderer/workers/modules.d.ts" />
import type { PdfMakeBrowser } from 'taizhang:pdfmake';
import { annualReportDefaults } from '../../../shared/reports/annualDutiesText';
import { buildAnnualReport } from '../../../shared/reports/annualReport';
import { BUNDLED_FONT_SET, fontFilesOf, pdfFontDictionary } from '../../../shared/reports/fonts';
import type { PdfDocumentDefinition } from '../../../shared/reports/pdfTypes';
import { computeAnnualFigures, unitReportData } from '../../../shared/reports/reportData';
import { buildSignInSheet, signInSheetForMeeting } from '../../../shared/reports/signInSheet';
import type { IsoDate } from '../../../shared/rules/dates';
import { ruleProfileInForce } from '../../../shared/rules/profile';
import { RECORD_TABLES } from '../../../shared/model/tables';
import { Dexie } from 'dexie';
import { openDatabase } from '../../../renderer/db/db';
import { loadUnitRecords } from '../../../renderer/db/queries/reports';
import { generatePdf, prepareAnnualReport, warmUpPdfWorker, type ReportJob, type UnitSnapshot } from '../../../renderer/workers/pdfClient';
import { generateUnits, planUnits, type GeneratedUnit } from '../../fixtures/generator';
import { largestCityUnit } from '../largestUnit';
import { unlockTestDataKey } from '../../../renderer/identity/testing/dataKey';

// the app's own code seals ID numbers, phones and 慰问事由 under the unlocked data key: a fixed test key here
unlockTestDataKey();

export interface SeedOptions {
  readonly size: 'city' | 'small';
  readonly seed: number;
  readonly year: number;
}

export interface Seeded {
  readonly unitId: string;
  readonly name: string;
  readonly records: number;
  readonly members: number;
  readonly meetings: number;
  /** UTF-8 bytes of the unit's records as JSON. */
  readonly jsonBytes: number;
  /** The meeting of the year with the most attendees: its sign-in sheet. */
  readonly meetingId: string;
  readonly attendees: number;
  readonly seedMs: number;
}

export interface Target {
  readonly unitId: string;
  readonly year: number;
  readonly meetingId: string;
}

export type ReportKind = 'annual' | 'signin';

export interface PdfFacts {
  readonly bytes: number;
  readonly pages: number;
  /** SHA-256 of the PDF with its dates (D:…) and /ID blanked (hex, first 16). */
  readonly digest: string;
}

export interface AppTiming extends PdfFacts {
  /** prepareAnnualReport (the annual panel opening); 0 for a sign-in sheet. */
  readonly prepare: number;
  /** generatePdf: the 生成 click to the PDF's bytes on the page. */
  readonly generate: number;
  /** The worker's own time for the job (PdfResult.ms). */
  readonly workerMs: number;
  readonly progressMessages: number;
}

export interface BaselineTiming extends PdfFacts {
  /** pdfmake.createPdf(definition).getBuffer(), fonts loaded. */
  readonly render: number;
  /** The same work as the app's, done on this page and timed apart (not part of the baseline). */
  readonly read: number;
  readonly snapshot: number;
  readonly figures: number;
  readonly definition: number;
}

export interface ReportsBenchApi {
  seed(options: SeedOptions): Promise<Seeded>;
  /** The 报表 page opens (ReportsArea's warm-up of the PDF worker); the time is kept for `app`'s clickAfter. */
  open(): void;
  /**
   * One report as the screen makes it. `clickAfter` (ms): the 生成 click comes no earlier than that
   * long after `open` (the user reading the text or choosing the meeting); 0: at once.
   */
  app(target: Target, kind: ReportKind, clickAfter: number): Promise<AppTiming>;
  baseline(target: Target, kind: ReportKind): Promise<BaselineTiming>;
  /** The last PDF of one side, base64. */
  lastPdf(side: 'app' | 'baseline'): string;
  cleanUp(): Promise<void>;
}

declare global {
  interface Window {
    reportsBench?: ReportsBenchApi;
  }
}

const asOfFor = (year: number): IsoDate => `${year}-12-31` as IsoDate;
const PROFILE = ruleProfileInForce([], '2026-12-05' as IsoDate);
const ADDRESSEE = '中共示范市委直属机关工作委员会';

function snapshotOf(t: Target): UnitSnapshot {
  return { unitId: t.unitId, year: t.year, asOf: asOfFor(t.year), committeeName: ADDRESSEE, profile: PROFILE };
}

function unitOf(o: SeedOptions): GeneratedUnit {
  if (o.size === 'city') return largestCityUnit(o.seed, o.year);
  const options = { size: 'small', seed: o.seed, year: o.year } as const;
  const largest = planUnits(options).reduce((a, b) => (b.members > a.members ? b : a));
  for (const u of generateUnits(options)) if (u.unit.name === largest.name) return u;
  throw new Error(`${largest.name} was not generated`);
}

async function seed(o: SeedOptions): Promise<Seeded> {
  const t0 = performance.now();
  const unit = unitOf(o);
  const records = unit.records as Record<string, { id: string }[] | undefined>;
  await Dexie.delete('taizhang'); // a run stopped half-way leaves its database behind
  const db = openDatabase();
  await db.open();
  if (db.name !== 'taizhang') throw new Error(`the app's database is ${db.name}`);
  let count = 0;
  let jsonBytes = 0;
  const encoder = new TextEncoder();
  const tables = RECORD_TABLES.filter((t) => (records[t]?.length ?? 0) > 0);
  await db.transaction('rw', tables, async () => {
    for (const t of tables) {
      const list = records[t]!;
      count += list.length;
      jsonBytes += encoder.encode(JSON.stringify(list)).length;
      await db.table(t).bulkPut(list);
    }
  });
  db.close();
  type M = { id: string; date: string; deleted?: boolean; attendance: readonly { status: string }[] };
  const meetings = (records.meeting ?? []) as unknown as M[];
  const ofYear = meetings.filter((m) => m.deleted !== true && m.date.startsWith(`${o.year}-`));
  const biggest = ofYear.reduce<M | null>((a, m) => (a === null || m.attendance.length > a.attendance.length ? m : a), null);
  if (biggest === null) throw new Error(`${unit.unit.name}: no meeting in ${o.year}`);
  return {
    unitId: unit.unit.id,
    name: unit.unit.name,
    records: count,
    members: records.member?.length ?? 0,
    meetings: meetings.length,
    jsonBytes,
    meetingId: biggest.id,
    attendees: biggest.attendance.length,
    seedMs: performance.now() - t0,
  };
}

/** The last PDF of each side, for a look when the digests differ. */
export const lastPdfs: { app: Uint8Array | null; baseline: Uint8Array | null } = { app: null, baseline: null };

async function facts(bytes: Uint8Array, pages: number): Promise<PdfFacts> {
  const text = new TextDecoder('latin1').decode(bytes);
  const blanked = text.replace(/\(D:\d{14}[^)]*\)/g, '(D:)').replace(/\/ID \[<[0-9a-f]*> <[0-9a-f]*>\]/gi, '/ID []');
  const latin1 = new Uint8Array(blanked.length);
  for (let i = 0; i < blanked.length; i++) latin1[i] = blanked.charCodeAt(i);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', latin1));
  const digest = [...hash.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return { bytes: bytes.length, pages, digest };
}

function pageCount(bytes: Uint8Array): number {
  return (new TextDecoder('latin1').decode(bytes).match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

let openedAt = 0;

function open(): void {
  openedAt = performance.now();
  warmUpPdfWorker();
}

async function app(t: Target, kind: ReportKind, clickAfter: number): Promise<AppTiming> {
  let progressMessages = 0;
  const onProgress = () => {
    progressMessages++;
  };
  const snapshot = snapshotOf(t);
  const t0 = performance.now();
  let job: ReportJob;
  if (kind === 'annual') {
    const prepared = await prepareAnnualReport(snapshot);
    if (prepared === null) throw new Error('no unit record');
    job = { kind: 'annual', snapshot, drafts: prepared.defaults, date: asOfFor(t.year) };
  } else {
    job = { kind: 'signin-meeting', snapshot, meetingId: t.meetingId };
  }
  const wait = openedAt + clickAfter - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const t1 = performance.now();
  const result = await generatePdf(job, onProgress);
  const t2 = performance.now();
  lastPdfs.app = result.bytes;
  return { prepare: t1 - t0, generate: t2 - t1, workerMs: result.ms, progressMessages, ...(await facts(result.bytes, result.pages)) };
}

// ── the baseline: pdfmake alone on this page, fonts loaded ──────────────────────────────────────

let bare: Promise<PdfMakeBrowser> | null = null;

/** pdfmake's browser build with the bundled fonts in its virtual file system (once per page, untimed). */
function barePdfmake(): Promise<PdfMakeBrowser> {
  bare ??= (async () => {
    const pdfMake = (await import('taizhang:pdfmake')).default;
    for (const file of fontFilesOf(BUNDLED_FONT_SET)) {
      if (pdfMake.virtualfs.existsSync(file)) continue;
      const r = await fetch(new URL(`fonts/${file}`, document.baseURI));
      if (!r.ok) throw new Error(`fonts/${file}: ${r.status}`);
      pdfMake.virtualfs.writeFileSync(file, new Uint8Array(await r.arrayBuffer()));
    }
    return pdfMake;
  })();
  return bare;
}

async function baseline(t: Target, kind: ReportKind): Promise<BaselineTiming> {
  const pdfMake = await barePdfmake();
  const db = openDatabase();
  const t0 = performance.now();
  const records = await loadUnitRecords(db, t.unitId);
  const t1 = performance.now();
  db.close();
  const data = unitReportData(records, snapshotOf(t));
  if (data === null) throw new Error('no unit record');
  const t2 = performance.now();
  let figuresMs = 0;
  let definition: PdfDocumentDefinition;
  if (kind === 'annual') {
    const figures = computeAnnualFigures(data);
    figuresMs = performance.now() - t2;
    const drafts = annualReportDefaults(data, figures);
    const t3 = performance.now();
    definition = buildAnnualReport(data, { fonts: BUNDLED_FONT_SET, drafts, date: asOfFor(t.year), figures });
    const definitionMs = performance.now() - t3;
    return { ...(await render(pdfMake, definition)), read: t1 - t0, snapshot: t2 - t1, figures: figuresMs, definition: definitionMs };
  }
  const t3 = performance.now();
  definition = buildSignInSheet(signInSheetForMeeting(data, t.meetingId), { fonts: BUNDLED_FONT_SET });
  return { ...(await render(pdfMake, definition)), read: t1 - t0, snapshot: t2 - t1, figures: 0, definition: performance.now() - t3 };
}

async function render(pdfMake: PdfMakeBrowser, definition: PdfDocumentDefinition): Promise<PdfFacts & { render: number }> {
  const t0 = performance.now();
  pdfMake.setFonts(pdfFontDictionary(BUNDLED_FONT_SET));
  const buffer = await pdfMake.createPdf(definition).getBuffer();
  const ms = performance.now() - t0;
  const bytes = new Uint8Array(buffer);
  lastPdfs.baseline = bytes;
  return { render: ms, ...(await facts(bytes, pageCount(bytes))) };
}

window.reportsBench = {
  seed,
  open,
  app,
  baseline,
  lastPdf: (side) => {
    const bytes = lastPdfs[side];
    if (bytes === null) return '';
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  },
  cleanUp: async () => {
    await Dexie.delete('taizhang');
  },
};
document.title = 'reportsBench ready';
