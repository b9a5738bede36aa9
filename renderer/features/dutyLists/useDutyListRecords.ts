/** Live read of the scoped unit's 三级五岗 duty lists (its own ledger, or read-only under the 工委's 单位). */
import { useMemo } from 'react';
import { memberNameChoices, unitDutyLists, type DutyListRecords } from '../../db/queries/dutyLists';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitLedger } from '../common/useUnitLedger';
import { useUnitScope } from '../common/unitScope';

export type { DutyListRecords };

/** The unit's duty lists alone (undefined while loading): what the workbench's to-dos need. */
export function useDutyLists() {
  const { unitId } = useUnitScope();
  return useAppQuery(unitDutyLists, unitId);
}

/** The lists with the roster's names for the holder field; undefined while loading. */
export function useDutyListRecords(): DutyListRecords | undefined {
  const lists = useDutyLists();
  const ledger = useUnitLedger();
  return useMemo(() => (lists && ledger ? { lists, memberNames: memberNameChoices(ledger.members) } : undefined), [lists, ledger]);
}
