/**
 * Which party organisations a unit has on a given day, by kind. An organisation exists on day d
 * when it is not deleted, `foundedOn ≤ d` (or unknown) and `d < dissolvedOn` (the dissolution day
 * is its first day of not existing) — the same reading as meetingCompliance.
 */
import type { OrganisationKind } from '../../model/vocabulary';
import { ORGANISATION_KINDS } from '../../model/vocabulary';
import { compareIsoDates, type IsoDate } from '../dates';

export interface OrganisationFact {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly foundedOn: IsoDate | null;
  readonly dissolvedOn: IsoDate | null;
  readonly deleted?: boolean;
}

export function organisationExistsOn(org: OrganisationFact, date: IsoDate): boolean {
  if (org.deleted === true) return false;
  if (org.foundedOn !== null && compareIsoDates(date, org.foundedOn) < 0) return false;
  if (org.dissolvedOn !== null && compareIsoDates(date, org.dissolvedOn) >= 0) return false;
  return true;
}

export interface OrganisationCounts {
  readonly date: IsoDate;
  readonly byKind: Readonly<Record<OrganisationKind, number>>;
  /** Base-level organisations: every kind except the 党组(党委), which is a leadership body. */
  readonly baseLevel: number;
}

export function organisationCounts(organisations: readonly OrganisationFact[], date: IsoDate): OrganisationCounts {
  const byKind = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, 0])) as Record<OrganisationKind, number>;
  for (const o of organisations) if (organisationExistsOn(o, date)) byKind[o.kind] += 1;
  const baseLevel = ORGANISATION_KINDS.filter((k) => k !== 'leadingGroup').reduce((s, k) => s + byKind[k], 0);
  return { date, byKind, baseLevel };
}
