/**
 * Adding up the results of the other rules, for reports and the committee's dashboard: the same
 * totals everywhere, computed once. Each function takes rule results (never raw records) except
 * the plain counts of meetings held and classes run.
 */
import type { CardColour, CardFixStatus, MeetingKind, OrganisationKind, TermLight, TrainingOrganiser } from '../model/vocabulary';
import { MEETING_KINDS, ORGANISATION_KINDS } from '../model/vocabulary';
import type { CadreRatioState } from './organisations/cadreRatio';
import { cardEscalations, type CardEscalation, type CardFact } from './committee/cards';
import { compareIsoDates, yearOf, type IsoDate } from './dates';
import type { MeetingComplianceResult } from './meetings/meetingCompliance';
import type { RuleProfile } from './profile';
import type { RosterTotals } from './members/roster';
import type { TermLightResult, TermNotApplicable } from './organisations/termLight';
import type { CoverageFigure, TrainingClassFact, TrainingCoverageResult } from './training/trainingCoverage';

export interface KindTotal {
  readonly kind: MeetingKind;
  /** Σ min(held, required) over the periods that were due. */
  readonly met: number;
  readonly due: number;
  /** Organisations the requirement applies to. */
  readonly organisations: number;
  /** Organisations with at least one owed period. */
  readonly organisationsOwing: number;
  readonly rate: number | null;
}

/** Per meeting kind, the compliance of several organisations added up (kinds in vocabulary order). */
export function complianceByKind(results: readonly MeetingComplianceResult[]): KindTotal[] {
  const out: KindTotal[] = [];
  for (const kind of MEETING_KINDS) {
    let met = 0;
    let due = 0;
    let organisations = 0;
    let organisationsOwing = 0;
    for (const r of results)
      for (const k of r.kinds)
        if (k.kind === kind) {
          met += k.met;
          due += k.due;
          organisations++;
          if (k.periods.some((p) => p.state === 'owed')) organisationsOwing++;
        }
    if (organisations > 0) out.push({ kind, met, due, organisations, organisationsOwing, rate: due === 0 ? null : met / due });
  }
  return out;
}

export interface MeetingFactWithDate {
  readonly organisationId: string;
  readonly kind: MeetingKind;
  readonly date: IsoDate;
  readonly deleted?: boolean;
}

/** Meetings held in `year` up to `asOf`, per kind (of the given organisations, or all). */
export function meetingsHeldByKind(
  meetings: readonly MeetingFactWithDate[],
  year: number,
  asOf: IsoDate,
  organisationIds?: ReadonlySet<string>,
): Record<MeetingKind, number> {
  const out = Object.fromEntries(MEETING_KINDS.map((k) => [k, 0])) as Record<MeetingKind, number>;
  for (const m of meetings) {
    if (m.deleted === true || yearOf(m.date) !== year || compareIsoDates(m.date, asOf) > 0) continue;
    if (organisationIds !== undefined && !organisationIds.has(m.organisationId)) continue;
    out[m.kind] += 1;
  }
  return out;
}

export interface TermLightCounts {
  readonly applicable: number;
  readonly byLight: Readonly<Record<TermLight, number>>;
  /** Of the yellow ones, those in the second reminder window. */
  readonly secondReminder: number;
  /** On an approved extension, of every colour together (by colour: termBreakdown). */
  readonly extended: number;
}

export function termLightCounts(results: readonly (TermLightResult | TermNotApplicable)[]): TermLightCounts {
  const byLight: Record<TermLight, number> = { green: 0, yellow: 0, red: 0 };
  let applicable = 0;
  let secondReminder = 0;
  let extended = 0;
  for (const r of results) {
    if (!r.applicable) continue;
    applicable++;
    byLight[r.light]++;
    if (r.secondReminder) secondReminder++;
    if (r.extended) extended++;
  }
  return { applicable, byLight, secondReminder, extended };
}

/** What a sentence about the term lights says beyond the counts by colour. */
export interface TermBreakdown {
  /** On an approved extension, by the colour they are counted in (a running extension is yellow, a passed one red). */
  readonly extendedByLight: Readonly<Record<TermLight, number>>;
  /**
   * The red ones by why they are red: the term ended without election and without extension, the
   * approved extension has passed too, or no term dates are recorded. They add up to the red count.
   */
  readonly red: { readonly overdue: number; readonly extensionPassed: number; readonly noTerm: number };
}

