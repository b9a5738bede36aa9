/**
 * What the reports read from Dexie: the unit's records by table, in the shape `unitReportData`
 * expects (the worker builds the snapshot from them), and the small facts the page needs.
 */
import type { UnitRecords } from '../../../shared/reports/reportData';
import { isoDate, minDate, type IsoDate } from '../../../shared/rules/dates';
import { appDatabase } from '../../db/db';
import { todayIso } from '../common/today';

/** Every table a unit report reads (live and deleted alike: `unitReportData` filters). */
export async function loadUnitRecords(): Promise<UnitRecords> {
  const db = appDatabase();
  const [unit, organisation, election, committeeSeat, member, meeting, trainingClass, enrolment, secretaryProject, rectification, fundLine, expense] =
    await Promise.all([
      db.unit.toArray(),
      db.organisation.toArray(),
      db.election.toArray(),
      db.committeeSeat.toArray(),
      db.member.toArray(),
      db.meeting.toArray(),
      db.trainingClass.toArray(),
      db.enrolment.toArray(),
      db.secretaryProject.toArray(),
      db.rectification.toArray(),
      db.fundLine.toArray(),
      db.expense.toArray(),
    ]);
  return {
    unit, organisation, election, committeeSeat, member, meeting, trainingClass, enrolment, secretaryProject, rectification, fundLine, expense,
  } as unknown as UnitRecords;
}

/** The committee's name when this unit is enrolled with one (the sync's peer row), else null. */
export async function enrolledCommitteeName(): Promise<string | null> {
  const db = appDatabase();
  try {
    const peers = await db.syncPeer.toArray();
    return peers.find((p) => p.role === 'committee')?.name ?? null;
  } catch {
    return null;
  }
}

/** 主送 when nothing else is known. */
export const DEFAULT_ADDRESSEE = '中共××市委直属机关工委';

/** The figures' day: 12月31日 of the year, or today for the year in progress. */
export function asOfFor(year: number): IsoDate {
  return minDate(isoDate(year, 12, 31), todayIso() as IsoDate);
}

/** `<单位>_<报表名>_<year>.pdf`, without the characters a file name may not hold. */
export function reportFileName(unitName: string, reportName: string, year: number): string {
  const clean = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 80);
  return `${clean(unitName)}_${clean(reportName)}_${year}.pdf`;
}
