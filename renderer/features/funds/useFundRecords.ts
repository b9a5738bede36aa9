/** Live reads of the scoped unit's 经费保障 records (its own ledger, or read-only under the 工委's 单位). */
import { unitFunds, type FundRecords } from '../../db/queries/funds';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitScope } from '../common/unitScope';

export type { FundRecords };

/** undefined while loading. */
export function useFundRecords(): FundRecords | undefined {
  const { unitId } = useUnitScope();
  return useAppQuery(unitFunds, unitId);
}
