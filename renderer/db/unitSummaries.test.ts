/**
 * The committee's per-unit summaries in storage (fake-indexeddb, real bundles): written in the
 * import's transaction and equal to buildUnitSummary of the unit's records, updated by the next
 * import, never holding another unit's data; built by the v3 upgrade for a committee database that
 * already holds units; rebuilt by ensureUnitSummaries when missing or old.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { UNIT_SUMMARY_VERSION, type UnitSummary } from '../../shared/rules/committee/summarySchema';
import { buildUnitSummary, type UnitSummaryRecords } from '../../shared/rules/committee/unitSummary';
import { generateCity } from '../../test/fixtures/generator';
import { classFields, enrolmentFields, meetingFields, memberFields, organisationFields } from '../../test/fixtures/recordFields';
import { openDatabase, type TaizhangDb } from './db';
import { createRecord } from './recordRepository';
import { SCHEMA_V1, SCHEMA_V2_STORE_CHANGES } from './schema';
import { acceptEnrolment, enrolmentFileFor, enrolUnit } from './sync/enrolment';
import { parseEnrolmentFile } from './sync/enrolmentFile';
import { exportReturnBundle, exportUnitBundle } from './sync/exportBundle';
import { enrolledPair, importInto, must, testClock } from './sync/testing/syncTestPair';
import { freshSide, testCreditCode } from './sync/testing/testSupport';
import { ensureUnitSummaries, readUnitRecords, rebuildUnitSummary } from './unitSummaries';
import { openWriteContext, type WriteContext } from './writeContext';

const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** Every record of `unitId` as the unit's own database holds it. */
async function unitSideRecords(db: TaizhangDb, unitId: string): Promise<UnitSummaryRecords> {
  const all = async <T extends { unitId: string }>(table: string) => (await db.table<T, string>(table).toArray()).filter((r) => r.unitId === unitId);
  return {
    unit: await all('unit'),
    organisation: await all('organisation'),
    election: await all('election'),
    committeeSeat: await all('committeeSeat'),
    member: await all('member'),
    meeting: await all('meeting'),
    trainingClass: await db.trainingClass.toArray(), // the unit's and the 工委's classes it received
    enrolment: await all('enrolment'),
  };
}

async function summaryOf(db: TaizhangDb, unitId: string): Promise<UnitSummary> {
  const s = await db.unitSummary.get(unitId);
  if (!s) throw new Error(`no summary of ${unitId}`);
  return s;
}

/** Enrols one more unit with an existing committee (as enrolledPair does), with one branch of its own. */
async function anotherUnit(committee: WriteContext, now: () => Date, name: string): Promise<{ unit: WriteContext; unitId: string; orgId: string }> {
  const code = testCreditCode(41);
  const side = await freshSide('unit', now, name, code);
  opened.push(side.db);
  const org = await must(createRecord(side.ctx, 'organisation', organisationFields({ name: `${name}机关党支部` })));
  const enrolled = await must(enrolUnit(committee, name, code));
  const file = parseEnrolmentFile((await must(enrolmentFileFor(committee, enrolled.id))).bytes);
  if (!file.ok) throw new Error(file.error.message);
  await must(acceptEnrolment(side.db, file.value));
  return { unit: await openWriteContext(side.db, now), unitId: enrolled.id, orgId: org.id };
}

