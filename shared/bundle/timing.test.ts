/** Encode/decode time of a ~5,000-record bundle, printed for the record (no timing assertions). */
import { describe, expect, it } from 'vitest';
import { decodeBundle } from './decode';
import { encodeBundle } from './encode';
import { sampleUnitContent, testParty, unitBundleInput } from './testing/testkit';

describe('timing', () => {
  it('encodes and decodes ~5,000 records', async () => {
    const unit = testParty('timing-unit');
    const committee = testParty('timing-committee');
    const content = sampleUnitContent(unit.id, unit.deviceId, 5_000, 99, 10);
    const input = unitBundleInput(unit, committee, content);
    const records = Object.values(input.records).reduce((n, l) => n + (l?.length ?? 0), 0);
    const runs: { encodeMs: number; decodeMs: number; bytes: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const encoded = await encodeBundle(input, unit.signer);
      const t1 = performance.now();
      expect(encoded.ok).toBe(true);
      if (!encoded.ok) return;
      const decoded = await decodeBundle(encoded.value.bytes, unit.signing.publicKey, committee.decrypter, { recipientId: committee.id });
      const t2 = performance.now();
      expect(decoded.ok && decoded.value.totalRecords).toBe(records);
      runs.push({ encodeMs: Math.round(t1 - t0), decodeMs: Math.round(t2 - t1), bytes: encoded.value.bytes.length });
    }
    const best = (key: 'encodeMs' | 'decodeMs'): number => Math.min(...runs.map((r) => r[key]));
    console.log(
      `bundle of ${records} records + 10 attachments (${runs[0]!.bytes} bytes): ` +
        `encode ${runs.map((r) => r.encodeMs).join('/')} ms (best ${best('encodeMs')}), ` +
        `decode ${runs.map((r) => r.decodeMs).join('/')} ms (best ${best('decodeMs')}) — runs 1/2/3, the first includes JIT warm-up`,
    );
  }, 120_000);
});
