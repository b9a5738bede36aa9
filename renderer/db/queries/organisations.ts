/**
 * Reads of one unit's organisation ledger: the unit, its organisations, elections (换届), 两委
 * seats and members — scoped by `unitId`, tombstones filtered. The organisation, member and
 * workbench screens read through here; figures come from shared/rules over these records.
 */
import type { CommitteeSeat } from '../../../shared/model/committeeSeat';
import type { Member } from '../../../shared/model/member';
import type { Election, Organisation } from '../../../shared/model/organisation';
import type { Unit } from '../../../shared/model/unit';
import type { TaizhangDb } from '../db';
import { live, ofUnit } from './live';

/** One unit's organisation ledger (live records only). */
export interface UnitLedger {
  unit: Unit | null;
  organisations: Organisation[];
  elections: Election[];
  seats: CommitteeSeat[];
  members: Member[];
}

export async function unitLedger(db: TaizhangDb, unitId: string): Promise<UnitLedger> {
  // the unit record's own id is the unit's id (its store has no unitId index)
  const [unit, organisations, elections, seats, members] = await Promise.all([
    db.unit.get(unitId),
    ofUnit(db.organisation, unitId),
    ofUnit(db.election, unitId),
    ofUnit(db.committeeSeat, unitId),
    ofUnit(db.member, unitId),
  ]);
  return {
    unit: unit && !unit.deleted ? unit : null,
    organisations: live(organisations),
    elections: live(elections),
    seats: live(seats),
    members: live(members),
  };
}
