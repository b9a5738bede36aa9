/**
 * The plain data a unit's reports are built from (a snapshot the app queries from Dexie, the CLI
 * reads from a fixture or a bundle), and the year's figures computed from it. Every figure comes
 * from a `shared/rules` function; this module only decides which records and which day they are
 * about.
 */
import type { CareVisit, Commendation, Publicity } from '../model/care';
import type { CadreExchange } from '../model/cadreExchange';
import type { DutyList } from '../model/dutyList';
import type {
  Assessment,
  Card,
  CommitteeSeat,
  DutyReview,
  Election,
  Enrolment,
  Expense,
  FundLine,
  Meeting,
  Member,
  Organisation,
  Rectification,
  SecretaryProject,
  TrainingClass,
  Unit,
} from '../model';
import type { MeetingKind } from '../model/vocabulary';
import { treeOrder } from '../rules/organisations/organisationTree';
import { cadreRatio, type CadreRatioResult } from '../rules/organisations/cadreRatio';
import { compareIsoDates, isoDate, minDate, type IsoDate } from '../rules/dates';
import { fundUsage, type FundUsage } from '../rules/duties/funds';
import { careFigures, type CareFigures } from '../rules/duties/care';
import { dutyListFigures, type DutyListFigures } from '../rules/duties/dutyLists';
import { unrecordedAreas, type LedgerArea } from '../rules/duties/ledgerAreas';
import { cadreExchangeFigures, type CadreExchangeFigures } from '../rules/duties/cadreExchange';
import { combineCompletion, meetingCompliance, type CompletionRate, type MeetingComplianceResult } from '../rules/meetings/meetingCompliance';
import { organisationCounts, organisationExistsOn, type OrganisationCounts } from '../rules/organisations/organisations';
import { NATIONAL_PROFILE_V1, type RuleProfile } from '../rules/profile';
import { rectificationProgress, type RectificationProgress } from '../rules/duties/rectification';
import { cardsOfYear, type CardsOfYear } from '../rules/committee/cardProgress';
import { accountabilityOfYear, type AccountabilityOfYear } from '../rules/committee/unitAccountability';
import { rosterSummary, type RosterSummary } from '../rules/members/roster';
import { hasCommitteeOn } from '../rules/organisations/seats';
import { secretaryProjectProgress, type SecretaryProjectProgress } from '../rules/duties/secretaryProjects';
import {
  complianceByKind,
  meetingsHeldByKind,
  organisationsOwing,
  termBreakdown,
  termLightCounts,
  trainingHours,
  type KindTotal,
  type TermBreakdown,
  type TermLightCounts,
  type TrainingHours,
} from '../rules/summaries';
import { termLight, type TermLightResult, type TermNotApplicable } from '../rules/organisations/termLight';
import { trainingCoverage, type TrainingCoverageResult } from '../rules/training/trainingCoverage';
import { organisationalLifeFigures, type OrganisationalLifeFigures } from '../rules/meetings/organisationalLife';
import type { ProjectRating } from '../model/projectRating';

/** Everything a unit's reports read. Records are the live ones (tombstones already left out). */
export interface UnitReportData {
  readonly unit: Unit;
  readonly organisations: readonly Organisation[];
  readonly elections: readonly Election[];
  readonly seats: readonly CommitteeSeat[];
  readonly members: readonly Member[];
  readonly meetings: readonly Meeting[];
  readonly trainingClasses: readonly TrainingClass[];
  readonly enrolments: readonly Enrolment[];
  readonly secretaryProjects: readonly SecretaryProject[];
  readonly rectifications: readonly Rectification[];
  readonly fundLines: readonly FundLine[];
  readonly expenses: readonly Expense[];
  /** The 三级五岗职责清单 (one record per post and year); absent in snapshots made before the report read it. */
  readonly dutyLists?: readonly DutyList[];
  /** 走访慰问, 表彰 and 宣传 (关怀激励); absent in snapshots made before they were recorded. */
  readonly careVisits?: readonly CareVisit[];
  readonly commendations?: readonly Commendation[];
  readonly publicity?: readonly Publicity[];
  /** 党务干部双向交流 (record schema 7); absent in snapshots made before it was recorded. */
  readonly cadreExchanges?: readonly CadreExchange[];
  /** The 红黄牌 the 工委 issued to the unit or its organisations (as its return bundles brought them). */
  readonly cards: readonly Card[];
  /** The 工委's 述职评议 of the unit and its published quarter scores (return bundles); absent in older snapshots. */
  readonly dutyReviews?: readonly DutyReview[];
  readonly assessments?: readonly Assessment[];
  /** The 工委's ratings of the unit's 书记项目 (return bundles, record schema 7); absent in older snapshots. */
  readonly projectRatings?: readonly ProjectRating[];
  /** The rule profile in force for the year (the committee's, else the national defaults). */
  readonly profile: RuleProfile;
  readonly year: number;
  /**
   * The day the figures are about (截至): 12月31日 of the year, or an earlier day for a year in
   * progress. A later day is read as 12月31日: every figure of a report is counted to one day.
   */
  readonly asOf: IsoDate;
  /** 主送: the organs working committee, e.g. 中共某某市委直属机关工委. */
  readonly committeeName: string;
}

