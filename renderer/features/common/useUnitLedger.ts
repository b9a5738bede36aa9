/**
 * Live reads of the scoped unit's organisation ledger (unit, organisations, elections, seats,
 * members), shared by the organisation, member and workbench screens. Every figure is computed
 * from these by shared/rules.
 */
import { unitLedger, type UnitLedger } from '../../db/queries/organisations';
import { useAppQuery } from './useAppQuery';
import { useUnitScope } from './unitScope';

export type { UnitLedger };

/** undefined while loading. */
export function useUnitLedger(): UnitLedger | undefined {
  const { unitId } = useUnitScope();
  return useAppQuery(unitLedger, unitId);
}
