import { describe, it, expect } from 'vitest';
import { excellentShareCheck } from './appraisal';
import { NATIONAL_PROFILE_V1 as P } from '../profile';
import { BugError } from '../../errors/errors';

describe('民主评议: 优秀 ≤ 1/3 of graded members (inclusive)', () => {
  it.each([
    [9, 3, 3, true],
    [9, 4, 3, false],
    [10, 3, 3, true],
    [10, 4, 3, false],
    [12, 4, 4, true],
    [2, 0, 0, true],
    [2, 1, 0, false],
    [0, 0, 0, true],
  ])('%i graded, %i 优秀 → max %i, ok %s', (graded, excellent, max, ok) => {
    const r = excellentShareCheck(graded, excellent, P);
    expect([r.maxExcellent, r.ok]).toEqual([max, ok]);
  });
  it('explains', () => {
    expect(excellentShareCheck(10, 4, P).reason).toBe('参加评定的党员 10 人，评为优秀 4 人，超过三分之一（最多 3 人）');
  });
  it('refuses impossible counts', () => {
    expect(() => excellentShareCheck(3, 4, P)).toThrow(BugError);
  });
});
