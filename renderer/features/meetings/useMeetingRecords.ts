/** Live reads of the scoped unit's meeting records (tombstones filtered), grouped by organisation for the rules. */
import { unitMeetings, type UnitMeetings } from '../../db/queries/meetings';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitScope } from '../common/unitScope';

export type MeetingRecords = UnitMeetings;

/** undefined while loading. */
export function useMeetingRecords(): MeetingRecords | undefined {
  const { unitId } = useUnitScope();
  return useAppQuery(unitMeetings, unitId);
}
