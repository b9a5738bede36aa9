/**
 * The rule profile's `sync.lateAfterDays` (数据报送及时性) came after profiles were first issued:
 * profiles stored and sent without it stay valid (as records, the way bundles and the database
 * check them) and count with the default of 30 days; a profile that sets it is checked.
 */
import { describe, expect, it } from 'vitest';
import { encodeRev } from '../clock/hlc';
import { validateRecord } from '../model/validate';
import { DEFAULT_SYNC_RULES, lateAfterDays, NATIONAL_PROFILE_V1, ruleProfileSchema, type RuleProfile } from './profile';

/** A ruleProfile record as a program before `sync` wrote it (no `sync` key anywhere). */
function recordOf(profile: unknown) {
  return {
    id: '0195f0a2-7c1e-7000-8000-000000000001',
    unitId: '0195f0a2-7c1e-7000-8000-000000000002',
    rev: encodeRev({ wallMs: Date.parse('2026-03-01T02:00:00.000Z'), counter: 0, deviceId: 'dev1' }),
    deleted: false,
    updatedBy: '李工',
    createdAt: '2026-03-01T02:00:00.000Z',
    profile,
    note: '依据文件调整',
  };
}

describe('profile sync rules (lateAfterDays)', () => {
  const { sync: _none, ...old } = { ...structuredClone(NATIONAL_PROFILE_V1), version: 2, effectiveFrom: '2026-03-01', name: '示范市规则' };

  it('is absent from the national defaults, which count 30 days', () => {
    expect('sync' in NATIONAL_PROFILE_V1).toBe(false);
    expect(DEFAULT_SYNC_RULES.lateAfterDays).toBe(30);
    expect(lateAfterDays(NATIONAL_PROFILE_V1)).toBe(30);
  });

  it('old profiles without it still validate, as profiles and as stored or bundled ruleProfile records', () => {
    expect(ruleProfileSchema.safeParse(old).success).toBe(true);
    const checked = validateRecord('ruleProfile', recordOf(old));
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.value.profile).toEqual(old); // nothing added on the way
      expect(lateAfterDays(checked.value.profile)).toBe(30);
    }
  });

  it('a profile that sets it is valid and counts its own days', () => {
    const own: RuleProfile = { ...old, sync: { lateAfterDays: 45 } };
    const checked = validateRecord('ruleProfile', recordOf(own));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(lateAfterDays(checked.value.profile)).toBe(45);
  });

  it.each([
    ['zero days', { lateAfterDays: 0 }],
    ['a fraction', { lateAfterDays: 7.5 }],
    ['more than a year', { lateAfterDays: 400 }],
    ['an unknown key', { lateAfterDays: 30, graceDays: 3 }],
    ['missing days', {}],
  ])('refuses %s', (_, sync) => {
    expect(ruleProfileSchema.safeParse({ ...old, sync }).success).toBe(false);
    const checked = validateRecord('ruleProfile', recordOf({ ...old, sync }));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error.message).toContain('规则配置');
  });
});
