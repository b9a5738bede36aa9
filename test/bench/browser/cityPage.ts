/**
 * The browser side of city.bench.ts, built by Vite into a page that runs in real Chromium (a disk
 * profile: IndexedDB on disk, strict durability as in the app). Node drives it step by step through
 * `window.cityBench` (harness.ts), so that every unit's figures are printed as they come.
 *
 * - `setup`: an empty committee (工委) database `F` and a raw database `R` of the same schema
 *   (openDatabase: the same indexes, strict durability), and the synthetic city's units as a
 *   generator (one unit at a time: the city never sits in memory).
 * - `next`: the next unit is enrolled (invited, its code on file), its records are sealed into a
 *   bundle for `F` as the unit's PC would send it (untimed), and imported the way the 同步 page
 *   does — prepareImport, then applyImport with the fingerprint confirmed (a unit's first bundle),
 *   a progress callback as the page passes. Then, on the same rows: a raw bulkPut into `R` (one
 *   transaction, no checks, no change log, no summary), and the summary rebuild alone
 *   (rebuildUnitSummary in its own transaction; buildUnitSummary alone on the records read).
 *   The units of the sample are held back and imported last (`sample`).
 * - `sample`: one held-back unit into a fresh, EMPTY committee (and a fresh raw database), and into
 *   the full `F` (and `R`), alternating which goes first.
 * - `dashboard`: the city dashboard over the summaries of every unit `F` holds (cityDashboard, as
 *   the dashboard worker runs it) against a bare loop over the same arrays; the read of the
 *   summaries against a read of the records they stand for; sizes.
 */
import { Dexie } from 'dexie';
import type { EnrolledUnit } from '../../../shared/model/committee';
import { cityDashboard, cityDashboardOptionsSchema, type CityDashboardOptions, type RegisteredUnit } from '../../../shared/rules/committee/cityDashboard';
import { UNIT_SUMMARY_VERSION, type UnitSummary } from '../../../shared/rules/committee/summarySchema';
import { buildUnitSummary } from '../../../shared/rules/committee/unitSummary';
import { addMonths, dateOfInstant, type IsoDate } from '../../../shared/rules/dates';
import { ruleProfileInForce } from '../../../shared/rules/profile';
import { openDatabase, type TaizhangDb } from '../../../renderer/db/db';
import type { SyncPeerRow } from '../../../renderer/db/localTypes';
import { setDefaultBundleOpener } from '../../../renderer/db/sync/bundleOpener';
import { applyImport, prepareImport } from '../../../renderer/db/sync/importBundle';
import { openInWorker } from '../../../renderer/workers/importOpenClient';
import { readUnitRecords, rebuildUnitSummary, UNIT_SUMMARY_STORES } from '../../../renderer/db/unitSummaries';
import type { WriteContext } from '../../../renderer/db/writeContext';
import { generateUnits, planUnits, type GeneratedUnit } from '../../fixtures/generator';
import { bundleFor, enrol, newCommittee, recordCountOf, rowsOf } from './committeeFixture';
import { unlockTestDataKey } from '../../../renderer/identity/testing/dataKey';

// the app's own code seals ID numbers, phones and 慰问事由 under the unlocked data key: a fixed test key here
unlockTestDataKey();

export interface CitySetup {
  readonly seed: number;
  readonly year: number;
  /** How many units of the city (the first ones, in the generator's order). */
  readonly units: number;
  /** Positions (0-based, < units) of the units held back for the full-vs-empty comparison. */
  readonly sample: readonly number[];
}

/** One import's timings (ms). */
export interface ImportTiming {
  /** prepareImport: read, verify, decrypt, inflate, validate every record, compare (the preview). */
  readonly prepare: number;
  /** applyImport: the one write transaction (records, receipt, pinned key, log, the unit's summary). */
  readonly apply: number;
  readonly total: number;
  /** bulkPut of the same rows in one transaction of the same database schema. */
  readonly raw: number;
  /** The longest main-thread task (PerformanceObserver 'longtask', > 50 ms) during prepare + apply; 0 when none. */
  readonly longest: number;
  /** Main-thread long tasks during prepare + apply: how many, and their total time (ms). */
  readonly longTasks: number;
  readonly longTaskMs: number;
}

