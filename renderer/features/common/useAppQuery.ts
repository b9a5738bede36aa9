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
import { sharedLiveQuery } from './sharedLiveQuery';

/** undefined while loading (after a change of arguments, the previous result until the new one arrives, as Dexie's useLiveQuery). */
export function useAppQuery<A extends unknown[], T>(query: (db: TaizhangDb, ...args: A) => Promise<T>, ...args: A): T | undefined {
  const shared = sharedLiveQuery(query, args, () => onAppDatabase(query, ...args));
  const value = useSyncExternalStore(shared.subscribe, shared.value);
  const last = useRef<T | undefined>(undefined);
  const error = shared.error();
  if (error !== undefined) throw error;
  if (value !== undefined) last.current = value;
  return value ?? last.current;
}
