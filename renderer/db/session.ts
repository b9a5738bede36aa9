/**
 * The session's single write context. There must be exactly one per running app: it owns the
 * hybrid logical clock, and two clocks seeded from the same last rev could issue the same rev.
 */
import { appDatabase } from './db';
import { openWriteContext, type WriteContext } from './writeContext';

let context: Promise<WriteContext> | null = null;

export function sessionWriteContext(): Promise<WriteContext> {
  context ??= openWriteContext(appDatabase()).catch((e: unknown) => {
    context = null; // not set up yet, or the database failed: try again next time
    throw e;
  });
  return context;
}
