/**
 * The 工委's rule profile reaches its units (DOMAIN.md: "the committee edits its profile and sends it
 * to its units in a bundle"): issued at the committee, carried by the return bundle, in force at the
 * unit from its 施行日期, named in the headers of both sides' bundles; a unit cannot issue one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readHeader } from '../../shared/bundle';
import type { RuleProfileRecord } from '../../shared/model/ruleProfile';
import { NATIONAL_PROFILE_V1, ruleProfileInForce } from '../../shared/rules/profile';
import type { TaizhangDb } from './db';
import { issueRuleProfile, nextProfileVersion } from './ruleProfileRepository';
import { exportReturnBundle, exportUnitBundle } from './sync/exportBundle';
import { enrolledPair, importInto, must, testClock } from './sync/testing/syncTestPair';

const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const { version: _v, ...national } = NATIONAL_PROFILE_V1;
const stricter = {
  ...national,
  name: '示范市机关党建规则（2027年版）',
  effectiveFrom: '2026-12-01',
  cadreRatio: { minBasisPoints: 150, maxBasisPoints: 250 },
  training: { ...national.training, newHeadWithinMonths: 6 },
};

async function issuedAt(db: TaizhangDb): Promise<RuleProfileRecord[]> {
  return (await db.ruleProfile.toArray()) as unknown as RuleProfileRecord[];
}

describe('rule profile (规则配置)', () => {
  it('issued by the committee, carried by the return bundle, in force at the unit from its date', async () => {
    const now = testClock();
    const { committee, unit, unitId } = await enrolledPair(now, opened);
    const issued = await must(issueRuleProfile(committee, stricter, '依据市委直属机关工委文件调整专职党务干部配备比例'));
    expect(issued.profile.version).toBe(NATIONAL_PROFILE_V1.version + 1);
    expect(issued.unitId).toBe(committee.ownerId);

    // the unit's first bundle (it carries the unit's key) still counts by the national rules
    const first = await must(exportUnitBundle(unit));
    const header = readHeader(first.bytes);
    expect(header.ok && header.value.claimedHeader.ruleProfileVersion).toBe(NATIONAL_PROFILE_V1.version);
    await importInto(committee, first.bytes, { confirm: true });

    const back = await must(exportReturnBundle(committee, unitId));
    expect(back.counts.ruleProfile).toBe(1);
    expect(back.header.ruleProfileVersion).toBe(NATIONAL_PROFILE_V1.version); // the committee's own figures: the new one starts 12月1日
    await importInto(unit, back.bytes);
    const atUnit = await issuedAt(unit.db);
    expect(atUnit.map((r) => r.profile.version)).toEqual([issued.profile.version]);
    expect(ruleProfileInForce(atUnit, '2026-11-30')).toBe(NATIONAL_PROFILE_V1); // not yet in force
    expect(ruleProfileInForce(atUnit, '2026-12-01').cadreRatio.minBasisPoints).toBe(150);

    // a later version supersedes it; both stay (figures about earlier days use the earlier one)
    const next = await must(issueRuleProfile(committee, { ...stricter, effectiveFrom: '2027-01-01', cadreRatio: { minBasisPoints: 120, maxBasisPoints: 250 } }, '再次调整'));
    expect(next.profile.version).toBe(issued.profile.version + 1);
    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    const both = await issuedAt(unit.db);
    expect(both).toHaveLength(2);
    expect(ruleProfileInForce(both, '2026-12-15').version).toBe(issued.profile.version);
    expect(ruleProfileInForce(both, '2027-01-02').cadreRatio.minBasisPoints).toBe(120);
  });

  it('a unit cannot issue a profile, and a profile that breaks the schema is refused with the field named', async () => {
    const now = testClock();
    const { committee, unit } = await enrolledPair(now, opened);
    const refused = await issueRuleProfile(unit, stricter, '');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toBe('规则配置由机关工委制定并随同步包下发，单位不能自行修改。');
    const bad = await issueRuleProfile(committee, { ...stricter, cadreRatio: { minBasisPoints: 300, maxBasisPoints: 200 } }, '');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toContain('下限不能高于上限');
    expect(await issuedAt(committee.db)).toEqual([]);
  });

  it('numbers versions after every version issued, deleted ones included', () => {
    expect(nextProfileVersion([])).toBe(NATIONAL_PROFILE_V1.version + 1);
    expect(nextProfileVersion([{ profile: { ...NATIONAL_PROFILE_V1, version: 7 } }])).toBe(8);
  });
});