/** Records by table, as a fixture file or a decoded bundle holds them. */
export interface UnitRecords {
  readonly unit?: readonly Unit[];
  readonly organisation?: readonly Organisation[];
  readonly election?: readonly Election[];
  readonly committeeSeat?: readonly CommitteeSeat[];
  readonly member?: readonly Member[];
  readonly meeting?: readonly Meeting[];
  readonly trainingClass?: readonly TrainingClass[];
  readonly enrolment?: readonly Enrolment[];
  readonly secretaryProject?: readonly SecretaryProject[];
  readonly rectification?: readonly Rectification[];
  readonly fundLine?: readonly FundLine[];
  readonly expense?: readonly Expense[];
  readonly dutyList?: readonly DutyList[];
  readonly careVisit?: readonly CareVisit[];
  readonly commendation?: readonly Commendation[];
  readonly publicity?: readonly Publicity[];
  readonly cadreExchange?: readonly CadreExchange[];
  readonly card?: readonly Card[];
  readonly dutyReview?: readonly DutyReview[];
  readonly assessment?: readonly Assessment[];
  readonly projectRating?: readonly ProjectRating[];
}

export interface SnapshotOptions {
  readonly unitId: string;
  readonly year: number;
  /** Defaults to 12月31日 of the year. */
  readonly asOf?: IsoDate;
  readonly committeeName: string;
  readonly profile?: RuleProfile;
}

/**
 * The unit's live classes and the live classes of others (the committee's: organiser 工委, with the
 * committee's unitId) that the unit's enrolments attend or make up.
 */
function classesOfUnit(classes: readonly TrainingClass[] | undefined, enrolments: readonly Enrolment[], unitId: string): TrainingClass[] {
  const attended = new Set<string>();
  for (const e of enrolments) {
    attended.add(e.classId);
    if (e.makeUpOfClassId !== null) attended.add(e.makeUpOfClassId);
  }
  return (classes ?? []).filter((c) => !c.deleted && (c.unitId === unitId || attended.has(c.id)));
}

/**
 * The snapshot of one unit from its records: live records of that unit only, and the committee's
 * classes its members were enrolled in. Null without its unit record.
 */
export function unitReportData(records: UnitRecords, options: SnapshotOptions): UnitReportData | null {
  const live = <T extends { readonly deleted: boolean; readonly unitId: string }>(rows: readonly T[] | undefined): T[] =>
    (rows ?? []).filter((r) => !r.deleted && r.unitId === options.unitId);
  const unit = live(records.unit).find((u) => u.id === options.unitId);
  if (unit === undefined) return null;
  const enrolments = live(records.enrolment);
  return {
    unit,
    organisations: live(records.organisation),
    elections: live(records.election),
    seats: live(records.committeeSeat),
    members: live(records.member),
    meetings: live(records.meeting),
    trainingClasses: classesOfUnit(records.trainingClass, enrolments, options.unitId),
    enrolments,
    secretaryProjects: live(records.secretaryProject),
    rectifications: live(records.rectification),
    fundLines: live(records.fundLine),
    expenses: live(records.expense),
    dutyLists: live(records.dutyList),
    careVisits: live(records.careVisit),
    commendations: live(records.commendation),
    publicity: live(records.publicity),
    cadreExchanges: live(records.cadreExchange),
    cards: live(records.card),
    dutyReviews: live(records.dutyReview),
    assessments: live(records.assessment),
    projectRatings: live(records.projectRating),
    profile: options.profile ?? NATIONAL_PROFILE_V1,
    year: options.year,
    asOf: options.asOf ?? isoDate(options.year, 12, 31),
    committeeName: options.committeeName,
  };
}

