/**
 * A plain recount of a unit's year from its fixture JSON (the records as `npm run fixtures` writes
 * them), written for the cross-check of the reports without calling shared/rules: each figure is
 * counted here the way the rule's documentation and DOMAIN.md say it, so a report that prints what
 * a rule got wrong, or prints something other than the rule's result, differs from this.
 */

type Day = string;

interface Row {
  readonly id: string;
  readonly unitId: string;
  readonly deleted: boolean;
}
interface UnitRow extends Row {
  readonly name: string;
  readonly staffCount: number;
  readonly partyGroupKind: 'partyGroup' | 'partyCommittee';
}
interface OrganisationRow extends Row {
  readonly kind: string;
  readonly name: string;
  readonly foundedOn: Day | null;
  readonly dissolvedOn: Day | null;
  readonly termStart: Day | null;
  readonly termYears: number | null;
  readonly termEnd: Day | null;
  readonly extension: { readonly until: Day } | null;
}
interface ElectionRow extends Row {
  readonly organisationId: string;
  readonly electedOn: Day;
  readonly termYears: number;
}
interface MemberRow extends Row {
  readonly joinedOn: Day;
  readonly status: string;
  readonly statusChangedOn: Day | null;
  readonly postings: readonly { readonly organisationId: string; readonly from: Day; readonly to: Day | null }[];
  readonly membership: string;
  readonly convertedOn: Day | null;
  readonly cadre: string | null;
}
interface MeetingRow extends Row {
  readonly kind: string;
  readonly date: Day;
  readonly attendance: readonly { readonly status: string; readonly voting: boolean; readonly appraisalGrade?: string }[];
  readonly observers?: readonly { readonly name: string; readonly post: string }[];
}
interface ClassRow extends Row {
  readonly organiser: string;
  readonly startDate: Day;
}
interface EnrolmentRow extends Row {
  readonly classId: string;
  readonly makeUpOfClassId: string | null;
}
interface FundLineRow extends Row {
  readonly year: number;
  readonly budgetFen: number;
}
interface ExpenseRow extends Row {
  readonly fundLineId: string;
  readonly date: Day;
  readonly amountFen: number;
}
interface RectificationRow extends Row {
  readonly status: string;
  readonly closedOn: Day | null;
  readonly deadline: Day | null;
}
interface ProjectRow extends Row {
  readonly year: number;
  readonly milestones: readonly { readonly due: Day | null; readonly done: boolean }[];
  readonly attachmentIds?: readonly string[];
}

/** A unit's fixture file: `{ unit, records: { table: rows } }`. */
export interface FixtureUnit {
  readonly records: Readonly<Record<string, readonly unknown[] | undefined>>;
}

export interface Recount {
  readonly unit: UnitRow;
  /** Organisations existing on the day, by kind. */
  readonly kinds: Readonly<Record<string, number>>;
  readonly baseLevel: number;
  readonly roster: { total: number; active: number; retired: number; probationary: number; full: number; joinedThisYear: number };
  /** Members on the roster per organisation id. */
  readonly membersIn: ReadonlyMap<string, number>;
  /** Meetings held in the year up to the day, by kind. */
  readonly held: Readonly<Record<string, number>>;
  readonly classes: { unit: number; committee: number };
  readonly funds: { lines: number; budgetFen: number; spentFen: number };
  readonly rectification: { total: number; closed: number; inProgress: number; open: number; overdue: number };
  /** `files`: 证明材料 attached to the year's projects; `rated`: projects with a 工委 rating (projectRating). */
  readonly projects: { count: number; milestones: number; done: number; overdue: number; files: number; rated: number };
  readonly cadre: { fullTime: number; staff: number };
  /** Term lights of the organisations that have a term, with why a red one is red. */
  readonly terms: { green: number; yellow: number; red: number; yellowExtended: number; greenExtended: number; redOverdue: number; redExtensionPassed: number; redNoTerm: number };
  /** Red organisations' names. */
  readonly redNames: readonly string[];
  /**
   * 民主生活会 dates (and whether a 专职副书记 is among the 列席), 中心组 sessions (and with one 列席),
   * and the 民主评议党员 grades added up (full members taking part, not excluded).
   */
  readonly life: {
    readonly democraticLife: readonly { readonly date: Day; readonly deputy: boolean }[];
    readonly theory: { readonly sessions: number; readonly deputy: number };
    readonly appraisal: { readonly meetings: number; readonly grades: Readonly<Record<string, number>>; readonly graded: number; readonly ungraded: number };
  };
}

const before = (a: Day, b: Day): boolean => a < b;
const notAfter = (a: Day, b: Day): boolean => a <= b;

