/**
 * 全市概况: the 工委's city dashboard figures, one row per enrolled unit and the city's totals,
 * computed from the units' summaries (summarySchema.ts) by the SAME rule functions the unit
 * screens use — unitMeetingCompliance, termLight, cadreRatio, organisationCounts — and added up by
 * shared/rules/summaries.ts. Nothing here judges a meeting, a term or a ratio itself.
 *
 * Days (all China-time calendar days):
 * - Meeting completion is the year's compliance as of `asOf` (periods that end after `asOf` are
 *   still running); the selected month/quarter takes the requirement periods that END in it
 *   (monthlyCompletion.ts) — so Q4 includes the yearly meetings. The year is combineCompletion of
 *   every organisation, as on the unit's 三会一课 overview.
 * - Term lights and organisation counts are as of `judgedOn` = min(last day of the period, asOf):
 *   organisations existing that day; termLight decides the colour.
 * - Members and training coverage are the summary's year figures, as of min(31 December, the
 *   summary date) (summarySchema.ts, SummaryYear) — the day of the unit's last import, not `asOf`.
 * - The cadre ratio is as the unit's records stand (cadreRatio reads current statuses).
 * - Lateness is as of `today` (default `asOf`): lateness.ts.
 * A unit without a summary yet (invited, nothing imported) has null figures; a unit without
 * organisations has nothing due, so a null rate — never 0 %.
 */
import { z } from 'zod';
import type { EnrolledUnitStatus, OrganisationKind, TermLight } from '../../model/vocabulary';
import { PARTY_GROUP_KINDS, type PartyGroupKind } from '../../model/vocabulary';
import type { CadreRatioState } from '../organisations/cadreRatio';
import { cadreRatio } from '../organisations/cadreRatio';
import { compareIsoDates, minDate, monthPeriod, quarterPeriod, yearPeriod, type IsoDate, type Period } from '../dates';
import { combineCompletion, type CompletionRate } from '../meetings/meetingCompliance';
import { organisationCounts, organisationExistsOn } from '../organisations/organisations';
import { lateAfterDays, type RuleProfile } from '../profile';
import { cadreStateCounts, combineCoverage, termLightCounts, type CoverageTotal, type TermLightCounts } from '../summaries';
import { termLight, type TermLightResult, type TermNotApplicable } from '../organisations/termLight';
import { unitMeetingCompliance } from '../meetings/unitCompliance';
import { bundleTimeliness, type BundleTimeliness } from './lateness';
import { monthlyCompletion, sumOfMonths, type MonthCompletion } from './monthlyCompletion';
import { summaryMeetingsByOrganisation, summarySeatFacts } from './summaryFacts';
import { UNIT_SUMMARY_VERSION, type UnitSummary } from './summarySchema';
import { compareChinese } from '../collation';

const isoDate = z.iso.date();

export const dashboardPeriodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('year') }),
  z.strictObject({ kind: z.literal('quarter'), q: z.literal([1, 2, 3, 4]) }),
  z.strictObject({ kind: z.literal('month'), m: z.int().min(1).max(12) }),
]);
export type DashboardPeriod = z.infer<typeof dashboardPeriodSchema>;

export const cityDashboardOptionsSchema = z.strictObject({
  year: z.int().min(1949).max(2200),
  period: dashboardPeriodSchema,
  /** The day the figures are about: meetings after it are not counted, periods ending on or after it are still running. */
  asOf: isoDate,
  /** The day lateness is judged on; default `asOf`. */
  today: isoDate.optional(),
  /**
   * Only the units led by a 党组 or by a 党委 (the register's one kind of unit); all when absent.
   * A unit whose records have not arrived yet has no kind and is left out of a filtered view.
   */
  partyGroupKind: z.enum(PARTY_GROUP_KINDS).optional(),
});
export type CityDashboardOptions = z.infer<typeof cityDashboardOptionsSchema>;