/** One organisation's line in the report. */
export interface OrganisationFigures {
  readonly organisation: Organisation;
  readonly hasCommittee: boolean;
  /** Members on the roster in this organisation on the reference day. */
  readonly members: number;
  readonly compliance: MeetingComplianceResult;
  readonly term: TermLightResult | TermNotApplicable;
}

export interface AnnualFigures {
  readonly year: number;
  readonly asOf: IsoDate;
  /** 截至: 12月31日 of the year, or asOf when earlier. Every figure is counted up to this day. */
  readonly referenceDate: IsoDate;
  readonly organisationCounts: OrganisationCounts;
  readonly roster: RosterSummary;
  /** Organisations that existed during the year, in the input order. */
  readonly organisations: readonly OrganisationFigures[];
  /** 三会一课 and other organisational life of all organisations together. */
  readonly completion: CompletionRate;
  readonly byKind: readonly KindTotal[];
  /** Organisations that owe at least one period of a required meeting. */
  readonly organisationsOwing: number;
  readonly held: Readonly<Record<MeetingKind, number>>;
  readonly training: TrainingCoverageResult;
  readonly trainingHours: TrainingHours;
  readonly terms: TermLightCounts;
  /** Extensions by colour and the red ones by why they are red. */
  readonly termBreakdown: TermBreakdown;
  readonly cadre: CadreRatioResult;
  readonly projects: SecretaryProjectProgress;
  readonly rectification: RectificationProgress;
  /** 红黄牌 received in the year. */
  readonly cards: CardsOfYear;
  /** The 工委's 述职评议 of the year and the quarter scores it published. */
  readonly accountability: AccountabilityOfYear;
  readonly funds: FundUsage;
  /** The year's 三级五岗职责清单: posts, items, self-check outcomes and completeness. */
  readonly dutyList: DutyListFigures;
  /** 走访慰问, 表彰 and 宣传 of the year up to 截至. */
  readonly care: CareFigures;
  /** 党务干部双向交流 of the year up to 截至, per direction, and postings into party-affairs posts without 任前考察. */
  readonly exchange: CadreExchangeFigures;
  /** Duty areas with no record of the year in the ledger, in report order (the report names them). */
  readonly unrecorded: readonly LedgerArea[];
  /** Each 书记项目 of the year: its 证明材料 and the 工委's rating, if one came back. */
  readonly projectEvidence: readonly ProjectEvidence[];
  /** 民主生活会 of the 党组(党委) and 中心组 sessions with the 机关党委专职副书记 列席, and the 民主评议党员 grades, of the year up to 截至. */
  readonly life: OrganisationalLifeFigures;
}

/** A 书记项目 of the year as the report states it beyond its milestones. */
export interface ProjectEvidence {
  readonly projectId: string;
  readonly title: string;
  /** 证明材料 attached (photos, scans). */
  readonly attachments: number;
  /** The 工委's 评价 that came back in a return bundle, or null. */
  readonly rating: Pick<ProjectRating, 'rating' | 'comment'> | null;
}

/**
 * Organisations in report order, the same whatever order the records came in: the organisation
 * tree read depth-first, parents before children, siblings by name with 第二 before 第十 (the order
 * of the app's organisation tree, shared/rules/organisations/organisationTree.ts).
 */
export function reportOrder<T extends { readonly organisation: Organisation } | Organisation>(items: readonly T[]): T[] {
  const orgOf = (x: T): Organisation => ('organisation' in x ? x.organisation : x);
  const byId = new Map(items.map((x) => [orgOf(x).id, x] as const));
  return treeOrder(items.map(orgOf)).flatMap(({ node }) => {
    const item = byId.get(node.id);
    return item === undefined ? [] : [item];
  });
}

