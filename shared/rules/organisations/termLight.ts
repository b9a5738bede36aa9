/**
 * 换届三色预警 (term-expiry traffic light).
 *
 * The current term is the most recent one recorded: the latest election on or before `asOf`
 * (electedOn + its termYears), or the organisation's own term fields — `termEnd`, else
 * `termStart + termYears` (termYears defaulting to the profile's length for the kind) — when they
 * start later than that election (e.g. the current term entered at setup after older elections
 * were imported). Term ends are computed with month-end clamping: elected 2024-02-29 for 3 years
 * → 2027-02-28.
 *
 * The deadline is the term end, or the approved extension's `until` (capped at
 * `maxExtensionMonths` after the term end) when the organisation has an extension that reaches
 * beyond the current term end (an older extension of a previous term is ignored).
 *
 * - red: no term recorded; or `asOf` is after the deadline (the term end day itself is not yet overdue).
 * - yellow: `asOf` ≥ deadline − 6 months (INCLUSIVE: exactly 6 months before is yellow; "6 months
 *   before" is computed backwards from the deadline with month-end clamping, so for a term ending
 *   08-31 yellow starts on 02-28), or the term has ended and an approved extension is running.
 * - green: otherwise.
 * - secondReminder: yellow and `asOf` ≥ deadline − 3 months (inclusive).
 * - daysLeft = deadline − asOf in days (0 on the deadline, negative when overdue).
 *
 * Organisation kinds without a term in the profile (党小组) and organisations dissolved on or
 * before `asOf` get `applicable: false`.
 */
import type { OrganisationKind, TermLight } from '../../model/vocabulary';
import { ORGANISATION_KIND_LABELS } from '../../model/vocabulary';
import { addMonths, addYears, compareIsoDates, daysBetween, minDate, type IsoDate } from '../dates';
import type { RuleProfile } from '../profile';
import { chineseDate } from '../text';

export interface TermExtension {
  /** 批复文号, e.g. X组〔2026〕12号 */
  readonly approvalNo: string;
  readonly approvedOn: IsoDate | null;
  readonly until: IsoDate;
}

export interface TermOrganisation {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly dissolvedOn: IsoDate | null;
  readonly termStart: IsoDate | null;
  readonly termYears: number | null;
  readonly termEnd: IsoDate | null;
  readonly extension: TermExtension | null;
}

export interface ElectionFact {
  readonly organisationId: string;
  readonly electedOn: IsoDate;
  readonly termYears: number;
  readonly deleted?: boolean;
}

export interface TermLightInput {
  readonly organisation: TermOrganisation;
  /** Elections of any organisations; those of others, deleted ones and future ones are ignored. */
  readonly elections: readonly ElectionFact[];
  readonly asOf: IsoDate;
}

export interface TermNotApplicable {
  readonly applicable: false;
  readonly organisationId: string;
  readonly reason: string;
}

export interface TermLightResult {
  readonly applicable: true;
  readonly organisationId: string;
  readonly light: TermLight;
  /** Where the current term comes from. */
  readonly basis: 'election' | 'organisation' | 'none';
  readonly termStart: IsoDate | null;
  /** The current term's end (届满日), before any extension. */
  readonly termEnd: IsoDate | null;
  readonly extended: boolean;
  readonly extensionApprovalNo: string | null;
  /** The extension's end as counted (capped at maxExtensionMonths after termEnd). */
  readonly extendedUntil: IsoDate | null;
  /** extendedUntil when extended, else termEnd. */
  readonly deadline: IsoDate | null;
  /** deadline − asOf in days: negative = overdue. Null when no term is recorded. */
  readonly daysLeft: number | null;
  readonly secondReminder: boolean;
  readonly reason: string;
}

interface Term {
  readonly basis: 'election' | 'organisation';
  readonly start: IsoDate | null;
  readonly end: IsoDate;
}

function organisationTerm(org: TermOrganisation, profile: RuleProfile): Term | null {
  if (org.termEnd !== null) return { basis: 'organisation', start: org.termStart, end: org.termEnd };
  const years = org.termYears ?? profile.terms.years[org.kind];
  if (org.termStart !== null && years !== null)
    return { basis: 'organisation', start: org.termStart, end: addYears(org.termStart, years) };
  return null;
}

