/**
 * The 工委 with the synthetic city, measured in REAL headless Chromium (browser/harness.ts: the e2e
 * browser, a disk profile, the page built by Vite; the page's side is browser/cityPage.ts):
 *
 * 1. The committee imports the city unit by unit through the 同步 page's functions (prepareImport,
 *    then applyImport in one strict-durability transaction, which also rebuilds the unit's summary).
 *    Per unit: the import time against the records the committee already holds, fitted as
 *    `fixed + per record of the unit + per record already held`; the same sample units imported
 *    last into the full committee and each into an empty one (full ÷ empty: flat means ≤ 1.1×);
 *    against the baseline, a raw Dexie bulkPut of the same rows into a database of the same schema
 *    (same indexes, strict durability) that fills alongside; the summary rebuild alone.
 * 2. The city dashboard for the city-year: cityDashboard over the summaries of every imported unit
 *    against a bare loop over the same arrays; the summaries' read against a read of the records
 *    they stand for; the summaries' size against the units' record JSON.
 *
 *     npm run bench -- city                 # the first 40 units of the city (a few minutes on 2 cores)
 *     npm run bench -- city --units 200     # the whole city (seed 7: 200 units, 159,627 records)
 *
 * Flags: --units N (1–200, default 40), --sample K (units held back for full vs empty, default 8;
 * 12 from 100 units), --seed N (default 7), --runs N (dashboard runs, default 15), --largest false
 * (skip the city's largest unit, 市公安局 for seed 7: by default it is imported after the run into the
 * full committee, when the run's units do not include it, and reported on its own).
 * Every import also records the main thread's long tasks (PerformanceObserver 'longtask'). The figures are
 * also written to test/bench/results/city-<time>.json (not committed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CitySetup, DashboardResult, ImportTiming, Spread, UnitResult } from './browser/cityPage';
import { openBenchPage } from './browser/harness';
import { ms } from './largestUnit';
import { intOption, type BenchOptions } from './options';

const YEAR = 2026;
const CITY_UNITS = 200;

// ── statistics ──────────────────────────────────────────────────────────────────────────────────

export interface Fit {
  /** ms per import whatever its size */
  readonly fixed: number;
  /** ms per record of the unit */
  readonly perRecord: number;
  /** ms per record the committee already holds */
  readonly perHeld: number;
  readonly r2: number;
}

/** Least squares t = fixed + perRecord·n + perHeld·h (normal equations, Gaussian elimination). */
export function fitImports(points: readonly { n: number; h: number; t: number }[]): Fit | null {
  if (points.length < 4) return null;
  const rows = points.map((p) => [1, p.n, p.h]);
  const a = [0, 1, 2].map((i) => [0, 1, 2].map((j) => rows.reduce((s, r) => s + r[i]! * r[j]!, 0)));
  const b = [0, 1, 2].map((i) => rows.reduce((s, r, k) => s + r[i]! * points[k]!.t, 0));
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    if (Math.abs(a[col]![col]!) < 1e-12) return null;
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c < 3; c++) a[r]![c]! -= f * a[col]![c]!;
      b[r]! -= f * b[col]!;
    }
  }
  const [fixed, perRecord, perHeld] = [0, 1, 2].map((i) => b[i]! / a[i]![i]!) as [number, number, number];
  const mean = points.reduce((s, p) => s + p.t, 0) / points.length;
  const total = points.reduce((s, p) => s + (p.t - mean) ** 2, 0);
  const residual = points.reduce((s, p) => s + (p.t - (fixed + perRecord * p.n + perHeld * p.h)) ** 2, 0);
  return { fixed, perRecord, perHeld, r2: total === 0 ? 1 : 1 - residual / total };
}

