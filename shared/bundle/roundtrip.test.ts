/** decode(encode(x)) = x, for any valid records, attachments and header fields (fast-check). */
import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { isoInstantArbitrary, recordArbitrary } from '../model/testing/arbitraries';
import { recordOwner, type RecordTable } from '../model/tables';
import { decodeBundle, openBundle, readHeader, verifyBundle } from './decode';
import { encodeBundle } from './encode';
import type { BundleRecords } from './records';
import { COMMITTEE_TABLES, testParty, UNIT_TABLES, unitBundleInput, withoutEmptyTables } from './testing/testkit';

const unit = testParty('roundtrip-unit');
const committee = testParty('roundtrip-committee');

function tableArbitrary(table: RecordTable, unitId: string, deviceId: string, side: 'unit' | 'committee') {
  const arb = recordArbitrary(table, { unitId, deviceId }).filter(
    (r) => table !== 'trainingClass' || (r as { organiser?: string }).organiser === side,
  );
  return fc.uniqueArray(arb, { maxLength: table === 'unit' ? 1 : 3, selector: (r) => r.id });
}

function recordsArbitrary(tables: readonly RecordTable[], unitId: string, deviceId: string, side: 'unit' | 'committee') {
  const shape: Record<string, fc.Arbitrary<unknown[]>> = {};
  for (const t of tables) if (t !== 'attachment') shape[t] = tableArbitrary(t, unitId, deviceId, side);
  return fc.record(shape) as unknown as fc.Arbitrary<Record<string, unknown[]>>;
}

/** A unit's attachment record: not a notice's, which is the committee's (recordOwner). */
const unitAttachmentArbitrary = recordArbitrary('attachment', { unitId: unit.id, deviceId: unit.deviceId }).filter((r) => recordOwner('attachment', r) === 'unit');

/** Attachment records with their files (sometimes two records share one file). */
const attachmentsArbitrary = fc
  .array(fc.tuple(unitAttachmentArbitrary, fc.uint8Array({ maxLength: 400 }), fc.boolean()), {
    maxLength: 3,
  })
  .map((items) => {
    const records: unknown[] = [];
    const files: Uint8Array[] = [];
    const ids = new Set<string>();
    for (const [record, blob, shareWithPrevious] of items) {
      if (ids.has(record.id)) continue;
      ids.add(record.id);
      const file = shareWithPrevious && files.length > 0 ? (files[files.length - 1] as Uint8Array) : blob;
      files.push(file);
      records.push({ ...record, sha256: bytesToHex(sha256(file)), size: file.length });
    }
    return { records, files };
  });

const changeRangeArbitrary = fc.option(
  fc.integer({ min: 1, max: 1_000_000 }).chain((fromSeq) => fc.integer({ min: fromSeq - 1, max: fromSeq + 5000 }).map((toSeq) => ({ fromSeq, toSeq }))),
  { nil: null },
);

describe('bundle round trip', () => {
  it('unit → committee: decode(encode(x)) = x', async () => {
    await fc.assert(
      fc.asyncProperty(
        recordsArbitrary(UNIT_TABLES, unit.id, unit.deviceId, 'unit'),
        attachmentsArbitrary,
        changeRangeArbitrary,
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        isoInstantArbitrary,
        async (records, attachments, changeRange, sequence, createdAt) => {
          const input = unitBundleInput(
            unit,
            committee,
            { records: { ...records, attachment: attachments.records } as BundleRecords, attachments: attachments.files },
            { changeRange, sequence, createdAt },
          );
          const encoded = await encodeBundle(input, unit.signer);
          expect(encoded.ok).toBe(true);
          if (!encoded.ok) return;
          const decoded = await decodeBundle(encoded.value.bytes, unit.signing.publicKey, committee.decrypter, {
            recipientId: committee.id,
            kind: 'unit-to-committee',
          });
          expect(decoded.ok, decoded.ok ? '' : decoded.error.detail).toBe(true);
          if (!decoded.ok) return;
          expect(decoded.value.records).toEqual(withoutEmptyTables(input.records));
          expect(new Map(decoded.value.attachments)).toEqual(new Map(attachments.files.map((f) => [bytesToHex(sha256(f)), f])));
          expect(decoded.value.header).toEqual(encoded.value.header);
          expect(decoded.value.header).toMatchObject({ sequence, createdAt, changeRange, snapshot: changeRange === null });
          expect(decoded.value.totalRecords).toBe(Object.values(input.records).reduce((n, l) => n + (l?.length ?? 0), 0));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('committee → unit: decode(encode(x)) = x', async () => {
    await fc.assert(
      fc.asyncProperty(recordsArbitrary(COMMITTEE_TABLES, unit.id, committee.deviceId, 'committee'), async (records) => {
        const encoded = await encodeBundle(
          {
            ...unitBundleInput(unit, committee, { records: records as BundleRecords }),
            kind: 'committee-to-unit',
            senderUnitId: committee.id,
            senderDeviceId: committee.deviceId,
            recipientId: unit.id,
            recipientPublicKey: unit.encryption.publicKey,
          },
          committee.signer,
        );
        expect(encoded.ok).toBe(true);
        if (!encoded.ok) return;
        const untrusted = readHeader(encoded.value.bytes);
        expect(untrusted.ok).toBe(true);
        if (!untrusted.ok) return;
        const verified = verifyBundle(untrusted.value, { status: 'pinned', publicKey: committee.signing.publicKey });
        expect(verified.ok).toBe(true);
        if (!verified.ok) return;
        const opened = await openBundle(verified.value, unit.decrypter, { recipientId: unit.id, kind: 'committee-to-unit' });
        expect(opened.ok, opened.ok ? '' : opened.error.detail).toBe(true);
        if (opened.ok) expect(opened.value.records).toEqual(withoutEmptyTables(records as BundleRecords));
      }),
      { numRuns: 30 },
    );
  });
});