/** One unit of the 工委's register (纳管单位) with its last bundle: the dashboard's list of units. */
export interface RegisteredUnit {
  readonly unitId: string;
  readonly name: string;
  readonly status: EnrolledUnitStatus;
  /** 纳管登记 day. */
  readonly enrolledOn: IsoDate;
  /** Day the 工委 received (imported) the unit's newest bundle; null when none yet. */
  readonly lastBundleOn: IsoDate | null;
}

/** A red or yellow organisation (换届三色预警), for the list under the counts. */
export interface TermAlert {
  readonly unitId: string;
  readonly organisationId: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly light: Exclude<TermLight, 'green'>;
  /** The current term's end (届满日), null when no term is recorded. */
  readonly termEnd: IsoDate | null;
  /** termEnd, or the approved extension's end: the day that matters. */
  readonly deadline: IsoDate | null;
  readonly daysLeft: number | null;
  readonly extended: boolean;
  readonly reason: string;
}

export interface UnitCadre {
  readonly ratio: number;
  readonly state: CadreRatioState;
  readonly fullTimeCount: number;
  readonly staffCount: number;
  readonly minCount: number;
  readonly maxCount: number;
  readonly reason: string;
}

export interface DashboardUnitRow {
  readonly unitId: string;
  /** The register's name (the unit's own record may spell it differently: `unitName`). */
  readonly name: string;
  readonly unitName: string | null;
  readonly status: EnrolledUnitStatus;
  /** The summary's date (its last rebuild), null without a summary. */
  readonly summaryAsOf: IsoDate | null;
  /** Members on the roster (year figure, see the module comment). */
  readonly members: number | null;
  /** Organisations existing on `judgedOn`, every kind; and of them the base-level ones (not 党组/党委). */
  readonly organisations: number | null;
  readonly baseLevelOrganisations: number | null;
  /** 三会一课 completion of the selected period. */
  readonly completion: CompletionRate | null;
  /** Meetings still missing in the owed periods of the selected period. */
  readonly meetingsOwed: number | null;
  /** The year's twelve months (heat map), January first. */
  readonly months: readonly MonthCompletion[] | null;
  readonly terms: TermLightCounts | null;
  /** Red first, then yellow; each by deadline. */
  readonly termAlerts: readonly TermAlert[];
  readonly training: CoverageTotal | null;
  readonly cadre: UnitCadre | null;
  readonly lastBundleOn: IsoDate | null;
  /** Days since the last bundle; null when the unit never sent one (see `timeliness`). */
  readonly daysSinceLastBundle: number | null;
  readonly late: boolean;
  readonly timeliness: BundleTimeliness;
}

export interface CityTotals {
  readonly units: number;
  /** Units with a summary (at least one bundle imported). */
  readonly unitsReporting: number;
  readonly late: number;
  readonly members: number;
  readonly organisations: number;
  readonly completion: CompletionRate;
  readonly meetingsOwed: number;
  readonly months: readonly CompletionRate[];
  readonly terms: TermLightCounts;
  readonly training: CoverageTotal;
  readonly cadre: Readonly<Record<CadreRatioState, number>>;
}

export interface CityDashboard {
  readonly year: number;
  readonly period: Period;
  readonly asOf: IsoDate;
  /** min(last day of the period, asOf): the day of term lights and organisation counts. */
  readonly judgedOn: IsoDate;
  readonly today: IsoDate;
  /** The units shown: all, or those led by a 党组 / a 党委 (`options.partyGroupKind`). */
  readonly partyGroupKind: PartyGroupKind | null;
  /** The profile the figures were computed by, with the bounds a chart draws (basis points: 100 = 1 %). */
  readonly profile: {
    readonly version: number;
    readonly name: string;
    readonly lateAfterDays: number;
    readonly cadreMinBasisPoints: number;
    readonly cadreMaxBasisPoints: number;
    readonly coverageTargetBasisPoints: number;
  };
  /** In the register's order. */
  readonly rows: readonly DashboardUnitRow[];
  readonly totals: CityTotals;
  /** Every unit's red and yellow organisations: red first, then by deadline. */
  readonly termAlerts: readonly TermAlert[];
}

