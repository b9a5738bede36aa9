/**
 * buildUnitSummary: one unit's records → its UnitSummary (summarySchema.ts), the facts the 工委's
 * dashboard runs the rules on. Pure and deterministic: the same records in any order give the
 * same summary (everything is sorted), so a summary rebuilt from the database equals one built from
 * the bundle's records.
 *
 * Only records of `unitId` are read (others are ignored, so a summary can never hold another
 * unit's data), tombstones are left out. Training classes are the exception: a unit's enrolments
 * may refer to the 工委's own classes (unitId = the committee), so classes are taken when they are
 * the unit's OR referred to by its enrolments; only counts derived from them are kept.
 */
import type { CommitteeSeat, Election, Enrolment, Meeting, Member, Organisation, TrainingClass, Unit } from '../../model';
import { dateOfInstant, isoDate, minDate, yearOf, type IsoInstant } from '../dates';
import { NATIONAL_PROFILE_V1 } from '../profile';
import { rosterSummary } from '../members/roster';
import { trainingCoverage } from '../training/trainingCoverage';
import {
  UNIT_SUMMARY_VERSION,
  type SummaryCadre,
  type SummaryElection,
  type SummaryMeetings,
  type SummaryOrganisation,
  type SummarySeat,
  type SummaryYear,
  type UnitSummary,
} from './summarySchema';

/** The tables a summary is built from (a subset of shared/reports' UnitRecords: either can be passed). */
export interface UnitSummaryRecords {
  readonly unit?: readonly Unit[];
  readonly organisation?: readonly Organisation[];
  readonly election?: readonly Election[];
  readonly committeeSeat?: readonly CommitteeSeat[];
  readonly member?: readonly Member[];
  readonly meeting?: readonly Meeting[];
  /** The unit's classes and any class its enrolments refer to (e.g. a 工委-organised class). */
  readonly trainingClass?: readonly TrainingClass[];
  readonly enrolment?: readonly Enrolment[];
}

export interface UnitSummaryOptions {
  readonly unitId: string;
  /** When the summary is built; its China-time day is the summary date. */
  readonly builtAt: IsoInstant;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function summaryOrganisation(o: Organisation): SummaryOrganisation {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    parentId: o.parentId,
    foundedOn: o.foundedOn,
    dissolvedOn: o.dissolvedOn,
    termStart: o.termStart,
    termYears: o.termYears,
    termEnd: o.termEnd,
    extension: o.extension === null ? null : { approvalNo: o.extension.approvalNo, approvedOn: o.extension.approvedOn, until: o.extension.until },
  };
}

/** Seats with their holders replaced by pseudonyms h1, h2, … (by sorted member id). */
function pseudonymousSeats(seats: readonly CommitteeSeat[]): SummarySeat[] {
  const holders = new Map([...new Set(seats.map((s) => s.memberId))].sort(byString).map((id, i) => [id, `h${i + 1}`] as const));
  return seats
    .map((s) => ({ organisationId: s.organisationId, holder: holders.get(s.memberId)!, post: s.post, from: s.from, to: s.to }))
    .sort((a, b) => byString(a.organisationId, b.organisationId) || byString(a.from, b.from) || byString(a.holder, b.holder) || byString(a.post, b.post) || byString(a.to ?? '', b.to ?? ''));
}

function groupedMeetings(meetings: readonly Meeting[]): SummaryMeetings[] {
  const groups = new Map<string, SummaryMeetings>();
  for (const m of meetings) {
    const key = `${m.organisationId}\u0000${m.kind}`;
    const group = groups.get(key);
    if (group) group.dates.push(m.date);
    else groups.set(key, { organisationId: m.organisationId, kind: m.kind, dates: [m.date] });
  }
  return [...groups.values()]
    .map((g) => ({ ...g, dates: g.dates.sort(byString) }))
    .sort((a, b) => byString(a.organisationId, b.organisationId) || byString(a.kind, b.kind));
}

function cadreFacts(unit: Unit | null, members: readonly Member[]): SummaryCadre {
  const cadres: SummaryCadre['members'] = [];
  for (const m of members) if (m.cadre !== null) cadres.push({ status: m.status, cadre: m.cadre });
  cadres.sort((a, b) => byString(a.status, b.status) || byString(a.cadre, b.cadre));
  return { staffCount: unit?.staffCount ?? null, members: cadres };
}

/** Every year from the first with a meeting, an election or a class up to the summary date's year. */
function yearsWithData(summaryYear: number, meetings: readonly Meeting[], elections: readonly Election[], classes: readonly TrainingClass[]): number[] {
  let first = summaryYear;
  for (const d of [...meetings.map((m) => m.date), ...elections.map((e) => e.electedOn), ...classes.map((c) => c.startDate)]) first = Math.min(first, yearOf(d));
  return Array.from({ length: summaryYear - first + 1 }, (_, i) => first + i);
}

export function buildUnitSummary(records: UnitSummaryRecords, options: UnitSummaryOptions): UnitSummary {
  const { unitId, builtAt } = options;
  const own = <T extends { readonly deleted: boolean; readonly unitId: string }>(rows: readonly T[] | undefined): T[] =>
    (rows ?? []).filter((r) => !r.deleted && r.unitId === unitId);
  const unit = own(records.unit).find((u) => u.id === unitId) ?? null;
  const organisations = own(records.organisation);
  const elections = own(records.election);
  const seats = own(records.committeeSeat);
  const members = own(records.member);
  const meetings = own(records.meeting);
  const enrolments = own(records.enrolment);
  const referred = new Set(enrolments.flatMap((e) => (e.makeUpOfClassId === null ? [e.classId] : [e.classId, e.makeUpOfClassId])));
  const classes = (records.trainingClass ?? []).filter((c) => !c.deleted && (c.unitId === unitId || referred.has(c.id)));

  const asOf = dateOfInstant(builtAt);
  const years: SummaryYear[] = yearsWithData(yearOf(asOf), meetings, elections, classes).map((year) => {
    const referenceDate = minDate(isoDate(year, 12, 31), asOf);
    const roster = rosterSummary(members, referenceDate);
    // The members' figure does not depend on the profile (only heads' and the target do, which are not kept).
    const coverage = trainingCoverage({ year, asOf, members, classes, enrolments, seats, organisations }, NATIONAL_PROFILE_V1);
    return {
      year,
      referenceDate,
      roster: {
        total: roster.total,
        active: roster.active,
        retired: roster.retired,
        full: roster.full,
        probationary: roster.probationary,
        joinedThisYear: roster.joinedThisYear,
      },
      training: { shouldTrain: coverage.members.shouldTrain, trained: coverage.members.trained },
    };
  });

  return {
    summaryVersion: UNIT_SUMMARY_VERSION,
    unitId,
    unitName: unit?.name ?? '',
    partyGroupKind: unit?.partyGroupKind ?? null,
    builtAt,
    asOf,
    organisations: organisations.map(summaryOrganisation).sort((a, b) => byString(a.id, b.id)),
    elections: elections
      .map((e): SummaryElection => ({ organisationId: e.organisationId, electedOn: e.electedOn, termYears: e.termYears }))
      .sort((a, b) => byString(a.organisationId, b.organisationId) || byString(a.electedOn, b.electedOn) || a.termYears - b.termYears),
    seats: pseudonymousSeats(seats),
    meetings: groupedMeetings(meetings),
    cadre: cadreFacts(unit, members),
    years,
  };
}
