/** A quarter's table: totals by the profile in force on the quarter's last day, ranks with ties, the no-data note. */
import { describe, expect, it } from 'vitest';
import { NATIONAL_PROFILE_V1 as P, ruleProfileSchema, type RuleProfile } from '../../profile';
import { mergeScoreTables, scoreQuarter, type UnitQuarterInput } from './quarterScores';
import { HAND_BUNDLES, HAND_REGISTER, handUnit, Q3, restamped, TODAY } from './testing/handUnit';

const A: UnitQuarterInput = { unitId: 'ua', name: '单位甲', records: handUnit(), register: HAND_REGISTER, bundles: HAND_BUNDLES };
const B: UnitQuarterInput = { ...A, unitId: 'ub', name: '单位乙', records: restamped(handUnit(), 'ub') };
const C: UnitQuarterInput = { unitId: 'uc', name: '单位丙', records: restamped({ unit: handUnit().unit }, 'uc'), register: HAND_REGISTER, bundles: HAND_BUNDLES };

/** The national weights with 党员参会率 and 组织生活完成率 swapped (25 ↔ 15). */
function swapped(version: number, effectiveFrom: string): RuleProfile {
  const weights: Record<string, number> = { meetingCompleteness: 15, attendance: 25 };
  const p = { ...P, version, effectiveFrom, name: `第${version}版`, assessment: { indicators: P.assessment.indicators.map((i) => ({ ...i, weight: weights[i.id] ?? i.weight })) } };
  return ruleProfileSchema.parse(p);
}

describe('scoreQuarter', () => {
  const table = scoreQuarter([C, B, A], { quarter: Q3, today: TODAY, profiles: [] });

  it('totals each unit by the weights (hand: 25×81.33 + 15×75 + 15×66.67 + 15×44.44 + 10×50 + 10×66.67 + 10×61.96, ÷100)', () => {
    expect(table.units.find((u) => u.unitId === 'ua')!.total).toBe(66.11);
    expect(table).toMatchObject({ quarter: '2026-Q3', label: '2026年第3季度', computedOn: TODAY, profile: { version: 1, name: '全国默认规则' } });
  });

  it('ranks equal totals together and skips the next rank (1, 1, 3), best first, equal ones by name', () => {
    expect(table.units.map((u) => [u.name, u.total, u.rank])).toEqual([
      ['单位甲', 66.11, 1],
      ['单位乙', 66.11, 1],
      ['单位丙', 6.2, 3],
    ]);
  });

  it('scored unit by unit and merged, ranks as if scored together', () => {
    const parts = [C, B, A].map((u) => scoreQuarter([u], { quarter: Q3, today: TODAY, profiles: [] }));
    expect(parts.map((p) => p.units[0]!.rank)).toEqual([1, 1, 1]);
    expect(mergeScoreTables(parts)).toEqual(table);
    expect(mergeScoreTables([])).toBeNull();
    const q2 = scoreQuarter([A], { quarter: '2026-Q2', today: TODAY, profiles: [] });
    expect(() => mergeScoreTables([parts[0]!, q2])).toThrow();
  });

  it('keeps the scores that exist (an assessment record’s `scores`) and names the indicators counted as 0 for lack of data', () => {
    const c = table.units[2]!;
    expect(c.scores).toEqual({ cadreRatio: 0, bundleTimeliness: 61.96 });
    expect(c.missingNote).toBe('无数据的指标按 0 分计：组织生活完成率、党员参会率、按期换届、教育培训覆盖率、整改推进');
    expect(table.units[0]!.missingNote).toBeNull();
    expect(table.units[0]!.weighted.contributions.find((x) => x.id === 'meetingCompleteness')).toMatchObject({ weight: 25, score: 81.33 });
  });

  it('uses the profile in force on the quarter’s last day: a change from 10月1日 applies to Q4, not to Q3', () => {
    const fromOctober = [{ profile: swapped(2, '2026-10-01') }];
    const q3 = scoreQuarter([A], { quarter: Q3, today: TODAY, profiles: fromOctober });
    expect(q3.profile.version).toBe(1);
    expect(q3.units[0]!.total).toBe(66.11);
    const q4 = scoreQuarter([A], { quarter: '2026-Q4', today: '2027-01-15', profiles: fromOctober });
    expect(q4.profile).toEqual({ version: 2, name: '第2版', effectiveFrom: '2026-10-01' });
    expect(q4.units[0]!.weighted.contributions.find((x) => x.id === 'attendance')!.weight).toBe(25);
  });

  it('a change effective on the quarter’s last day applies to the whole quarter; a deleted profile does not', () => {
    const fromSep30 = swapped(3, '2026-09-30');
    // 15×81.33 + 25×75 + … = 65.48
    expect(scoreQuarter([A], { quarter: Q3, today: TODAY, profiles: [{ profile: fromSep30 }] }).units[0]!.total).toBe(65.48);
    expect(scoreQuarter([A], { quarter: Q3, today: TODAY, profiles: [{ profile: fromSep30, deleted: true }] }).units[0]!.total).toBe(66.11);
  });
});