export function periodOf(year: number, period: DashboardPeriod): Period {
  switch (period.kind) {
    case 'year':
      return yearPeriod(year);
    case 'quarter':
      return quarterPeriod(year, period.q);
    case 'month':
      return monthPeriod(year, period.m);
  }
}

/** First and last month (1-based) of the period. */
function monthsOf(period: DashboardPeriod): [number, number] {
  if (period.kind === 'year') return [1, 12];
  if (period.kind === 'quarter') return [period.q * 3 - 2, period.q * 3];
  return [period.m, period.m];
}

function byAlert(a: TermAlert, b: TermAlert): number {
  if (a.light !== b.light) return a.light === 'red' ? -1 : 1;
  if (a.deadline !== b.deadline) return a.deadline === null ? -1 : b.deadline === null ? 1 : compareIsoDates(a.deadline, b.deadline);
  return compareChinese(a.name, b.name);
}

interface UnitFigures {
  readonly row: Omit<DashboardUnitRow, 'unitId' | 'name' | 'status' | 'lastBundleOn' | 'daysSinceLastBundle' | 'late' | 'timeliness'>;
  readonly terms: readonly (TermLightResult | TermNotApplicable)[];
}

const NO_FIGURES: UnitFigures = {
  row: {
    unitName: null,
    summaryAsOf: null,
    members: null,
    organisations: null,
    baseLevelOrganisations: null,
    completion: null,
    meetingsOwed: null,
    months: null,
    terms: null,
    termAlerts: [],
    training: null,
    cadre: null,
  },
  terms: [],
};

function unitFigures(summary: UnitSummary, options: CityDashboardOptions, judgedOn: IsoDate, profile: RuleProfile): UnitFigures {
  const { year, asOf, period } = options;
  const orgs = summary.organisations;

  const compliance = unitMeetingCompliance(orgs, summarySeatFacts(summary), summaryMeetingsByOrganisation(summary), year, asOf, profile).map((c) => c.result);
  const months = monthlyCompletion(compliance);
  const [from, to] = monthsOf(period);
  const selected = sumOfMonths(months, from, to);
  const completion = period.kind === 'year' ? combineCompletion(compliance) : { met: selected.met, due: selected.due, rate: selected.rate };

  const existing = orgs.filter((o) => organisationExistsOn(o, judgedOn));
  const terms = existing.map((organisation) => termLight({ organisation, elections: summary.elections, asOf: judgedOn }, profile));
  const names = new Map(orgs.map((o) => [o.id, o] as const));
  const termAlerts: TermAlert[] = [];
  for (const t of terms) {
    if (!t.applicable || t.light === 'green') continue;
    const org = names.get(t.organisationId)!;
    termAlerts.push({
      unitId: summary.unitId,
      organisationId: t.organisationId,
      name: org.name,
      kind: org.kind,
      light: t.light,
      termEnd: t.termEnd,
      deadline: t.deadline,
      daysLeft: t.daysLeft,
      extended: t.extended,
      reason: t.reason,
    });
  }
  termAlerts.sort(byAlert);

  const counts = organisationCounts(orgs, judgedOn);
  const yearFigures = summary.years.find((y) => y.year === year);
  const staffCount = summary.cadre.staffCount;
  const ratio = staffCount === null ? null : cadreRatio({ staffCount, members: summary.cadre.members }, profile);
  return {
    row: {
      unitName: summary.unitName,
      summaryAsOf: summary.asOf,
      members: yearFigures?.roster.total ?? null,
      organisations: Object.values(counts.byKind).reduce((s, n) => s + n, 0),
      baseLevelOrganisations: counts.baseLevel,
      completion,
      meetingsOwed: selected.owed,
      months,
      terms: termLightCounts(terms),
      termAlerts,
      training: yearFigures === undefined ? null : combineCoverage([yearFigures.training], profile),
      cadre:
        ratio === null
          ? null
          : {
              ratio: ratio.ratio,
              state: ratio.state,
              fullTimeCount: ratio.fullTimeCount,
              staffCount: ratio.staffCount,
              minCount: ratio.minCount,
              maxCount: ratio.maxCount,
              reason: ratio.reason,
            },
    },
    terms,
  };
}

