/**
 * Live reads of the unit's organisation records, shared by the organisation, member and
 * workbench screens. Tombstones are filtered out here; every figure is computed from these by
 * shared/rules.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { CommitteeSeat } from '../../../shared/model/committeeSeat';
import type { Member } from '../../../shared/model/member';
import type { Election, Organisation } from '../../../shared/model/organisation';
import type { Unit } from '../../../shared/model/unit';
import { appDatabase } from '../../db/db';

export interface UnitRecords {
  unit: Unit | null;
  organisations: Organisation[];
  elections: Election[];
  seats: CommitteeSeat[];
  members: Member[];
}

async function load(): Promise<UnitRecords> {
  const db = appDatabase();
  const [units, organisations, elections, seats, members] = await Promise.all([
    db.unit.toArray(),
    db.organisation.toArray(),
    db.election.toArray(),
    db.committeeSeat.toArray(),
    db.member.toArray(),
  ]);
  const live = <T extends { deleted: boolean }>(rows: unknown[]) => (rows as T[]).filter((r) => !r.deleted);
  return {
    unit: live<Unit>(units)[0] ?? null,
    organisations: live<Organisation>(organisations),
    elections: live<Election>(elections),
    seats: live<CommitteeSeat>(seats),
    members: live<Member>(members),
  };
}

/** undefined while loading. */
export function useUnitRecords(): UnitRecords | undefined {
  return useLiveQuery(load, []);
}
