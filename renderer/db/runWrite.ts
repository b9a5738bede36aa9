/**
 * The one write funnel (compare Actual Budget's `mutator()`): a repository write that spans more
 * than one record runs its body here, in ONE read-write Dexie transaction over exactly the tables
 * it names, and gets a `Result` back:
 *
 * - the body returns `ok(value)` → `ok(value)`, committed;
 * - the body returns `fail(error)` → `fail(error)`; at the outermost level the transaction is
 *   rolled back, so a failure never leaves half a write behind (nested, the failure is handed to
 *   the enclosing body, which decides);
 * - the body (or anything it calls) throws an `ExpectedFailure` → everything written in the
 *   transaction is rolled back and its tagged error, with its Chinese message, comes out as
 *   `fail(error)`. Throwing is how a helper deep inside a write refuses it after writing already;
 * - a storage fault the user can act on (disk full, this window's connection closed by a newer
 *   version in another window) rolls back and is thrown as an `ExpectedFailure` with its Chinese
 *   message (storageFaults.ts), which the screens show as they show any refused write;
 * - anything else thrown (a bug) rolls back and is thrown on: bugs are not values.
 *
 * Nested inside another write's transaction (one repository write calling another), Dexie runs the
 * body in the enclosing transaction; the tables named must be among the enclosing ones. A thrown
 * failure there aborts the enclosing transaction too (Dexie's rule), so the enclosing write fails
 * as a whole.
 */
import { Dexie, type Table } from 'dexie';
import { ExpectedFailure, fail, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { TaizhangDb } from './db';
import { storageFault } from './storageFaults';

/** Carries a returned failure out of the transaction scope so that Dexie rolls back. */
class ReturnedFailure<E extends ExpectedError> extends Error {
  override readonly name = 'ReturnedFailure';
  constructor(readonly error: E) {
    super(error.message);
  }
}

/**
 * Runs `body` in one read-write transaction over `tables` (see the module comment). `E` is the
 * error union of the write: the body returns it, and an `ExpectedFailure` thrown inside must carry
 * one of its members (the repositories throw only the failures of the records they write).
 */
export async function runWrite<T, E extends ExpectedError = ExpectedError>(
  db: TaizhangDb,
  tables: readonly Table[],
  body: () => Promise<Result<T, E>>,
): Promise<Result<T, E>> {
  const nested = Dexie.currentTransaction !== null && Dexie.currentTransaction !== undefined;
  try {
    return await db.transaction('rw', tables, async () => {
      const result = await body();
      if (!result.ok && !nested) throw new ReturnedFailure(result.error);
      return result;
    });
  } catch (e) {
    if (e instanceof ReturnedFailure) return fail(e.error as E);
    if (e instanceof ExpectedFailure) return fail(e.error as E);
    // at the outermost write only: nested, the enclosing write sees the fault itself
    const fault = nested ? null : storageFault(e);
    if (fault) throw new ExpectedFailure(fault);
    throw e;
  }
}
