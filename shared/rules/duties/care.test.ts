import { describe, expect, it } from 'vitest';
import { careDateProblem, careFigures, NO_LEVEL, NO_OUTLET } from './care';

describe('关怀激励 figures', () => {
  const visits = [
    { date: '2026-01-20', visitedName: '王建国', amountFen: 50_000 },
    { date: '2026-07-01', visitedName: ' 王建国 ', amountFen: 30_010 },
    { date: '2026-09-10', visitedName: '李秀英', amountFen: 0 },
    { date: '2025-12-31', visitedName: '张三', amountFen: 99_999 },
  ];
  const commendations = [
    { date: '2026-06-28', level: '市直机关' },
    { date: '2026-06-28', level: '市直机关' },
    { date: '2026-03-01', level: '' },
    { date: '2026-12-01', level: '省级' },
    { date: '2027-01-02', level: '全国' },
  ];
  const publicity = [
    { date: '2026-02-02', outlet: '市直机关党建网' },
    { date: '2026-05-05', outlet: '' },
    { date: '2025-05-05', outlet: '某某日报' },
  ];

  it('counts only the year: 人次, people, 慰问金额 in 分, commendations by level (blank last), publicity by outlet', () => {
    const f = careFigures(2026, { visits, commendations, publicity });
    expect(f.visits).toBe(3);
    expect(f.visitedPeople).toBe(2);
    expect(f.amountFen).toBe(80_010);
    expect(f.commendations).toBe(4);
    expect(f.commendationsByLevel).toEqual([
      { label: '市直机关', count: 2 },
      { label: '省级', count: 1 },
      { label: NO_LEVEL, count: 1 },
    ]);
    expect(f.publicity).toBe(2);
    expect(f.publicityByOutlet).toEqual([
      { label: '市直机关党建网', count: 1 },
      { label: NO_OUTLET, count: 1 },
    ]);
  });

  it('a year without records has zeros and no levels', () => {
    const f = careFigures(2024, { visits, commendations, publicity });
    expect([f.visits, f.amountFen, f.commendations, f.publicity]).toEqual([0, 0, 0, 0]);
    expect(f.commendationsByLevel).toEqual([]);
  });

  it('a date after today is refused in words; today and earlier pass', () => {
    expect(careDateProblem('2026-12-06', '2026-12-05', '走访日期')).toBe('走访日期不能晚于今天（2026-12-05），请登记已经发生的事项');
    expect(careDateProblem('2026-12-05', '2026-12-05', '走访日期')).toBeNull();
    expect(careDateProblem('', '2026-12-05', '刊发日期')).toBe('请选择刊发日期');
  });
});

describe('走访慰问 to-do', () => {
  it('from the fourth quarter, says when the year has no 走访慰问 yet', async () => {
    const { careVisitTodos } = await import('./care');
    const visit = (date: string, deleted = false) => ({ date, visitedName: '王芳', amountFen: 0, deleted });
    expect(careVisitTodos([], '2026-09-30')).toEqual([]);
    const [todo] = careVisitTodos([visit('2025-12-01'), visit('2026-03-01', true)], '2026-10-01');
    expect(todo).toMatchObject({ area: 'care', title: '2026年度尚无走访慰问记录', due: '2026-12-31', link: '/care?year=2026' });
    expect(careVisitTodos([visit('2026-02-01')], '2026-10-01')).toEqual([]);
  });
});

describe('宣传 媒体级别 (record schema 7)', () => {
  it('is optional: a 宣传 record written before it is still valid, and one with it keeps it', async () => {
    const fc = (await import('fast-check')).default;
    const { recordArbitrary } = await import('../../model/testing/arbitraries');
    const { PublicitySchema } = await import('../../model/care');
    const [sample] = fc.sample(recordArbitrary('publicity'), { numRuns: 1, seed: 2 });
    const { level: _level, ...older } = sample!;
    expect(PublicitySchema.safeParse(older).success).toBe(true);
    const parsed = PublicitySchema.safeParse({ ...older, level: ' 省级 ' });
    expect(parsed.success && parsed.data.level).toBe('省级');
  });
});