export interface UnitResult {
  /** Position in the city (generator order). */
  readonly index: number;
  readonly name: string;
  readonly records: number;
  /** UTF-8 bytes of the unit's records as JSON. */
  readonly jsonBytes: number;
  readonly bundleBytes: number;
  /** Records of other units the committee held before this import (and the raw database likewise). */
  readonly heldBefore: number;
  readonly full: ImportTiming;
  /** The summary rebuild alone (rebuildUnitSummary: read by unitId + build + put), in its own transaction, up to its commit. */
  readonly rebuild: number;
  /** The same with the commit of its own transaction (inside the import the commit is shared). */
  readonly rebuildCommitted: number;
  /** buildUnitSummary alone, on the records read. */
  readonly build: number;
  /** Sample units only: the same unit into an empty committee (and an empty raw database). */
  readonly empty: ImportTiming | null;
  /** Sample units only: which of the two ran first. */
  readonly emptyFirst: boolean | null;
  /** Generating the unit and sealing its bundle(s), untimed in the figures. */
  readonly harnessMs: number;
}

export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly runs: number;
}

export interface DashboardResult {
  readonly units: number;
  readonly summaries: number;
  readonly heldRecords: number;
  /** cityDashboard(summaries, register, options, profile), the year view. */
  readonly dashboard: Spread;
  /** The same arrays walked once: meetings per organisation × month, term ends against the day, roster and training sums, cadres. */
  readonly bareLoop: Spread;
  /** What the dashboard worker reads: the summaries, the register, the import state, the rule profiles. */
  readonly readSummaries: Spread;
  /** The records the summaries stand for: readUnitRecords of every unit (what a dashboard over records would read). */
  readonly readRecords: number;
  readonly summaryBytes: number;
  readonly recordJsonBytes: number;
  /** Sanity: figures of the dashboard and of the bare loop, to show that both saw the same data. */
  readonly check: { readonly dashboardMembers: number; readonly bareMembers: number; readonly meetingsCounted: number; readonly red: number; readonly yellow: number };
}

export interface CityBenchApi {
  setup(options: CitySetup): Promise<{ userAgent: string; started: string }>;
  /** The next unit not held back; null when only the sample is left. */
  next(): Promise<UnitResult | null>;
  /** The j-th unit of the sample; null when it is done. */
  sample(j: number): Promise<UnitResult | null>;
  /**
   * The city's largest unit (most members in the plan: 市公安局 for seed 7) into the full committee
   * and the raw database, after the run (the units between are generated and dropped, untimed);
   * null when it was among the units of the run already.
   */
  largest(): Promise<UnitResult | null>;
  dashboard(runs: number): Promise<DashboardResult>;
  /** Deletes the databases. */
  cleanUp(): Promise<void>;
}

declare global {
  interface Window {
    cityBench?: CityBenchApi;
  }
}

// ── state ───────────────────────────────────────────────────────────────────────────────────────

/** The committee's clock: from 15 January of the year after the city's year, running with real time. */
function clockFrom(year: number): () => Date {
  const start = Date.UTC(year + 1, 0, 15, 1, 0, 0);
  const t0 = performance.now();
  return () => new Date(start + Math.round(performance.now() - t0));
}

interface State {
  readonly options: CitySetup;
  readonly now: () => Date;
  readonly committee: WriteContext;
  readonly raw: TaizhangDb;
  readonly units: Iterator<GeneratedUnit, void>;
  readonly held: Map<number, GeneratedUnit>;
  readonly sampleSet: ReadonlySet<number>;
  position: number;
  heldRecords: number;
  recordJsonBytes: number;
  importedUnits: number;
  emptyCount: number;
}

