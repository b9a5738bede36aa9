/**
 * One live query per (query, arguments), however many components ask for it. A screen is made of
 * hooks that each need the unit's ledger (the workbench: the page, the meeting to-dos, the training
 * to-dos …); with a live query per hook, the same 16,000 records of a large unit were read, their
 * sealed fields opened and Dexie's copy made once per hook, on every change (issue 18's profiles).
 * Here the first subscriber starts one Dexie `liveQuery`, later ones share its latest state, and
 * the last one to leave stops it — after the current task, so that a screen re-mounting its hooks
 * (a route change, React's strict mode) keeps the query instead of reading again. An entry that
 * nobody subscribes to (a render React threw away) is dropped the same way.
 */
import { liveQuery, type Subscription } from 'dexie';

/** What a query last gave: a result, or the error of its last run. A new object on every change. */
export type SharedQueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly error: unknown };

export interface SharedLiveQuery<T> {
  /** Starts the query with the first listener; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The latest state (the same object until something changes: a snapshot for useSyncExternalStore). */
  state(): SharedQueryState<T>;
}

const LOADING = { status: 'loading' } as const;

interface Entry {
  readonly query: SharedLiveQuery<unknown>;
  current: SharedQueryState<unknown>;
  readonly listeners: Set<() => void>;
  subscription: Subscription | null;
  stopTimer: ReturnType<typeof setTimeout> | null;
}

const entries = new Map<string, Entry>();
const queryIds = new WeakMap<object, number>();
let nextQueryId = 1;

/** The key of a query and its arguments: the function's identity and the arguments' JSON. */
function keyOf(query: object, args: readonly unknown[]): string {
  let id = queryIds.get(query);
  if (id === undefined) {
    id = nextQueryId++;
    queryIds.set(query, id);
  }
  return `${id}:${JSON.stringify(args)}`;
}

/**
 * The shared live query of `run` — which must be the same function for the same key (`query` names
 * it: pass the query module's function, and `run` calling it with `args`).
 */
export function sharedLiveQuery<T>(query: object, args: readonly unknown[], run: () => Promise<T>): SharedLiveQuery<T> {
  const key = keyOf(query, args);
  const known = entries.get(key);
  if (known !== undefined) return known.query as SharedLiveQuery<T>;

  const update = (next: SharedQueryState<unknown>): void => {
    entry.current = next;
    for (const l of [...entry.listeners]) l();
  };
  /** Stops the query unless someone listens again by then; forgets its state. */
  const stopLater = (): void => {
    if (entry.stopTimer !== null) return;
    entry.stopTimer = setTimeout(() => {
      entry.stopTimer = null;
      if (entry.listeners.size > 0) return;
      entry.subscription?.unsubscribe();
      entry.subscription = null;
      entry.current = LOADING;
      if (entries.get(key) === entry) entries.delete(key);
    }, 0);
  };
  const entry: Entry = {
    current: LOADING,
    listeners: new Set(),
    subscription: null,
    stopTimer: null,
    query: {
      subscribe(listener) {
        entry.listeners.add(listener);
        if (entry.stopTimer !== null) {
          clearTimeout(entry.stopTimer);
          entry.stopTimer = null;
        }
        if (entry.subscription === null) {
          // a component still holding an entry that was stopped: shared again unless a newer one took its place
          if (!entries.has(key)) entries.set(key, entry);
          entry.subscription = liveQuery(run).subscribe({
            next: (value) => update({ status: 'ok', value }),
            error: (error: unknown) => update({ status: 'error', error }),
          });
        }
        return () => {
          entry.listeners.delete(listener);
          if (entry.listeners.size === 0) stopLater();
        };
      },
      state: () => entry.current,
    },
  };
  entries.set(key, entry);
  stopLater(); // dropped if no component subscribes (a render that never commits)
  return entry.query as SharedLiveQuery<T>;
}

/** How many shared queries are running (for tests). */
export function runningSharedQueries(): number {
  return [...entries.values()].filter((e) => e.subscription !== null).length;
}

/** How many shared queries are registered, running or not (for tests). */
export function registeredSharedQueries(): number {
  return entries.size;
}
