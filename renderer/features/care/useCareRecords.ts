/** Live reads of the scoped unit's 走访慰问, 表彰 and 宣传 records (its own ledger, or read-only under the 工委's 单位). */
import { unitCare, type CareRecords } from '../../db/queries/care';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitScope } from '../common/unitScope';

export type { CareRecords };

/** undefined while loading. */
export function useCareRecords(): CareRecords | undefined {
  const { unitId } = useUnitScope();
  return useAppQuery(unitCare, unitId);
}
