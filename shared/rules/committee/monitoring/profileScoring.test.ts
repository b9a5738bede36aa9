/**
 * The monitoring's optional profile fields: profiles issued without them stay valid and read the
 * defaults; a profile that sets them is checked (the editor cannot issue a nonsensical scale).
 */
import { describe, expect, it } from 'vitest';
import { assessmentScoring, DEFAULT_ASSESSMENT_SCORING, NATIONAL_PROFILE_V1 as P, ruleProfileSchema, type AssessmentScoring, type RuleProfile } from '../../profile';

const withScoring = (scoring: unknown): unknown => ({ ...P, version: 2, assessment: { ...P.assessment, scoring } });
const VALID: AssessmentScoring = { scales: [{ id: 'attendance', fullAtBasisPoints: 9000, zeroAtBasisPoints: 5000 }], lateRecordPoints: 1, lateRecordMaxPoints: 5, trainingQuarterTargetsBasisPoints: [2000, 5000, 8000, 10000] };

describe('assessment.scoring in the rule profile', () => {
  it('is absent from the national defaults and from profiles stored before it: they read the defaults', () => {
    expect(P.assessment.scoring).toBeUndefined();
    const stored = JSON.parse(JSON.stringify(P)) as RuleProfile;
    expect(ruleProfileSchema.parse(stored).assessment.scoring).toBeUndefined();
    expect(assessmentScoring(stored)).toEqual(DEFAULT_ASSESSMENT_SCORING);
  });

  it('is read from the profile when the committee set it', () => {
    const p = ruleProfileSchema.parse(withScoring(VALID));
    expect(assessmentScoring(p)).toEqual(VALID);
  });

  it.each([
    ['a zero line at or above the full-marks line', { ...VALID, scales: [{ id: 'attendance', fullAtBasisPoints: 5000, zeroAtBasisPoints: 5000 }] }],
    ['two scales for one indicator', { ...VALID, scales: [VALID.scales[0], VALID.scales[0]] }],
    ['training targets that go down', { ...VALID, trainingQuarterTargetsBasisPoints: [5000, 4000, 8000, 10000] }],
    ['an unknown field', { ...VALID, bonus: 5 }],
    ['a missing field', { scales: [] }],
  ])('refuses %s', (_what, scoring) => {
    expect(ruleProfileSchema.safeParse(withScoring(scoring)).success).toBe(false);
  });

  it('accepts the committee’s own indicators only with weights still adding up to 100', () => {
    const ok = { ...P, assessment: { indicators: [...P.assessment.indicators.map((i) => (i.id === 'attendance' ? { ...i, weight: 5 } : i)), { id: 'guidance', name: '日常指导评价', weight: 10 }] } };
    expect(ruleProfileSchema.safeParse(ok).success).toBe(true);
    const over = { ...P, assessment: { indicators: [...P.assessment.indicators, { id: 'guidance', name: '日常指导评价', weight: 10 }] } };
    expect(ruleProfileSchema.safeParse(over).success).toBe(false);
  });
});
