/**
 * One live query per (query, arguments), however many components ask for it. A screen is made of
 * hooks that each need the unit's ledger (the workbench: the page, the meeting to-dos, the training
 * to-dos …); with a live query per hook, the same 16,000 records of a large unit were read, their
 * sealed fields opened and Dexie's copy made once per hook, on every change (issue 18's profiles).
 * Here the first subscriber starts one Dexie `liveQuery`, later ones share its latest value, and
 * the last one to leave stops it — after the current task, so that a screen re-mounting its hooks
 * (a route change, React's strict mode) keeps the query instead of reading again.
 */
import { liveQuery, type Subscription } from 'dexie';

export interface SharedLiveQuery<T> {
  /** Starts the query with the first listener; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The latest result; undefined until the first arrives. */
  value(): T | undefined;
  /** The query's failure, if its latest run failed (thrown to the screen's error boundary). */
  error(): unknown;
}

interface Entry {
  readonly query: SharedLiveQuery<unknown>;
  result: { value: unknown } | undefined;
  failure: { error: unknown } | undefined;
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

  const notify = (): void => {
    for (const l of [...entry.listeners]) l();
  };
  const stop = (): void => {
    entry.stopTimer = null;
    if (entry.listeners.size > 0) return;
    entry.subscription?.unsubscribe();
    entry.subscription = null;
    entries.delete(key);
  };
  const entry: Entry = {
    result: undefined,
    failure: undefined,
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
          entries.set(key, entry); // again, if it was stopped while a component still held it
          entry.subscription = liveQuery(run).subscribe({
            next: (value) => {
              entry.result = { value };
              entry.failure = undefined;
              notify();
            },
            error: (error: unknown) => {
              entry.failure = { error };
              notify();
            },
          });
        }
        return () => {
          entry.listeners.delete(listener);
          if (entry.listeners.size === 0 && entry.stopTimer === null) entry.stopTimer = setTimeout(stop, 0);
        };
      },
      value: () => entry.result?.value,
      error: () => entry.failure?.error,
    },
  };
  entries.set(key, entry);
  return entry.query as SharedLiveQuery<T>;
}

/** How many shared queries are running (for tests). */
export function runningSharedQueries(): number {
  return [...entries.values()].filter((e) => e.subscription !== null).length;
}
