/**
 * The kill test (issue 17): an import stopped at a random point — the page closed, or the whole
 * browser killed with SIGKILL — leaves the ledger exactly as it was before the import or exactly
 * as after it, never half-written. Real Chromium on a disk profile (IndexedDB in LevelDB files, as
 * in the app), the app's own import code (test/e2e/faults/killPage.ts), 50 runs each of:
 *
 * - a committee importing a unit's first bundle (the synthetic city's first unit of ≥ 2 000 records),
 *   stopped at the n-th progress report of the write transaction (n drawn for each run), sometimes
 *   with a further random pause so that the stop also falls on the commit;
 * - a unit importing a 花名册 of 400 members, stopped a random time after its write began.
 *
 * "Before" and "after" are fingerprints (docs/backup-format.md §4) of the whole database: before is
 * the copied starting state; after is the same import run to its end in a second database, twice,
 * which must agree (the page fixes the clock and the random bytes, so a complete import is one state).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { buildTestPage, launchOnDiskProfile, type BuiltTestPage } from '../bench/browser/harness';
import type { KillTestApi, RunResult } from './faults/killPage';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.TZ_KILL_RUNS ?? 50);
/** Every KILL_EVERY-th run kills the browser process instead of closing the page. */
const KILL_EVERY = 5;
const ROSTER_PEOPLE = 400;
const MAIN = 'kill-main';
const REFERENCE = ['kill-reference-1', 'kill-reference-2'] as const;

/** A seeded generator, so that a failing run can be repeated (the seed is printed). */
function randomFrom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The browser on the built page's profile, with the page's kill signal routed to `onSignal`. */
class Browser {
  context: BrowserContext | null = null;
  onSignal: (n: number) => void = () => undefined;

  constructor(private readonly built: BuiltTestPage) {}

  async launch(): Promise<void> {
    this.context = await launchOnDiskProfile(this.built.profileDir);
    await this.context.exposeBinding('killSignal', (_source, n: number) => this.onSignal(n));
  }

  /** A freshly loaded page (fresh module state: the same clock and random bytes as every other load). */
  async page(): Promise<Page> {
    if (this.context === null) await this.launch();
    const page = await this.context!.newPage();
    page.on('pageerror', (e) => console.error(`  [page error] ${e.message}`));
    await page.goto(this.built.url);
    await page.waitForFunction(() => window.killTest !== undefined);
    return page;
  }

  /** Calls `killTest[method](...args)` in a fresh page, then closes the page. */
  async call<M extends keyof KillTestApi>(method: M, ...args: Parameters<KillTestApi[M]>): Promise<Awaited<ReturnType<KillTestApi[M]>>> {
    const page = await this.page();
    try {
      return (await page.evaluate(([m, a]) => (window.killTest![m] as (...x: unknown[]) => Promise<unknown>)(...a), [method, args] as const)) as Awaited<ReturnType<KillTestApi[M]>>;
    } finally {
      await page.close();
    }
  }

  /** True where the browser's processes can be found by their profile (Linux: /proc); elsewhere the page is closed instead. */
  static canKill(): boolean {
    return existsSync('/proc/self/cmdline');
  }

  /** SIGKILL to every process of this browser (found by its profile folder in /proc), as a crash or a pulled plug would stop it. */
  async kill(): Promise<void> {
    const context = this.context!;
    this.context = null;
    const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
    const flag = `--user-data-dir=${this.built.profileDir}`;
    const pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(flag);
        } catch {
          return false; // gone meanwhile
        }
      })
      .map(Number);
    expect(pids.length, 'the browser processes of the kill-test profile').toBeGreaterThan(0);
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone with its parent
      }
    }
    await closed;
  }

  async close(): Promise<void> {
    await this.context?.close();
    this.context = null;
  }
}

interface Outcome {
  before: number;
  after: number;
  byKill: number;
  /** The largest progress report a stop waited for (bundle) — shows that stops reached deep into the write. */
  deepest: number;
  /** Stops that came after the import had returned (its commit done). */
  finishedFirst: number;
}

/**
 * Runs one kind of import RUNS times, each from the copied starting state, stopped at a point
 * `stopAt(i)` chooses while the page runs it, and checks the fingerprint after each stop.
 */
async function killRuns(
  browser: Browser,
  kind: string,
  base: string,
  start: (page: Page) => Promise<RunResult>,
  stopAt: (i: number) => { signal: number; pauseMs: number },
  fingerprints: { before: string; after: string },
): Promise<Outcome> {
  const outcome: Outcome = { before: 0, after: 0, byKill: 0, deepest: 0, finishedFirst: 0 };
  for (let i = 0; i < RUNS; i++) {
    const copied = await browser.call('copyDatabase', base, MAIN);
    expect(copied).toBeGreaterThan(0);
    const { signal, pauseMs } = stopAt(i);
    const page = await browser.page();
    const reached = new Promise<void>((resolve) => {
      browser.onSignal = (n) => {
        if (n >= signal) resolve();
      };
    });
    let failure = '';
    const running = start(page).then(
      () => 'finished' as const,
      (e: unknown) => {
        failure = e instanceof Error ? e.message : String(e);
        return 'stopped' as const;
      },
    );
    // the stop waits on the import's own progress (never on the clock), then on a drawn pause
    const first = await Promise.race([reached.then(() => 'signal' as const), running]);
    expect(first, `${kind} run ${i}: the import failed before its stop: ${failure}`).not.toBe('stopped');
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const byKill = Browser.canKill() && i % KILL_EVERY === KILL_EVERY - 1;
    if (byKill) await browser.kill();
    else await page.close();
    const ended = await running;
    browser.onSignal = () => undefined;
    if (ended === 'finished') outcome.finishedFirst++;

    const after = await browser.call('fingerprint', MAIN);
    const state = after === fingerprints.before ? 'before' : after === fingerprints.after ? 'after' : 'HALF';
    expect(state, `${kind} run ${i} (${byKill ? 'browser killed' : 'page closed'} at report ${signal}${pauseMs > 0 ? ` + ${pauseMs} ms` : ''}, import ${ended}): the database is neither the state before nor after`).not.toBe('HALF');
    if (state === 'before') outcome.before++;
    else outcome.after++;
    if (byKill) outcome.byKill++;
    outcome.deepest = Math.max(outcome.deepest, signal);
  }
  return outcome;
}

