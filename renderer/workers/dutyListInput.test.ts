/**
 * The 三级五岗 documents' read in the PDF worker, over a committee's database (fake-indexeddb)
 * holding two units' records: each unit's read gives its own duty lists of the year only (so the
 * 工委, under 单位 → a unit, prints that unit's), and a unit without its unit record gives null.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDutyList } from '../../shared/reports/dutyList';
import { generateCity, type GeneratedUnit } from '../../test/fixtures/generator';
import { seedDatabase } from '../../test/fixtures/seedDatabase';
import { openDatabase, type TaizhangDb } from '../db/db';
import { DB_NAME } from '../db/schema';
import { readDutyListSnapshot } from './reportInputs';

const YEAR = 2026;
let db: TaizhangDb;
let units: GeneratedUnit[];

beforeAll(async () => {
  units = [...generateCity({ size: 'city', seed: 7, year: YEAR, units: 2 }).units];
  db = openDatabase(DB_NAME); // the worker opens the app's database
  await db.open();
  for (const u of units) await seedDatabase(db, u);
});

afterAll(async () => {
  db.close();
  await openDatabase(DB_NAME).delete();
});

describe('readDutyListSnapshot', () => {
  it('reads the unit in scope and its own lists of the year, never another unit’s', async () => {
    for (const u of units) {
      const data = await readDutyListSnapshot({ unitId: u.unit.id, year: YEAR, asOf: '2026-12-31', committeeName: '工委' });
      expect(data?.unit.name).toBe(u.unit.name);
      const own = (u.records.dutyList ?? []).filter((l) => !l.deleted && l.year === YEAR);
      expect(own.length).toBeGreaterThan(0);
      expect(data?.lists.map((l) => l.id).sort()).toEqual(own.map((l) => l.id).sort());
      expect(data?.lists.every((l) => l.unitId === u.unit.id)).toBe(true);
      expect(buildDutyList(data!).info?.title).toContain(u.unit.name);
    }
  });

  it('gives null without the unit record, and no lists for a year without them', async () => {
    expect(await readDutyListSnapshot({ unitId: '0190a000-0000-7000-8000-0000000000aa', year: YEAR, committeeName: '工委' })).toBeNull();
    const u = units[0]!;
    expect((await readDutyListSnapshot({ unitId: u.unit.id, year: YEAR - 3, committeeName: '工委' }))?.lists).toEqual([]);
  });
});
