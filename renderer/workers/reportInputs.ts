/**
 * What the PDF worker reads for a report, through its own Dexie connection to the app's database:
 * a unit's snapshot (the annual one computed once, by prepare-annual, and kept for the 生成 that
 * follows), a sign-in sheet's smaller one (the unit, its organisations and members, the one meeting
 * or class), and the city report's input, reduced unit by unit so that the city's records are
 * never held at once.
 */
import { cityUnit, type CityReportInput, type CityUnit } from '../../shared/reports/cityReport';
import type { CardRegisterInput } from '../../shared/reports/committeeRegisters';
import { dutyListReportData, type DutyListReportData } from '../../shared/reports/dutyList';
import { yearView, type YearView } from '../../shared/rules/committee/monitoring';
import type { QuarterScorePrint } from '../../shared/reports/quarterScoreReport';
import { computeAnnualFigures, unitReportData, type AnnualFigures, type UnitRecords, type UnitReportData } from '../../shared/reports/reportData';
import { openDatabase, type TaizhangDb } from '../db/db';
import { cityReportUnits, committeeCardsAndAssessments } from '../db/queries/cityReports';
import { cardRegister } from '../db/queries/accountability';
import { monitoringBasis } from '../db/queries/monitoring';
import { loadUnitRecords, reportCommitteeName } from '../db/queries/reports';
import type { CityJob, UnitSnapshot } from './pdfProtocol';
import type { IsoDate } from '../../shared/rules/dates';
import { quarterScorePrint } from './quarterScoresInput';
import { compareChinese } from '../../shared/rules/collation';

let db: TaizhangDb | null = null;

function database(): TaizhangDb {
  db ??= openDatabase();
  return db;
}

export const NO_UNIT_RECORD = '没有找到该单位的基本信息：单位端请先在“设置”中完成单位信息；工委端请先导入该单位的完整同步包。';

/** The unit's snapshot, or null without its unit record. */
export async function readSnapshot(options: UnitSnapshot): Promise<UnitReportData | null> {
  return unitReportData(await loadUnitRecords(database(), options.unitId), options);
}

/** What a sign-in sheet is of: a meeting, or a training class. */
export type SignInOf = { readonly meetingId: string } | { readonly classId: string };

/**
 * The snapshot a sign-in sheet needs, or null without the unit record: the unit, its organisations
 * and members, and the one meeting or training class with the unit's enrolments — not the year's
 * other records (the largest unit's meetings alone are 13 MB). `signInSheetForMeeting` and
 * `signInSheetForTraining` read nothing else, so the sheet is the one the full snapshot gives
 * (reportInputs.test.ts compares them).
 */
export async function readSignInSnapshot(options: UnitSnapshot, of: SignInOf): Promise<UnitReportData | null> {
  const db = database();
  const { unitId } = options;
  const records: UnitRecords =
    'meetingId' in of
      ? await db.transaction('r', [db.unit, db.organisation, db.member, db.meeting], async () => {
          const [unit, organisation, member, meeting] = await Promise.all([
            db.unit.get(unitId),
            db.organisation.where('unitId').equals(unitId).toArray(),
            db.member.where('unitId').equals(unitId).toArray(),
            db.meeting.get(of.meetingId),
          ]);
          return { unit: unit === undefined ? [] : [unit], organisation, member, meeting: meeting === undefined ? [] : [meeting] };
        })
      : await db.transaction('r', [db.unit, db.organisation, db.member, db.trainingClass, db.enrolment], async () => {
          const [unit, organisation, member, trainingClass, enrolment] = await Promise.all([
            db.unit.get(unitId),
            db.organisation.where('unitId').equals(unitId).toArray(),
            db.member.where('unitId').equals(unitId).toArray(),
            db.trainingClass.get(of.classId), // the unit's own or the committee's: unitReportData keeps it when the unit's or attended
            db.enrolment.where('unitId').equals(unitId).toArray(),
          ]);
          return { unit: unit === undefined ? [] : [unit], organisation, member, trainingClass: trainingClass === undefined ? [] : [trainingClass], enrolment };
        });
  return unitReportData(records, options);
}

/**
 * What the 三级五岗 documents read, or null without the unit record: the unit and its duty lists
 * (by the `unitId` index: under the 工委's 单位 → a unit, that unit's only), not the year's other records.
 */