let state: State | null = null;

// as the 同步 page does: verify and open run in the import worker
setDefaultBundleOpener(openInWorker);

/** Every main-thread long task of the page (PerformanceObserver 'longtask': tasks over 50 ms). */
const longTasks: { start: number; end: number }[] = [];
if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('longtask')) {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask' });
}

/** The long tasks that overlap [from, to] (call after a later await, so that the observer has delivered them). */
async function longTasksIn(from: number, to: number): Promise<{ longest: number; count: number; total: number }> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  let longest = 0;
  let count = 0;
  let total = 0;
  for (const t of longTasks) {
    if (t.end <= from || t.start >= to) continue;
    const d = t.end - t.start;
    longest = Math.max(longest, d);
    count++;
    total += d;
  }
  return { longest, count, total };
}
const encoder = new TextEncoder();
const noProgress = (): void => undefined; // the 同步 page passes a callback: the reports and their yields are part of the user's time

function current(): State {
  if (state === null) throw new Error('cityBench.setup() first');
  return state;
}

async function newRawDatabase(name: string): Promise<TaizhangDb> {
  await Dexie.delete(name);
  const db = openDatabase(name);
  await db.open();
  return db;
}

/** The 同步 page's import: preview, then the write with the fingerprint confirmed. */
async function importBundle(ctx: WriteContext, bytes: Uint8Array, records: number, name: string): Promise<{ prepare: number; apply: number; from: number; to: number }> {
  // a task of its own, so that the long tasks counted are the import's (not the sealing's before it, nor the raw put's after it)
  await new Promise((resolve) => setTimeout(resolve, 0));
  const t0 = performance.now();
  const preview = await prepareImport(ctx, bytes, { onProgress: noProgress });
  const t1 = performance.now();
  if (!preview.ok) throw new Error(`${name}: ${preview.error.message}`);
  const applied = await applyImport(ctx, preview.value, { fingerprintConfirmed: true, onProgress: noProgress });
  const t2 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (!applied.ok) throw new Error(`${name}: ${applied.error.message}`);
  if (applied.value.written !== records) throw new Error(`${name}: ${applied.value.written} of ${records} records written`);
  return { prepare: t1 - t0, apply: t2 - t1, from: t0, to: t2 };
}

/** The baseline: the same rows, bulkPut table by table in one transaction (strict durability, the same indexes). */
async function rawPut(db: TaizhangDb, unit: GeneratedUnit): Promise<number> {
  const rows = rowsOf(unit);
  const tables = rows.map(([t]) => db.table(t));
  const t0 = performance.now();
  await db.transaction('rw', tables, async () => {
    for (const [t, list] of rows) await db.table(t).bulkPut(list);
  });
  return performance.now() - t0;
}

async function intoFull(s: State, unit: GeneratedUnit, index: number): Promise<{ timing: ImportTiming; rebuild: number; rebuildCommitted: number; build: number; heldBefore: number; bundleBytes: number; harness: number }> {
  const records = recordCountOf(unit);
  const h0 = performance.now();
  await enrol(s.committee, unit);
  const bytes = await bundleFor(s.committee, unit, index, s.now);
  const harness = performance.now() - h0;
  const heldBefore = s.heldRecords;
  const { prepare, apply, from, to } = await importBundle(s.committee, bytes, records, unit.unit.name);
  const raw = await rawPut(s.raw, unit);
  const tasks = await longTasksIn(from, to);
  s.heldRecords += records;
  s.importedUnits += 1;

  // the summary rebuild alone, as the import runs it (its own transaction here), then the pure build on the records read
  const db = s.committee.db;
  const t0 = performance.now();
  let inside = 0;
  await db.transaction('rw', UNIT_SUMMARY_STORES.map((t) => db.table(t)), async () => {
    await rebuildUnitSummary(db, unit.unit.id, s.now());
    inside = performance.now() - t0; // what the import's transaction spends on it (the commit is shared there)
  });
  const rebuildCommitted = performance.now() - t0;
  const read = await readUnitRecords(db, unit.unit.id);
  const t1 = performance.now();
  buildUnitSummary(read, { unitId: unit.unit.id, builtAt: s.now().toISOString() });
  const build = performance.now() - t1;
  return { timing: { prepare, apply, total: prepare + apply, raw, longest: tasks.longest, longTasks: tasks.count, longTaskMs: tasks.total }, rebuild: inside, rebuildCommitted, build, heldBefore, bundleBytes: bytes.length, harness };
}

