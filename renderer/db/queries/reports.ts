/**
 * What a unit's reports read, scoped to one unit by the `unitId` index: the committee's database
 * holds every enrolled unit's records and a report is about one of them. Rows come as stored
 * (tombstones included): `unitReportData` keeps the live ones.
 *
 * Training classes: a unit's members also attend the committee's classes (organiser 工委), whose
 * `unitId` is the committee's. The unit's enrolments name them (`classId`, `makeUpOfClassId`), so
 * those classes are read by id and added: coverage and hours count them as the unit's screens do.
 */
import type { Meeting, Organisation, TrainingClass } from '../../../shared/model';
import type { UnitRecords } from '../../../shared/reports/reportData';
import type { TaizhangDb } from '../db';
import type { ReportDraftRow } from '../localTypes';

/** Classes the unit's enrolments refer to that are not the unit's own (the committee's classes). */
async function referencedClasses(db: TaizhangDb, own: readonly TrainingClass[], enrolments: UnitRecords['enrolment']): Promise<TrainingClass[]> {
  const have = new Set(own.map((c) => c.id));
  const wanted = new Set<string>();
  for (const e of enrolments ?? []) {
    if (!have.has(e.classId)) wanted.add(e.classId);
    if (e.makeUpOfClassId !== null && !have.has(e.makeUpOfClassId)) wanted.add(e.makeUpOfClassId);
  }
  if (wanted.size === 0) return [];
  const found = await db.trainingClass.bulkGet([...wanted]);
  return found.filter((c): c is TrainingClass => c !== undefined);
}

/** Every table a unit report reads, for one unit (live and deleted alike: `unitReportData` filters). */
export async function loadUnitRecords(db: TaizhangDb, unitId: string): Promise<UnitRecords> {
  const tables = [db.unit, db.organisation, db.election, db.committeeSeat, db.member, db.meeting, db.trainingClass, db.enrolment, db.secretaryProject, db.rectification, db.fundLine, db.expense, db.dutyList, db.careVisit, db.commendation, db.publicity, db.cadreExchange, db.card, db.dutyReview, db.assessment, db.projectRating];
  return db.transaction('r', tables, async () => {
    const [unit, organisation, election, committeeSeat, member, meeting, ownClasses, enrolment, secretaryProject, rectification, fundLine, expense, dutyList, careVisit, commendation, publicity, cadreExchange, card, dutyReview, assessment, projectRating] = await Promise.all([
      db.unit.get(unitId),
      db.organisation.where('unitId').equals(unitId).toArray(),
      db.election.where('unitId').equals(unitId).toArray(),
      db.committeeSeat.where('unitId').equals(unitId).toArray(),
      db.member.where('unitId').equals(unitId).toArray(),
      db.meeting.where('unitId').equals(unitId).toArray(),
      db.trainingClass.where('unitId').equals(unitId).toArray(),
      db.enrolment.where('unitId').equals(unitId).toArray(),
      db.secretaryProject.where('unitId').equals(unitId).toArray(),
      db.rectification.where('unitId').equals(unitId).toArray(),
      db.fundLine.where('unitId').equals(unitId).toArray(),
      db.expense.where('unitId').equals(unitId).toArray(),
      db.dutyList.where('unitId').equals(unitId).toArray(),
      db.careVisit.where('unitId').equals(unitId).toArray(),
      db.commendation.where('unitId').equals(unitId).toArray(),
      db.publicity.where('unitId').equals(unitId).toArray(),
      db.cadreExchange.where('unitId').equals(unitId).toArray(),
      db.card.where('unitId').equals(unitId).toArray(),
      db.dutyReview.where('unitId').equals(unitId).toArray(),
      db.assessment.where('unitId').equals(unitId).toArray(),
      db.projectRating.where('unitId').equals(unitId).toArray(),
    ]);
    const trainingClass = [...ownClasses, ...(await referencedClasses(db, ownClasses, enrolment))];
    return {
      unit: unit === undefined ? [] : [unit],
      organisation,
      election,
      committeeSeat,
      member,
      meeting,
      trainingClass,
      enrolment,
      secretaryProject,
      rectification,
      fundLine,
      expense,
      dutyList,
      careVisit,
      commendation,
      publicity,
      cadreExchange,
      card,
      dutyReview,
      assessment,
      projectRating,
    };
  });
}

/** The committee's name when this unit is enrolled with one (the sync's peer row), else null. */
export async function enrolledCommitteeName(db: TaizhangDb): Promise<string | null> {
  const peers = await db.syncPeer.toArray();
  return peers.find((p) => p.role === 'committee')?.name ?? null;
}

/**
 * 主送 of a unit's report by default: in the committee's workspace the committee itself (it reads
 * a unit's report as the unit would send it), in a unit's the committee it is enrolled with.
 */
export async function reportCommitteeName(db: TaizhangDb): Promise<string | null> {
  const workspace = await db.workspace.get('workspace');
  if (workspace?.mode === 'committee') return workspace.name;
  return enrolledCommitteeName(db);
}

/** What the report panels offer to choose from, for one unit and year (live records only). */
export interface ReportChoices {
  /** The unit's name (its unit record), or null before the unit record exists. */
  readonly unitName: string | null;
  readonly organisations: readonly Organisation[];
  /** Meetings of the year, newest first. */
  readonly meetings: readonly Meeting[];
  /** Classes of the year the unit organised or its members were enrolled in, by start date. */
  readonly classes: readonly TrainingClass[];
  /** Members on the unit's roster records (live), for the audit note of a full roster export. */
  readonly members: number;
}

export async function reportChoices(db: TaizhangDb, unitId: string, year: number): Promise<ReportChoices> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return db.transaction('r', [db.unit, db.organisation, db.meeting, db.trainingClass, db.enrolment, db.member], async () => {
    const [unit, organisations, meetings, ownClasses, enrolments, members] = await Promise.all([
      db.unit.get(unitId),
      db.organisation.where('unitId').equals(unitId).toArray(),
      db.meeting.where('[unitId+date]').between([unitId, from], [unitId, to], true, true).toArray(),
      db.trainingClass.where('unitId').equals(unitId).toArray(),
      db.enrolment.where('unitId').equals(unitId).toArray(),
      db.member.where('unitId').equals(unitId).filter((m) => !m.deleted).count(),
    ]);
    const classes = [...ownClasses, ...(await referencedClasses(db, ownClasses, enrolments))];
    return {
      unitName: unit !== undefined && !unit.deleted ? unit.name : null,
      organisations: organisations.filter((o) => !o.deleted),
      meetings: meetings.filter((m) => !m.deleted).sort((a, b) => b.date.localeCompare(a.date)),
      classes: classes.filter((c) => !c.deleted && c.startDate >= from && c.startDate <= to).sort((a, b) => a.startDate.localeCompare(b.startDate)),
      members,
    };
  });
}

/** Versions of a unit's annual-report drafts for a year (db/reportDraftRepository writes them), oldest first. */
export async function reportDraftVersions(db: TaizhangDb, unitId: string, year: number): Promise<ReportDraftRow[]> {
  return db.reportDrafts.where('[unitId+year]').equals([unitId, year]).sortBy('seq');
}

/** The version in use: the newest, or undefined when nothing was saved yet (the defaults apply). */
export async function latestReportDraft(db: TaizhangDb, unitId: string, year: number): Promise<ReportDraftRow | undefined> {
  return (await reportDraftVersions(db, unitId, year)).at(-1);
}
