/**
 * The committee's register of enrolled units (纳管单位) with what its sync knows of each: the
 * pinned key, the last bundle received. One row per enrolled unit, tombstones out.
 */
import type { EnrolledUnit } from '../../../shared/model/committee';
import type { TaizhangDb } from '../db';
import type { SyncPeerRow } from '../localTypes';
import { live } from './live';

export interface RegisterEntry {
  unit: EnrolledUnit;
  peer: SyncPeerRow | undefined;
}

export async function unitRegister(db: TaizhangDb): Promise<RegisterEntry[]> {
  const [units, peers] = await Promise.all([db.enrolledUnit.toArray(), db.syncPeer.toArray()]);
  const byId = new Map(peers.map((p) => [p.peerId, p]));
  return live(units).map((unit) => ({ unit, peer: byId.get(unit.id) }));
}

/** One enrolled unit, or null when it is not (or no longer) in the register. */
export async function registerEntry(db: TaizhangDb, unitId: string): Promise<RegisterEntry | null> {
  const [unit, peer] = await Promise.all([db.enrolledUnit.get(unitId), db.syncPeer.get(unitId)]);
  return unit && !unit.deleted ? { unit, peer } : null;
}

/** Enrolled units' names by unit id (tombstones included: an enrolment still names its unit). */
export async function enrolledUnitNames(db: TaizhangDb): Promise<Map<string, string>> {
  return new Map((await db.enrolledUnit.toArray()).map((u) => [u.unitId, u.name] as const));
}

/**
 * Changes whenever what the city figures are computed from changes (an import, a register entry):
 * the committee's dashboard recomputes in its worker when it does.
 */
export async function cityDataVersion(db: TaizhangDb): Promise<string> {
  const [imports, units] = await Promise.all([db.importLog.count(), db.enrolledUnit.toArray()]);
  return `${imports}|${units.map((u) => u.rev).join(',')}`;
}
