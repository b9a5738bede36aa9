/**
 * The committee's database holds every unit's records; each screen of 单位 → a unit reads through
 * the query modules with that unit's id. Over two synthetic units and a committee class: every
 * read holds the unit's own records and none of the other unit's (the tombstones filtered out),
 * and the committee's own training area sees its class with every unit's enrolments in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enrolment, TrainingClass } from '../../../shared/model';
import { generateCity, type GeneratedUnit } from '../../../test/fixtures/generator';
import { seedDatabase } from '../../../test/fixtures/seedDatabase';
import { openDatabase, type TaizhangDb } from '../db';
import { unitMeetings } from './meetings';
import { unitLedger } from './organisations';
import { committeeTraining, unitTraining } from './training';

const COMMITTEE_ID = '0190a000-0000-7000-8000-00000000c0de';
let db: TaizhangDb;
let a: GeneratedUnit;
let b: GeneratedUnit;
let committeeClass: TrainingClass;

const idsOf = (rows: readonly { id: string }[]) => new Set(rows.map((r) => r.id));
const liveIds = (rows: readonly { id: string; deleted: boolean }[] | undefined) => new Set((rows ?? []).filter((r) => !r.deleted).map((r) => r.id));

beforeAll(async () => {
  const city = generateCity({ size: 'city', seed: 5, year: 2026, units: 2 });
  [a, b] = city.units as [GeneratedUnit, GeneratedUnit];
  db = openDatabase('test-scoped-queries');
  await db.open();
  await seedDatabase(db, a);
  await seedDatabase(db, b);
  const template = a.records.trainingClass![0]!;
  committeeClass = { ...template, id: '0190a000-0000-7000-8000-0000000c1a55', unitId: COMMITTEE_ID, organiser: 'committee', title: '工委示范培训班' };
  const fromA: Enrolment = { ...a.records.enrolment![0]!, id: '0190a000-0000-7000-8000-0000000e0001', classId: committeeClass.id, makeUpOfClassId: null };
  const fromB: Enrolment = { ...b.records.enrolment![0]!, id: '0190a000-0000-7000-8000-0000000e0002', classId: committeeClass.id, makeUpOfClassId: null };
  await db.trainingClass.put(committeeClass);
  await db.enrolment.bulkPut([fromA, fromB]);
});

afterAll(async () => {
  await db.delete();
});

describe('committee reads of one unit never mix two units', () => {
  it('organisation ledger: the unit, its organisations, elections, seats and members only', async () => {
    for (const [unit, other] of [[a, b], [b, a]] as const) {
      const ledger = await unitLedger(db, unit.unit.id);
      expect(ledger.unit?.id).toBe(unit.unit.id);
      expect(idsOf(ledger.organisations)).toEqual(liveIds(unit.records.organisation));
      expect(idsOf(ledger.members)).toEqual(liveIds(unit.records.member));
      expect(idsOf(ledger.elections)).toEqual(liveIds(unit.records.election));
      expect(idsOf(ledger.seats)).toEqual(liveIds(unit.records.committeeSeat));
      expect(ledger.members.some((m) => liveIds(other.records.member).has(m.id))).toBe(false);
      expect(ledger.members.length).toBeGreaterThan(0);
    }
  });

  it('meetings: the unit\'s own, newest first, grouped by its organisations', async () => {
    const { meetings, byOrganisation } = await unitMeetings(db, a.unit.id);
    expect(idsOf(meetings)).toEqual(liveIds(a.records.meeting));
    expect(meetings.every((m) => m.unitId === a.unit.id)).toBe(true);
    expect(meetings.map((m) => m.date)).toEqual([...meetings.map((m) => m.date)].sort().reverse());
    const orgs = liveIds(a.records.organisation);
    expect([...byOrganisation.keys()].every((id) => orgs.has(id))).toBe(true);
  });

  it('training, a unit\'s view: its classes and the committee\'s, its own enrolments only', async () => {
    const t = await unitTraining(db, a.unit.id, COMMITTEE_ID);
    expect(idsOf(t.classes)).toEqual(new Set([...liveIds(a.records.trainingClass), committeeClass.id]));
    expect(t.enrolments.every((e) => e.unitId === a.unit.id)).toBe(true);
    expect(t.enrolments.some((e) => e.classId === committeeClass.id)).toBe(true);
    expect(t.classes.some((c) => liveIds(b.records.trainingClass).has(c.id))).toBe(false);
  });

  it('training, the committee\'s own area: its class with both units\' enrolments, no unit class', async () => {
    const t = await committeeTraining(db, COMMITTEE_ID);
    expect(t.classes.map((c) => c.id)).toEqual([committeeClass.id]);
    expect(new Set(t.enrolments.map((e) => e.unitId))).toEqual(new Set([a.unit.id, b.unit.id]));
    // who enrolled, by name: exactly the enrolled members, each with its own unit's organisations
    expect(new Set(t.enrolled?.members.map((m) => m.id))).toEqual(new Set(t.enrolments.map((e) => e.memberId)));
    expect(new Set(t.enrolled?.organisations.map((o) => o.unitId))).toEqual(new Set([a.unit.id, b.unit.id]));
  });
});
