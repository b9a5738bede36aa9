import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rawZip } from './testing/testkit';
import { encodeUtf8 } from './utf8';
import { readZipBounded, writeZip } from './zip';
import type { ZipReadLimits } from './zip';

const MiB = 1024 * 1024;
const LIMITS: ZipReadLimits = {
  maxEntries: 10,
  maxTotalUncompressedBytes: 8 * MiB,
  maxCompressionRatio: 200,
  ratioFloorBytes: 64 * 1024,
  maxEntryBytes: (name) => (name.startsWith('big/') ? 8 * MiB : 4 * MiB),
};

function refusal(zip: Uint8Array, limits: ZipReadLimits = LIMITS): string {
  const r = readZipBounded(zip, limits);
  if (r.ok) return 'accepted';
  expect(r.error.message).toMatch(/\p{Script=Han}/u);
  return `${r.error.kind}: ${r.error.detail}`;
}

describe('zip', () => {
  it('reads back what it writes, stored and deflated', () => {
    const text = encodeUtf8('党员 member\n'.repeat(1000));
    const photo = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251);
    const zip = writeZip([
      { name: 'manifest.json', data: encodeUtf8('{}'), compress: true },
      { name: 'records/member.ndjson', data: text, compress: true },
      { name: 'attachments/abc', data: photo, compress: false },
    ]);
    const files = readZipBounded(zip, LIMITS);
    expect(files.ok).toBe(true);
    if (!files.ok) return;
    expect([...files.value.keys()]).toEqual(['manifest.json', 'records/member.ndjson', 'attachments/abc']);
    expect(files.value.get('records/member.ndjson')).toEqual(text);
    expect(files.value.get('attachments/abc')).toEqual(photo);
  });

  it('refuses an entry that inflates beyond the size it declares, without inflating it all (zip bomb)', () => {
    const bomb = deflateSync(new Uint8Array(32 * MiB), { level: 1 }); // ~32 KiB that inflate to 32 MiB
    const started = performance.now();
    expect(refusal(rawZip([{ name: 'records/member.ndjson', data: bomb, method: 8, size: 1000 }]))).toMatch(/^too-large: .*inflates beyond/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses declared sizes over the limits before inflating anything', () => {
    const tiny = deflateSync(new Uint8Array(10));
    expect(refusal(rawZip([{ name: 'records/a', data: tiny, method: 8, size: 4 * MiB + 1 }]))).toMatch(/^too-large: .*declares/);
    expect(
      refusal(
        rawZip([0, 1, 2].map((i) => ({ name: `big/${i}`, data: new Uint8Array(0), method: 8 as const, size: 3 * MiB }))),
        { ...LIMITS, maxCompressionRatio: Number.MAX_SAFE_INTEGER },
      ),
    ).toMatch(/^too-large: .*in total/);
    expect(refusal(rawZip([{ name: 'records/a', data: tiny, method: 8, size: 200 * 1024 }]))).toMatch(/^too-large: .*times/);
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `e${i}`, data: new Uint8Array(0), method: 0 as const, size: 0 }));
    expect(refusal(rawZip(many))).toMatch(/^too-large: zip declares 11 entries/);
  });

  it('refuses structural lies: short streams, repeated names, unknown flags and methods, gaps, comments', () => {
    const data = encodeUtf8('hello');
    const deflated = deflateSync(data);
    expect(refusal(rawZip([{ name: 'a', data: deflated, method: 8, size: 6 }]))).toMatch(/^corrupt-payload: .*inflates to 5/);
    expect(refusal(rawZip([{ name: 'a', data: deflated.subarray(0, 3), method: 8, size: 5 }]))).toMatch(/^corrupt-payload/);
    expect(refusal(rawZip([{ name: 'a', data, method: 0, size: 5 }, { name: 'a', data, method: 0, size: 5 }]))).toMatch(/repeated/);
    expect(refusal(rawZip([{ name: 'a', data, method: 0, size: 5, flags: 1 }]))).toMatch(/flags/);
    expect(refusal(rawZip([{ name: 'a', data, method: 0, size: 5, flags: 8 }]))).toMatch(/flags/);
    expect(refusal(rawZip([{ name: 'a', data, method: 0, size: 4 }]))).toMatch(/stored entry/);
    expect(refusal(rawZip([{ name: 'a', data, method: 0, size: 0xffffffff }]))).toMatch(/zip64/);
    const ok = rawZip([{ name: 'a', data, method: 0, size: 5 }]);
    expect(refusal(ok)).toBe('accepted');
    const method12 = ok.slice();
    method12[8] = 12; // local header method
    expect(refusal(method12)).toMatch(/disagrees/);
    const withComment = new Uint8Array(ok.length + 3);
    withComment.set(ok);
    withComment[ok.length - 2] = 3;
    expect(refusal(withComment)).toMatch(/end record/);
    const gap = new Uint8Array(ok.length + 4);
    gap.set(ok.subarray(0, 35));
    gap.set(ok.subarray(35), 39);
    expect(refusal(gap)).toMatch(/^corrupt-payload/);
    expect(refusal(new Uint8Array(10))).toMatch(/^corrupt-payload/);
  });
});
