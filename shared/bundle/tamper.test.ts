/** Any single changed byte, anywhere in the file, and any truncation is refused with a typed error. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBundle } from './decode';
import { encodeBundle } from './encode';
import { BUNDLE_ERROR_KINDS } from './errors';
import type { BundleErrorKind } from './errors';
import { sampleRecords, sampleUnitContent, testParty, unitBundleInput } from './testing/testkit';

const unit = testParty('tamper-unit');
const committee = testParty('tamper-committee');

async function makeBundle(total: number, attachments: number): Promise<Uint8Array> {
  const content = total === 1 ? { records: { unit: sampleRecords('unit', 1, unit.id, unit.deviceId, 3) } } : sampleUnitContent(unit.id, unit.deviceId, total, 3, attachments);
  const r = await encodeBundle(unitBundleInput(unit, committee, content), unit.signer);
  if (!r.ok) throw new Error(r.error.detail);
  return r.value.bytes;
}

async function kindOf(bytes: Uint8Array): Promise<BundleErrorKind | 'accepted'> {
  const r = await decodeBundle(bytes, unit.signing.publicKey, committee.decrypter, { recipientId: committee.id });
  if (r.ok) return 'accepted';
  expect(BUNDLE_ERROR_KINDS).toContain(r.error.kind);
  expect(r.error.message).toMatch(/\p{Script=Han}/u);
  return r.error.kind;
}

describe('tampering', () => {
  it('every position of a small bundle: flipping its lowest bit is refused', async () => {
    const bytes = await makeBundle(1, 0);
    expect(await kindOf(bytes)).toBe('accepted');
    const kinds = new Map<string, number>();
    for (let i = 0; i < bytes.length; i++) {
      const copy = bytes.slice();
      copy[i]! ^= 0x01;
      const kind = await kindOf(copy);
      expect(kind, `position ${i}`).not.toBe('accepted');
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    console.log(`bit flips over all ${bytes.length} positions → ${JSON.stringify(Object.fromEntries(kinds))}`);
  }, 120_000);

  it('any single byte changed to any other value is refused (property)', async () => {
    const bytes = await makeBundle(60, 2);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (position, xor) => {
        const copy = bytes.slice();
        copy[position]! ^= xor;
        expect(await kindOf(copy)).not.toBe('accepted');
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('every truncation is refused, past the header as "truncated"', async () => {
    const bytes = await makeBundle(1, 0);
    const headerEnd = 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8);
    for (let n = 0; n < bytes.length; n++) {
      const kind = await kindOf(bytes.subarray(0, n));
      expect(kind, `length ${n}`).not.toBe('accepted');
      if (n > headerEnd || n < 12) expect(kind, `length ${n}`).toBe('truncated');
    }
  }, 120_000);
});
