/**
 * The reports in REAL headless Chromium (browser/harness.ts: the e2e browser, a disk profile, the
 * page built by Vite with the app's worker settings; the page's side is browser/reportsPage.ts),
 * on the largest unit of the synthetic city (largestUnit.ts, seed 1) seeded into the app's own
 * IndexedDB database:
 *
 * - ours: the app's own path — the client and worker the 报表 screen uses (pdfClient.ts →
 *   pdf.worker.ts): the annual report's panel opening (prepareAnnualReport: read, snapshot,
 *   figures, text) and its 生成 (generatePdf: definition, render, bytes back on the page), as the
 *   first report of a session (a reloaded page: a new worker; the 报表 page opening warms the
 *   worker up, the click comes --think ms after it, default 2000, and in another session as soon
 *   as the text shows) and as the second; a sign-in sheet (the year's largest meeting) as the third
 *   job of the session and as the first of a new one.
 * - baseline: pdfmake's browser build rendering the SAME definition on the page's main thread,
 *   fonts already loaded — pdfmake's own time, measured in the same run, alternating with ours:
 *   its second render on the page (warm) is the baseline; its first (cold) is printed too.
 *
 * Printed: min/median/max of each over --runs sessions, ours ÷ baseline, the goal of issue 18
 * (≤ 1.3× end to end, the second report of a session included), which browser ran, the load
 * average. JSON to test/bench/results/reportsBrowser-<time>.json (not committed).
 *
 *     npm run bench -- reportsBrowser [--runs 5] [--seed 1] [--think 2000]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { ensureBundledFonts, FONTS_DIR } from '../../scripts/cli/renderPdf';
import { BUNDLED_FONT_FILES } from '../../shared/reports/fonts';
import type { AppTiming, BaselineTiming, ReportKind, Seeded, SeedOptions, Target } from './browser/reportsPage';
import { openBenchPage } from './browser/harness';
import { intOption, type BenchOptions } from './options';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const YEAR = 2026;
export const GOAL = 1.3;

export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly runs: number;
}

export interface RunResult {
  /** The 生成 click `think` ms after the 报表 page opened. */
  readonly annualFirst: AppTiming;
  /** The 生成 click as soon as the panel's text is there. */
  readonly annualFirstAtOnce: AppTiming;
  readonly annualSecond: AppTiming;
  readonly signInWarm: AppTiming;
  readonly signInFirst: AppTiming;
  /** pdfmake's first render on the page (its code not yet compiled), fonts loaded. */
  readonly baselineAnnualCold: BaselineTiming;
  /** pdfmake's second render of the same definition on the page: its own warm time, THE baseline. */
  readonly baselineAnnual: BaselineTiming;
  readonly baselineSignIn: BaselineTiming;
}

export interface ReportsBenchResult {
  readonly browser: string;
  readonly unit: Seeded;
  readonly runs: readonly RunResult[];
  readonly loadBefore: string;
  readonly loadAfter: string;
  /** Every PDF of ours equal (creation date and ID aside) to pdfmake's of the same definition. */
  readonly identical: boolean;
}

function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, runs: sorted.length };
}

const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' / ');
const s = (n: number): string => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);
const spreadText = (sp: Spread): string => `${s(sp.median)} (${s(sp.min)}–${s(sp.max)})`;
const x = (r: number): string => `${r.toFixed(2)}×`;

async function call<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([f, a]) => (window.reportsBench as unknown as Record<string, (...xs: unknown[]) => Promise<unknown>>)[f as string]!(...(a as unknown[])), [fn, args] as const) as Promise<T>;
}

/** A new session: the page reloaded (a new PDF worker, nothing loaded in it). */
async function newSession(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => document.title.endsWith('ready') && window.reportsBench !== undefined, undefined, { timeout: 60_000 });
}