async function intoEmpty(s: Pick<State, 'now' | 'emptyCount'>, unit: GeneratedUnit, index: number): Promise<{ timing: ImportTiming; harness: number }> {
  const n = ++s.emptyCount;
  const h0 = performance.now();
  const committee = await newCommittee(`bench-city-empty-${n}`, s.now);
  const raw = await newRawDatabase(`bench-city-raw-empty-${n}`);
  await enrol(committee, unit);
  const bytes = await bundleFor(committee, unit, index, s.now);
  const harness = performance.now() - h0;
  const { prepare, apply, from, to } = await importBundle(committee, bytes, recordCountOf(unit), unit.unit.name);
  const rawMs = await rawPut(raw, unit);
  const tasks = await longTasksIn(from, to);
  const h1 = performance.now();
  await committee.db.delete();
  await raw.delete();
  return { timing: { prepare, apply, total: prepare + apply, raw: rawMs, longest: tasks.longest, longTasks: tasks.count, longTaskMs: tasks.total }, harness: harness + (performance.now() - h1) };
}

function unitJsonBytes(unit: GeneratedUnit): number {
  return encoder.encode(JSON.stringify(unit.records)).length;
}

// ── dashboard ───────────────────────────────────────────────────────────────────────────────────

function spread(times: number[]): Spread {
  const sorted = [...times].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

async function timeRuns<T>(runs: number, fn: () => T | Promise<T>): Promise<{ spread: Spread; last: T }> {
  let last = await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    times.push(performance.now() - t);
  }
  return { spread: spread(times), last };
}

/** The register as the dashboard worker builds it (dashboardJob.registeredUnits). */
function register(units: readonly EnrolledUnit[], peers: readonly SyncPeerRow[]): RegisteredUnit[] {
  const byId = new Map(peers.map((p) => [p.peerId, p] as const));
  return units
    .filter((u) => !u.deleted)
    .map((u) => {
      const last = byId.get(u.id)?.lastBundle ?? null;
      return { unitId: u.id, name: u.name, status: u.status, enrolledOn: dateOfInstant(u.createdAt), lastBundleOn: last === null ? null : dateOfInstant(last.at) };
    });
}

/**
 * The baseline: the same summaries walked directly, no rules — meetings counted per organisation ×
 * month up to the day, each organisation's term end (or extension) against the day and six months
 * on, roster and training sums of the year, cadres by kind.
 */
function bareLoop(summaries: readonly UnitSummary[], year: number, asOf: IsoDate, soon: IsoDate) {
  const prefix = `${year}-`;
  const perOrgMonth = new Map<string, Int32Array>();
  let meetings = 0;
  let red = 0;
  let yellow = 0;
  let green = 0;
  let members = 0;
  let shouldTrain = 0;
  let trained = 0;
  let fullTime = 0;
  let staff = 0;
  for (const s of summaries) {
    for (const group of s.meetings) {
      let months = perOrgMonth.get(group.organisationId);
      if (months === undefined) perOrgMonth.set(group.organisationId, (months = new Int32Array(12)));
      for (const d of group.dates) {
        if (!d.startsWith(prefix) || d > asOf) continue;
        months[Number(d.slice(5, 7)) - 1]! += 1;
        meetings++;
      }
    }
    for (const o of s.organisations) {
      if (o.dissolvedOn !== null && o.dissolvedOn <= asOf) continue;
      const end = o.extension?.until ?? o.termEnd;
      if (end === null || end < asOf) red++;
      else if (end <= soon) yellow++;
      else green++;
    }
    for (const y of s.years) {
      if (y.year !== year) continue;
      members += y.roster.total;
      shouldTrain += y.training.shouldTrain;
      trained += y.training.trained;
    }
    for (const c of s.cadre.members) if (c.cadre === 'fullTime') fullTime++;
    staff += s.cadre.staffCount ?? 0;
  }
  return { perOrgMonth, meetings, red, yellow, green, members, shouldTrain, trained, fullTime, staff };
}

