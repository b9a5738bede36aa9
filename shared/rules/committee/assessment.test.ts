import { describe, it, expect } from 'vitest';
import { weightedTotal } from './assessment';
import { NATIONAL_PROFILE_V1 as P } from '../profile';
import { BugError } from '../../errors/errors';

describe('weightedTotal', () => {
  it('is 100 when every indicator scores 100', () => {
    const all = Object.fromEntries(P.assessment.indicators.map((i) => [i.id, 100]));
    expect(weightedTotal(all, P)).toMatchObject({ total: 100, missing: [] });
  });
  it('weights each score and lists missing indicators as 0', () => {
    const r = weightedTotal({ meetingCompleteness: 80, attendance: 90 }, P);
    expect(r.total).toBe(25 * 0.8 + 15 * 0.9);
    expect(r.missing).toEqual(['terms', 'trainingCoverage', 'cadreRatio', 'rectification', 'bundleTimeliness']);
  });
  it('rounds to two decimals', () => {
    expect(weightedTotal({ meetingCompleteness: 100 / 3 }, P).total).toBe(8.33);
  });
  it.each([-1, 101, Number.NaN])('refuses a score of %f', (s) => {
    expect(() => weightedTotal({ attendance: s }, P)).toThrow(BugError);
  });
});
