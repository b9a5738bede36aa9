import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordArbitrary } from './testing/arbitraries';
import { RECORD_FIELD_LABELS, RECORD_SCHEMAS } from './registry';
import { RECORD_OWNER, RECORD_TABLES, recordOwner } from './tables';
import { validateRecord } from './validate';

describe('every table', () => {
  it('has a schema, an owner and a label for every field', () => {
    expect(Object.keys(RECORD_SCHEMAS).sort()).toEqual([...RECORD_TABLES].sort());
    expect(Object.keys(RECORD_OWNER).sort()).toEqual([...RECORD_TABLES].sort());
    for (const table of RECORD_TABLES) {
      for (const key of Object.keys(RECORD_SCHEMAS[table].shape)) {
        expect(RECORD_FIELD_LABELS[table][key], `${table}.${key}`).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('owns committee tables in the committee, unit tables in the unit, committee-organised classes in the committee', () => {
    expect(RECORD_OWNER.member).toBe('unit');
    expect(RECORD_OWNER.card).toBe('committee');
    expect(RECORD_OWNER.receipt).toBe('committee');
    expect(recordOwner('trainingClass', { organiser: 'committee' })).toBe('committee');
    expect(recordOwner('trainingClass', { organiser: 'unit' })).toBe('unit');
  });
});

describe.each(RECORD_TABLES)('%s records', (table) => {
  it('round-trip through JSON and the schema unchanged', () => {
    const schema = RECORD_SCHEMAS[table];
    fc.assert(
      fc.property(recordArbitrary(table), (record) => {
        const parsed: unknown = schema.parse(JSON.parse(JSON.stringify(record)));
        expect(parsed).toEqual(record);
        expect(validateRecord(table, parsed)).toEqual({ ok: true, value: record });
      }),
      { numRuns: 60 },
    );
  });

  it('refuses an unknown key, naming it', () => {
    fc.assert(
      fc.property(recordArbitrary(table), (record) => {
        const r = validateRecord(table, { ...record, extra: 1 });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.message).toContain('无法识别的字段（extra）');
      }),
      { numRuns: 5 },
    );
  });

  it('refuses a record with a missing field', () => {
    // Fields added later as optional (e.g. enrolledUnit.creditCode) may be absent in older records.
    const shape: Readonly<Record<string, { safeParse(v: unknown): { success: boolean } }>> = RECORD_SCHEMAS[table].shape;
    const required = (key: string) => !shape[key]?.safeParse(undefined).success;
    fc.assert(
      fc.property(recordArbitrary(table), fc.nat(), (record, n) => {
        const keys = Object.keys(record).filter(required);
        const drop = keys[n % keys.length] ?? 'id';
        const { [drop]: _dropped, ...rest } = record as Record<string, unknown>;
        const r = validateRecord(table, rest);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.path).toEqual([drop]);
          expect(r.error.message).toMatch(/缺少/);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('gives every record the requested unit', () => {
    const unitId = '01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e0f';
    fc.assert(
      fc.property(recordArbitrary(table, { unitId, deviceId: 'dev-1' }), (record) => {
        expect(record.unitId).toBe(unitId);
        expect(record.rev.endsWith('-dev-1')).toBe(true);
        if (table === 'unit') expect(record.id).toBe(unitId);
      }),
      { numRuns: 5 },
    );
  });
});
