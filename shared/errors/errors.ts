/**
 * Expected failures are values, bugs are exceptions.
 *
 * Anything a user can cause (a bad form value, a foreign file, a missing setup) is an
 * `ExpectedError`: a tagged value with a Chinese message that says what went wrong and what to do.
 * A broken invariant inside the program is a `BugError` and is thrown.
 */
export interface ExpectedError<K extends string = string> {
  readonly kind: K;
  /** Simplified Chinese, for the user: what happened and what to do. */
  readonly message: string;
  /** Optional field path for form errors, e.g. ['idNumber']. */
  readonly path?: readonly (string | number)[];
}

export type Result<T, E extends ExpectedError = ExpectedError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<E extends ExpectedError>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

export function expectedError<K extends string>(
  kind: K,
  message: string,
  path?: readonly (string | number)[],
): ExpectedError<K> {
  return path ? { kind, message, path } : { kind, message };
}

/** Thrown for a broken invariant: a defect in the program, never a user's mistake. */
export class BugError extends Error {
  override readonly name = 'BugError';
}

/** Thrown carrier for an ExpectedError across async boundaries (e.g. out of a Dexie transaction). */
export class ExpectedFailure extends Error {
  override readonly name = 'ExpectedFailure';
  constructor(readonly error: ExpectedError) {
    super(error.message);
  }
}

export function isExpectedFailure(e: unknown): e is ExpectedFailure {
  return e instanceof ExpectedFailure;
}
