/**
 * 联系组督导检查 as the committee reads them: every live visit with the names to show, and what has
 * been made of the follow-up items — the notices sent to the unit (by title) and the cards issued on
 * the visit (`visitId`; a card from before record schema 7: its 依据 names the visit). One unit's visits go through the `unitId` index.
 */
import type { Card, EnrolledUnit, Notice, SupervisionVisit } from '../../../shared/model/committee';
import type { TaizhangDb } from '../db';
import { live, ofUnit } from './live';
import { compareChinese } from '../../../shared/rules/collation';

export interface SupervisionRegister {
  /** Live visits, newest first. */
  readonly visits: readonly SupervisionVisit[];
  /** Enrolled units (revoked ones too: their visits stay), tombstones out, by name. */
  readonly units: readonly EnrolledUnit[];
  /** Live notices and cards of the units visited, to show which follow-up items were used. */
  readonly notices: readonly Pick<Notice, 'id' | 'unitId' | 'title' | 'issuedOn'>[];
  readonly cards: readonly Pick<Card, 'id' | 'unitId' | 'colour' | 'evidence' | 'trigger' | 'issuedOn' | 'visitId'>[];
}

const newestFirst = (a: SupervisionVisit, b: SupervisionVisit) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);

/** The committee's 督导检查 register. */
export async function supervisionRegister(db: TaizhangDb): Promise<SupervisionRegister> {
  const [visits, units] = await Promise.all([db.supervisionVisit.toArray(), db.enrolledUnit.toArray()]);
  const liveVisits = live(visits).sort(newestFirst);
  const unitIds = [...new Set(liveVisits.map((v) => v.unitId))];
  const [notices, cards] = await Promise.all([db.notice.where('unitId').anyOf(unitIds).toArray(), db.card.where('unitId').anyOf(unitIds).toArray()]);
  return {
    visits: liveVisits,
    units: live(units).sort((a, b) => compareChinese(a.name, b.name)),
    notices: live(notices),
    cards: live(cards),
  };
}

/** One unit's visits, newest first (the committee's unit context shows them read-only). */
export async function unitSupervisionVisits(db: TaizhangDb, unitId: string): Promise<SupervisionVisit[]> {
  return live(await ofUnit(db.supervisionVisit, unitId)).sort(newestFirst);
}
