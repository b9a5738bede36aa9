/**
 * Meeting compliance for every organisation of a unit in one pass (the overview, the calendar, the
 * workbench and the reports all read it). Meetings are grouped by organisation once, so the cost is
 * linear in the number of meetings, not organisations × meetings.
 */
import type { IsoDate } from '../dates';
import { periodContaining } from '../dates';
import { meetingCompliance, type ComplianceOrganisation, type MeetingComplianceResult, type MeetingFact, type PeriodCompliance, type KindCompliance } from './meetingCompliance';
import type { RuleProfile } from '../profile';
import { hasCommitteeOn, type CommitteeSeatFact } from '../organisations/seats';
import { compareChinese } from '../collation';

export interface NamedOrganisation extends ComplianceOrganisation {
  readonly name: string;
  readonly deleted?: boolean;
}

export interface OrganisationCompliance<O extends NamedOrganisation = NamedOrganisation> {
  readonly organisation: O;
  readonly result: MeetingComplianceResult;
}

export function groupMeetingsByOrganisation<M extends MeetingFact>(meetings: readonly M[]): Map<string, M[]> {
  const map = new Map<string, M[]>();
  for (const m of meetings) {
    if (m.deleted === true) continue;
    const list = map.get(m.organisationId);
    if (list) list.push(m);
    else map.set(m.organisationId, [m]);
  }
  return map;
}

/**
 * Compliance of each organisation that existed in `year` (dissolved before the year began and
 * tombstoned ones are left out). The committee (支委会) is judged as it stood on the last day
 * considered (`asOf` in the running year, else 31 December).
 */
export function unitMeetingCompliance<O extends NamedOrganisation>(
  organisations: readonly O[],
  seats: readonly CommitteeSeatFact[],
  meetingsByOrganisation: ReadonlyMap<string, readonly MeetingFact[]>,
  year: number,
  asOf: IsoDate,
  profile: RuleProfile,
): OrganisationCompliance<O>[] {
  const yearEnd = `${year}-12-31`;
  const judgedOn = asOf < yearEnd ? asOf : yearEnd;
  return organisations
    .filter((o) => o.deleted !== true && !(o.dissolvedOn !== null && o.dissolvedOn <= `${year}-01-01`))
    .map((organisation) => ({
      organisation,
      result: meetingCompliance(
        {
          organisation,
          hasCommittee: hasCommitteeOn(seats, organisation.id, judgedOn),
          meetings: meetingsByOrganisation.get(organisation.id) ?? [],
          year,
          asOf,
        },
        profile,
      ),
    }));
}

/** Worst first: lowest completion rate, organisations with nothing due last. */
export function worstFirst<O extends NamedOrganisation>(rows: readonly OrganisationCompliance<O>[]): OrganisationCompliance<O>[] {
  return [...rows].sort((a, b) => (a.result.completion.rate ?? 2) - (b.result.completion.rate ?? 2) || compareChinese(a.organisation.name, b.organisation.name));
}

export interface OwedNow {
  readonly kind: KindCompliance;
  readonly period: PeriodCompliance;
  /** True for the period running now, false for an ended period still owed. */
  readonly current: boolean;
}

/**
 * What an organisation still owes around `asOf`: the running month/quarter's meetings not yet held,
 * and the previous period's if it ended owed.
 */
export function owedAround(result: MeetingComplianceResult, asOf: IsoDate): OwedNow[] {
  const out: OwedNow[] = [];
  for (const kind of result.kinds) {
    if (kind.periodKind === 'year') {
      const p = kind.periods[0];
      // a yearly meeting is worth a reminder from the fourth quarter on (组织生活会 is usually held then)
      if (p && p.held < p.required && asOf >= `${asOf.slice(0, 4)}-10-01` && p.state !== 'notApplicable') out.push({ kind, period: p, current: true });
      continue;
    }
    const running = periodContaining(asOf, kind.periodKind).key;
    const index = kind.periods.findIndex((p) => p.period.key === running);
    const now = kind.periods[index];
    if (now && now.state === 'notYetDue' && now.held < now.required) out.push({ kind, period: now, current: true });
    const previous = index > 0 ? kind.periods[index - 1] : undefined;
    if (previous?.state === 'owed') out.push({ kind, period: previous, current: false });
  }
  return out;
}