function currentTerm(input: TermLightInput, profile: RuleProfile): Term | null {
  const { organisation: org, asOf } = input;
  let latest: ElectionFact | null = null;
  for (const e of input.elections)
    if (
      e.deleted !== true &&
      e.organisationId === org.id &&
      compareIsoDates(e.electedOn, asOf) <= 0 &&
      (latest === null || compareIsoDates(e.electedOn, latest.electedOn) > 0)
    )
      latest = e;
  const own = organisationTerm(org, profile);
  if (latest === null) return own;
  const electedOn = latest.electedOn;
  const elected: Term = { basis: 'election', start: electedOn, end: addYears(electedOn, latest.termYears) };
  if (own !== null && own.start !== null && compareIsoDates(own.start, electedOn) > 0) return own;
  return elected;
}

export function termLight(input: TermLightInput, profile: RuleProfile): TermLightResult | TermNotApplicable {
  const { organisation: org, asOf } = input;
  if (profile.terms.years[org.kind] === null)
    return { applicable: false, organisationId: org.id, reason: `${ORGANISATION_KIND_LABELS[org.kind]}不实行任期制` };
  if (org.dissolvedOn !== null && compareIsoDates(org.dissolvedOn, asOf) <= 0)
    return { applicable: false, organisationId: org.id, reason: `该党组织已于${chineseDate(org.dissolvedOn)}撤销` };

  const term = currentTerm(input, profile);
  if (term === null)
    return {
      applicable: true,
      organisationId: org.id,
      light: 'red',
      basis: 'none',
      termStart: null,
      termEnd: null,
      extended: false,
      extensionApprovalNo: null,
      extendedUntil: null,
      deadline: null,
      daysLeft: null,
      secondReminder: false,
      reason: '未录入任期信息',
    };

  const { terms } = profile;
  const ext = org.extension !== null && compareIsoDates(org.extension.until, term.end) > 0 ? org.extension : null;
  const cap = addMonths(term.end, terms.maxExtensionMonths);
  const extendedUntil = ext === null ? null : minDate(ext.until, cap);
  const capped = ext !== null && compareIsoDates(ext.until, cap) > 0;
  const deadline = extendedUntil ?? term.end;
  const daysLeft = daysBetween(asOf, deadline);
  const termEnded = compareIsoDates(asOf, term.end) > 0;

  let light: TermLight;
  if (daysLeft < 0) light = 'red';
  else if (ext !== null && termEnded) light = 'yellow';
  else if (compareIsoDates(asOf, addMonths(deadline, -terms.reminderMonths)) >= 0) light = 'yellow';
  else light = 'green';
  const secondReminder =
    light === 'yellow' && compareIsoDates(asOf, addMonths(deadline, -terms.secondReminderMonths)) >= 0;

  let reason: string;
  if (ext !== null && extendedUntil !== null) {
    const head = `经批准延期（${ext.approvalNo}），延期至${chineseDate(extendedUntil)}${
      capped ? `（批准的${chineseDate(ext.until)}超过届满后 ${terms.maxExtensionMonths} 个月的上限，按上限计算）` : ''
    }`;
    if (light === 'red') reason = `${head}，延期已届满 ${-daysLeft} 天，仍未换届`;
    else if (daysLeft === 0) reason = `${head}，延期于今日届满，尚未换届`;
    else reason = `${head}，还剩 ${daysLeft} 天，尚未换届`;
  } else if (light === 'red') {
    reason = `任期已于${chineseDate(term.end)}届满，超期 ${-daysLeft} 天，尚未换届，也没有经批准的延期`;
  } else if (daysLeft === 0) {
    reason = `任期于今日（${chineseDate(term.end)}）届满，尚未换届`;
  } else if (light === 'yellow') {
    reason = `任期将于${chineseDate(term.end)}届满，还剩 ${daysLeft} 天，尚未换届`;
  } else {
    reason = `任期至${chineseDate(term.end)}届满，还剩 ${daysLeft} 天`;
  }
  if (secondReminder && light === 'yellow')
    reason += `；已进入${ext !== null ? '延期' : ''}届满前 ${terms.secondReminderMonths} 个月，请抓紧换届`;

  return {
    applicable: true,
    organisationId: org.id,
    light,
    basis: term.basis,
    termStart: term.start,
    termEnd: term.end,
    extended: ext !== null,
    extensionApprovalNo: ext?.approvalNo ?? null,
    extendedUntil,
    deadline,
    daysLeft,
    secondReminder,
    reason,
  };
}
