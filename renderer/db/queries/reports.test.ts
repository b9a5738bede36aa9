/**
 * The report loader over a committee's database holding two units' records (the synthetic city)
 * and one class of the committee that only the first unit's members attended: each unit's load
 * holds its own records and no other unit's, plus the committee classes its enrolments name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enrolment, TrainingClass } from '../../../shared/model';
import { computeAnnualFigures, unitReportData, type UnitRecords } from '../../../shared/reports/reportData';
import { generateCity, type GeneratedUnit } from '../../../test/fixtures/generator';
import { seedDatabase } from '../../../test/fixtures/seedDatabase';
import { openDatabase, type TaizhangDb } from '../db';
import { enrolledCommitteeName, loadUnitRecords, reportChoices, reportCommitteeName } from './reports';

const YEAR = 2026;
const COMMITTEE_ID = '0190a000-0000-7000-8000-00000000c0de';

let db: TaizhangDb;
let a: GeneratedUnit;
let b: GeneratedUnit;
let committeeClass: TrainingClass;

beforeAll(async () => {
  const city = generateCity({ size: 'city', seed: 3, year: YEAR, units: 2 });
  [a, b] = city.units as [GeneratedUnit, GeneratedUnit];
  db = openDatabase('test-report-queries');
  await db.open();
  await seedDatabase(db, a);
  await seedDatabase(db, b);
  // a class the committee organised (its own unitId), attended by one of unit A's members
  const template = a.records.trainingClass?.find((c) => c.startDate.startsWith(`${YEAR}-`));
  const enrolment = a.records.enrolment?.[0];
  if (template === undefined || enrolment === undefined) throw new Error('fixture unit without classes or enrolments');
  committeeClass = { ...template, id: '0190a000-0000-7000-8000-0000000c1a55', unitId: COMMITTEE_ID, organiser: 'committee', title: '工委示范培训班' };
  const attended: Enrolment = { ...enrolment, id: '0190a000-0000-7000-8000-0000000e0001', classId: committeeClass.id, status: 'attended', makeUpOfClassId: null };
  await db.trainingClass.put(committeeClass);
  await db.enrolment.put(attended);
});

afterAll(async () => {
  await db.delete();
});

/** Every row of every table, with its table, for the checks below. */
function rows(records: UnitRecords): { table: string; id: string; unitId: string }[] {
  return Object.entries(records).flatMap(([table, list]: [string, readonly { id: string; unitId: string }[] | undefined]) =>
    (list ?? []).map((r) => ({ table, id: r.id, unitId: r.unitId })),
  );
}

describe('loadUnitRecords', () => {
  it('holds only the unit’s own records, and the committee classes its enrolments name', async () => {
    const records = await loadUnitRecords(db, a.unit.id);
    const foreign = rows(records).filter((r) => r.unitId !== a.unit.id);
    expect(foreign).toEqual([{ table: 'trainingClass', id: committeeClass.id, unitId: COMMITTEE_ID }]);
    const bIds = new Set(rows(b.records).map((r) => r.id));
    expect(rows(records).filter((r) => bIds.has(r.id))).toEqual([]);
    expect(records.member).toHaveLength(a.records.member?.length ?? 0);
    expect(records.meeting).toHaveLength(a.records.meeting?.length ?? 0);
    expect(records.enrolment).toHaveLength((a.records.enrolment?.length ?? 0) + 1);
    expect(records.unit?.map((u) => u.name)).toEqual([a.unit.name]);
    // the 三级五岗 lists too: the annual report states them
    expect(records.dutyList?.length).toBeGreaterThan(0);
    expect(records.dutyList).toHaveLength(a.records.dutyList?.length ?? 0);
  });

  it('the other unit sees none of it, not even the committee class its members did not attend', async () => {
    const records = await loadUnitRecords(db, b.unit.id);
    expect(rows(records).every((r) => r.unitId === b.unit.id)).toBe(true);
    expect(records.member).toHaveLength(b.records.member?.length ?? 0);
    expect(records.trainingClass?.some((c) => c.id === committeeClass.id)).toBe(false);
  });

  it('the unit’s report counts the committee class it attended', async () => {
    const data = unitReportData(await loadUnitRecords(db, a.unit.id), { unitId: a.unit.id, year: YEAR, committeeName: '工委' });
    expect(data?.trainingClasses.some((c) => c.id === committeeClass.id)).toBe(true);
    expect(data === null ? null : computeAnnualFigures(data).trainingHours.classes.committee).toBe(1);
    expect(data === null ? null : computeAnnualFigures(data).dutyList.posts).toBe(a.records.dutyList?.filter((l) => !l.deleted && l.year === YEAR).length);
    const other = unitReportData(await loadUnitRecords(db, b.unit.id), { unitId: b.unit.id, year: YEAR, committeeName: '工委' });
    expect(other === null ? null : computeAnnualFigures(other).trainingHours.classes.committee).toBe(0);
  });

  it('a unit that has sent nothing has no records (and no unit record: its report says so)', async () => {
    const records = await loadUnitRecords(db, '0190a000-0000-7000-8000-00000000beef');
    expect(rows(records)).toEqual([]);
    expect(unitReportData(records, { unitId: '0190a000-0000-7000-8000-00000000beef', year: YEAR, committeeName: '工委' })).toBeNull();
  });
});

describe('reportChoices', () => {
  it('offers the unit’s organisations, its meetings of the year and the classes it took part in', async () => {
    const choices = await reportChoices(db, a.unit.id, YEAR);
    expect(choices.unitName).toBe(a.unit.name);
    expect(choices.organisations.length).toBeGreaterThan(0);
    expect(choices.organisations.every((o) => o.unitId === a.unit.id)).toBe(true);
    expect(choices.meetings.length).toBeGreaterThan(0);
    expect(choices.meetings.every((m) => m.unitId === a.unit.id && m.date.startsWith(`${YEAR}-`))).toBe(true);
    expect(choices.classes.map((c) => c.id)).toContain(committeeClass.id);
    expect(choices.classes.every((c) => c.unitId === a.unit.id || c.id === committeeClass.id)).toBe(true);
    expect(choices.members).toBe(a.records.member?.filter((m) => !m.deleted).length);
    const other = await reportChoices(db, b.unit.id, YEAR);
    expect(other.classes.map((c) => c.id)).not.toContain(committeeClass.id);
    expect(other.organisations.every((o) => o.unitId === b.unit.id)).toBe(true);
  });
});

describe('enrolledCommitteeName', () => {
  it('is the committee peer’s name, or null before enrolment', async () => {
    expect(await enrolledCommitteeName(db)).toBeNull();
    await db.syncPeer.put({ peerId: COMMITTEE_ID, role: 'committee', name: '中共示范市委直属机关工委', signingPublicKey: null, encryptionPublicKey: null, deviceId: null, enrolledAt: '2026-01-05T00:00:00.000Z', sent: [], lastReceipt: null, lastBundle: null });
    expect(await enrolledCommitteeName(db)).toBe('中共示范市委直属机关工委');
    expect(await reportCommitteeName(db)).toBe('中共示范市委直属机关工委');
  });

  it('in the committee’s own workspace, the report is addressed to the committee itself', async () => {
    await db.workspace.put({ key: 'workspace', mode: 'committee', ownerId: COMMITTEE_ID, name: '中共某市委直属机关工委', creditCode: null, staffCount: null, partyGroupKind: null, operatorName: '', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(await reportCommitteeName(db)).toBe('中共某市委直属机关工委');
  });
});
