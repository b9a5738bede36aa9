/** Live reads of the scoped unit's 党务干部双向交流 (its own ledger, or read-only under the 工委's 单位). */
import { unitCadreExchanges, type CadreExchangeRecords } from '../../db/queries/cadreExchange';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitScope } from '../common/unitScope';

export type { CadreExchangeRecords };

/** undefined while loading. */
export function useCadreExchanges(): CadreExchangeRecords | undefined {
  const { unitId } = useUnitScope();
  return useAppQuery(unitCadreExchanges, unitId);
}
