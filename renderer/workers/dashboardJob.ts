/**
 * What the dashboard worker does for one request, on any database connection (the worker's own;
 * tests' fake-indexeddb): make sure the summaries are current (once per session), read the units'
 * summaries, the register (enrolledUnit records with their syncPeer rows: the last bundle received)
 * and the rule profile in force on `asOf`, and run cityDashboard (shared/rules/committee).
 */
import type { EnrolledUnit } from '../../shared/model/committee';
import { cityDashboard, type CityDashboard, type CityDashboardOptions, type RegisteredUnit } from '../../shared/rules/committee/cityDashboard';
import { UNIT_SUMMARY_VERSION } from '../../shared/rules/committee/summarySchema';
import { dateOfInstant } from '../../shared/rules/dates';
import { ruleProfileInForce } from '../../shared/rules/profile';
import type { TaizhangDb } from '../db/db';
import type { SyncPeerRow } from '../db/localTypes';

/**
 * The register as the dashboard takes it: live enrolledUnit records; enrolled on the day the
 * record was made (China time), last bundle on the day the 工委 imported the newest one.
 */
export function registeredUnits(units: readonly EnrolledUnit[], peers: readonly SyncPeerRow[]): RegisteredUnit[] {
  const byId = new Map(peers.map((p) => [p.peerId, p] as const));
  return units
    .filter((u) => !u.deleted)
    .map((u) => {
      const last = byId.get(u.id)?.lastBundle ?? null;
      return { unitId: u.id, name: u.name, status: u.status, enrolledOn: dateOfInstant(u.createdAt), lastBundleOn: last === null ? null : dateOfInstant(last.at) };
    });
}

export async function loadCityDashboard(db: TaizhangDb, options: CityDashboardOptions): Promise<CityDashboard> {
  const [summaries, units, peers, issued] = await Promise.all([db.unitSummary.toArray(), db.enrolledUnit.toArray(), db.syncPeer.toArray(), db.ruleProfile.toArray()]);
  const current = summaries.filter((s) => s.summaryVersion === UNIT_SUMMARY_VERSION);
  // the profile the 工委 issued that is in force on the day the figures are about (national defaults before any)
  return cityDashboard(current, registeredUnits(units, peers), options, ruleProfileInForce(issued, options.asOf));
}
