/**
 * 亮牌 → 依据的督导检查: the visits a card can be issued on — the 联系组's visits to the card's unit,
 * deleted ones out, newest first — named by date and way (2026年12月1日座谈) and, since one day can
 * have two visits of one way, the 联系组 members.
 */
import type { SupervisionVisit } from '../../../shared/model/committee';
import { visitName } from '../../../shared/rules/committee/supervisionVisits';

export interface VisitChoice {
  readonly value: string;
  readonly label: string;
}

export function visitChoicesForCard(visits: readonly SupervisionVisit[], unitId: string | null | undefined): VisitChoice[] {
  if (!unitId) return [];
  return visits
    .filter((v) => v.unitId === unitId && !v.deleted)
    .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt))
    .map((v) => ({ value: v.id, label: v.visitors.trim() ? `${visitName(v)} · ${v.visitors.trim()}` : visitName(v) }));
}
