/**
 * What the 工委's quarterly monitoring (季度考核) reads: the register, and for one unit at a time its
 * records, its register entry and the bundles received from it (the import log, China-time days),
 * so that the screen can score unit by unit; the published assessments and the issued profiles.
 */
import type { Assessment, EnrolledUnit } from '../../../shared/model/committee';
import type { RuleProfileRecord } from '../../../shared/model/ruleProfile';
import type { BundleArrival, UnitQuarterInput } from '../../../shared/rules/committee/monitoring';
import { dateOfInstant } from '../../../shared/rules/dates';
import type { TaizhangDb } from '../db';
import { live, ofUnit } from './live';
import { compareChinese } from '../../../shared/rules/collation';

export interface MonitoringBasis {
  /** Enrolled units (not revoked), by name. */
  readonly units: readonly EnrolledUnit[];
  readonly profiles: readonly RuleProfileRecord[];
  /** Live published assessments, any quarter. */
  readonly published: readonly Assessment[];
  /** Bundles received from each unit (unit id → arrivals), from the import log. */
  readonly arrivals: ReadonlyMap<string, readonly BundleArrival[]>;
}

export async function monitoringBasis(db: TaizhangDb): Promise<MonitoringBasis> {
  const [units, profiles, published, log] = await Promise.all([db.enrolledUnit.toArray(), db.ruleProfile.toArray(), db.assessment.toArray(), db.importLog.toArray()]);
  const arrivals = new Map<string, BundleArrival[]>();
  for (const l of log) {
    if (l.kind !== 'unit-to-committee') continue;
    const list = arrivals.get(l.senderId) ?? [];
    list.push({ bundleId: l.bundleId, receivedOn: dateOfInstant(l.at) });
    arrivals.set(l.senderId, list);
  }
  return {
    arrivals,
    units: live(units)
      .filter((u) => u.status !== 'revoked')
      .sort((a, b) => compareChinese(a.name, b.name)),
    profiles: live(profiles),
    published: live(published),
  };
}

/** One unit's input to the quarter's scores, read through the `unitId` index. */
export async function monitoringInput(db: TaizhangDb, unit: EnrolledUnit, arrivals: readonly BundleArrival[]): Promise<UnitQuarterInput> {
  const unitId = unit.unitId;
  // the unit's records, and the 工委's own about it (联系组 visits, 述职评议)
  const tables = [db.unit, db.organisation, db.election, db.committeeSeat, db.member, db.meeting, db.trainingClass, db.enrolment, db.rectification, db.supervisionVisit, db.dutyReview];
  return db.transaction('r', tables, async () => {
    const [unitRow, organisation, election, committeeSeat, member, meeting, ownClasses, enrolment, rectification, visits, reviews] = await Promise.all([
      db.unit.get(unitId),
      ofUnit(db.organisation, unitId),
      ofUnit(db.election, unitId),
      ofUnit(db.committeeSeat, unitId),
      ofUnit(db.member, unitId),
      ofUnit(db.meeting, unitId),
      ofUnit(db.trainingClass, unitId),
      ofUnit(db.enrolment, unitId),
      ofUnit(db.rectification, unitId),
      ofUnit(db.supervisionVisit, unitId),
      ofUnit(db.dutyReview, unitId),
    ]);
    // the 工委's own classes the unit's members attended or made up
    const own = new Set(ownClasses.map((c) => c.id));
    const referred = [...new Set(enrolment.flatMap((e) => [e.classId, e.makeUpOfClassId]).filter((id): id is string => id !== null && !own.has(id)))];
    const others = (await db.trainingClass.bulkGet(referred)).filter((c) => c !== undefined);
    return {
      unitId,
      name: unit.name,
      records: { unit: unitRow ? [unitRow] : [], organisation, election, committeeSeat, member, meeting, trainingClass: [...ownClasses, ...others], enrolment, rectification },
      register: { status: unit.status, enrolledOn: dateOfInstant(unit.createdAt) },
      bundles: arrivals,
      committeeRecords: { visits, reviews },
    };
  });
}