export async function readDutyListSnapshot(options: UnitSnapshot): Promise<DutyListReportData | null> {
  const db = database();
  const { unitId } = options;
  const records = await db.transaction('r', [db.unit, db.dutyList], async () => {
    const [unit, dutyList] = await Promise.all([db.unit.get(unitId), db.dutyList.where('unitId').equals(unitId).toArray()]);
    return { unit: unit === undefined ? [] : [unit], dutyList };
  });
  return dutyListReportData(records, { unitId, year: options.year, ...(options.asOf !== undefined ? { asOf: options.asOf } : {}) });
}

export interface AnnualSnapshot {
  readonly data: UnitReportData;
  readonly figures: AnnualFigures;
}

/** The last annual snapshot computed, and the request it answers. */
let kept: { readonly key: string; readonly snapshot: AnnualSnapshot } | null = null;

/**
 * The annual snapshot of `options`: the one prepare-annual computed when it answers the same
 * unit, year, day and profile, else read and computed now (and kept). `fresh` reads again whatever
 * is kept. 主送 (`committeeName`) is no part of the figures: a changed 主送 keeps the snapshot.
 */
export async function annualSnapshot(options: UnitSnapshot, fresh: boolean): Promise<AnnualSnapshot | null> {
  const { committeeName, ...figuresOf } = options;
  const key = JSON.stringify(figuresOf);
  if (!fresh && kept?.key === key) return { data: { ...kept.snapshot.data, committeeName }, figures: kept.snapshot.figures };
  kept = null;
  const data = await readSnapshot(options);
  if (data === null) return null;
  const snapshot = { data, figures: computeAnnualFigures(data) };
  kept = { key, snapshot };
  return snapshot;
}

/** The city report's input: every enrolled unit with data, each reduced to its figures in turn. */
export async function cityInput(job: CityJob, progress: (fraction: number) => void): Promise<CityReportInput> {
  const { year, asOf, profile, committeeName } = job;
  kept = null; // one unit's snapshot at a time from here on
  const enrolled = (await cityReportUnits(database())).filter((u) => u.hasData);
  if (enrolled.length === 0) throw new Error('还没有任何单位的数据：请先在“同步”中导入各单位报送的同步包，再生成全市汇总。');
  const units: CityUnit[] = [];
  for (const [i, u] of enrolled.entries()) {
    try {
      const data = unitReportData(await loadUnitRecords(database(), u.id), { unitId: u.id, year, asOf, committeeName, profile });
      if (data !== null) units.push(cityUnit(data));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new Error(`单位“${u.name}”的数据无法汇总（${reason}）。请在“单位”中查看该单位的数据，或请该单位重新报送完整同步包。`);
    }
    progress((i + 1) / enrolled.length);
  }
  units.sort((a, b) => compareChinese(a.name, b.name));
  const { cards, assessments, dutyReviews } = await committeeCardsAndAssessments(database());
  return { committeeName, addressee: job.addressee, year, asOf, profile, units, cards, assessments, dutyReviews };
}

/** The committee's name for a register's 落款 (its workspace's name), or the placeholder. */
async function committeeName(): Promise<string> {
  return (await reportCommitteeName(database())) ?? '中共××市委直属机关工委';
}

/** The 季度考核汇总表's view of `year`: the published quarters of every enrolled unit, as 年度考核参考 shows them. */
export async function yearViewInput(year: number): Promise<{ readonly view: YearView; readonly committeeName: string }> {
  const basis = await monitoringBasis(database());
  return { view: yearView(basis.published, year, basis.units.map((u) => ({ unitId: u.unitId, name: u.name }))), committeeName: await committeeName() };
}

/** The 季度考核计分表 of `quarter`: published if it was, else the live preview computed on `today` (quarterScoresInput.ts). */
export async function quarterScoresInput(quarter: string, today: IsoDate, progress: (fraction: number) => void): Promise<{ readonly print: QuarterScorePrint; readonly committeeName: string }> {
  return { print: await quarterScorePrint(database(), quarter, today, progress), committeeName: await committeeName() };
}

/** The 红黄牌台账's input: the cards, the units' items answering them, the names, as the register page reads them. */
export async function cardRegisterInput(): Promise<{ readonly input: CardRegisterInput; readonly committeeName: string }> {
  const register = await cardRegister(database());
  const unitNames = new Map(register.units.map((u) => [u.unitId, u.name] as const));
  return { input: { cards: register.cards, answers: register.answers, unitNames, organisationNames: register.organisationNames }, committeeName: await committeeName() };
}
