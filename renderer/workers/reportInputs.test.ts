/**
 * What the PDF worker reads, over a committee's database (fake-indexeddb) with two units that sent
 * their data and one that has not: the city input counts the two, each reduced to the same figures
 * as its full snapshot gives; the annual snapshot is computed once and kept for 生成; a sign-in
 * sheet's smaller read gives the sheet the full snapshot gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolledUnit } from '../../shared/model';
import { cityUnit } from '../../shared/reports/cityReport';
import { unitReportData } from '../../shared/reports/reportData';
import { signInSheetForMeeting, signInSheetForTraining } from '../../shared/reports/signInSheet';
import { NATIONAL_PROFILE_V1 } from '../../shared/rules/profile';
import { generateCity, type GeneratedUnit } from '../../test/fixtures/generator';
import { seedDatabase } from '../../test/fixtures/seedDatabase';
import { openDatabase, type TaizhangDb } from '../db/db';
import { DB_NAME } from '../db/schema';
import type { CityJob } from './pdfProtocol';
import { annualSnapshot, cityInput, readSignInSnapshot, readSnapshot } from './reportInputs';

const YEAR = 2026;
let db: TaizhangDb;
let units: GeneratedUnit[];

const enrolled = (id: string, name: string): EnrolledUnit => ({
  id,
  unitId: id,
  rev: '0000000000000-0000-committee',
  deleted: false,
  updatedBy: '工委',
  createdAt: '2026-01-05T00:00:00.000Z',
  name,
  publicKey: null,
  status: 'invited',
  revokedAt: null,
});

const JOB: CityJob = { kind: 'city', committeeName: '中共某市委直属机关工委', addressee: '中共某市委', year: YEAR, asOf: '2026-12-31', date: '2027-01-10', profile: NATIONAL_PROFILE_V1 };

beforeAll(async () => {
  units = [...generateCity({ size: 'city', seed: 5, year: YEAR, units: 2 }).units];
  db = openDatabase(DB_NAME); // the worker opens the app's database
  await db.open();
  for (const u of units) {
    await seedDatabase(db, u);
    await db.enrolledUnit.put(enrolled(u.unit.id, u.unit.name));
  }
  await db.enrolledUnit.put(enrolled('0190a000-0000-7000-8000-0000000000aa', '尚未报送的单位'));
});

afterAll(async () => {
  db.close();
  await openDatabase(DB_NAME).delete();
});

describe('cityInput', () => {
  it('counts the units whose data arrived, by name, each reduced as its full snapshot would be', async () => {
    const fractions: number[] = [];
    const input = await cityInput(JOB, (f) => fractions.push(f));
    const names = units.map((u) => u.unit.name).sort((a, b) => a.localeCompare(b, 'zh-CN'));
    expect(input.units.map((u) => u.name)).toEqual(names);
    expect(fractions).toEqual([0.5, 1]);
    for (const u of units) {
      const data = unitReportData(u.records, { unitId: u.unit.id, year: YEAR, asOf: JOB.asOf, committeeName: JOB.committeeName, profile: JOB.profile });
      expect(data).not.toBeNull();
      if (data !== null) expect(input.units.find((x) => x.id === u.unit.id)).toEqual(cityUnit(data));
    }
    expect(input).toMatchObject({ committeeName: JOB.committeeName, addressee: '中共某市委', year: YEAR, cards: [], assessments: [] });
  });
});

describe('annualSnapshot', () => {
  it('is computed once: 生成 after prepare uses the kept figures, whatever the 主送', async () => {
    const unit = units[0]!;
    const options = { unitId: unit.unit.id, year: YEAR, asOf: JOB.asOf, committeeName: '工委甲', profile: NATIONAL_PROFILE_V1 };
    const prepared = await annualSnapshot(options, true);
    const generated = await annualSnapshot({ ...options, committeeName: '工委乙' }, false);
    expect(generated?.figures).toBe(prepared?.figures);
    expect(generated?.data.committeeName).toBe('工委乙');
    const otherYear = await annualSnapshot({ ...options, year: YEAR - 1, asOf: '2025-12-31' }, false);
    expect(otherYear?.figures).not.toBe(prepared?.figures);
    expect(otherYear?.figures.year).toBe(YEAR - 1);
  });

  it('is null for a unit whose data has not arrived', async () => {
    expect(await annualSnapshot({ unitId: '0190a000-0000-7000-8000-0000000000aa', year: YEAR, committeeName: '工委' }, true)).toBeNull();
  });
});

describe('readSignInSnapshot', () => {
  it('gives every meeting and class sheet of a unit the full snapshot gives, and nothing for another unit\'s', async () => {
    for (const u of units) {
      const options = { unitId: u.unit.id, year: YEAR, asOf: JOB.asOf, committeeName: JOB.committeeName, profile: JOB.profile };
      const full = await readSnapshot(options);
      if (full === null) throw new Error('no snapshot');
      const withAttendance = full.meetings.filter((m) => m.attendance.length > 0).slice(0, 3);
      const planned = full.meetings.filter((m) => m.attendance.length === 0).slice(0, 3);
      expect(withAttendance.length + planned.length).toBeGreaterThan(0);
      for (const m of [...withAttendance, ...planned]) {
        const small = await readSignInSnapshot(options, { meetingId: m.id });
        expect(small && signInSheetForMeeting(small, m.id)).toEqual(signInSheetForMeeting(full, m.id));
      }
      expect(full.trainingClasses.length).toBeGreaterThan(0);
      for (const c of full.trainingClasses) {
        const small = await readSignInSnapshot(options, { classId: c.id });
        expect(small && signInSheetForTraining(small, c.id)).toEqual(signInSheetForTraining(full, c.id));
      }
    }
    const [a, b] = units;
    const otherMeeting = (await readSnapshot({ unitId: b!.unit.id, year: YEAR, committeeName: '工委' }))!.meetings[0]!;
    const small = await readSignInSnapshot({ unitId: a!.unit.id, year: YEAR, committeeName: '工委' }, { meetingId: otherMeeting.id });
    expect(() => signInSheetForMeeting(small!, otherMeeting.id)).toThrow(/not in the report data/);
  });
});
