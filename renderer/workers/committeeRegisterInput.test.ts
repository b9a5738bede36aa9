/**
 * The committee registers' reads in the PDF worker, over a committee's database (fake-indexeddb)
 * with two enrolled units, their cards and published quarters: the year view is the one the
 * 年度考核参考 page computes, the card register names each card's unit and organisation, and both
 * build into PDFs signed with the committee's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolledUnit } from '../../shared/model';
import { buildCardRegisterReport, buildYearViewReport } from '../../shared/reports/committeeRegisters';
import { unitReportData } from '../../shared/reports/reportData';
import { yearView } from '../../shared/rules/committee/monitoring';
import { generateCity, type GeneratedUnit } from '../../test/fixtures/generator';
import { seedDatabase } from '../../test/fixtures/seedDatabase';
import { committeeRecords } from '../../test/reports/reportFixtures';
import { openDatabase, type TaizhangDb } from '../db/db';
import { DB_NAME } from '../db/schema';
import { cardRegisterInput, yearViewInput } from './reportInputs';

const YEAR = 2026;
let db: TaizhangDb;
let units: GeneratedUnit[];
let records: ReturnType<typeof committeeRecords>;

const enrolled = (id: string, name: string): EnrolledUnit => ({
  id,
  unitId: id,
  rev: '0000000000000-0000-committee',
  deleted: false,
  updatedBy: '工委',
  createdAt: '2026-01-05T00:00:00.000Z',
  name,
  publicKey: null,
  status: 'active',
  revokedAt: null,
});

beforeAll(async () => {
  units = [...generateCity({ size: 'city', seed: 9, year: YEAR, units: 4 }).units];
  db = openDatabase(DB_NAME); // the worker opens the app's database
  await db.open();
  for (const u of units) {
    await seedDatabase(db, u);
    await db.enrolledUnit.put(enrolled(u.unit.id, u.unit.name));
  }
  const data = units.map((u) => unitReportData(u.records, { unitId: u.unit.id, year: YEAR, committeeName: '工委' })!);
  records = committeeRecords(data);
  await db.card.bulkPut(records.cards);
  await db.assessment.bulkPut(records.assessments);
});

afterAll(async () => {
  db.close();
  await openDatabase(DB_NAME).delete();
});

describe('committee registers in the worker', () => {
  it('reads the year view the page shows, and builds it', async () => {
    const { view } = await yearViewInput(YEAR);
    const names = units.map((u) => ({ unitId: u.unit.id, name: u.unit.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
    expect(view).toEqual(yearView(records.assessments, YEAR, names));
    expect(view.units.every((u) => u.average !== null)).toBe(true);
    expect(buildYearViewReport(view, { committeeName: '中共某市委直属机关工委', asOf: '2026-12-31' }).info?.title).toContain('2026年度机关党建季度考核汇总表');
  });

  it('reads every card with its unit’s and organisation’s names', async () => {
    const { input } = await cardRegisterInput();
    expect(input.cards.map((c) => c.id).sort()).toEqual(records.cards.map((c) => c.id).sort());
    for (const c of input.cards) {
      expect(input.unitNames.get(c.unitId)).toBe(units.find((u) => u.unit.id === c.unitId)?.unit.name);
      if (c.subjectKind === 'organisation') expect(input.organisationNames.get(c.subjectId)).toBeTruthy();
    }
    expect(buildCardRegisterReport(input, { committeeName: '中共某市委直属机关工委', asOf: '2026-12-31' }).info?.title).toBe('中共某市委直属机关工委红黄牌台账');
  });
});