function sum(values: readonly (number | null)[]): number {
  return values.reduce<number>((s, v) => s + (v ?? 0), 0);
}

/**
 * The dashboard for the enrolled units of `register`. Summaries of units not in the register, and
 * summaries of another summaryVersion (to be rebuilt), are ignored.
 */
export function cityDashboard(
  summaries: readonly UnitSummary[],
  register: readonly RegisteredUnit[],
  options: CityDashboardOptions,
  profile: RuleProfile,
): CityDashboard {
  const { year, asOf } = options;
  const today = options.today ?? asOf;
  const period = periodOf(year, options.period);
  const judgedOn = minDate(period.end, asOf);
  const byUnit = new Map(summaries.filter((s) => s.summaryVersion === UNIT_SUMMARY_VERSION).map((s) => [s.unitId, s] as const));

  const allTerms: (TermLightResult | TermNotApplicable)[] = [];
  const kind = options.partyGroupKind;
  const shown = kind === undefined ? register : register.filter((entry) => byUnit.get(entry.unitId)?.partyGroupKind === kind);
  const rows: DashboardUnitRow[] = shown.map((entry) => {
    const summary = byUnit.get(entry.unitId);
    const figures = summary === undefined ? NO_FIGURES : unitFigures(summary, options, judgedOn, profile);
    allTerms.push(...figures.terms);
    const timeliness = bundleTimeliness(entry, today, profile);
    return {
      unitId: entry.unitId,
      name: entry.name,
      status: entry.status,
      ...figures.row,
      lastBundleOn: entry.lastBundleOn,
      daysSinceLastBundle: timeliness.basis === 'lastBundle' ? timeliness.daysSince : null,
      late: timeliness.late,
      timeliness,
    };
  });

  const completions = rows.flatMap((r) => (r.completion === null ? [] : [{ completion: r.completion }]));
  const months = rows.flatMap((r) => (r.months === null ? [] : [r.months]));
  const totals: CityTotals = {
    units: rows.length,
    unitsReporting: completions.length,
    late: rows.filter((r) => r.late).length,
    members: sum(rows.map((r) => r.members)),
    organisations: sum(rows.map((r) => r.organisations)),
    completion: combineCompletion(completions),
    meetingsOwed: sum(rows.map((r) => r.meetingsOwed)),
    months: Array.from({ length: 12 }, (_, i) => combineCompletion(months.flatMap((m) => (m[i] === undefined ? [] : [{ completion: m[i] }])))),
    terms: termLightCounts(allTerms),
    training: combineCoverage(rows.flatMap((r) => (r.training === null ? [] : [r.training])), profile),
    cadre: cadreStateCounts(rows.flatMap((r) => (r.cadre === null ? [] : [r.cadre]))),
  };

  return {
    year,
    period,
    asOf,
    judgedOn,
    today,
    partyGroupKind: kind ?? null,
    profile: {
      version: profile.version,
      name: profile.name,
      lateAfterDays: lateAfterDays(profile),
      cadreMinBasisPoints: profile.cadreRatio.minBasisPoints,
      cadreMaxBasisPoints: profile.cadreRatio.maxBasisPoints,
      coverageTargetBasisPoints: profile.training.coverageTargetBasisPoints,
    },
    rows,
    totals,
    termAlerts: rows.flatMap((r) => r.termAlerts).sort(byAlert),
  };
}
