/**
 * A live read of the app's database through a query of renderer/db/queries (or another read of
 * renderer/db), re-run when what it read changes: `useAppQuery(unitMeetings, unitId)`. Screens
 * pass the query itself, never a function of their own over the database (lint). Components asking
 * for the same query with the same arguments share one live query (sharedLiveQuery.ts): a screen
 * reads a unit's ledger once, however many of its hooks need it.
 */
import { useRef, useSyncExternalStore } from 'react';
import type { TaizhangDb } from '../../db/db';
import { onAppDatabase } from '../../db/session';
import { sharedLiveQuery, type SharedQueryState } from './sharedLiveQuery';

/**
 * What the hook returns for a query's state: its value; while loading, the value it returned before
 * (after a change of arguments, the previous result until the new one arrives, as Dexie's
 * useLiveQuery); a failed read is thrown to the screen's error boundary.
 */
export function shownResult<T>(state: SharedQueryState<T>, previous: T | undefined): T | undefined {
  if (state.status === 'error') throw state.error;
  return state.status === 'ok' ? state.value : previous;
}

/** undefined while loading. */
export function useAppQuery<A extends unknown[], T>(query: (db: TaizhangDb, ...args: A) => Promise<T>, ...args: A): T | undefined {
  const shared = sharedLiveQuery(query, args, () => onAppDatabase(query, ...args));
  // the state is a new object on every result and every failure: either re-renders the screen
  const state = useSyncExternalStore(shared.subscribe, shared.state);
  const last = useRef<T | undefined>(undefined);
  const shown = shownResult(state, last.current);
  last.current = shown;
  return shown;
}
