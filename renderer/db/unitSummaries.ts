/**
 * The committee's per-unit summaries (单位汇总) in the local `unitSummary` store (schema v3, never
 * synced): built by shared/rules/committee/unitSummary.ts from ONE unit's records, read through the
 * `unitId` indexes, so the cost of a rebuild follows that unit's size, not the city's.
 *
 * - `rebuildUnitSummary` runs inside the caller's transaction (the import's write transaction:
 *   a summary is never stale after an import) or the v3 upgrade's; its stores are
 *   `UNIT_SUMMARY_STORES`.
 * - `ensureUnitSummaries` rebuilds the missing, damaged, older-version ones, and those built in an
 *   earlier year (their running-year figures stopped at the last import), each in its own transaction.
 * - On a unit's workspace nothing is built: the unit screens read the records.
 */
import { Dexie, type Table } from 'dexie';
import type { CommitteeSeat, Election, Enrolment, Meeting, Member, Organisation, TrainingClass, Unit } from '../../shared/model';
import { UnitSummarySchema, type UnitSummary } from '../../shared/rules/committee/summarySchema';
import { buildUnitSummary, type UnitSummaryRecords } from '../../shared/rules/committee/unitSummary';
import { dateOfInstant } from '../../shared/rules/dates';
import type { TaizhangDb } from './db';
import type { WorkspaceRow } from './localTypes';

/** Where tables are read from: the database (in or out of a transaction) or an upgrade's transaction. */
export interface TableSource {
  table<T, Key>(name: string): Table<T, Key>;
}

/** Every store a rebuild reads or writes, for the caller's transaction. */
export const UNIT_SUMMARY_STORES = ['unit', 'organisation', 'election', 'committeeSeat', 'member', 'meeting', 'trainingClass', 'enrolment', 'unitSummary'] as const;

/** One unit's records, each table through its unitId index; plus the classes of other owners (the 工委's) its enrolments refer to. */
export async function readUnitRecords(source: TableSource, unitId: string): Promise<UnitSummaryRecords> {
  const ofUnit = <T>(table: string): Promise<T[]> => source.table<T, string>(table).where('unitId').equals(unitId).toArray();
  const [unit, organisation, election, committeeSeat, member, meeting, ownClasses, enrolment] = await Promise.all([
    source.table<Unit, string>('unit').get(unitId),
    ofUnit<Organisation>('organisation'),
    ofUnit<Election>('election'),
    ofUnit<CommitteeSeat>('committeeSeat'),
    ofUnit<Member>('member'),
    // [unitId+date]: the index the meeting screens use (a plain unitId index on meetings is redundant)
    source.table<Meeting, string>('meeting').where('[unitId+date]').between([unitId, Dexie.minKey], [unitId, Dexie.maxKey]).toArray(),
    ofUnit<TrainingClass>('trainingClass'),
    ofUnit<Enrolment>('enrolment'),
  ]);
  const own = new Set(ownClasses.map((c) => c.id));
  const referred = new Set<string>();
  for (const e of enrolment)
    for (const id of [e.classId, e.makeUpOfClassId]) if (id !== null && !own.has(id)) referred.add(id);
  const others = referred.size === 0 ? [] : await source.table<TrainingClass, string>('trainingClass').bulkGet([...referred]);
  return {
    unit: unit === undefined ? [] : [unit],
    organisation,
    election,
    committeeSeat,
    member,
    meeting,
    trainingClass: [...ownClasses, ...others.filter((c): c is TrainingClass => c !== undefined)],
    enrolment,
  };
}

/** Rebuilds and stores one unit's summary (inside the caller's transaction, if any). */
export async function rebuildUnitSummary(source: TableSource, unitId: string, now: Date): Promise<UnitSummary> {
  return storeUnitSummary(source, unitId, await readUnitRecords(source, unitId), now);
}

/** Builds one unit's summary from its records in hand and stores it (inside the caller's transaction, if any). */
export async function storeUnitSummary(source: TableSource, unitId: string, records: UnitSummaryRecords, now: Date): Promise<UnitSummary> {
  const summary = buildUnitSummary(records, { unitId, builtAt: now.toISOString() });
  await source.table<UnitSummary, string>('unitSummary').put(summary);
  return summary;
}

