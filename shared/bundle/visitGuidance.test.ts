/**
 * Record schema 7 (issue 13): the 日常指导评价 given at a 联系组 visit (`supervisionVisit.guidanceScore`,
 * an integer 0–100, optional). A visit without it (older, or none given) stays valid; a bundle that
 * declares schema 6 but carries a visit with a score was not written by the program it claims and
 * is refused (docs/bundle-format.md §14). Visits are the committee's own: no return bundle carries
 * them (renderer/db/supervisionRepository.test.ts), the decoder still checks any it is given.
 */
import { describe, expect, it } from 'vitest';
import { SupervisionVisitSchema, type SupervisionVisit } from '../model/committee';
import { decodeBundle } from './decode';
import { plainPayload, sampleRecords, sealWithHeader, testParty } from './testing/testkit';

const unit = testParty('visit-guidance-unit');
const committee = testParty('visit-guidance-committee');
const ID = '019bc000-0000-7000-8000-0000000000e7';

/** A visit of the sample records without the schema-7 field. */
function oldVisit(seed = 3): SupervisionVisit {
  const { guidanceScore: _g, ...rest } = sampleRecords('supervisionVisit', 1, unit.id, committee.deviceId, seed)[0]!;
  return rest;
}
const scored = (guidanceScore: number): SupervisionVisit => ({ ...oldVisit(4), guidanceScore });

const returnHeader = { kind: 'committee-to-unit' as const, senderUnitId: committee.id, senderDeviceId: committee.deviceId, recipientId: unit.id };

async function openV(schemaVersion: number, visits: readonly unknown[]) {
  const bytes = await sealWithHeader(committee, unit, plainPayload(ID, [{ table: 'supervisionVisit', records: visits }]), { ...returnHeader, bundleId: ID, schemaVersion }, `visit-guidance:${schemaVersion}`);
  return decodeBundle(bytes, committee.signing.publicKey, unit.decrypter, { recipientId: unit.id, kind: 'committee-to-unit' });
}

describe('a 联系组 visit’s 日常指导评价 (record schema 7)', () => {
  it('the schema: a visit without a score (older) stays valid; a score is an integer 0–100, refused in words otherwise', () => {
    expect(SupervisionVisitSchema.safeParse(oldVisit()).success).toBe(true);
    for (const g of [0, 80, 100]) expect(SupervisionVisitSchema.safeParse(scored(g)).success).toBe(true);
    const over = SupervisionVisitSchema.safeParse(scored(101));
    expect(over.error?.issues[0]).toMatchObject({ path: ['guidanceScore'], message: '日常指导评价应在 0 至 100 分之间，请核对' });
    expect(SupervisionVisitSchema.safeParse(scored(-1)).error?.issues[0]?.message).toBe('日常指导评价不能为负数，请核对');
    expect(SupervisionVisitSchema.safeParse(scored(85.5)).error?.issues[0]?.message).toBe('日常指导评价应为整数，请核对');
  });

  it('a schema-7 bundle keeps the score; a schema-6 visit (no score) is read as it is', async () => {
    const visits = [scored(80), oldVisit()];
    const r7 = await openV(7, visits);
    expect(r7.ok, r7.ok ? '' : r7.error.detail).toBe(true);
    if (r7.ok) {
      expect(r7.value.records.supervisionVisit).toEqual(visits);
      expect(r7.value.records.supervisionVisit?.[1]).not.toHaveProperty('guidanceScore');
    }
    const old = oldVisit();
    const r6 = await openV(6, [old]);
    expect(r6.ok, r6.ok ? '' : r6.error.detail).toBe(true);
    if (r6.ok) expect(r6.value.records.supervisionVisit).toEqual([old]);
  });

  it('a schema-6 bundle carrying a visit with a score is refused, in words', async () => {
    const r = await openV(6, [oldVisit(), scored(90)]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('invalid-record');
      expect(r.error.message).toMatch(/第6版.*第2条.*含有第7版才有的字段「日常指导评价」/);
    }
  });
});
