/**
 * What screens use of the app's database: the session's single write context, and
 * `onAppDatabase` for reads and the few calls that take the database itself. There must be
 * exactly one write context per running app: it owns the hybrid logical clock, and two clocks
 * seeded from the same last rev could issue the same rev.
 */
import { appDatabase, type TaizhangDb } from './db';
import { openWriteContext, type WriteContext } from './writeContext';

let context: Promise<WriteContext> | null = null;

export function sessionWriteContext(): Promise<WriteContext> {
  context ??= openWriteContext(appDatabase()).catch((e: unknown) => {
    context = null; // not set up yet, or the database failed: try again next time
    throw e;
  });
  return context;
}

/**
 * Starts the session's write context afresh, from what the database holds now: after the unit's
 * enrolment gave it the committee's unit id (the context holds the owner id). The next write reads
 * the workspace and the device row (its last rev) again, so the clock carries on where it was.
 * Without a reload, the unlocked data key stays with the window (no second 开机口令).
 */
export function restartSessionWriteContext(): void {
  context = null;
}

/**
 * Runs a function of renderer/db — a read of db/queries, or a repository call that takes the
 * database — on the app's database. Screens name the function and never hold the database
 * themselves (lint: no `appDatabase` in renderer/features), so each read goes through its area's
 * typed query module and each write through a repository.
 */
export function onAppDatabase<A extends unknown[], R>(fn: (db: TaizhangDb, ...args: A) => R, ...args: A): R {
  return fn(appDatabase(), ...args);
}

/** When another window opened a newer version of the ledger, this window stops writing: screens ask the user to reload. */
export { watchAppDatabaseClosed } from './db';
