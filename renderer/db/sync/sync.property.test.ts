/**
 * Properties of import over many bundles (fast-check, seed printed on failure): importing twice
 * equals once, and any order of the same bundles gives the same database fingerprint. Bundles are
 * made by two devices of one unit editing an overlapping set of records.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeBundle, publicKeyFromBase64, publicKeyToBase64 } from '../../../shared/bundle';
import { sampleRecords, testParty } from '../../../shared/bundle/testing/testkit';
import { encodeRev } from '../../../shared/clock/hlc';
import type { TaizhangDb } from '../db';
import { createRecord } from '../recordRepository';
import { databaseFingerprint } from './fingerprint';
import { applyImport, prepareImport } from './importBundle';
import { freshSide } from './testing/testSupport';

const unit = testParty('property-unit');
const deviceB = testParty('property-unit-second-pc').deviceId;
const base = sampleRecords('careVisit', 4, unit.id, unit.deviceId, 7);
const T0 = Date.parse('2026-11-01T00:00:00.000Z');
const clock = () => new Date(Date.parse('2026-11-28T08:00:00.000Z'));
const dbs: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** One bundle: versions of some of the records, each (record, wall ms offset, device, name). */
const bundleArb = fc.uniqueArray(fc.record({ record: fc.nat(base.length - 1), wall: fc.nat(50), second: fc.boolean(), name: fc.constantFrom('张三', '李四', '王五') }), {
  minLength: 1,
  maxLength: 4,
  selector: (v) => v.record,
});
const bundlesArb = fc.array(bundleArb, { minLength: 1, maxLength: 4 });

async function committeeWithUnit() {
  const side = await freshSide('committee', clock);
  dbs.push(side.db);
  const r = await createRecord(side.ctx, 'enrolledUnit', { name: '市财政局', publicKey: publicKeyToBase64(unit.signing.publicKey), status: 'active', revokedAt: null, unitId: unit.id }, { id: unit.id });
  if (!r.ok) throw new Error(r.error.message);
  return side;
}

async function encodeAll(db: TaizhangDb, committeeId: string, bundles: { record: number; wall: number; second: boolean; name: string }[][]): Promise<Uint8Array[]> {
  const device = (await db.device.get('device'))!;
  const out: Uint8Array[] = [];
  for (let i = 0; i < bundles.length; i++) {
    const careVisit = bundles[i]!.map((v) => ({
      ...base[v.record]!,
      visitedName: v.name,
      rev: encodeRev({ wallMs: T0 + v.wall, counter: 0, deviceId: v.second ? deviceB : unit.deviceId }),
    }));
    const encoded = await encodeBundle(
      {
        kind: 'unit-to-committee',
        senderUnitId: unit.id,
        senderDeviceId: unit.deviceId,
        sequence: i + 1,
        recipientId: committeeId,
        recipientPublicKey: publicKeyFromBase64(device.encryptionPublicKey)!,
        createdAt: '2026-11-28T08:00:00.000Z',
        ruleProfileVersion: 1,
        changeRange: null,
        records: { careVisit },
      },
      unit.signer,
    );
    if (!encoded.ok) throw new Error(encoded.error.message);
    out.push(encoded.value.bytes);
  }
  return out;
}

async function importAll(side: Awaited<ReturnType<typeof committeeWithUnit>>, files: readonly Uint8Array[]): Promise<void> {
  for (const f of files) {
    const p = await prepareImport(side.ctx, f);
    if (!p.ok) {
      expect(p.error.kind).toBe('already-imported');
      continue;
    }
    const a = await applyImport(side.ctx, p.value);
    if (!a.ok) throw new Error(a.error.message);
  }
}

describe('import properties', () => {
  it('importing twice equals importing once', async () => {
    await fc.assert(
      fc.asyncProperty(bundlesArb, async (bundles) => {
        const side = await committeeWithUnit();
        const files = await encodeAll(side.db, side.ctx.ownerId, bundles);
        await importAll(side, files);
        const once = await databaseFingerprint(side.db);
        const conflictsOnce = await side.db.conflicts.count();
        await importAll(side, files);
        expect(await databaseFingerprint(side.db)).toEqual(once);
        expect(await side.db.conflicts.count()).toBe(conflictsOnce);
      }),
      { numRuns: 15 },
    );
  });

  it('any order of the same bundles gives the same fingerprint and receipt', async () => {
    await fc.assert(
      fc.asyncProperty(
        bundlesArb.chain((bundles) => fc.tuple(fc.constant(bundles), fc.shuffledSubarray(bundles.map((_, i) => i), { minLength: bundles.length, maxLength: bundles.length }))),
        async ([bundles, order]) => {
          const a = await committeeWithUnit();
          await importAll(a, await encodeAll(a.db, a.ctx.ownerId, bundles));
          const b = await committeeWithUnit();
          const filesB = await encodeAll(b.db, b.ctx.ownerId, bundles);
          await importAll(b, order.map((i) => filesB[i]!));
          expect(await databaseFingerprint(b.db, 'unit')).toEqual(await databaseFingerprint(a.db, 'unit'));
          const receipt = async (db: TaizhangDb) => ((await db.receipt.toArray())[0] as unknown as { highestSequence: number }).highestSequence;
          expect(await receipt(b.db)).toBe(await receipt(a.db));
        },
      ),
      { numRuns: 15 },
    );
  });
});
