/**
 * Every released database version stays readable: the frozen snapshot of schema v1 is loaded into
 * a database created with v1's own store definitions, then opened by today's code (which runs any
 * migrations), and every record must still be there, valid, and found by the indexes the screens use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { isRecordTable } from '../../shared/model/tables';
import { validateRecord } from '../../shared/model/validate';
import type { DbSnapshot } from '../../test/fixtures/dbSnapshot';
import { openDatabase } from './db';
import { idNumberLookup } from '../identity/dataKeySession';
import { sealExistingFields } from './encryption/workspaceUnlock';
import { STORE_CHANGES_BY_VERSION } from './backup/olderVersions';
import { RECORD_TABLE_NAMES, SCHEMA_V1, SCHEMA_VERSION } from './schema';
import { RECORD_TABLES } from '../../shared/model/tables';

const FIXTURE = path.resolve(import.meta.dirname, '../../test/fixtures/db-v1/snapshot.json');

describe('database schema', () => {
  it('has a table for every synced record type, and nothing else synced', () => {
    expect([...RECORD_TABLE_NAMES].sort()).toEqual([...RECORD_TABLES].sort());
  });
});

describe('frozen database v1', () => {
  const snapshot = JSON.parse(readFileSync(FIXTURE, 'utf8')) as DbSnapshot;

  it('is a v1 snapshot whose stores are still declared by v1 (a released version never changes)', () => {
    expect(snapshot.schemaVersion).toBe(1);
    expect(snapshot.stores).toEqual(SCHEMA_V1);
  });

  it('opens with the current code, every record intact and valid', async () => {
    const name = 'frozen-v1';
    const old = new Dexie(name);
    old.version(1).stores({ ...snapshot.stores });
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(snapshot.tables)) if (rows.length) await old.table(table).bulkAdd(rows as object[]);
    });
    old.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    let records = 0;
    for (const [table, rows] of Object.entries(snapshot.tables)) {
      expect(await db.table(table).count(), table).toBe(rows.length);
      if (!isRecordTable(table)) continue;
      for (const row of await db.table(table).toArray()) {
        const checked = validateRecord(table, row);
        expect(checked.ok, `${table}: ${checked.ok ? '' : checked.error.message}`).toBe(true);
        records++;
      }
    }
    expect(records).toBeGreaterThan(300);
    // the indexes the screens query
    const meeting = (snapshot.tables.meeting as { organisationId: string; date: string }[])[0]!;
    const sameOrg = await db.meeting.where('[organisationId+date]').between([meeting.organisationId, ''], [meeting.organisationId, '\uffff']).count();
    expect(sameOrg).toBeGreaterThan(0);
    // v5 → v6: the plain ID numbers and phones are sealed after the first unlock, and found by their keyed hash
    const member = (snapshot.tables.member as { id: string; organisationId: string; idNumber: string }[])[0]!;
    expect(await sealExistingFields(db)).toBeGreaterThan(0);
    expect(await db.member.where('idLookup').equals(idNumberLookup(member.idNumber)).count()).toBe(1);
    expect((await db.member.get(member.id))?.idNumber).toBe(member.idNumber);
    expect(await db.changes.count()).toBe(records);
    // v1 → v2: classes without sessions, enrolments with their total hours and no session list
    const classes = await db.trainingClass.toArray();
    expect(classes.length).toBeGreaterThan(0);
    for (const c of classes) expect(c.sessions).toEqual([]);
    const enrolments = await db.enrolment.toArray();
    for (const e of enrolments) expect(e.attendedSessionIds).toBeNull();
    const v1Enrolments = snapshot.tables.enrolment as { id: string; attendedHours: number }[];
    for (const e of v1Enrolments) expect((await db.enrolment.get(e.id))?.attendedHours).toBe(e.attendedHours);
    await db.delete();
  });
});

describe('database v4 → v5 (issue 17: tombstones and the audit trail)', () => {
  const unitId = '019bbef3-b000-7000-8000-0000000000aa';
  const orgId = '019bbef3-b000-7000-8000-0000000000bb';
  const person = (id: string, deleted: boolean, idNumber: string) => ({
    id, unitId, rev: '1767340800000-00000-dev1', deleted, updatedBy: '张敏', createdAt: '2026-01-02T08:00:00.000Z',
    name: deleted ? '李华' : '王芳', gender: 'male', ethnicity: '汉族', birthDate: '1949-12-31', idNumber, phone: '13812345678',
    joinedOn: '1975-07-01', membership: 'full', convertedOn: '1976-07-01', organisationId: orgId,
    postings: [{ organisationId: orgId, from: '2015-03-01', to: null }], status: 'active', statusChangedOn: null, cadre: null,
    excludedReason: '长期患病', note: '其女儿 13900001111',
  });

  it('blanks the personal details of tombstones held (also in conflicts) and re-masks the audit trail; live records stay as they were', async () => {
    const name = 'v4-tombstones';
    const old = new Dexie(name);
    STORE_CHANGES_BY_VERSION.slice(0, 4).forEach((changes, i) => old.version(i + 1).stores(changes));
    await old.open();
    const gone = person('019bbef3-b000-7000-8000-000000000001', true, '110105194912310011');
    const live = { ...person('019bbef3-b000-7000-8000-000000000002', false, '11010519491231002X'), gender: 'female', name: '王芳' };
    await old.table('member').bulkAdd([gone, live]);
    await old.table('careVisit').add({ id: '019bbef3-b000-7000-8000-000000000003', unitId, deleted: true, visitedName: '王芳', reason: '术后康复', date: '2026-05-01' });
    await old.table('conflicts').add({ table: 'member', id: gone.id, keptRev: 'a', lostRev: 'b', lost: gone, at: '2026-01-01T00:00:00.000Z', resolved: false });
    await old.table('audit').add({
      at: '2026-01-02T08:00:00.000Z', actor: '张敏', deviceId: 'dev1', action: 'create', table: 'member', id: gone.id, note: '',
      changes: [
        { field: 'idNumber', before: null, after: '110105********0011' },
        { field: 'birthDate', before: null, after: '1949-12-31' },
        { field: 'phone', before: null, after: '138****5678' },
        { field: 'name', before: null, after: '李华' },
        { field: 'note', before: null, after: '长期病休' },
      ],
    });
    await old.table('audit').add({
      at: '2026-05-01T08:00:00.000Z', actor: '张敏', deviceId: 'dev1', action: 'create', table: 'careVisit', id: '019bbef3-b000-7000-8000-000000000003', note: '',
      changes: [{ field: 'reason', before: null, after: '术后康复' }, { field: 'visitedName', before: null, after: '王芳' }],
    });
    old.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const tomb = await db.member.get(gone.id);
    expect(tomb).toMatchObject({ name: '李华', birthDate: '1949-12-31', idNumber: '', phone: '', note: '', excludedReason: null, rev: gone.rev });
    expect(validateRecord('member', tomb).ok).toBe(true);
    expect(await db.member.get(live.id)).toEqual(live);
    await sealExistingFields(db);
    expect(await db.member.where('idLookup').equals(idNumberLookup(gone.idNumber)).count()).toBe(0);
    expect(await db.member.where('idLookup').equals(idNumberLookup(live.idNumber)).count()).toBe(1);
    expect((await db.careVisit.toArray())[0]).toMatchObject({ reason: '', visitedName: '王芳' });
    expect((await db.conflicts.toArray())[0]?.lost).toMatchObject({ idNumber: '', phone: '' });
    const audit = JSON.stringify(await db.audit.toArray());
    expect(audit).toContain('1101**********0011');
    expect(audit).toContain('1949年');
    expect(audit).not.toContain('110105');
    expect(audit).not.toContain('1949-12-31');
    expect(audit).toContain('138****5678');
    // free text that may tell of health is gone from the trail; who was visited stays
    expect(audit).not.toContain('术后康复');
    expect(audit).not.toContain('长期病休');
    expect(audit).toContain('（内容不记入操作日志）');
    expect(audit).toContain('王芳');
    await db.delete();
  });
});

describe('database v6 → v7 (issue 14: 党务干部双向交流, 书记项目评价)', () => {
  it('adds the cadreExchange store, indexed by unit and date, and the projectRating store, indexed by unit and project, and rewrites no row', async () => {
    const name = 'v6-exchange';
    const old = new Dexie(name);
    STORE_CHANGES_BY_VERSION.slice(0, 6).forEach((changes, i) => old.version(i + 1).stores(changes));
    await old.open();
    expect(old.tables.map((t) => t.name)).not.toContain('cadreExchange');
    expect(old.tables.map((t) => t.name)).not.toContain('projectRating');
    const unitId = '019bbef3-b000-7000-8000-0000000000aa';
    const visit = { id: '019bbef3-b000-7000-8000-000000000003', unitId, rev: '1767340800000-00000-dev1', deleted: false, updatedBy: '张敏', createdAt: '2026-01-02T08:00:00.000Z', date: '2026-05-01', visitedName: '王芳', reason: '', visitors: '', amountFen: 50_000 };
    await old.table('careVisit').add(visit);
    old.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.careVisit.get(visit.id)).toEqual(visit);
    expect(await db.cadreExchange.where('unitId').equals(unitId).count()).toBe(0);
    expect(db.cadreExchange.schema.indexes.map((i) => i.name).sort()).toEqual(['date', 'unitId']);
    expect(await db.projectRating.count()).toBe(0);
    expect(db.projectRating.schema.indexes.map((i) => i.name).sort()).toEqual(['projectId', 'unitId']);
    await db.delete();
  });
});
