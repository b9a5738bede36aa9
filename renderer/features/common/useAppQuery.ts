/**
 * A live read of the app's database through a query of renderer/db/queries (or another read of
 * renderer/db), re-run when what it read changes: `useAppQuery(unitMeetings, unitId)`. Screens
 * pass the query itself, never a function of their own over the database (lint).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { TaizhangDb } from '../../db/db';
import { onAppDatabase } from '../../db/session';

/** undefined while loading. */
export function useAppQuery<A extends unknown[], T>(query: (db: TaizhangDb, ...args: A) => Promise<T>, ...args: A): T | undefined {
  return useLiveQuery(() => onAppDatabase(query, ...args), args);
}