test('an import stopped at any point — page closed or browser killed — leaves the ledger as before or as after, never half', async () => {
  test.setTimeout(25 * 60_000);
  const seed = Number(process.env.TZ_KILL_SEED ?? Date.now() % 1_000_000);
  const random = randomFrom(seed);
  console.log(`kill test: seed ${seed} (TZ_KILL_SEED=${seed} repeats these stops)`);
  if (!Browser.canKill()) console.log('kill test: no /proc on this system — every stop closes the page; the SIGKILL stops run on Linux only');
  const built = await buildTestPage('kill', { root: path.join(HERE, 'faults') });
  const browser = new Browser(built);
  try {
    // ── a committee importing a unit's bundle ──
    const committee = await browser.call('prepareCommittee');
    console.log(`bundle: ${committee.unit}, ${committee.records} records, ${Math.round((committee.bundle.length * 3) / 4 / 1024)} KiB`);
    const bundleRuns: RunResult[] = [];
    const bundleAfter: string[] = [];
    for (const name of REFERENCE) {
      await browser.call('copyDatabase', 'kill-committee-base', name);
      bundleRuns.push(await browser.call('importBundle', name, committee.bundle));
      bundleAfter.push(await browser.call('fingerprint', name));
    }
    const bundleBefore = await browser.call('fingerprint', 'kill-committee-base');
    expect(bundleRuns[0]!.written).toBe(committee.records);
    expect(bundleAfter[1], 'two complete imports of the bundle end in the same state').toBe(bundleAfter[0]);
    expect(bundleAfter[0]).not.toBe(bundleBefore);
    const bundleReference = bundleRuns[0]!;
    console.log(`bundle: the write reports ${bundleReference.signals} times and takes ${Math.round(bundleReference.writeMs)} ms`);

    const bundle = await killRuns(
      browser,
      'bundle',
      'kill-committee-base',
      (page) => page.evaluate((b) => window.killTest!.importBundle('kill-main', b), committee.bundle),
      () => {
        const signal = 1 + Math.floor(random() * bundleReference.signals);
        // a third of the stops wait a while longer, so that some fall on the commit and after it
        const pauseMs = random() < 1 / 3 ? Math.round(random() * 1.5 * bundleReference.writeMs) : 0;
        return { signal, pauseMs };
      },
      { before: bundleBefore, after: bundleAfter[0]! },
    );
    console.log(`bundle: ${RUNS} stops (${bundle.byKill} by SIGKILL): ${bundle.before} left it as before, ${bundle.after} as after, none half; deepest stop at report ${bundle.deepest} of ${bundleReference.signals}; ${bundle.finishedFirst} stops came after the import had returned`);

    // ── a unit importing a roster ──
    await browser.call('prepareUnit');
    const rosterRuns: RunResult[] = [];
    const rosterAfter: string[] = [];
    for (const name of REFERENCE) {
      await browser.call('copyDatabase', 'kill-unit-base', name);
      rosterRuns.push(await browser.call('importRoster', name, ROSTER_PEOPLE));
      rosterAfter.push(await browser.call('fingerprint', name));
    }
    const rosterBefore = await browser.call('fingerprint', 'kill-unit-base');
    expect(rosterRuns[0]!.written).toBe(ROSTER_PEOPLE);
    expect(rosterAfter[1], 'two complete roster imports end in the same state').toBe(rosterAfter[0]);
    expect(rosterAfter[0]).not.toBe(rosterBefore);
    const rosterReference = rosterRuns[0]!;
    console.log(`roster: ${ROSTER_PEOPLE} members, the write takes ${Math.round(rosterReference.writeMs)} ms`);

    const roster = await killRuns(
      browser,
      'roster',
      'kill-unit-base',
      (page) => page.evaluate((p) => window.killTest!.importRoster('kill-main', p), ROSTER_PEOPLE),
      // stopped when the write has begun, after a pause drawn over 1.3 × its length
      () => ({ signal: 0, pauseMs: Math.round(random() * 1.3 * rosterReference.writeMs) }),
      { before: rosterBefore, after: rosterAfter[0]! },
    );
    console.log(`roster: ${RUNS} stops (${roster.byKill} by SIGKILL): ${roster.before} left it as before, ${roster.after} as after, none half; ${roster.finishedFirst} stops came after the import had returned`);
  } finally {
    await browser.close().catch(() => undefined);
    await built.close();
  }
});