// ── the API ─────────────────────────────────────────────────────────────────────────────────────

async function setup(options: CitySetup): Promise<{ userAgent: string; started: string }> {
  if (state !== null) await cleanUp();
  const now = clockFrom(options.year);
  const committee = await newCommittee('bench-city-committee', now);
  const raw = await newRawDatabase('bench-city-raw');
  const all = generateUnits({ size: 'city', seed: options.seed, year: options.year });
  // warm-up (not recorded): the city's first unit into a scratch committee, so that the first
  // measured import does not pay for compiling the import path
  const first = generateUnits({ size: 'city', seed: options.seed, year: options.year }).next();
  if (first.done !== true) await intoEmpty({ now, emptyCount: 0 }, first.value, 0);
  state = {
    options,
    now,
    committee,
    raw,
    units: all,
    held: new Map(),
    sampleSet: new Set(options.sample),
    position: 0,
    heldRecords: 0,
    recordJsonBytes: 0,
    importedUnits: 0,
    emptyCount: 0,
  };
  return { userAgent: navigator.userAgent, started: now().toISOString() };
}

async function next(): Promise<UnitResult | null> {
  const s = current();
  for (;;) {
    if (s.position >= s.options.units) return null;
    const h0 = performance.now();
    const step = s.units.next();
    if (step.done === true) throw new Error(`the city has only ${s.position} units`);
    const index = s.position++;
    const unit = step.value;
    const jsonBytes = unitJsonBytes(unit);
    s.recordJsonBytes += jsonBytes;
    if (s.sampleSet.has(index)) {
      s.held.set(index, unit); // imported last, into a full committee and an empty one
      continue;
    }
    const generated = performance.now() - h0;
    const r = await intoFull(s, unit, index);
    return {
      index,
      name: unit.unit.name,
      records: recordCountOf(unit),
      jsonBytes,
      bundleBytes: r.bundleBytes,
      heldBefore: r.heldBefore,
      full: r.timing,
      rebuild: r.rebuild,
      rebuildCommitted: r.rebuildCommitted,
      build: r.build,
      empty: null,
      emptyFirst: null,
      harnessMs: generated + r.harness,
    };
  }
}

async function sample(j: number): Promise<UnitResult | null> {
  const s = current();
  const index = s.options.sample[j];
  if (index === undefined) return null;
  const unit = s.held.get(index);
  if (unit === undefined) throw new Error(`sample unit ${index} was not generated (call next() until it returns null)`);
  s.held.delete(index);
  const emptyFirst = j % 2 === 0;
  let empty: Awaited<ReturnType<typeof intoEmpty>> | null = null;
  if (emptyFirst) empty = await intoEmpty(s, unit, index);
  const full = await intoFull(s, unit, index);
  if (!emptyFirst) empty = await intoEmpty(s, unit, index);
  return {
    index,
    name: unit.unit.name,
    records: recordCountOf(unit),
    jsonBytes: unitJsonBytes(unit),
    bundleBytes: full.bundleBytes,
    heldBefore: full.heldBefore,
    full: full.timing,
    rebuild: full.rebuild,
    rebuildCommitted: full.rebuildCommitted,
    build: full.build,
    empty: empty!.timing,
    emptyFirst,
    harnessMs: full.harness + empty!.harness,
  };
}

