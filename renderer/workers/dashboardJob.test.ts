/**
 * The dashboard worker's job over a real committee database (fake-indexeddb, real bundles): the
 * register with each unit's last bundle, the summaries, the profile in force on `asOf` — a unit
 * that sent a bundle has the figures of its own records, an invited unit has none and is late from
 * its enrolment, a profile with its own lateness threshold is obeyed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NATIONAL_PROFILE_V1 } from '../../shared/rules/profile';
import { combineCompletion } from '../../shared/rules/meetings/meetingCompliance';
import { groupMeetingsByOrganisation, unitMeetingCompliance } from '../../shared/rules/meetings/unitCompliance';
import { meetingFields } from '../../test/fixtures/recordFields';
import type { TaizhangDb } from '../db/db';
import { createRecord } from '../db/recordRepository';
import { issueRuleProfile } from '../db/ruleProfileRepository';
import { enrolUnit } from '../db/sync/enrolment';
import { exportUnitBundle } from '../db/sync/exportBundle';
import { enrolledPair, importInto, must, testClock } from '../db/sync/testing/syncTestPair';
import { testCreditCode } from '../db/sync/testing/testSupport';
import { loadCityDashboard, registeredUnits } from './dashboardJob';

const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('loadCityDashboard', () => {
  it('reads the register, the summaries and the profile in force, and runs cityDashboard', async () => {
    const now = testClock(); // 2026-11-28, China time 16:00
    const { committee, unit, unitId, orgId } = await enrolledPair(now, opened);
    for (const date of ['2026-09-10', '2026-10-10']) await must(createRecord(unit, 'meeting', meetingFields(orgId, 'themedPartyDay', date)));
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
    const invited = await must(enrolUnit(committee, '市审计局', testCreditCode(12)));

    const options = { year: 2026, period: { kind: 'year' }, asOf: '2026-11-28', today: '2026-12-20' } as const;
    const d = await loadCityDashboard(committee.db, options);
    expect(d.rows.map((r) => [r.name, r.lastBundleOn, r.daysSinceLastBundle, r.late])).toEqual([
      ['市财政局', '2026-11-28', 22, false],
      ['市审计局', null, null, false],
    ]);
    expect(d.rows[1]).toMatchObject({ unitId: invited.id, completion: null, timeliness: { basis: 'enrolment', since: '2026-11-28', daysSince: 22 } });

    // the unit's row: the rules on the unit's own records
    const organisations = (await unit.db.organisation.toArray()).filter((o) => o.unitId === unitId);
    const meetings = await unit.db.meeting.toArray();
    const expected = combineCompletion(unitMeetingCompliance(organisations, [], groupMeetingsByOrganisation(meetings), 2026, '2026-11-28', NATIONAL_PROFILE_V1).map((c) => c.result));
    expect(d.rows[0]!.completion).toEqual(expected);
    expect(expected.due).toBeGreaterThan(0);
    expect(d.profile).toMatchObject({ version: 1, lateAfterDays: 30 });

    // the 工委 issues a profile with its own threshold: in force from 12月1日, so not for figures as of 11月28日
    const { version: _v, ...national } = NATIONAL_PROFILE_V1;
    await must(issueRuleProfile(committee, { ...national, name: '示范市规则', effectiveFrom: '2026-12-01', sync: { lateAfterDays: 20 } }, '报送期限调整为20天'));
    expect((await loadCityDashboard(committee.db, options)).rows.map((r) => r.late)).toEqual([false, false]);
    const december = await loadCityDashboard(committee.db, { ...options, asOf: '2026-12-20' });
    expect(december.profile).toMatchObject({ version: 2, lateAfterDays: 20 });
    expect(december.rows.map((r) => r.late)).toEqual([true, true]);
  });

  it('leaves deleted register entries out and dates the last bundle in China time', () => {
    const base = { unitId: 'u', rev: 'r', updatedBy: 'x', publicKey: null, revokedAt: null, creditCode: null } as const;
    const rows = registeredUnits(
      [
        { ...base, id: 'a', name: '甲', status: 'active', deleted: false, createdAt: '2026-01-01T17:00:00.000Z' },
        { ...base, id: 'b', name: '乙', status: 'invited', deleted: true, createdAt: '2026-01-01T00:00:00.000Z' },
      ],
      [{ peerId: 'a', role: 'unit', name: '甲', signingPublicKey: null, encryptionPublicKey: null, deviceId: null, enrolledAt: '', sent: [], lastReceipt: null, lastBundle: { sequence: 3, bundleId: 'x', at: '2026-03-31T16:30:00.000Z', snapshot: false } }],
    );
    expect(rows).toEqual([{ unitId: 'a', name: '甲', status: 'active', enrolledOn: '2026-01-02', lastBundleOn: '2026-04-01' }]);
  });
});
