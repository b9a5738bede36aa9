/**
 * The training screens' inputs to the rules, on the `small` synthetic unit: a class that has not
 * started by the day asked about is only planned and credits nobody; to-dos name people, not ids.
 */
import { describe, expect, it } from 'vitest';
import type { Enrolment, TrainingClass } from '../../../shared/model/training';
import type { IsoDate } from '../../../shared/rules/dates';
import { NATIONAL_PROFILE_V1 } from '../../../shared/rules/profile';
import { generateCity } from '../../../test/fixtures/generator';
import { coverageOf, trainingTodoItems, type TrainingFacts } from './coverage';

const unit = generateCity({ size: 'small', seed: 1, year: 2026 }).units[0]!;
const facts: TrainingFacts = {
  members: unit.records.member ?? [],
  seats: unit.records.committeeSeat ?? [],
  organisations: unit.records.organisation ?? [],
  classes: unit.records.trainingClass ?? [],
  enrolments: unit.records.enrolment ?? [],
};
const day = (d: string) => d as IsoDate;

describe('coverageOf', () => {
  const yearEnd = coverageOf(facts, 2026, day('2026-12-31'), NATIONAL_PROFILE_V1);
  const untrained = yearEnd.members.untrainedMemberIds[0]!;
  const template = facts.classes[0]!;
  const planned: TrainingClass = { ...template, id: 'planned-class', title: '年底专题培训班', startDate: '2026-12-20', endDate: '2026-12-20', hours: 8, sessions: [] };
  const enrolled: Enrolment = { ...facts.enrolments[0]!, id: 'planned-enrolment', classId: planned.id, memberId: untrained, status: 'attended', attendedHours: 8, absenceReason: null, makeUpOfClassId: null, attendedSessionIds: null };
  const withPlanned: TrainingFacts = { ...facts, classes: [...facts.classes, planned], enrolments: [...facts.enrolments, enrolled] };

  it('leaves out a class that has not started by the day asked about', () => {
    expect(yearEnd.members.untrainedMemberIds.length).toBeGreaterThan(0);
    const before = coverageOf(withPlanned, 2026, day('2026-12-15'), NATIONAL_PROFILE_V1);
    expect(before.members.untrainedMemberIds).toContain(untrained);
    expect(before.members.trained).toBe(coverageOf(facts, 2026, day('2026-12-15'), NATIONAL_PROFILE_V1).members.trained);
  });

  it('leaves out a deleted class (a tombstone from a sync) and what was recorded in it', () => {
    const deleted: TrainingFacts = { ...withPlanned, classes: [...facts.classes, { ...planned, startDate: '2026-06-01', endDate: '2026-06-01', deleted: true }] };
    expect(coverageOf(deleted, 2026, day('2026-12-31'), NATIONAL_PROFILE_V1).members.untrainedMemberIds).toContain(untrained);
  });

  it('counts it once it has been held', () => {
    const after = coverageOf(withPlanned, 2026, day('2026-12-31'), NATIONAL_PROFILE_V1);
    expect(after.members.untrainedMemberIds).not.toContain(untrained);
    expect(after.members.trained).toBe(yearEnd.members.trained + 1);
  });

  it('judges a past year on its 12月31日', () => {
    const later = coverageOf(facts, 2026, day('2027-03-01'), NATIONAL_PROFILE_V1);
    expect(later.referenceDate).toBe('2026-12-31');
    expect(later.members).toEqual(yearEnd.members);
  });
});

describe('trainingTodoItems', () => {
  it('names members and organisations, not their ids', () => {
    const items = trainingTodoItems(facts, day('2026-12-31'), NATIONAL_PROFILE_V1);
    expect(items.length).toBeGreaterThan(0);
    const names = new Map(facts.members.map((m) => [m.id, m.name]));
    const coverage = items.find((i) => i.key === 'training-coverage:2026:members');
    const firstUntrained = coverageOf(facts, 2026, day('2026-12-31'), NATIONAL_PROFILE_V1).members.untrainedMemberIds[0]!;
    expect(coverage?.detail).toContain(names.get(firstUntrained));
    for (const item of items) expect(`${item.title}${item.detail}`).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
