/**
 * SCHEMA_ADDITIONS is complete: today's record schemas are exactly the first release's fields
 * (test/fixtures/bundles/spec/schema-v1-fields.json, dumped from the schemas of format 1) plus what
 * SCHEMA_ADDITIONS says each later version added. A field added without an entry there fails here,
 * because a reader would otherwise accept it in a bundle that claims an older schema.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RECORD_FIELD_LABELS, RECORD_SCHEMAS } from '../model/registry';
import { RECORD_TABLES } from '../model/tables';
import { RECORD_SCHEMA_VERSION } from '../model/upgrade';
import { newerThanDeclared, SCHEMA_ADDITIONS, tableSince } from './schemaHistory';

type Fields = Record<string, Record<string, true | string[]>>;
const V1: Fields = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../test/fixtures/bundles/spec/schema-v1-fields.json'), 'utf8')) as Fields;

function today(table: keyof typeof RECORD_SCHEMAS): Record<string, true | string[]> {
  const json = z.toJSONSchema(RECORD_SCHEMAS[table] as z.ZodType, { unrepresentable: 'any', io: 'input' }) as { properties: Record<string, { enum?: string[] }> };
  return Object.fromEntries(Object.entries(json.properties).map(([f, p]) => [f, Array.isArray(p.enum) ? p.enum : true]));
}

describe('record schema history (§14)', () => {
  it('has an entry for every version after the first', () => {
    for (let v = 2; v <= RECORD_SCHEMA_VERSION; v++) expect(SCHEMA_ADDITIONS[v], `version ${v}`).toBeDefined();
  });

  it('today = version 1 + the additions, field by field and value by value', () => {
    for (const table of RECORD_TABLES) {
      const v1 = V1[table];
      expect(tableSince(table) === 1, table).toBe(v1 !== undefined);
      if (v1 === undefined) continue;
      const now = today(table);
      for (const [field, values] of Object.entries(now)) {
        const found = newerThanDeclared(table, { [field]: null }, 1);
        if (!(field in v1)) {
          expect(found?.field, `${table}.${field} is not in version 1: add it to SCHEMA_ADDITIONS`).toBe(field);
          continue;
        }
        expect(found, `${table}.${field} was in version 1`).toBeNull();
        const old = v1[field];
        if (Array.isArray(values)) {
          for (const value of values) {
            const isNew = !(Array.isArray(old) && old.includes(value));
            expect(newerThanDeclared(table, { [field]: value }, 1) !== null, `${table}.${field} = ${value}`).toBe(isNew);
          }
        }
      }
      for (let v = 2; v <= RECORD_SCHEMA_VERSION; v++) {
        for (const field of SCHEMA_ADDITIONS[v]?.fields[table] ?? []) expect(Object.keys(now), `${table}.${field}`).toContain(field);
      }
    }
  });

  it('a record of the declared version passes; one with a later field does not', () => {
    expect(newerThanDeclared('notice', { id: 'n', batchId: 'n' }, 3)).toBeNull();
    expect(newerThanDeclared('notice', { id: 'n', batchId: 'n' }, 2)).toEqual({ field: 'batchId', value: null, since: 3 });
    expect(newerThanDeclared('expense', { voucherNo: '' }, 3)).toEqual({ field: 'voucherNo', value: null, since: 4 });
    expect(newerThanDeclared('expense', { voucherNo: '' }, RECORD_SCHEMA_VERSION)).toBeNull();
    expect(newerThanDeclared('rectification', { source: 'dutyReview' }, 2)).toEqual({ field: 'source', value: 'dutyReview', since: 3 });
    expect(newerThanDeclared('rectification', { source: 'inspection' }, 1)).toBeNull();
  });

  it('a duty item carrying a self-check outcome (schema 5) is newer than a schema-4 bundle; one without is not', () => {
    const checked = { items: [{ text: '抓党建', selfCheck: '' }, { text: '管队伍', selfCheck: '已落实', status: 'done' }] };
    expect(newerThanDeclared('dutyList', checked, 4)).toEqual({ field: 'items.status', value: null, since: 5 });
    expect(newerThanDeclared('dutyList', checked, 5)).toBeNull();
    expect(newerThanDeclared('dutyList', { items: [{ text: '抓党建', selfCheck: '' }] }, 1)).toBeNull();
    // a hostile shape is left to validation
    expect(newerThanDeclared('dutyList', { items: 'status' }, 4)).toBeNull();
    expect(newerThanDeclared('dutyList', { items: [null, 'status', ['status']] }, 4)).toBeNull();
  });

  it('every nested addition names a field today\'s schema has', () => {
    for (let v = 2; v <= RECORD_SCHEMA_VERSION; v++) {
      for (const [table, byField] of Object.entries(SCHEMA_ADDITIONS[v]?.nested ?? {})) {
        for (const [field, subs] of Object.entries(byField)) {
          for (const sub of subs) expect(RECORD_FIELD_LABELS[table as keyof typeof RECORD_FIELD_LABELS][`${field}.${sub}`], `${table}.${field}.${sub}`).toBeDefined();
        }
      }
    }
  });
});