/** Opens the page, seeds the unit, runs `runs` sessions. `log` prints as it goes. */
export async function measureReports(seedOptions: SeedOptions, runs: number, think: number, log: (line: string) => void = () => {}): Promise<ReportsBenchResult> {
  ensureBundledFonts(); // resources/fonts/ (never committed), as the app's build does
  const files = Object.fromEntries(BUNDLED_FONT_FILES.map((f) => [`fonts/${f}`, path.join(FONTS_DIR, f)]));
  const bench = await openBenchPage('reports', (page) => page.evaluate(() => window.reportsBench !== undefined), {
    // the app's settings for the worker and pdfmake (vite.config.ts)
    vite: { resolve: { alias: [{ find: /^taizhang:pdfmake$/, replacement: 'pdfmake/build/pdfmake.min.js' }] }, worker: { format: 'es' } },
    files,
  });
  const { page } = bench;
  log(`浏览器 (browser): ${bench.browser}`);
  const loadBefore = load();
  log(`  machine: ${os.cpus().length} cores, load average (1/5/15 min) ${loadBefore}`);
  const results: RunResult[] = [];
  let unit: Seeded;
  try {
    unit = await call<Seeded>(page, 'seed', seedOptions);
    log(`  unit: ${unit.name}, ${unit.records.toLocaleString('en-US')} records (${unit.members} members, ${unit.meetings} meetings), ${(unit.jsonBytes / 1024 / 1024).toFixed(1)} MB of record JSON, seeded in ${s(unit.seedMs)}; sign-in sheet of a meeting with ${unit.attendees} attendees`);
    const target: Target = { unitId: unit.unitId, year: seedOptions.year, meetingId: unit.meetingId };
    const app = (kind: ReportKind, clickAfter = 0) => call<AppTiming>(page, 'app', target, kind, clickAfter);
    const open = () => call<void>(page, 'open');
    const baseline = (kind: ReportKind) => call<BaselineTiming>(page, 'baseline', target, kind);
    for (let i = 0; i < runs; i++) {
      await newSession(page);
      let baselineAnnualCold: BaselineTiming;
      let baselineAnnual: BaselineTiming;
      let baselineSignIn: BaselineTiming;
      let annualFirst: AppTiming;
      let annualSecond: AppTiming;
      let signInWarm: AppTiming;
      // alternate which goes first, so that neither always meets the other's garbage
      if (i % 2 === 0) {
        await open();
        annualFirst = await app('annual', think);
        annualSecond = await app('annual');
        signInWarm = await app('signin');
        baselineAnnualCold = await baseline('annual');
        baselineAnnual = await baseline('annual');
        baselineSignIn = await baseline('signin');
      } else {
        baselineAnnualCold = await baseline('annual');
        baselineAnnual = await baseline('annual');
        baselineSignIn = await baseline('signin');
        await open();
        annualFirst = await app('annual', think);
        annualSecond = await app('annual');
        signInWarm = await app('signin');
      }
      await newSession(page);
      await open();
      const annualFirstAtOnce = await app('annual');
      await newSession(page);
      await open();
      const signInFirst = await app('signin', think);
      const r: RunResult = { annualFirst, annualFirstAtOnce, annualSecond, signInWarm, signInFirst, baselineAnnualCold, baselineAnnual, baselineSignIn };
      results.push(r);
      const annual = (a: AppTiming) => `${s(a.prepare)} + ${s(a.generate)}`;
      log(
        `  run ${i + 1}: annual 1st ${annual(annualFirst)} (clicked at once ${annual(annualFirstAtOnce)}), 2nd ${annual(annualSecond)} vs pdfmake ${s(baselineAnnual.render)} (its first on the page ${s(baselineAnnualCold.render)}; ${annualFirst.pages} pages); sign-in warm ${s(signInWarm.generate)}, 1st of a session ${s(signInFirst.generate)} vs pdfmake ${s(baselineSignIn.render)}; load ${load()}`,
      );
    }
    await call(page, 'cleanUp');
  } finally {
    await bench.close();
  }
  const identical = results.every(
    (r) =>
      r.annualFirst.digest === r.baselineAnnual.digest &&
      r.annualFirstAtOnce.digest === r.baselineAnnual.digest &&
      r.annualSecond.digest === r.baselineAnnual.digest &&
      r.baselineAnnualCold.digest === r.baselineAnnual.digest &&
      r.signInWarm.digest === r.baselineSignIn.digest &&
      r.signInFirst.digest === r.baselineSignIn.digest,
  );
  return { browser: bench.browser, unit, runs: results, loadBefore, loadAfter: load(), identical };
}

interface Row {
  readonly figure: string;
  readonly ours: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly goal: string;
}