export function termBreakdown(results: readonly (TermLightResult | TermNotApplicable)[]): TermBreakdown {
  const extendedByLight: Record<TermLight, number> = { green: 0, yellow: 0, red: 0 };
  const red = { overdue: 0, extensionPassed: 0, noTerm: 0 };
  for (const r of results) {
    if (!r.applicable) continue;
    if (r.extended) extendedByLight[r.light]++;
    if (r.light !== 'red') continue;
    if (r.basis === 'none') red.noTerm++;
    else if (r.extended) red.extensionPassed++;
    else red.overdue++;
  }
  return { extendedByLight, red };
}

export interface CoverageTotal {
  readonly shouldTrain: number;
  readonly trained: number;
  readonly share: number | null;
  readonly metTarget: boolean;
}

/** Coverage figures of several units (or groups) added up, judged against the profile's target. */
export function combineCoverage(figures: readonly Pick<CoverageFigure, 'shouldTrain' | 'trained'>[], profile: RuleProfile): CoverageTotal {
  const shouldTrain = figures.reduce((s, f) => s + f.shouldTrain, 0);
  const trained = figures.reduce((s, f) => s + f.trained, 0);
  const share = shouldTrain === 0 ? null : trained / shouldTrain;
  const metTarget = shouldTrain > 0 && trained * 10000 >= profile.training.coverageTargetBasisPoints * shouldTrain;
  return { shouldTrain, trained, share, metTarget };
}

export interface TrainingHours {
  /** Σ credited hours of the members who should be trained. */
  readonly totalHours: number;
  /** totalHours / members who should be trained, or null. */
  readonly averageHours: number | null;
  /** Classes of the year (by start date), by organiser. */
  readonly classes: Readonly<Record<TrainingOrganiser, number>>;
}

/** `asOf`: classes that start after it are not counted (the report's one 截至 for every figure). */
export function trainingHours(
  coverage: TrainingCoverageResult,
  classes: readonly (TrainingClassFact & { readonly organiser: TrainingOrganiser })[],
  asOf?: IsoDate,
): TrainingHours {
  const totalHours = coverage.memberHours.reduce((s, m) => s + m.hours, 0);
  const n = coverage.memberHours.length;
  const byOrganiser: Record<TrainingOrganiser, number> = { unit: 0, committee: 0 };
  for (const c of classes)
    if (c.deleted !== true && yearOf(c.startDate) === coverage.year && (asOf === undefined || compareIsoDates(c.startDate, asOf) <= 0)) byOrganiser[c.organiser]++;
  return { totalHours, averageHours: n === 0 ? null : totalHours / n, classes: byOrganiser };
}

/** Roster summaries of several units added up. */
export function combineRosters(rosters: readonly RosterTotals[]): RosterTotals {
  const sum = (k: keyof RosterTotals): number => rosters.reduce((s, r) => s + r[k], 0);
  return {
    total: sum('total'),
    active: sum('active'),
    retired: sum('retired'),
    full: sum('full'),
    probationary: sum('probationary'),
    joinedThisYear: sum('joinedThisYear'),
  };
}

/** Organisation counts of several units added up. */
export function combineOrganisationCounts(counts: readonly { readonly byKind: Readonly<Record<OrganisationKind, number>>; readonly baseLevel: number }[]): {
  readonly byKind: Record<OrganisationKind, number>;
  readonly baseLevel: number;
} {
  const byKind = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, 0])) as Record<OrganisationKind, number>;
  for (const c of counts) for (const k of ORGANISATION_KINDS) byKind[k] += c.byKind[k];
  return { byKind, baseLevel: counts.reduce((s, c) => s + c.baseLevel, 0) };
}

export interface CadreBands {
  /** Within the requirement with a ratio between the bounds (inclusive). */
  readonly inBand: number;
  /** Within the requirement although the ratio is above the upper bound: a small unit whose one full-time cadre is enough. */
  readonly smallUnitOne: number;
  /** Below the requirement (the ratio is below the lower bound, or a small unit has none). */
  readonly below: number;
  /** Above the upper bound and more than the one a small unit may have. */
  readonly above: number;
}

