import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../../shared/model/validate';
import { sumHours } from '../../../shared/model/training';
import { nextSessionId, proposeSessions } from './sessionPlan';

describe('proposeSessions', () => {
  it('one day: morning and afternoon, half the hours each', () => {
    expect(proposeSessions('2026-03-10', '2026-03-10', 8)).toEqual([
      { id: 's1', date: '2026-03-10', label: '上午', hours: 4 },
      { id: 's2', date: '2026-03-10', label: '下午', hours: 4 },
    ]);
  });

  it('several days: a session a day, odd half hours to the first days, the sum is the plan', () => {
    const s = proposeSessions('2026-03-30', '2026-04-01', 8);
    expect(s.map((x) => [x.date, x.hours])).toEqual([
      ['2026-03-30', 3],
      ['2026-03-31', 2.5],
      ['2026-04-01', 2.5],
    ]);
    expect(sumHours(s.map((x) => x.hours))).toBe(8);
  });

  it('what it proposes is a valid class', () => {
    const sessions = proposeSessions('2026-03-10', '2026-03-12', 20);
    const r = validateRecord('trainingClass', {
      id: '01939eab-9714-7568-bf2b-14f725b03e7a',
      unitId: '01939eab-9714-7568-bf2b-14f725b03e7b',
      rev: '1744446738899-00000-01939eab-9714-7568-bf2b-14f725b03e7a',
      deleted: false,
      updatedBy: '张敏',
      createdAt: '2026-03-01T00:00:00.000Z',
      title: '三天轮训',
      organiser: 'unit',
      category: '党员教育培训',
      format: '',
      placeKind: '',
      place: '',
      startDate: '2026-03-10',
      endDate: '2026-03-12',
      hours: sumHours(sessions.map((x) => x.hours)),
      lecturer: '',
      sessions,
    });
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
  });
});

describe('nextSessionId', () => {
  it('never reuses an id the class has had in this edit', () => {
    expect(nextSessionId([])).toBe('s1');
    expect(nextSessionId(['s1', 's4', undefined, 's2'])).toBe('s5');
  });
});
