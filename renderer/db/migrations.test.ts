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
    const member = (snapshot.tables.member as { organisationId: string; idNumber: string }[])[0]!;
    expect(await db.member.where('idNumber').equals(member.idNumber).count()).toBe(1);
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
