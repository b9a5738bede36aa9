/**
 * `npm run bench -- coldStart`: the committee's (工委) screens opened cold, in real Chromium, with the
 * synthetic city loaded against the same screens with one unit loaded — issue 18's "screens that
 * stay proportional to one unit".
 *
 * The app is built as `npm run build` builds it and served with a fill page beside it on one origin
 * (harness.ts, buildAppWithTestPage); headless Chromium on a disk profile.
 * 1. The committee is set up through the app's own setup screen (名称, 备份口令, 开机口令, the key
 *    backup saved), as a new user does.
 * 2. One unit: the fill page (browser/coldFillPage.ts) opens the app's database with the 开机口令 and
 *    imports the city's LARGEST unit (市公安局 for seed 7) the way the 同步 page does. Each screen is
 *    then opened cold `--runs` times: a new document at the screen's address, the start gate's
 *    开机口令 typed, 打开台账 clicked.
 * 3. The city: the fill page imports the city's first `--units` units (default 40; `--units 200` for
 *    the whole city) into the same committee, and the same screens are opened cold again.
 *
 * Per screen and phase: the time from the click on 打开台账 to a quiet main thread (the screen's
 * content shown and no long task — PerformanceObserver 'longtask', > 50 ms — ending later; "quiet"
 * once 2 s pass without one), the longest main-thread task after the click, and the page's JS heap
 * after a forced garbage collection (CDP Runtime.getHeapUsage; the import and dashboard workers'
 * heaps are not in it). The 开机口令's scrypt is in both phases alike. The ratio city ÷ one unit is
 * the figure; the heap is also set against the JSON size of the records the committee holds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { FilledUnit } from './browser/coldFillPage';
import { buildAppWithTestPage, launchOnDiskProfile } from './browser/harness';
import { ms } from './largestUnit';
import { intOption, type BenchOptions } from './options';
import { describeChromium } from '../e2e/chromium';
import { setUpAsCommittee, STARTUP_PASSPHRASE } from '../e2e/helpers';

const YEAR = 2026;
const CITY_UNITS = 200;
const QUIET_MS = 2000;

interface Screen {
  readonly key: string;
  readonly label: string;
  /** The address after `#`. */
  readonly path: (largestId: string) => string;
  /** The test id whose element says the screen's content is shown. */
  readonly shown: string;
}

const SCREENS: readonly Screen[] = [
  { key: 'dashboard', label: '全市概况 (city dashboard)', path: () => '/', shown: 'completion-heatmap' },
  { key: 'register', label: '单位 (unit register)', path: () => '/units', shown: 'register-unit-link' },
  { key: 'unitWorkbench', label: '单位 → 概况 (largest unit)', path: (id) => `/units/${id}`, shown: 'stat-members' },
  { key: 'unitMeetings', label: '单位 → 三会一课 全单位概览 (largest unit)', path: (id) => `/units/${id}/meetings/overview`, shown: 'unit-overview' },
];

interface ColdStart {
  /** Navigation → the start gate's 开机口令 field shown (ms). */
  readonly gate: number;
  /** The click on 打开台账 → the screen's content shown. */
  readonly shown: number;
  /** The click → a quiet main thread (the last long task's end, or `shown` if later). */
  readonly quiet: number;
  /** The longest main-thread task after the click (0: none over 50 ms). */
  readonly longest: number;
  readonly longTaskMs: number;
}

interface ScreenResult {
  readonly screen: string;
  readonly runs: readonly ColdStart[];
  /** JS heap of the page (bytes), after a forced GC, once the last run was quiet. */
  readonly heap: number;
}

declare global {
  interface Window {
    __tzLongTasks?: { start: number; end: number }[];
  }
}

/** Installed before the app's own scripts in every document: the main thread's long tasks. */
function observeLongTasks(): void {
  window.__tzLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__tzLongTasks!.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** A CPU profile of the main thread, written to a file (TZ_BENCH_PROFILE). */
interface Profiler {
  stop(file: string): Promise<void>;
}

async function startProfiler(page: Page): Promise<Profiler> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    stop: async (file) => {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
      await cdp.detach();
    },
  };
}

