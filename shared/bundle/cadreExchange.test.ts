/**
 * Record schema 7 (issue 14) in bundles, the 关怀激励 side: the new table 党务干部双向交流
 * (`cadreExchange`) and a 宣传 item's 媒体级别 (`publicity.level`) travel unchanged; a 宣传 item of
 * an older bundle without a level is read as it is; a bundle that declares schema 6 but carries
 * either was not written by the program it claims and is refused (docs/bundle-format.md §14).
 */
import { describe, expect, it } from 'vitest';
import type { Publicity } from '../model/care';
import { RECORD_SCHEMA_VERSION } from '../model/upgrade';
import type { RecordTable } from '../model/tables';
import { decodeBundle } from './decode';
import { encodeBundle } from './encode';
import { plainPayload, sampleRecords, sealWithHeader, testParty, unitBundleInput } from './testing/testkit';

const unit = testParty('exchange-unit');
const committee = testParty('exchange-committee');
const ID = '019bc000-0000-7000-8000-0000000000b7';

function olderPublicity(seed = 3): Publicity {
  const { level: _level, ...rest } = sampleRecords('publicity', 1, unit.id, unit.deviceId, seed)[0]!;
  return rest;
}

async function openV(schemaVersion: number, table: RecordTable, records: readonly unknown[]) {
  const bytes = await sealWithHeader(unit, committee, plainPayload(ID, [{ table, records }]), { bundleId: ID, schemaVersion }, `exchange:${schemaVersion}:${table}`);
  return decodeBundle(bytes, unit.signing.publicKey, committee.decrypter, { recipientId: committee.id, kind: 'unit-to-committee' });
}

describe('schema 7 关怀激励 records in bundles', () => {
  it('round-trip: 党务干部双向交流 (with and without 任前考察) and 宣传 with its 媒体级别', async () => {
    const cadreExchange = sampleRecords('cadreExchange', 3, unit.id, unit.deviceId, 11);
    const publicity = [{ ...olderPublicity(), level: '市级' }];
    const encoded = await encodeBundle(unitBundleInput(unit, committee, { records: { cadreExchange, publicity } }), unit.signer);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.value.header.schemaVersion).toBe(RECORD_SCHEMA_VERSION);
    const decoded = await decodeBundle(encoded.value.bytes, unit.signing.publicKey, committee.decrypter, { recipientId: committee.id, kind: 'unit-to-committee' });
    expect(decoded.ok, decoded.ok ? '' : decoded.error.detail).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.records.cadreExchange).toEqual(cadreExchange);
    expect(decoded.value.records.publicity).toEqual(publicity);
  });

  it('a schema-6 宣传 item (no 媒体级别) is read as it is', async () => {
    const old = olderPublicity();
    const r = await openV(6, 'publicity', [old]);
    expect(r.ok, r.ok ? '' : r.error.detail).toBe(true);
    if (r.ok) expect(r.value.records.publicity).toEqual([old]);
  });

  it('a schema-6 bundle carrying a 媒体级别 or the 党务干部双向交流 table is refused, in words', async () => {
    const level = await openV(6, 'publicity', [{ ...olderPublicity(), level: '省级' }]);
    expect(level.ok).toBe(false);
    if (!level.ok) expect(level.error.message).toMatch(/第6版.*宣传报道.*第7版才有的字段「媒体级别」/);
    const table = await openV(6, 'cadreExchange', sampleRecords('cadreExchange', 1, unit.id, unit.deviceId, 5));
    expect(table.ok).toBe(false);
    if (!table.ok) expect(table.error.message).toMatch(/第6版.*却含有第7版才有的党务干部双向交流记录/);
  });
});