/**
 * Within the requirement although the ratio is above the upper bound: the small-unit rule (a unit
 * whose staff × maximum is less than one person may have one full-time cadre). Exact integers.
 */
export function smallUnitOneCadre(
  r: { readonly state: CadreRatioState; readonly fullTimeCount: number; readonly staffCount: number },
  profile: RuleProfile,
): boolean {
  return r.state === 'within' && r.fullTimeCount * 10000 > r.staffCount * profile.cadreRatio.maxBasisPoints;
}

/**
 * Units by their cadre ratio as a table of ratios shows it (in band, below, above), with the units
 * the small-unit rule puts within although their ratio is above the upper bound kept apart, so
 * that a sentence can say both and agree with the table. Exact: counts are compared, not floats.
 */
export function cadreBands(
  results: readonly { readonly state: CadreRatioState; readonly fullTimeCount: number; readonly staffCount: number }[],
  profile: RuleProfile,
): CadreBands {
  const out = { inBand: 0, smallUnitOne: 0, below: 0, above: 0 };
  for (const r of results) {
    if (r.state === 'below') out.below++;
    else if (r.state === 'above') out.above++;
    else if (smallUnitOneCadre(r, profile)) out.smallUnitOne++;
    else out.inBand++;
  }
  return out;
}

/** How many units are below, within and above the cadre-ratio bounds. */
export function cadreStateCounts(results: readonly { readonly state: CadreRatioState }[]): Record<CadreRatioState, number> {
  const out: Record<CadreRatioState, number> = { below: 0, within: 0, above: 0 };
  for (const r of results) out[r.state]++;
  return out;
}

export interface CardCounts {
  /** Cards issued in the year (up to asOf), by colour. */
  readonly issued: Readonly<Record<CardColour, number>>;
  /** Of those, by fix status. */
  readonly byFixStatus: Readonly<Record<CardFixStatus, number>>;
  /** Yellow cards that should become red and have no red card yet (cardEscalations). */
  readonly pendingEscalations: readonly CardEscalation[];
}

export function cardCounts(cards: readonly (CardFact & { readonly fixStatus: CardFixStatus })[], year: number, asOf: IsoDate, profile: RuleProfile): CardCounts {
  const issued: Record<CardColour, number> = { yellow: 0, red: 0 };
  const byFixStatus: Record<CardFixStatus, number> = { pending: 0, fixed: 0, overdue: 0 };
  for (const c of cards) {
    if (c.deleted === true || yearOf(c.issuedOn) !== year || compareIsoDates(c.issuedOn, asOf) > 0) continue;
    issued[c.colour]++;
    byFixStatus[c.fixStatus]++;
  }
  const pendingEscalations = cardEscalations({ cards, asOf }, profile).filter((e) => !e.alreadyRed);
  return { issued, byFixStatus, pendingEscalations };
}

export interface QuarterScores {
  readonly quarter: string;
  readonly assessed: number;
  readonly average: number | null;
  readonly highest: number | null;
  readonly lowest: number | null;
}

/** The committee's quarterly scores (assessment totals as issued) of a year, per quarter Q1–Q4. */
export function quarterScores(
  assessments: readonly { readonly quarter: string; readonly total: number; readonly deleted?: boolean }[],
  year: number,
): QuarterScores[] {
  return [1, 2, 3, 4].map((q) => {
    const quarter = `${year}-Q${q}`;
    const totals = assessments.filter((a) => a.deleted !== true && a.quarter === quarter).map((a) => a.total);
    const n = totals.length;
    return {
      quarter,
      assessed: n,
      average: n === 0 ? null : Math.round((totals.reduce((s, t) => s + t, 0) / n) * 100) / 100,
      highest: n === 0 ? null : Math.max(...totals),
      lowest: n === 0 ? null : Math.min(...totals),
    };
  });
}

/** How many organisations owe at least one period of some required meeting (未按期召开). */
export function organisationsOwing(results: readonly MeetingComplianceResult[]): number {
  return results.filter((r) => r.kinds.some((k) => k.periods.some((p) => p.state === 'owed'))).length;
}
