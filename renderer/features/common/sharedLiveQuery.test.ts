/**
 * Components asking for the same query with the same arguments share one live query: one read per
 * change, whoever listens; other arguments are another query; the last listener leaving stops it.
 */
import { Dexie, type Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registeredSharedQueries, runningSharedQueries, sharedLiveQuery, type SharedLiveQuery } from './sharedLiveQuery';
import { shownResult } from './useAppQuery';

interface Item {
  id: string;
  unitId: string;
  name: string;
}

class ItemsDb extends Dexie {
  items!: Table<Item, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ items: 'id, unitId' });
  }
}

let db: ItemsDb;
let runs: Record<string, number>;

async function itemsOf(database: ItemsDb, unitId: string): Promise<Item[]> {
  runs[unitId] = (runs[unitId] ?? 0) + 1;
  return database.items.where('unitId').equals(unitId).toArray();
}

const shared = (unitId: string) => sharedLiveQuery(itemsOf, [unitId], () => itemsOf(db, unitId));
const valueOf = <T>(q: SharedLiveQuery<T>): T | undefined => { const s = q.state(); return s.status === 'ok' ? s.value : undefined; };

/** Resolves when `predicate` holds after a notification (or at once if it holds now). */
function until<T>(query: SharedLiveQuery<T>, predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (predicate()) return resolve();
    const stop = query.subscribe(() => {
      if (!predicate()) return;
      stop();
      resolve();
    });
  });
}

const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(async () => {
  db = new ItemsDb(`shared-live-query-${Math.random()}`);
  await db.items.bulkPut([
    { id: 'a1', unitId: 'A', name: '第一党支部' },
    { id: 'b1', unitId: 'B', name: '机关党委' },
  ]);
  runs = {};
});

afterEach(async () => {
  await macrotask();
  db.close();
  await db.delete();
});

describe('sharedLiveQuery', () => {
  it('runs a query once for every listener of the same arguments, and again once per change', async () => {
    const first = shared('A');
    const seenByFirst: number[] = [];
    const seenBySecond: number[] = [];
    const stopFirst = first.subscribe(() => seenByFirst.push(valueOf(first)?.length ?? -1));
    const second = shared('A');
    expect(second).toBe(first);
    const stopSecond = second.subscribe(() => seenBySecond.push(valueOf(second)?.length ?? -1));
    await until(first, () => valueOf(first) !== undefined);
    expect(valueOf(first)!.map((i) => i.name)).toEqual(['第一党支部']);
    expect(runs.A).toBe(1);

    await db.items.put({ id: 'a2', unitId: 'A', name: '第二党支部' });
    await until(first, () => valueOf(first)!.length === 2);
    expect(runs.A).toBe(2);
    expect(seenByFirst.at(-1)).toBe(2);
    expect(seenBySecond.at(-1)).toBe(2);
    expect(runningSharedQueries()).toBe(1);
    stopFirst();
    stopSecond();
  });

  it('keeps other arguments apart', async () => {
    const a = shared('A');
    const b = shared('B');
    expect(b).not.toBe(a);
    const stops = [a.subscribe(() => undefined), b.subscribe(() => undefined)];
    await until(a, () => valueOf(a) !== undefined);
    await until(b, () => valueOf(b) !== undefined);
    expect(valueOf(a)!.map((i) => i.id)).toEqual(['a1']);
    expect(valueOf(b)!.map((i) => i.id)).toEqual(['b1']);
    for (const stop of stops) stop();
  });

  it('stops the query after the last listener leaves, not while one re-subscribes in the same task', async () => {
    const q = shared('A');
    const stop = q.subscribe(() => undefined);
    await until(q, () => valueOf(q) !== undefined);
    stop();
    const again = q.subscribe(() => undefined); // a re-mount in the same task keeps the running query and its value
    expect(valueOf(q)).toBeDefined();
    await macrotask();
    expect(runningSharedQueries()).toBe(1);
    again();
    await macrotask();
    expect(runningSharedQueries()).toBe(0);

    const before = runs.A;
    await db.items.put({ id: 'a3', unitId: 'A', name: '第三党支部' });
    await macrotask();
    expect(runs.A).toBe(before); // nobody listens: nothing is read
    expect(shared('A')).not.toBe(q); // the next screen starts afresh
  });

  it('hands a failing query\'s error to its listeners as a new state, which the hook throws to the error boundary', async () => {
    const failing = async (): Promise<Item[]> => {
      throw new Error('读取失败');
    };
    const q = sharedLiveQuery(failing, ['A'], failing);
    const before = q.state();
    let notified = 0;
    const stop = q.subscribe(() => notified++);
    await until(q, () => q.state().status === 'error');
    const state = q.state();
    expect(state).not.toBe(before); // a new snapshot: useSyncExternalStore re-renders the screen
    expect(notified).toBeGreaterThan(0);
    expect(() => shownResult(state, [])).toThrow('读取失败');
    stop();
  });

  it('drops an entry nobody subscribed to (a render React threw away), and never lets a stopped entry displace a newer one', async () => {
    const orphan = shared('A');
    expect(registeredSharedQueries()).toBe(1);
    await macrotask();
    expect(registeredSharedQueries()).toBe(0); // no leak

    const newer = shared('A');
    expect(newer).not.toBe(orphan);
    const stopNewer = newer.subscribe(() => undefined);
    const stopOrphan = orphan.subscribe(() => undefined); // a component still holding the old entry
    await until(newer, () => valueOf(newer) !== undefined);
    expect(shared('A')).toBe(newer);
    stopOrphan();
    await macrotask();
    expect(shared('A')).toBe(newer); // the orphan's stop did not remove the newer entry
    stopNewer();
  });

  it('shows the value it showed before while a query loads, and the new value once it arrives', () => {
    expect(shownResult({ status: 'loading' }, ['旧'])).toEqual(['旧']);
    expect(shownResult({ status: 'ok', value: ['新'] }, ['旧'])).toEqual(['新']);
    expect(shownResult({ status: 'loading' }, undefined)).toBeUndefined();
  });
});
