import { describe, it, expect } from 'vitest';
import { cadreRatio, type CadreMember, type CadreRatioState } from './cadreRatio';
import { NATIONAL_PROFILE_V1 as P } from '../profile';
import { BugError } from '../../errors/errors';

const fullTime = (n: number, over: Partial<CadreMember> = {}): CadreMember[] =>
  Array.from({ length: n }, () => ({ status: 'active', cadre: 'fullTime', ...over }));

describe('专职党务干部 1%–2% of staff, bounds inclusive', () => {
  it.each<[number, number, CadreRatioState, number, number]>([
    [100, 0, 'below', 1, 2],
    [100, 1, 'within', 1, 2], // exactly 1%
    [100, 2, 'within', 1, 2], // exactly 2%
    [100, 3, 'above', 1, 2],
    [150, 1, 'below', 2, 3], // 0.67%
    [150, 2, 'within', 2, 3],
    [150, 3, 'within', 2, 3], // exactly 2%
    [150, 4, 'above', 2, 3],
    [199, 2, 'within', 2, 3],
    [201, 2, 'below', 3, 4], // 0.995%
    [50, 1, 'within', 1, 1], // 2%
    [30, 0, 'below', 1, 1], // small unit: one designated person needed
    [30, 1, 'within', 1, 1], // 3.33% but one person is always allowed
    [30, 2, 'above', 1, 1],
    [1, 1, 'within', 1, 1],
  ])('staff %i, full-time %i → %s (min %i, max %i)', (staffCount, n, state, minCount, maxCount) => {
    const r = cadreRatio({ staffCount, members: fullTime(n) }, P);
    expect([r.state, r.minCount, r.maxCount, r.fullTimeCount, r.ratio]).toEqual([state, minCount, maxCount, n, n / staffCount]);
  });

  it('counts only active, not deleted, full-time cadres', () => {
    const members: CadreMember[] = [
      ...fullTime(1),
      ...fullTime(1, { cadre: 'partTime' }),
      ...fullTime(1, { cadre: null }),
      ...fullTime(1, { status: 'retired' }),
      ...fullTime(1, { status: 'transferredOut' }),
      ...fullTime(1, { deleted: true }),
    ];
    expect(cadreRatio({ staffCount: 100, members }, P).fullTimeCount).toBe(1);
  });

  it.each([
    [150, 1, '专职党务干部 1 人，机关工作人员 150 人，占比 0.67%，低于 1% 的下限（至少应配备 2 人）'],
    [150, 2, '专职党务干部 2 人，机关工作人员 150 人，占比 1.33%，符合 1%–2% 的配备要求'],
    [100, 3, '专职党务干部 3 人，机关工作人员 100 人，占比 3%，高于 2% 的上限（一般不超过 2 人）'],
    [40, 0, '专职党务干部 0 人，机关工作人员 40 人，占比 0%，单位人数较少，也应至少明确 1 名专职党务干部'],
  ])('explains staff %i / %i', (staffCount, n, reason) => {
    expect(cadreRatio({ staffCount, members: fullTime(n) }, P).reason).toBe(reason);
  });

  it('refuses a staff count below 1', () => {
    expect(() => cadreRatio({ staffCount: 0, members: [] }, P)).toThrow(BugError);
  });
});