/** 市统计局办公室党支部 → 办公室党支部, where the unit's name is already on the line or the page. */
export function withoutUnitName(name: string, unitName: string): string {
  return unitName !== '' && name.startsWith(unitName) && name.length > unitName.length ? name.slice(unitName.length) : name;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

export function computeAnnualFigures(data: UnitReportData): AnnualFigures {
  const { year, profile } = data;
  // one 截至 for every figure: a day after the year is its last day
  const referenceDate = minDate(isoDate(year, 12, 31), data.asOf);
  const asOf = referenceDate;
  const yearStart = isoDate(year, 1, 1);
  const roster = rosterSummary(data.members, referenceDate);
  const existedInYear = data.organisations.filter(
    (o) => organisationExistsOn(o, referenceDate) || (o.dissolvedOn !== null && compareIsoDates(o.dissolvedOn, yearStart) > 0),
  );
  // each organisation's own meetings and seats, so that the rules do not scan the whole unit's
  const meetingsOf = groupBy(data.meetings, (m) => m.organisationId);
  const seatsOf = groupBy(data.seats, (s) => s.organisationId);
  const organisations: OrganisationFigures[] = reportOrder(existedInYear).map((organisation) => {
    const hasCommittee = hasCommitteeOn(seatsOf.get(organisation.id) ?? [], organisation.id, referenceDate);
    return {
      organisation,
      hasCommittee,
      members: roster.byOrganisation.get(organisation.id) ?? 0,
      compliance: meetingCompliance({ organisation, hasCommittee, meetings: meetingsOf.get(organisation.id) ?? [], year, asOf }, profile),
      term: termLight({ organisation, elections: data.elections, asOf: referenceDate }, profile),
    };
  });
  const compliances = organisations.map((o) => o.compliance);
  const upTo = <T extends { readonly date: string }>(rows: readonly T[] | undefined): T[] => (rows ?? []).filter((r) => r.date <= referenceDate);
  const care = careFigures(year, { visits: upTo(data.careVisits), commendations: upTo(data.commendations), publicity: upTo(data.publicity) });
  const dutyList = dutyListFigures(data.dutyLists ?? [], year);
  const exchange = cadreExchangeFigures(data.cadreExchanges ?? [], year, referenceDate);
  const projects = secretaryProjectProgress(data.secretaryProjects, year, asOf);
  const rectification = rectificationProgress(data.rectifications, year, asOf);
  // an expense counts for its line whatever its date, but not after 截至
  const funds = fundUsage(
    data.fundLines,
    data.expenses.filter((e) => compareIsoDates(e.date, referenceDate) <= 0),
    year,
  );
  const training = trainingCoverage(
    {
      year,
      asOf,
      members: data.members,
      classes: data.trainingClasses,
      enrolments: data.enrolments,
      seats: data.seats,
      organisations: data.organisations,
    },
    profile,
  );
  return {
    year,
    asOf,
    referenceDate,
    organisationCounts: organisationCounts(data.organisations, referenceDate),
    roster,
    organisations,
    completion: combineCompletion(compliances),
    byKind: complianceByKind(compliances),
    organisationsOwing: organisationsOwing(compliances),
    held: meetingsHeldByKind(data.meetings, year, asOf),
    training,
    trainingHours: trainingHours(training, data.trainingClasses, referenceDate),
    terms: termLightCounts(organisations.map((o) => o.term)),
    termBreakdown: termBreakdown(organisations.map((o) => o.term)),
    cadre: cadreRatio({ staffCount: data.unit.staffCount, members: data.members }, profile),
    projects,
    rectification,
    cards: cardsOfYear(data.cards, year, asOf),
    accountability: accountabilityOfYear(data.dutyReviews ?? [], data.assessments ?? [], year),
    funds,
    dutyList,
    care,
    exchange,
    life: organisationalLifeFigures(data.meetings, year, referenceDate),
    projectEvidence: projects.projects.map((p) => {
      const project = data.secretaryProjects.find((x) => x.id === p.id);
      const rating = (data.projectRatings ?? []).find((r) => r.projectId === p.id) ?? null;
      return { projectId: p.id, title: p.title, attachments: project?.attachmentIds?.length ?? 0, rating: rating === null ? null : { rating: rating.rating, comment: rating.comment } };
    }),
    unrecorded: unrecordedAreas({
      secretaryProject: projects.projects.length,
      dutyList: dutyList.posts,
      rectification: rectification.total,
      funds: funds.lines.length,
      careVisit: care.visits,
      commendation: care.commendations,
      publicity: care.publicity,
      cadreExchange: exchange.total,
    }),
  };
}
