/**
 * What the committee's city report reads besides each unit's records (queries/reports.ts): the
 * enrolled units (纳管单位) and whether their data has arrived, and the committee's own cards
 * (红黄牌) and quarterly assessments.
 */
import type { Assessment, Card, DutyReview } from '../../../shared/model';
import type { EnrolledUnitStatus } from '../../../shared/model/vocabulary';
import type { TaizhangDb } from '../db';
import { compareChinese } from '../../../shared/rules/collation';

export interface CityReportUnit {
  readonly id: string;
  /** The name the committee enrolled the unit under. */
  readonly name: string;
  readonly status: EnrolledUnitStatus;
  /** Its unit record has arrived (a full bundle was imported): the unit can be counted. */
  readonly hasData: boolean;
}

/** Every enrolled unit (live entries), by name. */
export async function cityReportUnits(db: TaizhangDb): Promise<CityReportUnit[]> {
  return db.transaction('r', [db.enrolledUnit, db.unit], async () => {
    const enrolled = (await db.enrolledUnit.toArray()).filter((u) => !u.deleted);
    const units = await db.unit.bulkGet(enrolled.map((u) => u.id));
    return enrolled
      .map((u, i) => {
        const unit = units[i];
        return { id: u.id, name: u.name, status: u.status, hasData: unit !== undefined && !unit.deleted };
      })
      .sort((a, b) => compareChinese(a.name, b.name));
  });
}

/** The committee's cards and assessments (all years: earlier yellow cards count for escalation). */
export async function committeeCardsAndAssessments(db: TaizhangDb): Promise<{ cards: Card[]; assessments: Assessment[]; dutyReviews: DutyReview[] }> {
  const [cards, assessments, dutyReviews] = await Promise.all([db.card.toArray(), db.assessment.toArray(), db.dutyReview.toArray()]);
  return { cards: cards.filter((c) => !c.deleted), assessments: assessments.filter((a) => !a.deleted), dutyReviews: dutyReviews.filter((r) => !r.deleted) };
}