const byId = (a: { readonly id: string }, b: { readonly id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byDateThenId = (a: { readonly id: string; readonly date: string }, b: { readonly id: string; readonly date: string }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : byId(a, b);

/**
 * The unit's records as `readUnitRecords` would read them after `written` (rows per table, just
 * put) went in on top of `before` (read before them, in the same transaction): the same rows in the
 * same order (by id, as the unitId index returns them; meetings by date then id). The summary
 * built from it is the one a re-read would give, without reading the unit's records back.
 * The classes of other owners that the merged enrolments refer to are those read before (a unit's
 * bundle never writes another owner's class), and any newly referred to are read now.
 */
export async function withWritten(source: TableSource, before: UnitSummaryRecords, unitId: string, written: ReadonlyMap<string, readonly object[]>): Promise<UnitSummaryRecords> {
  const merge = <T extends { readonly id: string; readonly unitId: string }>(table: string, rows: readonly T[] | undefined, order: (a: T, b: T) => number): T[] => {
    const add = (written.get(table) ?? []) as readonly T[];
    const kept = (rows ?? []).filter((r) => r.unitId === unitId);
    if (add.length === 0) return kept;
    const byKey = new Map(kept.map((r) => [r.id, r] as const));
    for (const r of add) if (r.unitId === unitId) byKey.set(r.id, r);
    return [...byKey.values()].sort(order);
  };
  const unitRows = (written.get('unit') ?? []) as readonly Unit[];
  const ownUnit = unitRows.find((u) => u.id === unitId);
  const enrolment = merge<Enrolment>('enrolment', before.enrolment, byId);
  const ownBefore = (before.trainingClass ?? []).filter((c) => c.unitId === unitId);
  const otherBefore = new Map((before.trainingClass ?? []).filter((c) => c.unitId !== unitId).map((c) => [c.id, c] as const));
  const ownClasses = merge<TrainingClass>('trainingClass', ownBefore, byId);
  const own = new Set(ownClasses.map((c) => c.id));
  const referred = new Set<string>();
  for (const e of enrolment)
    for (const id of [e.classId, e.makeUpOfClassId]) if (id !== null && !own.has(id)) referred.add(id);
  const missing = [...referred].filter((id) => !otherBefore.has(id));
  if (missing.length > 0) {
    const read = await source.table<TrainingClass, string>('trainingClass').bulkGet(missing);
    for (const c of read) if (c !== undefined) otherBefore.set(c.id, c);
  }
  const others: TrainingClass[] = [];
  for (const id of referred) {
    const c = otherBefore.get(id);
    if (c !== undefined) others.push(c);
  }
  return {
    unit: ownUnit !== undefined ? [ownUnit] : (before.unit ?? []),
    organisation: merge<Organisation>('organisation', before.organisation, byId),
    election: merge<Election>('election', before.election, byId),
    committeeSeat: merge<CommitteeSeat>('committeeSeat', before.committeeSeat, byId),
    member: merge<Member>('member', before.member, byId),
    meeting: merge<Meeting>('meeting', before.meeting, byDateThenId),
    trainingClass: [...ownClasses, ...others],
    enrolment,
  };
}

/** The units whose records a committee database holds (not the committee's own id). */
async function heldUnitIds(source: TableSource, ownerId: string): Promise<string[]> {
  const keys = await Promise.all([
    source.table<Unit, string>('unit').toCollection().primaryKeys(),
    source.table<Organisation, string>('organisation').orderBy('unitId').uniqueKeys(),
    source.table<Member, string>('member').orderBy('unitId').uniqueKeys(),
  ]);
  const ids = new Set<string>();
  for (const list of keys) for (const k of list) if (typeof k === 'string' && k !== ownerId) ids.add(k);
  return [...ids].sort();
}

async function committeeOwner(source: TableSource): Promise<string | null> {
  const workspace = await source.table<WorkspaceRow, string>('workspace').get('workspace');
  return workspace?.mode === 'committee' ? workspace.ownerId : null;
}

/** The v3 upgrade: on a committee database, the summary of every unit it holds (in the upgrade's transaction). */
export async function buildAllUnitSummaries(source: TableSource, now: Date): Promise<number> {
  const owner = await committeeOwner(source);
  if (owner === null) return 0;
  const ids = await heldUnitIds(source, owner);
  for (const id of ids) await rebuildUnitSummary(source, id, now);
  return ids.length;
}

/** Whether a stored summary must be rebuilt before it is read. */
function needsRebuild(stored: unknown, now: Date): boolean {
  const parsed = UnitSummarySchema.safeParse(stored);
  if (!parsed.success) return true; // missing, damaged or of another summaryVersion
  return parsed.data.asOf.slice(0, 4) < dateOfInstant(now.toISOString()).slice(0, 4);
}

/**
 * Committee: rebuilds every summary that is missing, damaged, of an older version or built in an
 * earlier year (each in its own transaction). Returns the ids rebuilt; [] on a unit's workspace.
 */
export async function ensureUnitSummaries(db: TaizhangDb, now: Date = new Date()): Promise<string[]> {
  const owner = await committeeOwner(db);
  if (owner === null) return [];
  const ids = await heldUnitIds(db, owner);
  const stored = await db.table<unknown, string>('unitSummary').bulkGet(ids);
  const stale = ids.filter((_, i) => needsRebuild(stored[i], now));
  const stores = UNIT_SUMMARY_STORES.map((t) => db.table(t));
  for (const id of stale) await db.transaction('rw', stores, () => rebuildUnitSummary(db, id, now));
  return stale;
}
