/** Live read of the scoped unit's rectification ledger (its items, and the cards and reviews they come from). */
import { unitRectificationLedger, type RectificationLedger } from '../../db/queries/rectification';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitScope } from '../common/unitScope';

export type { RectificationLedger };

/** undefined while loading. */
export function useRectificationLedger(): RectificationLedger | undefined {
  const { unitId } = useUnitScope();
  return useAppQuery(unitRectificationLedger, unitId);
}
