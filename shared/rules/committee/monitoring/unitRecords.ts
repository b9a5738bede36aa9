/**
 * The records of ONE unit that the monitoring reads, as the 工委 holds them after importing the
 * unit's bundles: tombstones (deleted) and other units' records are left out. Training classes
 * follow buildUnitSummary: the unit's own and any class its enrolments refer to (a 工委 class).
 */
import type { CommitteeSeat, Election, Enrolment, Meeting, Member, Organisation, TrainingClass, Unit } from '../../../model';
import type { RectificationStatus } from '../../../model/vocabulary';
import type { IsoDate, IsoInstant } from '../../dates';

/** The fields of a rectification (整改事项) record the monitoring reads. */
export interface RectificationRecord {
  readonly id: string;
  readonly unitId: string;
  readonly deleted: boolean;
  readonly createdAt: IsoInstant;
  readonly problem: string;
  readonly status: RectificationStatus;
  readonly deadline: IsoDate | null;
  readonly closedOn: IsoDate | null;
}

/** One unit's tables (any may be absent; records of other units are ignored). */
export interface MonitoringRecords {
  readonly unit?: readonly Unit[];
  readonly organisation?: readonly Organisation[];
  readonly election?: readonly Election[];
  readonly committeeSeat?: readonly CommitteeSeat[];
  readonly member?: readonly Member[];
  readonly meeting?: readonly Meeting[];
  readonly trainingClass?: readonly TrainingClass[];
  readonly enrolment?: readonly Enrolment[];
  readonly rectification?: readonly RectificationRecord[];
}

export interface LiveUnitRecords {
  readonly unit: Unit | null;
  readonly organisations: readonly Organisation[];
  readonly elections: readonly Election[];
  readonly seats: readonly CommitteeSeat[];
  readonly members: readonly Member[];
  readonly meetings: readonly Meeting[];
  readonly classes: readonly TrainingClass[];
  readonly enrolments: readonly Enrolment[];
  readonly rectifications: readonly RectificationRecord[];
}

export function liveUnitRecords(records: MonitoringRecords, unitId: string): LiveUnitRecords {
  const own = <T extends { readonly deleted: boolean; readonly unitId: string }>(rows: readonly T[] | undefined): T[] =>
    (rows ?? []).filter((r) => !r.deleted && r.unitId === unitId);
  const enrolments = own(records.enrolment);
  const referred = new Set(enrolments.flatMap((e) => (e.makeUpOfClassId === null ? [e.classId] : [e.classId, e.makeUpOfClassId])));
  return {
    unit: own(records.unit).find((u) => u.id === unitId) ?? null,
    organisations: own(records.organisation),
    elections: own(records.election),
    seats: own(records.committeeSeat),
    members: own(records.member),
    meetings: own(records.meeting),
    classes: (records.trainingClass ?? []).filter((c) => !c.deleted && (c.unitId === unitId || referred.has(c.id))),
    enrolments,
    rectifications: own(records.rectification),
  };
}