async function largest(): Promise<UnitResult | null> {
  const s = current();
  const plans = planUnits({ size: 'city', seed: s.options.seed, year: s.options.year });
  const target = plans.reduce((a, b) => (b.members > a.members ? b : a));
  if (target.index < s.options.units) return null;
  const h0 = performance.now();
  let unit: GeneratedUnit | null = null;
  while (unit === null) {
    const step = s.units.next();
    if (step.done === true) throw new Error(`the city has no unit ${target.name}`);
    const index = s.position++;
    if (index === target.index) unit = step.value;
  }
  const generated = performance.now() - h0;
  const jsonBytes = unitJsonBytes(unit);
  s.recordJsonBytes += jsonBytes;
  const r = await intoFull(s, unit, target.index);
  return {
    index: target.index,
    name: unit.unit.name,
    records: recordCountOf(unit),
    jsonBytes,
    bundleBytes: r.bundleBytes,
    heldBefore: r.heldBefore,
    full: r.timing,
    rebuild: r.rebuild,
    rebuildCommitted: r.rebuildCommitted,
    build: r.build,
    empty: null,
    emptyFirst: null,
    harnessMs: generated + r.harness,
  };
}

async function dashboard(runs: number): Promise<DashboardResult> {
  const s = current();
  const db = s.committee.db;
  const { year } = s.options;
  const asOf: IsoDate = `${year}-12-31`;
  const options: CityDashboardOptions = cityDashboardOptionsSchema.parse({ year, period: { kind: 'year' }, asOf, today: dateOfInstant(s.now().toISOString()) });

  // what loadCityDashboard reads
  const read = await timeRuns(Math.max(3, Math.floor(runs / 3)), () => Promise.all([db.unitSummary.toArray(), db.enrolledUnit.toArray(), db.syncPeer.toArray(), db.ruleProfile.toArray()]));
  const [stored, units, peers, issued] = read.last;
  const summaries = stored.filter((x) => x.summaryVersion === UNIT_SUMMARY_VERSION);
  const registered = register(units, peers);
  const profile = ruleProfileInForce(issued, asOf);

  const city = await timeRuns(runs, () => cityDashboard(summaries, registered, options, profile));
  const soon = addMonths(asOf, 6);
  const bare = await timeRuns(runs, () => bareLoop(summaries, year, asOf, soon));

  // the records the summaries stand for, read the way a rebuild reads them (by unitId), once
  const ids = summaries.map((x) => x.unitId);
  const t0 = performance.now();
  for (const id of ids) await readUnitRecords(db, id);
  const readRecords = performance.now() - t0;

  const summaryBytes = summaries.reduce((n, x) => n + encoder.encode(JSON.stringify(x)).length, 0);
  return {
    units: registered.length,
    summaries: summaries.length,
    heldRecords: s.heldRecords,
    dashboard: city.spread,
    bareLoop: bare.spread,
    readSummaries: read.spread,
    readRecords,
    summaryBytes,
    recordJsonBytes: s.recordJsonBytes,
    check: {
      dashboardMembers: city.last.totals.members,
      bareMembers: bare.last.members,
      meetingsCounted: bare.last.meetings,
      red: bare.last.red,
      yellow: bare.last.yellow,
    },
  };
}

async function cleanUp(): Promise<void> {
  if (state === null) return;
  const { committee, raw } = state;
  state = null;
  await committee.db.delete();
  await raw.delete();
}

/** Errors as text that survives page.evaluate (a DexieError's name alone says little). */
function explained<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (e) {
      const inner = e instanceof Error && 'inner' in e && e.inner instanceof Error ? ` (inner: ${e.inner.name}: ${e.inner.message})` : '';
      throw new Error(e instanceof Error ? `${e.name}: ${e.message}${inner}\n${e.stack ?? ''}` : String(e));
    }
  };
}

window.cityBench = { setup: explained(setup), next: explained(next), sample: explained(sample), largest: explained(largest), dashboard: explained(dashboard), cleanUp: explained(cleanUp) };
document.title = 'cityBench ready';