async function coldStart(page: Page, url: string, screen: Screen, profileTo: string | null = null): Promise<ColdStart> {
  await page.goto('about:blank');
  await page.goto(url);
  const field = page.getByLabel('开机口令', { exact: true });
  await field.waitFor({ state: 'visible', timeout: 120_000 });
  const gate = await now(page);
  await field.fill(STARTUP_PASSPHRASE);
  const profiler = profileTo === null ? null : await startProfiler(page);
  const clickAt = await now(page);
  await page.getByRole('button', { name: '打开台账' }).click();
  await page.getByTestId(screen.shown).first().waitFor({ state: 'visible', timeout: 600_000 });
  const shownAt = await now(page);
  for (;;) {
    const { t, tasks } = await page.evaluate(() => ({ t: performance.now(), tasks: window.__tzLongTasks ?? [] }));
    const after = tasks.filter((x) => x.end > clickAt);
    const lastEnd = after.reduce((m, x) => Math.max(m, x.end), 0);
    const quietFrom = Math.max(shownAt, lastEnd);
    if (t - quietFrom >= QUIET_MS) {
      if (profiler !== null && profileTo !== null) {
        await profiler.stop(profileTo);
        console.log(`  CPU profile (click → quiet + ${QUIET_MS} ms) → ${profileTo}; long tasks after the click (ms from the click): ${after.map((x) => `${Math.round(x.start - clickAt)}+${Math.round(x.end - x.start)}`).join(', ')}`);
      }
      return {
        gate,
        shown: shownAt - clickAt,
        quiet: quietFrom - clickAt,
        longest: after.reduce((m, x) => Math.max(m, x.end - Math.max(x.start, clickAt)), 0),
        longTaskMs: after.reduce((n, x) => n + (x.end - Math.max(x.start, clickAt)), 0),
      };
    }
    await page.waitForTimeout(250); // a benchmark waits for quiet: there is no app state that says "nothing more will run"
  }
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}

async function measureScreens(page: Page, appUrl: string, largestId: string, runs: number, phase: string): Promise<ScreenResult[]> {
  const results: ScreenResult[] = [];
  for (const screen of SCREENS) {
    const list: ColdStart[] = [];
    for (let i = 0; i < runs; i++) {
      const profile = (process.env.TZ_BENCH_PROFILE ?? '').split(',').includes(screen.key) && i === 0 ? path.join(RESULTS, `coldStart-${screen.key}-${phase.replace(/\s/g, '')}.cpuprofile`) : null;
      const r = await coldStart(page, `${appUrl}#${screen.path(largestId)}`, screen, profile);
      list.push(r);
      console.log(`  [${phase}] ${screen.label.padEnd(36)} run ${i + 1}: gate ${ms(r.gate)}, click → shown ${ms(r.shown)}, → quiet ${ms(r.quiet)}; longest task ${ms(r.longest)} (${ms(r.longTaskMs)} in long tasks)`);
    }
    const heap = await heapAfterGc(page);
    console.log(`  [${phase}] ${screen.label.padEnd(36)} heap after GC ${mb(heap)}`);
    results.push({ screen: screen.key, runs: list, heap });
  }
  return results;
}

async function fill(page: Page, pageUrl: string, positions: readonly number[]): Promise<FilledUnit[]> {
  await page.goto(pageUrl);
  await page.waitForFunction(() => document.title.endsWith('ready'), undefined, { timeout: 60_000 });
  await page.evaluate((p) => window.coldFill!.open(p), STARTUP_PASSPHRASE);
  const filled: FilledUnit[] = [];
  const step = 10;
  for (let i = 0; i < positions.length; i += step) {
    filled.push(...(await page.evaluate((o) => window.coldFill!.importUnits(o), { seed: SEED.value, year: YEAR, positions: positions.slice(i, i + step) })));
    if (positions.length > step) console.log(`  imported ${filled.length}/${positions.length} units (${int(filled.reduce((n, u) => n + u.records, 0))} records)`);
  }
  await page.evaluate(() => window.coldFill!.close());
  return filled;
}

const SEED = { value: 7 };
const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const x = (r: number): string => `${r.toFixed(2)}×`;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: readonly number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 1 ? ms(s[0]!) : `${ms(median(s))} (${ms(s[0]!)}–${ms(s[s.length - 1]!)})`;
};
const load = (): string => os.loadavg().map((n) => n.toFixed(1)).join(' / ');

export interface ColdStartResult {
  readonly units: number;
  readonly heldRecords: number;
  readonly oneUnit: readonly ScreenResult[];
  readonly city: readonly ScreenResult[];
}

/**
 * Flags: `--units N` (default 40), `--runs N` (cold starts per screen, default 3), `--seed N` (7),
 * `--one P` (the city position of the one unit; default the city's largest: the smoke test in
 * `npm test` takes a small one).
 */
