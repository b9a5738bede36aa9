/**
 * What the unit register hands to 督责问责 → 通知 (as the route's state) when the committee sends a
 * notice to the units it shows: their ids in the register's order and its filter in words.
 */
export interface NoticeTo {
  readonly noticeTo: { readonly unitIds: readonly string[]; readonly filterLabel: string };
}

export function isNoticeTo(state: unknown): state is NoticeTo {
  if (typeof state !== 'object' || state === null || !('noticeTo' in state)) return false;
  const to = (state as { noticeTo: unknown }).noticeTo;
  return (
    typeof to === 'object' &&
    to !== null &&
    Array.isArray((to as { unitIds?: unknown }).unitIds) &&
    (to as { unitIds: unknown[] }).unitIds.every((id) => typeof id === 'string') &&
    typeof (to as { filterLabel?: unknown }).filterLabel === 'string'
  );
}