/** YYYY-MM-DD plus n months, the day clamped to the month's end (2024-02-29 + 12 → 2025-02-28). */
export function plusMonths(day: Day, n: number): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) + n;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function rows<T extends Row>(unit: FixtureUnit, table: string): T[] {
  return ((unit.records[table] ?? []) as T[]).filter((r) => !r.deleted);
}

const TERM_YEARS: Readonly<Record<string, number | null>> = {
  leadingGroup: 5,
  organCommittee: 5,
  disciplineCommittee: 5,
  generalBranch: 3,
  branch: 3,
  group: null,
};

/** The unit's figures of `year` counted up to `day` (the report's 截至). */
export function recountUnit(fixture: FixtureUnit, year: number, day: Day): Recount {
  const unit = rows<UnitRow>(fixture, 'unit')[0];
  if (unit === undefined) throw new Error('fixture without its unit');
  const yearStart = `${year}-01-01`;
  const inYearToDay = (d: Day): boolean => d.startsWith(`${year}-`) && notAfter(d, day);

  const organisations = rows<OrganisationRow>(fixture, 'organisation');
  const exists = (o: OrganisationRow): boolean =>
    (o.foundedOn === null || notAfter(o.foundedOn, day)) && (o.dissolvedOn === null || before(day, o.dissolvedOn));
  const kinds: Record<string, number> = {};
  for (const o of organisations) if (exists(o)) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
  const baseLevel = (kinds.organCommittee ?? 0) + (kinds.generalBranch ?? 0) + (kinds.branch ?? 0);

  const roster = { total: 0, active: 0, retired: 0, probationary: 0, full: 0, joinedThisYear: 0 };
  const membersIn = new Map<string, number>();
  let fullTime = 0;
  for (const m of rows<MemberRow>(fixture, 'member')) {
    if (m.status === 'active' && m.cadre === 'fullTime') fullTime++;
    if (before(day, m.joinedOn)) continue;
    const posting = m.postings
      .filter((p) => notAfter(p.from, day) && (p.to === null || notAfter(day, p.to)))
      .sort((a, b) => (a.from < b.from ? 1 : -1))[0];
    if (m.postings.length > 0 && posting === undefined) continue;
    const status = m.status !== 'active' && m.statusChangedOn !== null && before(day, m.statusChangedOn) ? 'active' : m.status;
    if (status !== 'active' && status !== 'retired') continue;
    roster.total++;
    if (status === 'active') roster.active++;
    else roster.retired++;
    if (m.membership === 'probationary' || (m.convertedOn !== null && before(day, m.convertedOn))) roster.probationary++;
    if (m.joinedOn.startsWith(`${year}-`)) roster.joinedThisYear++;
    const org = posting?.organisationId ?? (m as unknown as { organisationId: string }).organisationId;
    membersIn.set(org, (membersIn.get(org) ?? 0) + 1);
  }
  roster.full = roster.total - roster.probationary;

  const held: Record<string, number> = {};
  for (const m of rows<MeetingRow>(fixture, 'meeting')) if (inYearToDay(m.date)) held[m.kind] = (held[m.kind] ?? 0) + 1;

  const deputyAmong = (m: MeetingRow): boolean => (m.observers ?? []).some((o) => o.name.trim() !== '' && o.post.replace(/\s+/g, '').includes('专职副书记'));
  const ofYear = rows<MeetingRow>(fixture, 'meeting')
    .filter((m) => inYearToDay(m.date))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const grades: Record<string, number> = {};
  let graded = 0;
  let ungraded = 0;
  const appraisals = ofYear.filter((m) => m.kind === 'democraticAppraisal');
  for (const m of appraisals)
    for (const a of m.attendance) {
      if (a.status === 'excluded' || !a.voting) continue;
      if (a.appraisalGrade === undefined) ungraded++;
      else {
        graded++;
        grades[a.appraisalGrade] = (grades[a.appraisalGrade] ?? 0) + 1;
      }
    }
  const theory = ofYear.filter((m) => m.kind === 'theoryStudyGroup');
  const life = {
    democraticLife: ofYear.filter((m) => m.kind === 'democraticLifeMeeting').map((m) => ({ date: m.date, deputy: deputyAmong(m) })),
    theory: { sessions: theory.length, deputy: theory.filter(deputyAmong).length },
    appraisal: { meetings: appraisals.length, grades, graded, ungraded },
  };

  const attended = new Set<string>();
  for (const e of rows<EnrolmentRow>(fixture, 'enrolment')) {
    attended.add(e.classId);
    if (e.makeUpOfClassId !== null) attended.add(e.makeUpOfClassId);
  }
  const classes = { unit: 0, committee: 0 };
  for (const c of rows<ClassRow>(fixture, 'trainingClass'))
    if ((c.unitId === unit.id || attended.has(c.id)) && inYearToDay(c.startDate)) classes[c.organiser === 'committee' ? 'committee' : 'unit']++;

  const lines = rows<FundLineRow>(fixture, 'fundLine').filter((l) => l.year === year);
  const lineIds = new Set(lines.map((l) => l.id));
  const funds = {
    lines: lines.length,
    budgetFen: lines.reduce((s, l) => s + l.budgetFen, 0),
    spentFen: rows<ExpenseRow>(fixture, 'expense')
      .filter((e) => lineIds.has(e.fundLineId) && notAfter(e.date, day))
      .reduce((s, e) => s + e.amountFen, 0),
  };

  const rectification = { total: 0, closed: 0, inProgress: 0, open: 0, overdue: 0 };
  for (const r of rows<RectificationRow>(fixture, 'rectification')) {
    if (r.status === 'closed' && r.closedOn !== null && before(r.closedOn, yearStart)) continue;
    rectification.total++;
    if (r.status === 'closed' && r.closedOn !== null && notAfter(r.closedOn, day)) rectification.closed++;
    else {
      if (r.status === 'open') rectification.open++;
      else rectification.inProgress++;
      if (r.deadline !== null && before(r.deadline, day)) rectification.overdue++;
    }
  }

  const projects = { count: 0, milestones: 0, done: 0, overdue: 0, files: 0, rated: 0 };
  const ratedIds = new Set(rows<Row & { projectId: string }>(fixture, 'projectRating').map((x) => x.projectId));
  for (const p of rows<ProjectRow>(fixture, 'secretaryProject').filter((x) => x.year === year)) {
    projects.count++;
    projects.files += p.attachmentIds?.length ?? 0;
    if (ratedIds.has(p.id)) projects.rated++;
    projects.milestones += p.milestones.length;
    projects.done += p.milestones.filter((m) => m.done).length;
    projects.overdue += p.milestones.filter((m) => !m.done && m.due !== null && before(m.due, day)).length;
  }

  const elections = rows<ElectionRow>(fixture, 'election');
  const terms = { green: 0, yellow: 0, red: 0, yellowExtended: 0, greenExtended: 0, redOverdue: 0, redExtensionPassed: 0, redNoTerm: 0 };
  const redNames: string[] = [];
  for (const o of organisations) {
    const years = TERM_YEARS[o.kind];
    if (years === null || years === undefined) continue;
    // organisations of the year that are not dissolved by the day
    if (o.dissolvedOn !== null && notAfter(o.dissolvedOn, day)) continue;
    if (o.foundedOn !== null && before(day, o.foundedOn)) continue;
    const latest = elections
      .filter((e) => e.organisationId === o.id && notAfter(e.electedOn, day))
      .sort((a, b) => (a.electedOn < b.electedOn ? 1 : -1))[0];
    const ownEnd = o.termEnd ?? (o.termStart !== null ? plusMonths(o.termStart, 12 * (o.termYears ?? years)) : null);
    let end: Day | null = ownEnd;
    if (latest !== undefined && !(ownEnd !== null && o.termStart !== null && before(latest.electedOn, o.termStart)))
      end = plusMonths(latest.electedOn, 12 * latest.termYears);
    if (end === null) {
      terms.red++;
      terms.redNoTerm++;
      redNames.push(o.name);
      continue;
    }
    const extension = o.extension !== null && before(end, o.extension.until) ? o.extension : null;
    const cap = plusMonths(end, 12);
    const deadline = extension === null ? end : extension.until < cap ? extension.until : cap;
    if (before(deadline, day)) {
      terms.red++;
      if (extension !== null) terms.redExtensionPassed++;
      else terms.redOverdue++;
      redNames.push(o.name);
    } else if ((extension !== null && before(end, day)) || notAfter(plusMonths(deadline, -6), day)) {
      terms.yellow++;
      if (extension !== null) terms.yellowExtended++;
    } else {
      terms.green++;
      if (extension !== null) terms.greenExtended++;
    }
  }

  return {
    unit,
    kinds,
    baseLevel,
    roster,
    membersIn,
    held,
    classes,
    funds,
    rectification,
    projects,
    cadre: { fullTime, staff: unit.staffCount },
    terms,
    redNames,
    life,
  };
}

/** 90.57%, 100%, 96.3%: a share rounded to hundredths of a percent, no trailing zeros. */
export function pc(part: number, whole: number): string {
  return `${String(Math.round((part / whole) * 10000) / 100)}%`;
}

/** 24700.00 分 → “24,700.00” */
export function money(fen: number): string {
  return `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;
}