export function tableOf(r: ReportsBenchResult, think: number): Row[] {
  const of = (f: (run: RunResult) => number) => spreadOf(r.runs.map(f));
  const baseA = of((run) => run.baselineAnnual.render);
  const baseS = of((run) => run.baselineSignIn.render);
  const baseCold = of((run) => run.baselineAnnualCold.render);
  const row = (figure: string, ours: Spread, base: Spread, goal = `≤ ${GOAL}×`): Row => ({
    figure,
    ours: spreadText(ours),
    baseline: `pdfmake ${spreadText(base)}`,
    ratio: x(ours.median / base.median),
    goal,
  });
  return [
    row(`annual, 1st of a session: click → PDF (click ${s(think)} after 报表 opened)`, of((run) => run.annualFirst.generate), baseA),
    row('  the same against pdfmake\'s first render on its page', of((run) => run.annualFirst.generate), baseCold, ''),
    row('annual, 1st of a session: click → PDF (click as soon as the text shows)', of((run) => run.annualFirstAtOnce.generate), baseA),
    row('annual, 1st of a session: open → PDF (text, then click at once)', of((run) => run.annualFirstAtOnce.prepare + run.annualFirstAtOnce.generate), baseA, ''),
    row('annual, 2nd of a session: click → PDF', of((run) => run.annualSecond.generate), baseA),
    row('annual, 2nd of a session: open → PDF', of((run) => run.annualSecond.prepare + run.annualSecond.generate), baseA, ''),
    row('  of it the panel opening (prepare: read, snapshot, figures)', of((run) => run.annualSecond.prepare), baseA, ''),
    row('sign-in sheet, 3rd job of a session', of((run) => run.signInWarm.generate), baseS),
    row(`sign-in sheet, 1st of a session (click ${s(think)} after 报表 opened)`, of((run) => run.signInFirst.generate), baseS),
  ];
}

function printTable(rows: readonly Row[]): void {
  const cols: (keyof Row)[] = ['figure', 'ours', 'baseline', 'ratio', 'goal'];
  const head: Row = { figure: 'figure', ours: 'ours (median, min–max)', baseline: 'baseline (same run)', ratio: 'ratio', goal: 'goal' };
  const width = (c: keyof Row) => Math.max(...[head, ...rows].map((r) => r[c].length));
  const line = (r: Row) => `| ${cols.map((c) => r[c].padEnd(width(c))).join(' | ')} |`;
  console.log(line(head));
  console.log(`| ${cols.map((c) => '-'.repeat(width(c))).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
}

export async function run(options: BenchOptions = {}): Promise<void> {
  const runs = intOption(options, 'runs', 5, 1, 100);
  const seed = intOption(options, 'seed', 1, 0, 2 ** 31);
  const think = intOption(options, 'think', 2000, 0, 60_000);
  console.log(`报表 in Chromium (reportsBrowser): the largest unit of the synthetic city (seed ${seed}, ${YEAR}) in the app's IndexedDB; ${runs} sessions`);
  const started = performance.now();
  const result = await measureReports({ size: 'city', seed, year: YEAR }, runs, think, (l) => console.log(l));
  const elapsed = (performance.now() - started) / 1000;
  const table = tableOf(result, think);
  const of = (f: (run: RunResult) => number) => spreadOf(result.runs.map(f));
  console.log('');
  printTable(table);
  const b = result.runs.map((r) => r.baselineAnnual);
  console.log(
    `the same work on the page, timed apart (annual, medians): read ${s(spreadOf(b.map((t) => t.read)).median)}, snapshot ${s(spreadOf(b.map((t) => t.snapshot)).median)}, figures ${s(spreadOf(b.map((t) => t.figures)).median)}, definition ${s(spreadOf(b.map((t) => t.definition)).median)}; pdfmake ${s(spreadOf(b.map((t) => t.render)).median)}`,
  );
  console.log(`worker's own time (PdfResult.ms, medians): annual 1st ${s(of((r) => r.annualFirst.workerMs).median)}, 2nd ${s(of((r) => r.annualSecond.workerMs).median)}; progress messages per annual report ${of((r) => r.annualSecond.progressMessages).median}`);
  console.log(`PDFs: ours ${result.identical ? 'byte-identical to' : 'DIFFER from'} pdfmake's of the same definition (creation date and ID aside)`);
  console.log(`(browser: ${result.browser})`);
  console.log(`(machine: ${os.cpus().length} cores, load average ${result.loadBefore} before and ${result.loadAfter} after the run (${elapsed.toFixed(0)} s) — other work on the machine shows up as noise; compare ratios from the same run)`);
  const dir = path.join(HERE, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `reportsBrowser-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ seed, year: YEAR, think, cores: os.cpus().length, elapsedSeconds: elapsed, table, ...result }, null, 2)}\n`);
  console.log(`(figures: ${path.relative(process.cwd(), file)})`);
}
