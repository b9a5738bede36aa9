/** Live reads of the scoped unit's meeting records (tombstones filtered), grouped by organisation for the rules. */
import { useLiveQuery } from 'dexie-react-hooks';
import { appDatabase } from '../../db/db';
import { unitMeetings, type UnitMeetings } from '../../db/queries/meetings';
import { useUnitScope } from '../common/unitScope';

export type MeetingRecords = UnitMeetings;

/** undefined while loading. */
export function useMeetingRecords(): MeetingRecords | undefined {
  const { unitId } = useUnitScope();
  return useLiveQuery(() => unitMeetings(appDatabase(), unitId), [unitId]);
}
