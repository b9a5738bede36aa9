/**
 * The 督导检查 page's rows: each visit with its unit's name, its findings and follow-up items read
 * back from the stored text, and what was made of each item (a notice sent to the unit, cards issued
 * on the visit — `visitId`, or for an older card its 依据 naming the visit); the filters (year, unit, search by unit name — pinyin too — people, kind,
 * findings or items) and the years to offer.
 */
import type { SupervisionVisit } from '../../../shared/model/committee';
import { SUPERVISION_VISIT_KIND_LABELS } from '../../../shared/model/vocabulary';
import { parseFindings, rectificationNotice, visitReference } from '../../../shared/rules/committee/supervisionVisits';
import type { SupervisionRegister } from '../../db/queries/supervision';
import { matchesName, nameKey, type NameKey } from '../common/nameSearch';

export interface FollowUpRow {
  readonly text: string;
  /** The notice that sent this item to the unit (its 发布日期), or null. */
  readonly sentOn: string | null;
  /** Whether a card issued on the visit has this item in its 依据. */
  readonly carded: boolean;
}

export interface VisitRow {
  readonly visit: SupervisionVisit;
  readonly unitName: string;
  readonly unitKey: NameKey;
  /** Whether cards and notices can go to the unit (enrolled and active: its first bundle confirmed). */
  readonly unitActive: boolean;
  readonly findings: string;
  readonly followUps: readonly FollowUpRow[];
  /** Cards issued on this visit (`visitId`; an older card: its 依据 names the visit). */
  readonly cardCount: number;
}

export function visitRows(register: SupervisionRegister): VisitRow[] {
  const units = new Map(register.units.map((u) => [u.unitId, u] as const));
  const keys = new Map<string, NameKey>();
  return register.visits.map((visit) => {
    const unit = units.get(visit.unitId);
    const unitName = unit?.name ?? '（已移出名册的单位）';
    if (!keys.has(unitName)) keys.set(unitName, nameKey(unitName));
    const { findings, followUps } = parseFindings(visit.findings);
    const notices = register.notices.filter((n) => n.unitId === visit.unitId);
    const reference = visitReference(visit);
    // issued on this visit (record schema 7), or — a card without the link — its 依据 names the visit
    const cards = register.cards.filter((c) => c.unitId === visit.unitId && (c.visitId !== undefined ? c.visitId === visit.id : c.evidence.includes(reference)));
    return {
      visit,
      unitName,
      unitKey: keys.get(unitName)!,
      unitActive: unit?.status === 'active',
      findings,
      followUps: followUps.map((text) => {
        const title = rectificationNotice(visit, text).title;
        const sent = notices.filter((n) => n.title === title).sort((a, b) => a.issuedOn.localeCompare(b.issuedOn))[0];
        return { text, sentOn: sent?.issuedOn ?? null, carded: cards.some((c) => c.evidence.includes(`整改要求：${text}`)) };
      }),
      cardCount: cards.length,
    };
  });
}

export interface VisitFilter {
  /** null: every year */
  readonly year: number | null;
  /** null: every unit */
  readonly unitId: string | null;
  readonly search: string;
}

/** The rows a filter keeps, in their order. */
export function filterVisitRows(rows: readonly VisitRow[], filter: VisitFilter): VisitRow[] {
  const q = filter.search.trim();
  return rows.filter((r) => {
    if (filter.year !== null && Number(r.visit.date.slice(0, 4)) !== filter.year) return false;
    if (filter.unitId !== null && r.visit.unitId !== filter.unitId) return false;
    if (q === '') return true;
    return (
      matchesName(r.unitKey, q) ||
      r.visit.visitors.includes(q) ||
      SUPERVISION_VISIT_KIND_LABELS[r.visit.kind] === q ||
      r.findings.includes(q) ||
      r.followUps.some((f) => f.text.includes(q))
    );
  });
}

/** The years to offer: this year, the two before, and every year a visit has, newest first. */
export function visitYears(rows: readonly VisitRow[], thisYear: number): number[] {
  const years = new Set([thisYear, thisYear - 1, thisYear - 2, ...rows.map((r) => Number(r.visit.date.slice(0, 4)))]);
  return [...years].sort((a, b) => b - a);
}