function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, runs: sorted.length };
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const x = (r: number): string => `${r !== 0 && Math.abs(r) < 0.1 ? r.toPrecision(2) : r.toFixed(2)}×`;
const pct = (r: number): string => `${(r * 100).toFixed(1)} %`;
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KiB`);
const spreadText = (s: Spread, f: (n: number) => string = ms): string => `${f(s.median)} (${f(s.min)}–${f(s.max)}, ${s.runs} runs)`;
const ratioSpread = (s: Spread): string => `${x(s.median)} (${x(s.min)}–${x(s.max)})`;
const fitText = (f: Fit | null): string =>
  f === null ? 'too few units to fit' : `${ms(f.fixed)} + ${f.perRecord.toFixed(3)} ms/record + ${f.perHeld.toFixed(5)} ms per record held (R² ${f.r2.toFixed(2)})`;

/** Pads to a width in terminal columns (a Chinese character takes two). */
function padColumns(text: string, columns: number): string {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return text + ' '.repeat(Math.max(0, columns - width));
}

const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' / ');

function samplePositions(units: number, k: number): number[] {
  const count = Math.min(k, Math.floor(units / 3));
  return Array.from({ length: count }, (_, j) => Math.floor(((j + 0.5) * units) / count));
}

// ── the run ─────────────────────────────────────────────────────────────────────────────────────

interface Row {
  readonly figure: string;
  readonly ours: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly goal: string;
}

function printTable(rows: readonly Row[]): void {
  const cols: (keyof Row)[] = ['figure', 'ours', 'baseline', 'ratio', 'goal'];
  const head: Row = { figure: 'figure', ours: 'ours', baseline: 'baseline (same run)', ratio: 'ratio', goal: 'goal' };
  const width = (c: keyof Row) => Math.max(...[head, ...rows].map((r) => r[c].length));
  const line = (r: Row) => `| ${cols.map((c) => r[c].padEnd(width(c))).join(' | ')} |`;
  console.log(line(head));
  console.log(`| ${cols.map((c) => '-'.repeat(width(c))).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
}

