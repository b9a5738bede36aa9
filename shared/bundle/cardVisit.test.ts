/**
 * Record schema 7 (issue 13) in return bundles: a card's 联系组 visit (`card.visitId`) travels to the
 * unit unchanged; a card of an older bundle without it is read as it is; a bundle that declares
 * schema 6 but carries a card with `visitId` was not written by the program it claims and is
 * refused (docs/bundle-format.md §14).
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../model/committee';
import { CardSchema } from '../model/committee';
import { RECORD_SCHEMA_VERSION } from '../model/upgrade';
import { decodeBundle } from './decode';
import { encodeBundle } from './encode';
import { plainPayload, sampleRecords, sealWithHeader, testParty, unitBundleInput } from './testing/testkit';

const unit = testParty('card-visit-unit');
const committee = testParty('card-visit-committee');
const ID = '019bc000-0000-7000-8000-0000000000c7';
const VISIT = '019bc000-0000-7000-8000-0000000000d1';

/** A card of the sample records without the schema-7 field. */
function oldCard(seed = 3): Card {
  const { visitId: _v, ...rest } = sampleRecords('card', 1, unit.id, committee.deviceId, seed)[0]!;
  return rest;
}
const linked = (): Card => ({ ...oldCard(4), visitId: VISIT, evidence: '工委联系组2026年11月20日座谈（督导检查记录）。\n整改要求：补齐会议记录' });

const returnHeader = { kind: 'committee-to-unit' as const, senderUnitId: committee.id, senderDeviceId: committee.deviceId, recipientId: unit.id };

async function openV(schemaVersion: number, cards: readonly unknown[]) {
  const bytes = await sealWithHeader(committee, unit, plainPayload(ID, [{ table: 'card', records: cards }]), { ...returnHeader, bundleId: ID, schemaVersion }, `card-visit:${schemaVersion}`);
  return decodeBundle(bytes, committee.signing.publicKey, unit.decrypter, { recipientId: unit.id, kind: 'committee-to-unit' });
}

describe('a card linked to a 联系组 visit (record schema 7)', () => {
  it('the schema: a card without a visit (older) stays valid; a visit must be an id', () => {
    expect(CardSchema.safeParse(oldCard()).success).toBe(true);
    expect(CardSchema.safeParse(linked()).success).toBe(true);
    const bad = CardSchema.safeParse({ ...linked(), visitId: '2026-11-20座谈' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['visitId']);
  });

  it('round-trip in a return bundle: the linked card keeps its visit, the other stays without one', async () => {
    const cards = [linked(), oldCard()];
    const encoded = await encodeBundle(
      { ...unitBundleInput(unit, committee, { records: { card: cards } }), ...returnHeader, recipientPublicKey: unit.encryption.publicKey },
      committee.signer,
    );
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.value.header.schemaVersion).toBe(RECORD_SCHEMA_VERSION);
    const decoded = await decodeBundle(encoded.value.bytes, committee.signing.publicKey, unit.decrypter, { recipientId: unit.id, kind: 'committee-to-unit' });
    expect(decoded.ok, decoded.ok ? '' : decoded.error.detail).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.records.card).toEqual(cards);
    expect(decoded.value.records.card?.[1]).not.toHaveProperty('visitId');
  });

  it('a schema-6 card (no visit) is read as it is', async () => {
    const old = oldCard();
    const r = await openV(6, [old]);
    expect(r.ok, r.ok ? '' : r.error.detail).toBe(true);
    if (r.ok) expect(r.value.records.card).toEqual([old]);
  });

  it('a schema-6 bundle carrying a card with a visit is refused, in words', async () => {
    const r = await openV(6, [oldCard(), linked()]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('invalid-record');
      expect(r.error.message).toMatch(/第6版.*第2条红黄牌记录含有第7版才有的字段「依据的督导检查」/);
    }
  });
});