export async function run(options: BenchOptions = {}): Promise<ColdStartResult> {
  const units = intOption(options, 'units', 40, 1, CITY_UNITS);
  SEED.value = intOption(options, 'seed', 7, 0, 2 ** 31);
  const runs = intOption(options, 'runs', 3, 1, 20);
  const onePosition = options.one === undefined ? null : intOption(options, 'one', 0, 0, CITY_UNITS - 1);
  console.log(`冷启动 (cold start): the committee's screens with the city's largest unit alone, then with the first ${units} units of the synthetic city (seed ${SEED.value}, ${YEAR}) added; ${runs} cold starts per screen`);
  console.log(`  ${describeChromium()}; machine: ${os.cpus().length} cores, load average (1/5/15 min) ${load()}`);
  const loadBefore = load();
  mkdirSync(RESULTS, { recursive: true });
  const started = performance.now();
  const built = await buildAppWithTestPage('coldFill');
  const context = await launchOnDiskProfile(built.profileDir, ['--enable-precise-memory-info']);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`  [page error] ${e.message}`));
    await page.addInitScript(observeLongTasks);
    await page.goto(built.appUrl);
    await setUpAsCommittee(page);
    console.log('  the committee set up through the setup screen');

    const largestPosition = await (async () => {
      await page.goto(built.pageUrl);
      await page.waitForFunction(() => document.title.endsWith('ready'), undefined, { timeout: 60_000 });
      return onePosition ?? (await page.evaluate((o) => window.coldFill!.largestPosition(o), { seed: SEED.value, year: YEAR }));
    })();
    const [largest] = await fill(page, built.pageUrl, [largestPosition]);
    console.log(`  one unit: ${largest!.name}, ${int(largest!.records)} records (${mb(largest!.jsonBytes)} of record JSON)`);
    const one = await measureScreens(page, built.appUrl, largest!.unitId, runs, 'one unit');

    const rest = Array.from({ length: units }, (_, i) => i).filter((p) => p !== largestPosition);
    const t0 = performance.now();
    const city = [largest!, ...(await fill(page, built.pageUrl, rest))];
    const heldRecords = city.reduce((n, u) => n + u.records, 0);
    const heldJson = city.reduce((n, u) => n + u.jsonBytes, 0);
    console.log(`  the city: ${city.length} units, ${int(heldRecords)} records (${mb(heldJson)} of record JSON), imported in ${ms(performance.now() - t0)}`);
    const full = await measureScreens(page, built.appUrl, largest!.unitId, runs, 'city');

    const rows = SCREENS.map((s, i) => {
      const a = one[i]!;
      const b = full[i]!;
      const quietA = median(a.runs.map((r) => r.quiet));
      const quietB = median(b.runs.map((r) => r.quiet));
      return {
        figure: s.label,
        ours: `city ${spread(b.runs.map((r) => r.quiet))}; longest task ${ms(Math.max(...b.runs.map((r) => r.longest)))}; heap ${mb(b.heap)}`,
        baseline: `one unit ${spread(a.runs.map((r) => r.quiet))}; longest ${ms(Math.max(...a.runs.map((r) => r.longest)))}; heap ${mb(a.heap)}`,
        ratio: `${x(quietB / quietA)}; heap ${x(b.heap / a.heap)}, ${x(b.heap / heldJson)} of the city's record JSON`,
        goal: '≤ 1.5×, no task > 50 ms, heap ≤ 1× the record JSON',
      };
    });
    console.log(`\nclick on 打开台账 → a quiet main thread, median (min–max) of ${runs}; ${city.length} units, ${int(heldRecords)} records, ${mb(heldJson)} of record JSON:`);
    const cols = ['figure', 'ours', 'baseline', 'ratio', 'goal'] as const;
    const head = { figure: 'screen', ours: 'the city (ours)', baseline: 'one unit (same run)', ratio: 'ratio', goal: 'goal' };
    const width = (c: (typeof cols)[number]) => Math.max(...[head, ...rows].map((r) => r[c].length));
    const line = (r: Record<(typeof cols)[number], string>) => `| ${cols.map((c) => r[c].padEnd(width(c))).join(' | ')} |`;
    console.log(line(head));
    console.log(`| ${cols.map((c) => '-'.repeat(width(c))).join(' | ')} |`);
    for (const r of rows) console.log(line(r));
    const loadAfter = load();
    console.log(`  load average before ${loadBefore}, after ${loadAfter}; ${((performance.now() - started) / 1000).toFixed(0)} s`);

    const file = path.join(RESULTS, `coldStart-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify({ browser: describeChromium(), cores: os.cpus().length, loadBefore, loadAfter, units: city.length, heldRecords, heldJson, oneUnit: one, city: full }, null, 2)}\n`);
    console.log(`  → ${path.relative(process.cwd(), file)}`);
    return { units: city.length, heldRecords, oneUnit: one, city: full };
  } finally {
    await context.close().catch(() => undefined);
    await built.close();
  }
}