describe('unit summaries on import (工委)', () => {
  it('are written with the import, equal to buildUnitSummary of the unit’s records, and follow the next import', async () => {
    const now = testClock();
    const { committee, unit, unitId, orgId } = await enrolledPair(now, opened);
    expect(await committee.db.unitSummary.count()).toBe(0);
    const member = await must(createRecord(unit, 'member', memberFields(1, orgId, { cadre: 'fullTime' })));
    await must(createRecord(unit, 'meeting', meetingFields(orgId, 'themedPartyDay', '2026-10-12')));
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });

    const first = await summaryOf(committee.db, unitId);
    expect(first).toEqual(buildUnitSummary(await unitSideRecords(unit.db, unitId), { unitId, builtAt: first.builtAt }));
    expect(first).toMatchObject({ summaryVersion: UNIT_SUMMARY_VERSION, unitName: '市财政局', cadre: { staffCount: 180, members: [{ status: 'active', cadre: 'fullTime' }] } });
    expect(first.meetings).toEqual([{ organisationId: orgId, kind: 'themedPartyDay', dates: ['2026-10-12'] }]);
    const log = (await committee.db.importLog.toArray())[0]!;
    expect(first.builtAt).toBe(log.at); // the same transaction's instant

    // the unit records more; its delta bundle brings it, and the summary with it
    await must(createRecord(unit, 'meeting', meetingFields(orgId, 'themedPartyDay', '2026-11-09')));
    await must(createRecord(unit, 'organisation', organisationFields({ name: '第二党支部', foundedOn: '2026-11-01', termStart: '2026-11-01' })));
    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes);
    const second = await summaryOf(committee.db, unitId);
    expect(second.builtAt > first.builtAt).toBe(true);
    expect(second.organisations.map((o) => o.name).sort()).toEqual(['第一党支部', '第二党支部']);
    expect(second.meetings[0]!.dates).toEqual(['2026-10-12', '2026-11-09']);
    expect(second).toEqual(buildUnitSummary(await unitSideRecords(unit.db, unitId), { unitId, builtAt: second.builtAt }));
    expect(JSON.stringify(second)).not.toContain(member.idNumber);
    expect(JSON.stringify(second)).not.toContain(member.id);
  });

  it('count a 工委 class the unit’s members attended (the class is the committee’s record)', async () => {
    const now = testClock();
    const { committee, unit, unitId, orgId } = await enrolledPair(now, opened);
    const member = await must(createRecord(unit, 'member', memberFields(2, orgId)));
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
    const cls = await must(createRecord(committee, 'trainingClass', classFields({ organiser: 'committee', title: '全市党支部书记示范培训班', startDate: '2026-11-20', endDate: '2026-11-20' })));
    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    await must(createRecord(unit, 'enrolment', enrolmentFields(cls.id, member.id)));
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes);
    const summary = await summaryOf(committee.db, unitId);
    expect(summary.years.find((y) => y.year === 2026)!.training).toEqual({ shouldTrain: 1, trained: 1 });
    expect(JSON.stringify(summary)).not.toContain(cls.id);
  });

  it('of one unit never hold another unit’s data', async () => {
    const now = testClock();
    const a = await enrolledPair(now, opened);
    const b = await anotherUnit(a.committee, now, '市审计局');
    await must(createRecord(a.unit, 'meeting', meetingFields(a.orgId, 'themedPartyDay', '2026-10-12')));
    await must(createRecord(b.unit, 'member', memberFields(7, b.orgId, { cadre: 'fullTime' })));
    await must(createRecord(b.unit, 'meeting', meetingFields(b.orgId, 'partyLecture', '2026-09-30')));
    await importInto(a.committee, (await must(exportUnitBundle(a.unit, {}))).bytes, { confirm: true });
    await importInto(a.committee, (await must(exportUnitBundle(b.unit, {}))).bytes, { confirm: true });

    const [sa, sb] = [await summaryOf(a.committee.db, a.unitId), await summaryOf(a.committee.db, b.unitId)];
    expect(sa.organisations.map((o) => o.id)).toEqual([a.orgId]);
    expect(sb.organisations.map((o) => o.id)).toEqual([b.orgId]);
    expect(sa.cadre.members).toEqual([]);
    expect(sb.cadre.members).toHaveLength(1);
    for (const foreign of [b.unitId, b.orgId, '市审计局']) expect(JSON.stringify(sa)).not.toContain(foreign);
    for (const foreign of [a.unitId, a.orgId]) expect(JSON.stringify(sb)).not.toContain(foreign);
    // read through the indexes, each unit's records alone
    expect(buildUnitSummary(await readUnitRecords(a.committee.db, a.unitId), { unitId: a.unitId, builtAt: sa.builtAt })).toEqual(sa);
  });

  it('are not kept on a unit’s workspace', async () => {
    const now = testClock();
    const { committee, unit, unitId } = await enrolledPair(now, opened);
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    expect(await unit.db.unitSummary.count()).toBe(0);
    expect(await ensureUnitSummaries(unit.db)).toEqual([]);
  });
});

