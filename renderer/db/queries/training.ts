/**
 * Reads of the training records (教育培训) as one side sees them:
 *   - a unit (its own ledger, or the committee looking at it read-only): the unit's classes, the
 *     committee's classes, and the unit's enrolments;
 *   - the committee's own area: its classes and every unit's enrolments in them.
 * Tombstones are filtered; figures come from shared/rules/trainingCoverage.
 */
import type { Member } from '../../../shared/model/member';
import type { Organisation } from '../../../shared/model/organisation';
import type { Enrolment, TrainingClass } from '../../../shared/model/training';
import type { TaizhangDb } from '../db';
import { live, ofUnit } from './live';

export interface TrainingRecords {
  classes: TrainingClass[];
  enrolments: Enrolment[];
  /**
   * The committee's own area only: the units' members enrolled in its classes and the
   * organisations of their units, to name who came from where (a unit's view names its own
   * roster instead).
   */
  enrolled?: { members: Member[]; organisations: Organisation[] };
}

/** A unit's view: its classes and the committee's (`committeeId`, null before enrolment), its enrolments. */
export async function unitTraining(db: TaizhangDb, unitId: string, committeeId: string | null): Promise<TrainingRecords> {
  const owners = committeeId && committeeId !== unitId ? [unitId, committeeId] : [unitId];
  const [classes, enrolments] = await Promise.all([db.trainingClass.where('unitId').anyOf(owners).toArray(), ofUnit(db.enrolment, unitId)]);
  return { classes: live(classes), enrolments: live(enrolments) };
}

/** The committee's own area: its classes and the enrolments of every unit in them. */
export async function committeeTraining(db: TaizhangDb, committeeId: string): Promise<TrainingRecords> {
  const classes = live(await ofUnit(db.trainingClass, committeeId));
  const enrolments = live(classes.length === 0 ? [] : await db.enrolment.where('classId').anyOf(classes.map((c) => c.id)).toArray());
  const memberIds = [...new Set(enrolments.map((e) => e.memberId))];
  const unitIds = [...new Set(enrolments.map((e) => e.unitId))];
  const [members, organisations] = await Promise.all([
    db.member.bulkGet(memberIds),
    unitIds.length === 0 ? [] : db.organisation.where('unitId').anyOf(unitIds).toArray(),
  ]);
  return {
    classes,
    enrolments,
    enrolled: { members: live(members.filter((m) => m !== undefined)), organisations: live(organisations) },
  };
}

/** The training records a scope sees: the committee's own area (`unitId` is the committee's id), else the unit's ledger. */
export function scopeTraining(db: TaizhangDb, unitId: string, committeeId: string | null): Promise<TrainingRecords> {
  return unitId === committeeId ? committeeTraining(db, unitId) : unitTraining(db, unitId, committeeId);
}
