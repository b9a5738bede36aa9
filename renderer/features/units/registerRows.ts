/** The register's rows: each enrolled unit's register facts joined with its dashboard figures. */
import type { CityDashboard } from '../../../shared/rules/committee/cityDashboard';
import { dateOfInstant } from '../../../shared/rules/dates';
import type { EnrolledUnitStatus } from '../../../shared/model/vocabulary';
import type { RegisterEntry } from '../../db/queries/register';

export interface RegisterRow {
  readonly unitId: string;
  readonly name: string;
  readonly creditCode: string | null;
  readonly status: EnrolledUnitStatus;
  readonly publicKey: string | null;
  /** When the last bundle was made (UTC instant, for sorting) and its date on the users' calendar. */
  readonly lastBundleAt: string | null;
  readonly lastBundleOn: string | null;
  readonly lastSequence: number | null;
  readonly lastSnapshot: boolean | null;
  readonly daysSince: number | null;
  readonly late: boolean;
  readonly members: number | null;
  readonly organisations: number | null;
  readonly redTerms: number | null;
  readonly meetingsOwed: number | null;
}

export function registerRows(entries: readonly RegisterEntry[], dashboard: CityDashboard | null): RegisterRow[] {
  const figures = new Map((dashboard?.rows ?? []).map((r) => [r.unitId, r] as const));
  return entries.map(({ unit, peer }) => {
    const f = figures.get(unit.id);
    return {
      unitId: unit.id,
      name: unit.name,
      creditCode: unit.creditCode ?? null,
      status: unit.status,
      publicKey: unit.publicKey,
      lastBundleAt: peer?.lastBundle?.at ?? null,
      lastBundleOn: peer?.lastBundle ? dateOfInstant(peer.lastBundle.at) : null,
      lastSequence: peer?.lastBundle?.sequence ?? null,
      lastSnapshot: peer?.lastBundle?.snapshot ?? null,
      daysSince: f?.daysSinceLastBundle ?? null,
      late: f?.late ?? false,
      members: f?.members ?? null,
      organisations: f?.organisations ?? null,
      redTerms: f?.terms?.byLight.red ?? null,
      meetingsOwed: f?.meetingsOwed ?? null,
    };
  });
}
