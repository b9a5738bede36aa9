/**
 * The per-unit summary (单位汇总) the 工委's city screens read instead of the unit's records: the
 * FACTS the rules need, reduced to what they read, so that the dashboard can run the same rules
 * (meetingCompliance, termLight, cadreRatio, …) for any period up to any day. No figure that
 * depends on the period is stored, with two exceptions computed when the summary is built (see
 * `SummaryYear`): the roster totals and the training coverage of each year.
 *
 * Personal data: none. No member's name, ID number, phone or record id is kept; committee seats
 * name their holder by a pseudonym local to the summary (`h1`, `h2`, …), which is all that
 * `hasCommitteeOn` needs (how many different people sit on a committee). Organisation names are
 * kept (they are not personal data and the dashboard lists red and yellow organisations by name).
 *
 * The schema checks a summary read back from storage (an old or damaged one is rebuilt); the
 * types are what `buildUnitSummary` returns. Everything is plain JSON (structured-clone safe).
 */
import { z } from 'zod';
import { IsoInstant } from '../../model/primitives';
import { CADRE_KINDS, COMMITTEE_POSTS, MEETING_KINDS, MEMBER_STATUSES, ORGANISATION_KINDS, PARTY_GROUP_KINDS } from '../../model/vocabulary';

/** Bump when the summary's shape or meaning changes: every stored summary is then rebuilt. */
export const UNIT_SUMMARY_VERSION = 2;

const isoDate = z.iso.date();
const count = z.int().min(0);

/** What meetingCompliance (ComplianceOrganisation), termLight (TermOrganisation) and the tree need. */
export const SummaryOrganisationSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  parentId: z.string().min(1).nullable(),
  foundedOn: isoDate.nullable(),
  dissolvedOn: isoDate.nullable(),
  termStart: isoDate.nullable(),
  termYears: z.int().min(1).nullable(),
  termEnd: isoDate.nullable(),
  /** 经批准延期 */
  extension: z.strictObject({ approvalNo: z.string(), approvedOn: isoDate.nullable(), until: isoDate }).nullable(),
});
export type SummaryOrganisation = z.infer<typeof SummaryOrganisationSchema>;

/** 换届选举, as termLight reads it (ElectionFact). */
export const SummaryElectionSchema = z.strictObject({
  organisationId: z.string().min(1),
  electedOn: isoDate,
  termYears: z.int().min(1),
});
export type SummaryElection = z.infer<typeof SummaryElectionSchema>;

/** A committee seat (两委) with its holder as a pseudonym, for hasCommitteeOn. */
export const SummarySeatSchema = z.strictObject({
  organisationId: z.string().min(1),
  /** h1, h2, …: the same person has the same pseudonym within one summary, nothing more. */
  holder: z.string().regex(/^h[1-9][0-9]*$/),
  post: z.enum(COMMITTEE_POSTS),
  from: isoDate,
  to: isoDate.nullable(),
});
export type SummarySeat = z.infer<typeof SummarySeatSchema>;

/** The dates of one organisation's meetings of one kind (MeetingFact, grouped: no attendance, no minutes). */
export const SummaryMeetingsSchema = z.strictObject({
  organisationId: z.string().min(1),
  kind: z.enum(MEETING_KINDS),
  /** Ascending; a date appears once per meeting held that day. */
  dates: z.array(isoDate),
});
export type SummaryMeetings = z.infer<typeof SummaryMeetingsSchema>;

/** cadreRatio's input: the unit's staffCount and the members who are party-affairs cadres (CadreMember). */
export const SummaryCadreSchema = z.strictObject({
  /** 机关工作人员总数 from the unit record; null when the unit record has not arrived. */
  staffCount: z.int().min(1).nullable(),
  /** Members with a cadre kind (专职/兼职), current status: the others never count. */
  members: z.array(z.strictObject({ status: z.enum(MEMBER_STATUSES), cadre: z.enum(CADRE_KINDS) })),
});
export type SummaryCadre = z.infer<typeof SummaryCadreSchema>;

/**
 * One year's roster and training figures, computed when the summary is built, as of
 * `referenceDate` = min(31 December of the year, the summary date): for a past year they are the
 * year's own figures; for the running year they are as of the summary date, NOT as of the day the
 * dashboard asks about. (Recomputing them for another day would need every member's history and
 * every enrolment, which the summary does not keep.)
 */
export const SummaryYearSchema = z.strictObject({
  year: z.int(),
  referenceDate: isoDate,
  /** rosterSummary on referenceDate. */
  roster: z.strictObject({
    total: count,
    active: count,
    retired: count,
    full: count,
    probationary: count,
    joinedThisYear: count,
  }),
  /** trainingCoverage(...).members: members who should be trained in the year, and of them trained. */
  training: z.strictObject({ shouldTrain: count, trained: count }),
});
export type SummaryYear = z.infer<typeof SummaryYearSchema>;

export const UnitSummarySchema = z.strictObject({
  summaryVersion: z.literal(UNIT_SUMMARY_VERSION),
  unitId: z.string().min(1),
  /** From the unit's own `unit` record ('' when it has not arrived yet). */
  unitName: z.string(),
  /** The unit's leading party body (党组 or 党委), for the dashboard's filter; null before its `unit` record arrived. (v2) */
  partyGroupKind: z.enum(PARTY_GROUP_KINDS).nullable(),
  /** When it was built (UTC instant). */
  builtAt: IsoInstant,
  /** The summary date: builtAt's day in China time. Year figures of the running year are as of it. */
  asOf: isoDate,
  /** Live organisations (tombstones left out), dissolved ones included. */
  organisations: z.array(SummaryOrganisationSchema),
  elections: z.array(SummaryElectionSchema),
  seats: z.array(SummarySeatSchema),
  meetings: z.array(SummaryMeetingsSchema),
  cadre: SummaryCadreSchema,
  /** Years with data up to the summary date's year, ascending (see SummaryYear). */
  years: z.array(SummaryYearSchema),
});
export type UnitSummary = z.infer<typeof UnitSummarySchema>;
