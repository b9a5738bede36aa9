/**
 * The browser side of coldStart.bench.ts: served from the app's own origin (beside the app's
 * build), it opens the APP's database — the committee the bench set up through the app's setup
 * screen, with its 开机口令 — unlocks it the way the start gate does (unlockWithPassphrase), and
 * imports units of the synthetic city the way the 同步 page does (enrol, then prepareImport and
 * applyImport of the unit's first bundle; verify and open in the import worker). The app, opened
 * afterwards in the same profile, finds a committee that has imported those units.
 */
import { openDatabase, type TaizhangDb } from '../../../renderer/db/db';
import { unlockWithPassphrase } from '../../../renderer/db/encryption/dataKeyAccess';
import { setDefaultBundleOpener } from '../../../renderer/db/sync/bundleOpener';
import { applyImport, prepareImport } from '../../../renderer/db/sync/importBundle';
import { openWriteContext, type WriteContext } from '../../../renderer/db/writeContext';
import { openInWorker } from '../../../renderer/workers/importOpenClient';
import { generateUnits, planUnits, type GeneratedUnit } from '../../fixtures/generator';
import { bundleFor, enrol, recordCountOf } from './committeeFixture';

export interface FilledUnit {
  readonly index: number;
  readonly unitId: string;
  readonly name: string;
  readonly records: number;
  /** UTF-8 bytes of the unit's records as JSON (what the heap is compared with). */
  readonly jsonBytes: number;
}

export interface ColdFillApi {
  /** Opens the app's database with the 开机口令 (as the start gate does). */
  open(passphrase: string): Promise<void>;
  /** Imports the city's units at these positions (generator order), in that order. */
  importUnits(options: { seed: number; year: number; positions: readonly number[] }): Promise<FilledUnit[]>;
  /** Position of the city's largest unit (most members in the plan). */
  largestPosition(options: { seed: number; year: number }): number;
  close(): void;
}

declare global {
  interface Window {
    coldFill?: ColdFillApi;
  }
}

setDefaultBundleOpener(openInWorker);

let db: TaizhangDb | null = null;
let ctx: WriteContext | null = null;
const encoder = new TextEncoder();

async function open(passphrase: string): Promise<void> {
  db = openDatabase();
  const unlocked = await unlockWithPassphrase(db, passphrase);
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  ctx = await openWriteContext(db);
}

async function importOne(c: WriteContext, unit: GeneratedUnit, index: number): Promise<FilledUnit> {
  await enrol(c, unit);
  const bytes = await bundleFor(c, unit, index, c.now);
  const preview = await prepareImport(c, bytes, { onProgress: () => undefined });
  if (!preview.ok) throw new Error(`${unit.unit.name}: ${preview.error.message}`);
  const applied = await applyImport(c, preview.value, { fingerprintConfirmed: true, onProgress: () => undefined });
  if (!applied.ok) throw new Error(`${unit.unit.name}: ${applied.error.message}`);
  const records = recordCountOf(unit);
  if (applied.value.written !== records) throw new Error(`${unit.unit.name}: ${applied.value.written} of ${records} records written`);
  return { index, unitId: unit.unit.id, name: unit.unit.name, records, jsonBytes: encoder.encode(JSON.stringify(unit.records)).length };
}

async function importUnits(options: { seed: number; year: number; positions: readonly number[] }): Promise<FilledUnit[]> {
  if (ctx === null) throw new Error('coldFill.open() first');
  const wanted = new Set(options.positions);
  const last = Math.max(...options.positions);
  const byPosition = new Map<number, FilledUnit>();
  let index = 0;
  for (const unit of generateUnits({ size: 'city', seed: options.seed, year: options.year })) {
    if (wanted.has(index)) byPosition.set(index, await importOne(ctx, unit, index));
    if (index++ >= last) break;
  }
  return options.positions.map((p) => {
    const done = byPosition.get(p);
    if (done === undefined) throw new Error(`the city has no unit at position ${p}`);
    return done;
  });
}

function largestPosition(options: { seed: number; year: number }): number {
  const plans = planUnits({ size: 'city', seed: options.seed, year: options.year });
  return plans.reduce((a, b) => (b.members > a.members ? b : a)).index;
}

/** Errors as text that survives page.evaluate. */
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

window.coldFill = {
  open: explained(open),
  importUnits: explained(importUnits),
  largestPosition,
  close: () => {
    db?.close();
    db = null;
    ctx = null;
  },
};
document.title = 'coldFill ready';
