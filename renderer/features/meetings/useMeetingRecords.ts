/** Live reads of meeting records (tombstones filtered), grouped by organisation for the rules. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Meeting } from '../../../shared/model/meeting';
import { appDatabase } from '../../db/db';

export interface MeetingRecords {
  meetings: Meeting[];
  byOrganisation: Map<string, Meeting[]>;
}

async function load(): Promise<MeetingRecords> {
  const rows = await appDatabase().meeting.toArray();
  const meetings = rows.filter((m) => !m.deleted).sort((a, b) => b.date.localeCompare(a.date));
  const byOrganisation = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const list = byOrganisation.get(m.organisationId) ?? [];
    list.push(m);
    byOrganisation.set(m.organisationId, list);
  }
  return { meetings, byOrganisation };
}

/** undefined while loading. */
export function useMeetingRecords(): MeetingRecords | undefined {
  return useLiveQuery(load, []);
}
