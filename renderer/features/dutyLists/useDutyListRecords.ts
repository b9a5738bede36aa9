/** Live read of the scoped unit's 三级五岗 duty lists (its own ledger, or read-only under the 工委's 单位). */
import { unitDutyLists, type DutyListRecords } from '../../db/queries/dutyLists';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitScope } from '../common/unitScope';

export type { DutyListRecords };

/** undefined while loading. */
export function useDutyListRecords(): DutyListRecords | undefined {
  const { unitId } = useUnitScope();
  return useAppQuery(unitDutyLists, unitId);
}
