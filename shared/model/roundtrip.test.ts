import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordArbitrary } from './testing/arbitraries';
import { RECORD_FIELD_LABELS, RECORD_SCHEMAS } from './registry';
import { RECORD_OWNER, RECORD_TABLES, recordOwner } from './tables';
import { validateRecord } from './validate';
import { encodeRev } from '../clock/hlc';

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

describe('meeting, record schema 7: 列席人员 and 民主评议 grades (issue 14)', () => {
  const meta = {
    id: '0195f0a2-7c1e-7000-8000-000000000011',
    unitId: '0195f0a2-7c1e-7000-8000-000000000012',
    rev: encodeRev({ wallMs: Date.parse('2026-12-10T02:00:00.000Z'), counter: 0, deviceId: 'dev1' }),
    deleted: false,
    updatedBy: '李工',
    createdAt: '2026-12-10T02:00:00.000Z',
  };
  /** A 民主评议党员 meeting as a program before schema 7 stored it: no `observers`, no grades. */
  const old = {
    ...meta,
    organisationId: '0195f0a2-7c1e-7000-8000-000000000013',
    kind: 'democraticAppraisal',
    date: '2025-12-10',
    place: '三楼会议室',
    chair: '张华',
    recorder: '李娜',
    topics: ['开展2025年度民主评议党员'],
    lecturer: '',
    minutes: '',
    attendance: [
      { memberId: '0195f0a2-7c1e-7000-8000-0000000000a1', status: 'present', absenceReason: null, note: '', voting: true },
      { memberId: '0195f0a2-7c1e-7000-8000-0000000000a2', status: 'present', absenceReason: null, note: '', voting: false },
      { memberId: '0195f0a2-7c1e-7000-8000-0000000000a3', status: 'excluded', absenceReason: null, note: '出国6个月以上', voting: true },
    ],
    resolutions: [],
    attachmentIds: [],
    quorumWarning: null,
  };
  const check = (r: unknown) => validateRecord('meeting', JSON.parse(JSON.stringify(r)));

  it('an old record without the new fields validates unchanged (nothing is added)', () => {
    const r = check(old);
    expect(r).toEqual({ ok: true, value: old });
    if (r.ok) {
      expect(r.value).not.toHaveProperty('observers');
      expect(r.value.attendance[0]).not.toHaveProperty('appraisalGrade');
    }
  });

  it('the new fields round-trip through JSON and the schema', () => {
    const graded = { ...old, attendance: old.attendance.map((a, i) => (i === 0 ? { ...a, appraisalGrade: 'excellent' } : a)) };
    expect(check(graded)).toEqual({ ok: true, value: graded });
    const life = { ...old, kind: 'democraticLifeMeeting', attendance: [], observers: [{ name: '王立新', post: '机关党委专职副书记' }, { name: '周敏', post: '' }] };
    expect(check(life)).toEqual({ ok: true, value: life });
    expect(RECORD_FIELD_LABELS.meeting['attendance.appraisalGrade']).toBe('评议等次');
    expect(RECORD_FIELD_LABELS.meeting['observers.post']).toBe('职务');
  });

  it.each([
    ['a grade at another kind of meeting', { ...old, kind: 'organisationalLifeMeeting', attendance: [{ ...old.attendance[0], appraisalGrade: 'qualified' }] }, '只有民主评议党员会议才评定等次'],
    ['a grade for a 预备党员', { ...old, attendance: [{ ...old.attendance[1], appraisalGrade: 'qualified' }] }, '预备党员参加民主评议但不评定等次'],
    ['a grade for a member not counted', { ...old, attendance: [{ ...old.attendance[2], appraisalGrade: 'qualified' }] }, '不计入应到人数的党员不评定等次'],
    ['an unknown grade (不定等次 is not one)', { ...old, attendance: [{ ...old.attendance[0], appraisalGrade: 'undetermined' }] }, '评议等次'],
    ['an observer without a name', { ...old, observers: [{ name: ' ', post: '机关党委专职副书记' }] }, '列席人员'],
  ])('refuses %s', (_, record, message) => {
    const r = check(record);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(message);
  });
});
