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
  /**
   * 基层党组织: 机关党委, 党总支 and 党支部. Not the 党组(党委) (a leadership body), the 机关纪委 (the
   * 机关党委's discipline body) nor the 党小组 (a part of its branch).
   */
  readonly baseLevel: number;
}

/** The kinds that are 基层党组织, top to bottom. */
export const BASE_LEVEL_KINDS = ['organCommittee', 'generalBranch', 'branch'] as const satisfies readonly OrganisationKind[];

export function organisationCounts(organisations: readonly OrganisationFact[], date: IsoDate): OrganisationCounts {
  const byKind = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, 0])) as Record<OrganisationKind, number>;
  for (const o of organisations) if (organisationExistsOn(o, date)) byKind[o.kind] += 1;
  const baseLevel = BASE_LEVEL_KINDS.reduce((s, k) => s + byKind[k], 0);
  return { date, byKind, baseLevel };
}
