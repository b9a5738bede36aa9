/** Small helpers for cross-field checks inside `.superRefine`. */
import type { z } from 'zod';

type Ctx = z.RefinementCtx;

/** Report `message` at `path`. */
export function issue(ctx: Ctx, path: readonly (string | number)[], message: string): void {
  ctx.addIssue({ code: 'custom', path: [...path], message });
}

/** Report at `path` when both dates are set and `later` is before `earlier` (ISO dates compare as strings). */
export function checkOrder(
  ctx: Ctx,
  earlier: string | null,
  later: string | null,
  path: readonly (string | number)[],
  message: string,
): void {
  if (earlier !== null && later !== null && later < earlier) issue(ctx, path, message);
}

/** Report each repeated value of a list (at `[...listPath, index, ...field]`). */
export function checkUnique<T>(
  ctx: Ctx,
  items: readonly T[],
  key: (item: T) => string,
  pathOf: (index: number) => readonly (string | number)[],
  message: string,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const k = key(item);
    if (seen.has(k)) issue(ctx, pathOf(index), message);
    seen.add(k);
  });
}
