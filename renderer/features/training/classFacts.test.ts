import { describe, expect, it } from 'vitest';
import type { Enrolment, TrainingClass } from '../../../shared/model/training';
import { classCounts, classDates, compareClasses, deleteWarning } from './classFacts';

let seq = 0;
function enrolment(fields: Partial<Enrolment> & Pick<Enrolment, 'classId' | 'memberId' | 'status'>): Enrolment {
  seq++;
  return {
    id: `e-${seq}`,
    unitId: 'unit-1',
    rev: '',
    deleted: false,
    updatedBy: '',
    createdAt: '2026-03-01T00:00:00.000Z',
    attendedHours: fields.status === 'absent' ? 0 : 8,
    absenceReason: fields.status === 'absent' ? '公务出差' : null,
    makeUpOfClassId: null,
    attendedSessionIds: null,
    ...fields,
  };
}

const cls = (id: string, title: string, startDate: string) => ({ id, title, startDate }) as TrainingClass;

describe('classDates', () => {
  it('writes one day or a span, with the year when asked', () => {
    expect(classDates({ startDate: '2026-03-10', endDate: '2026-03-10' })).toBe('3月10日');
    expect(classDates({ startDate: '2026-03-10', endDate: '2026-03-12' })).toBe('3月10日—3月12日');
    expect(classDates({ startDate: '2025-12-30', endDate: '2026-01-02' }, true)).toBe('2025年12月30日—2026年1月2日');
  });
});

describe('classCounts', () => {
  const hours = new Map([
    ['A', { hours: 8 }],
    ['B', { hours: 16 }],
    ['M', { hours: 8 }],
  ]);

  it('counts each class’s enrolments by status, telling made-up absences and partial attendance apart', () => {
    const enrolments = [
      enrolment({ classId: 'A', memberId: 'm1', status: 'attended' }),
      enrolment({ classId: 'A', memberId: 'm2', status: 'absent' }), // made up in M
      enrolment({ classId: 'A', memberId: 'm3', status: 'absent' }), // not made up
      enrolment({ classId: 'B', memberId: 'm1', status: 'attended', attendedHours: 16 }),
      enrolment({ classId: 'B', memberId: 'm2', status: 'attended', attendedHours: 12 }), // partial, made up in M
      enrolment({ classId: 'B', memberId: 'm3', status: 'attended', attendedHours: 4 }), // partial, not made up
      enrolment({ classId: 'M', memberId: 'm2', status: 'madeUp', makeUpOfClassId: 'A' }),
      enrolment({ classId: 'M', memberId: 'm2', status: 'madeUp', makeUpOfClassId: 'B' }),
    ];
    const counts = classCounts(enrolments, hours);
    expect(counts.get('A')).toEqual({ enrolled: 3, attended: 1, absent: 2, absentNotMadeUp: 1, partial: 0, partialNotMadeUp: 0, madeUp: 0 });
    expect(counts.get('B')).toEqual({ enrolled: 3, attended: 3, absent: 0, absentNotMadeUp: 0, partial: 2, partialNotMadeUp: 1, madeUp: 0 });
    expect(counts.get('M')).toEqual({ enrolled: 2, attended: 0, absent: 0, absentNotMadeUp: 0, partial: 0, partialNotMadeUp: 0, madeUp: 2 });
    expect(counts.has('X')).toBe(false);
  });

  it('a make-up counts for that member and that class only', () => {
    const counts = classCounts(
      [
        enrolment({ classId: 'A', memberId: 'm1', status: 'absent' }),
        enrolment({ classId: 'A', memberId: 'm2', status: 'absent' }),
        enrolment({ classId: 'M', memberId: 'm1', status: 'madeUp', makeUpOfClassId: 'B' }), // another class
        enrolment({ classId: 'M', memberId: 'm3', status: 'madeUp', makeUpOfClassId: 'A' }), // another member
      ],
      hours,
    );
    expect(counts.get('A')?.absentNotMadeUp).toBe(2);
  });

  it('a class whose planned hours are unknown (or zero) has no partial attendance', () => {
    const e = [enrolment({ classId: 'Z', memberId: 'm1', status: 'attended', attendedHours: 2 })];
    expect(classCounts(e, new Map()).get('Z')?.partial).toBe(0);
    expect(classCounts(e, new Map([['Z', { hours: 0 }]])).get('Z')?.partial).toBe(0);
  });
});

describe('compareClasses', () => {
  it('puts the newest first, then orders by title as Chinese readers do (by pinyin: 丙 bǐng, 甲 jiǎ, 乙 yǐ)', () => {
    const sorted = [cls('1', '乙班', '2026-03-01'), cls('2', '乙班', '2026-05-01'), cls('3', '丙班', '2026-03-01'), cls('4', '甲班', '2026-03-01')].sort(compareClasses);
    expect(sorted.map((c) => c.id)).toEqual(['2', '3', '4', '1']);
  });
});

describe('deleteWarning', () => {
  it('says only that the deletion is logged when nobody is enrolled', () => {
    expect(deleteWarning('A', [enrolment({ classId: 'B', memberId: 'm1', status: 'attended' })])).toBe('删除记录保留在操作日志中。');
  });

  it('a unit: the enrolments go with the class, and make-ups recorded in it turn back into absences', () => {
    const enrolments = [
      enrolment({ classId: 'M', memberId: 'm1', status: 'attended' }),
      enrolment({ classId: 'M', memberId: 'm2', status: 'madeUp', makeUpOfClassId: 'A' }),
    ];
    expect(deleteWarning('M', enrolments)).toBe(
      '该班的 2 条参训记录将一并删除，相关学时不再计入；其中 1 人在本班补训其他培训班，删除后那些缺训将恢复为“未补训”。删除记录保留在操作日志中。',
    );
    expect(deleteWarning('M', enrolments.slice(0, 1))).toBe('该班的 1 条参训记录将一并删除，相关学时不再计入。删除记录保留在操作日志中。');
  });

  it('the committee: units’ enrolments keep the class, counted by unit', () => {
    const enrolments = [
      enrolment({ classId: 'C', memberId: 'm1', status: 'attended', unitId: 'u1' }),
      enrolment({ classId: 'C', memberId: 'm2', status: 'attended', unitId: 'u1' }),
      enrolment({ classId: 'C', memberId: 'm9', status: 'absent', unitId: 'u2' }),
    ];
    expect(deleteWarning('C', enrolments, 'committee')).toBe('已有 2 个单位为本班登记了 3 人的参训情况，这些记录由单位填报，本班不能删除。如班次信息有误，请编辑修改。');
  });
});