export async function run(options: BenchOptions = {}): Promise<void> {
  const units = intOption(options, 'units', 40, 4, CITY_UNITS);
  const seed = intOption(options, 'seed', 7, 0, 2 ** 31);
  const runs = intOption(options, 'runs', 15, 3, 1000);
  const sample = samplePositions(units, intOption(options, 'sample', units >= 100 ? 12 : 8, 1, 50));
  const setup: CitySetup = { seed, year: YEAR, units, sample };
  console.log(
    units === CITY_UNITS
      ? `城市 (city): all ${CITY_UNITS} units of the synthetic city (seed ${seed}, ${YEAR})`
      : `城市 (city): the first ${units} of the synthetic city's ${CITY_UNITS} units (seed ${seed}, ${YEAR}) — \`npm run bench -- city --units ${CITY_UNITS}\` for the whole city`,
  );
  console.log(`  ${sample.length} of them (positions ${sample.map((p) => p + 1).join(', ')}) held back and imported last, each also into an empty committee`);

  // the app's worker format: the import's verify and open run in a module worker, as on the 同步 page
  const bench = await openBenchPage('city', (page) => page.evaluate(() => window.cityBench !== undefined), { vite: { worker: { format: 'es' } } });
  const { page } = bench;
  console.log(`浏览器 (browser): ${bench.browser}`);
  const loadBefore = load();
  console.log(`  machine: ${os.cpus().length} cores, load average (1/5/15 min) ${loadBefore}`);
  const results: UnitResult[] = [];
  const withLargest = options.largest !== 'false';
  let largestAlone: UnitResult | null = null;
  let dash: DashboardResult;
  const started = performance.now();
  try {
    await page.evaluate((o) => window.cityBench!.setup(o), setup);
    const line = (r: UnitResult) => {
      const t = r.full;
      const empty = r.empty === null ? '' : `; into an EMPTY committee ${ms(r.empty.total)} (raw ${ms(r.empty.raw)}) → full/empty ${x(t.total / r.empty.total)}`;
      console.log(
        `  ${String(r.index + 1).padStart(3)} ${padColumns(r.name, 26)} ${int(r.records).padStart(6)} records, ${int(r.heldBefore).padStart(7)} held: import ${ms(t.total)} (check ${ms(t.prepare)} + write ${ms(t.apply)}), raw put ${ms(t.raw)} → ${x(t.total / t.raw)}; longest task ${ms(t.longest)}; summary alone ${ms(r.rebuild)}${empty}`,
      );
    };
    for (;;) {
      const r = await page.evaluate(() => window.cityBench!.next());
      if (r === null) break;
      results.push(r);
      if (units <= 60 || results.length % 10 === 0) line(r);
    }
    console.log('  — the sample, into the full committee and into an empty one —');
    for (let j = 0; j < sample.length; j++) {
      const r = await page.evaluate((i) => window.cityBench!.sample(i), j);
      if (r === null) break;
      results.push(r);
      line(r);
    }
    if (withLargest) {
      // TZ_BENCH_PROFILE=largest: a CPU profile of the page's main thread during the largest unit's import
      const cdp = process.env.TZ_BENCH_PROFILE === 'largest' ? await page.context().newCDPSession(page) : null;
      if (cdp !== null) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      largestAlone = await page.evaluate(() => window.cityBench!.largest());
      if (cdp !== null) {
        const { profile } = await cdp.send('Profiler.stop');
        const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'city-largest-import.cpuprofile');
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(profile));
        console.log(`  CPU profile of the largest unit's import → ${path.relative(process.cwd(), file)}`);
        await cdp.detach();
      }
      if (largestAlone !== null) {
        console.log('  — the city\'s largest unit, into the full committee —');
        line(largestAlone);
      }
    }
    dash = await page.evaluate((n) => window.cityBench!.dashboard(n), runs);
    await page.evaluate(() => window.cityBench!.cleanUp());
  } finally {
    await bench.close();
  }
  const elapsed = (performance.now() - started) / 1000;
  const loadAfter = load();

  // ── figures ──
  const totalOf = (t: ImportTiming) => t.total;
  const fitOurs = fitImports(results.map((r) => ({ n: r.records, h: r.heldBefore, t: r.full.total })));
  const fitRaw = fitImports(results.map((r) => ({ n: r.records, h: r.heldBefore, t: r.full.raw })));
  const records = sum(results.map((r) => r.records));
  const held = Math.max(...results.map((r) => r.heldBefore));
  const avgRecords = records / results.length;
  const ours = sum(results.map((r) => r.full.total));
  const raw = sum(results.map((r) => r.full.raw));
  const writes = sum(results.map((r) => r.full.apply));
  const samples = results.filter((r) => r.empty !== null);
  const fullSum = sum(samples.map((r) => r.full.total));
  const emptySum = sum(samples.map((r) => totalOf(r.empty!)));
  const rawFull = sum(samples.map((r) => r.full.raw));
  const rawEmpty = sum(samples.map((r) => r.empty!.raw));
  const perUnitFullEmpty = spreadOf(samples.map((r) => r.full.total / r.empty!.total));
  const perUnitRawFullEmpty = spreadOf(samples.map((r) => r.full.raw / r.empty!.raw));
  const perUnitRatio = spreadOf(results.map((r) => r.full.total / r.full.raw));
  const largest = results.reduce((a, b) => (b.records > a.records ? b : a));
  const longestAll = Math.max(...results.map((r) => r.full.longest), ...samples.map((r) => r.empty!.longest), largestAlone?.full.longest ?? 0);
  const longestSpread = spreadOf(results.map((r) => r.full.longest));
  const longTaskMs = sum(results.map((r) => r.full.longTaskMs));
  const big = largestAlone ?? largest;
  const rebuild = sum(results.map((r) => r.rebuild));
  const rebuildCommitted = sum(results.map((r) => r.rebuildCommitted));
  const build = sum(results.map((r) => r.build));
  const harness = sum(results.map((r) => r.harnessMs)) / 1000;

  console.log(`\n${results.length} units, ${int(records)} records, ${mb(dash.recordJsonBytes)} of record JSON, imported in ${(ours / 1000).toFixed(1)} s (the run: ${elapsed.toFixed(0)} s, of which ${harness.toFixed(0)} s generating units and sealing bundles)`);
  console.log(`per-unit import (ours), fitted over all ${results.length} imports: ${fitText(fitOurs)}`);
  console.log(`per-unit raw bulkPut,   fitted the same way:        ${fitText(fitRaw)}`);
  if (fitOurs !== null)
    console.log(
      `  at ${int(held)} records held the held-records term adds ${ms(fitOurs.perHeld * held)} to every import (${pct((fitOurs.perHeld * held) / (fitOurs.fixed + fitOurs.perRecord * avgRecords))} of an average ${int(avgRecords)}-record unit into an empty committee)`,
    );
  console.log(
    `dashboard: ${dash.summaries} summaries of ${dash.units} registered units (${int(dash.heldRecords)} records); members ${int(dash.check.dashboardMembers)} by cityDashboard, ${int(dash.check.bareMembers)} by the bare loop; the bare loop counted ${int(dash.check.meetingsCounted)} meetings, ${dash.check.red} red and ${dash.check.yellow} yellow term ends`,
  );

  const table: Row[] = [
    {
      figure: `per-unit import, fit (${results.length} units)`,
      ours: fitOurs === null ? '—' : `${ms(fitOurs.fixed)} + ${fitOurs.perRecord.toFixed(3)} ms/rec + ${fitOurs.perHeld.toFixed(5)} ms/held`,
      baseline: fitRaw === null ? '—' : `raw put ${ms(fitRaw.fixed)} + ${fitRaw.perRecord.toFixed(3)} ms/rec + ${fitRaw.perHeld.toFixed(5)} ms/held`,
      ratio:
        fitOurs === null || fitRaw === null
          ? '—'
          : `${fitRaw.fixed > 1 ? `fixed ${x(fitOurs.fixed / fitRaw.fixed)}, ` : ''}per rec ${x(fitOurs.perRecord / fitRaw.perRecord)}, per held ${fitRaw.perHeld > 0 ? x(fitOurs.perHeld / fitRaw.perHeld) : '—'}`,
      goal: 'fixed ≤ 150 ms; flat',
    },
    {
      figure: `same ${samples.length} units into a full vs an empty committee`,
      ours: `${ms(fullSum)} vs ${ms(emptySum)} → ${x(fullSum / emptySum)}; per unit ${ratioSpread(perUnitFullEmpty)}`,
      baseline: `raw put ${ms(rawFull)} vs ${ms(rawEmpty)} → ${x(rawFull / rawEmpty)}; per unit ${ratioSpread(perUnitRawFullEmpty)}`,
      ratio: x(fullSum / emptySum / (rawFull / rawEmpty)),
      goal: '≤ 1.1× (flat)',
    },
    {
      figure: `import, all ${results.length} units (check + write)`,
      ours: ms(ours),
      baseline: `raw put ${ms(raw)}`,
      ratio: `${x(ours / raw)}; per unit ${ratioSpread(perUnitRatio)}`,
      goal: '≤ 1.25× (≥ 0.8× raw speed)',
    },
    { figure: '  of it the write transaction alone', ours: ms(writes), baseline: `raw put ${ms(raw)}`, ratio: x(writes / raw), goal: '' },
    {
      figure: `  largest unit of the run (${largest.name}, ${int(largest.records)} rec)`,
      ours: `${ms(largest.full.total)} (check ${ms(largest.full.prepare)} + write ${ms(largest.full.apply)})`,
      baseline: `raw put ${ms(largest.full.raw)}`,
      ratio: x(largest.full.total / largest.full.raw),
      goal: '≤ 1.25×',
    },
    {
      figure: `largest unit (${big.name}, ${int(big.records)} rec, ${int(big.heldBefore)} held) import ÷ raw put`,
      ours: `${ms(big.full.total)} (check ${ms(big.full.prepare)} + write ${ms(big.full.apply)})`,
      baseline: `raw put ${ms(big.full.raw)}`,
      ratio: `${x(big.full.total / big.full.raw)} (write alone ${x(big.full.apply / big.full.raw)})`,
      goal: '≤ 1.25×',
    },
    {
      figure: 'longest main-thread task during import',
      ours: `${ms(longestAll)} (largest unit ${ms(big.full.longest)}; per unit median ${ms(longestSpread.median)})`,
      baseline: `long tasks in all: ${ms(longTaskMs)} of ${ms(ours)} importing`,
      ratio: pct(longTaskMs / ours),
      goal: '≤ 50 ms (no long task)',
    },
    {
      figure: 'summary rebuild, alone on the same units',
      ours: `${ms(rebuild)} (of it buildUnitSummary ${ms(build)}; with its own commit ${ms(rebuildCommitted)})`,
      baseline: `import ${ms(ours)}`,
      ratio: `${pct(rebuild / ours)} of the import (build ${pct(build / ours)})`,
      goal: '',
    },
    {
      figure: `dashboard recompute, city-year (${dash.summaries} units)`,
      ours: `cityDashboard ${spreadText(dash.dashboard)}`,
      baseline: `bare loop ${spreadText(dash.bareLoop)}`,
      ratio: `${x(dash.dashboard.median / dash.bareLoop.median)} (fastest runs ${x(dash.dashboard.min / dash.bareLoop.min)})`,
      goal: 'in the worker',
    },
    {
      figure: 'dashboard read (IndexedDB)',
      ours: `summaries + register ${spreadText(dash.readSummaries)}`,
      baseline: `the records they stand for ${ms(dash.readRecords)}`,
      ratio: x(dash.readSummaries.median / dash.readRecords),
      goal: '',
    },
    {
      figure: 'size',
      ours: `summaries ${mb(dash.summaryBytes)}`,
      baseline: `record JSON ${mb(dash.recordJsonBytes)}`,
      ratio: `${(dash.summaryBytes / dash.recordJsonBytes).toFixed(4)}×`,
      goal: '≤ 1× (summaries, not records)',
    },
  ];
  console.log('');
  printTable(table);
  console.log(`(browser: ${bench.browser})`);
  console.log(`(machine: ${os.cpus().length} cores, load average ${loadBefore} before and ${loadAfter} after the run — other work on the machine shows up as noise; compare ratios from the same run)`);

  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `city-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ setup, browser: bench.browser, cores: os.cpus().length, loadBefore, loadAfter, elapsedSeconds: elapsed, fitOurs, fitRaw, table, dashboard: dash, units: results, largest: largestAlone }, null, 2)}\n`);
  console.log(`(figures: ${path.relative(process.cwd(), file)})`);
}