describe('unit summaries of a database that already holds units', () => {
  const city = generateCity({ size: 'city', seed: 5, year: 2026, units: 2 });
  const COMMITTEE_ID = '01970000-0000-7000-8000-000000000001';

  /** A v2 database (before summaries) of `mode` holding the generated units' records. */
  async function v2Database(name: string, mode: 'committee' | 'unit'): Promise<void> {
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2_STORE_CHANGES);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      await old.table('workspace').put({ key: 'workspace', mode, ownerId: mode === 'committee' ? COMMITTEE_ID : city.units[0]!.unit.id, name: '工委', creditCode: null, staffCount: null, partyGroupKind: null, operatorName: '李工', createdAt: '2026-01-02T00:00:00.000Z' });
      for (const unit of mode === 'committee' ? city.units : city.units.slice(0, 1))
        for (const [table, rows] of Object.entries(unit.records)) if (rows.length) await old.table(table).bulkPut(rows);
    });
    old.close();
  }

  it('the v3 upgrade builds the summary of every unit a committee database holds', async () => {
    await v2Database('v2-committee', 'committee');
    const db = openDatabase('v2-committee');
    opened.push(db);
    await db.open();
    const summaries = await db.unitSummary.toArray();
    expect(summaries.map((s) => s.unitId).sort()).toEqual(city.units.map((u) => u.unit.id).sort());
    for (const unit of city.units) {
      const s = summaries.find((x) => x.unitId === unit.unit.id)!;
      expect(s).toEqual(buildUnitSummary(unit.records, { unitId: unit.unit.id, builtAt: s.builtAt }));
    }
  });

  it('the v3 upgrade builds nothing on a unit’s workspace', async () => {
    await v2Database('v2-unit', 'unit');
    const db = openDatabase('v2-unit');
    opened.push(db);
    await db.open();
    expect(await db.unitSummary.count()).toBe(0);
  });

  it('ensureUnitSummaries rebuilds the missing, damaged, older-version and last year’s ones, and only those', async () => {
    await v2Database('v2-ensure', 'committee');
    const db = openDatabase('v2-ensure');
    opened.push(db);
    await db.open();
    const [u1, u2] = city.units.map((u) => u.unit.id) as [string, string];
    const now = new Date('2026-12-01T02:00:00.000Z');
    await db.transaction('rw', db.tables, () => rebuildUnitSummary(db, u1, now));
    await db.transaction('rw', db.tables, () => rebuildUnitSummary(db, u2, now));
    expect(await ensureUnitSummaries(db, now)).toEqual([]);

    await db.unitSummary.delete(u1);
    await db.table('unitSummary').update(u2, { summaryVersion: UNIT_SUMMARY_VERSION - 1 });
    const later = new Date('2026-12-02T02:00:00.000Z');
    expect((await ensureUnitSummaries(db, later)).sort()).toEqual([u1, u2].sort());
    for (const id of [u1, u2]) expect(await summaryOf(db, id)).toMatchObject({ summaryVersion: UNIT_SUMMARY_VERSION, builtAt: later.toISOString() });

    // a new year: last year's summaries stopped at their last import
    const nextYear = new Date('2027-01-03T02:00:00.000Z');
    expect((await ensureUnitSummaries(db, nextYear)).length).toBe(2);
    expect((await summaryOf(db, u1)).years.at(-1)).toMatchObject({ year: 2027 });
  });
});
