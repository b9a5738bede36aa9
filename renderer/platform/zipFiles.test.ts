import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipFiles } from './zipFiles';

describe('zipFiles', () => {
  it('keeps every file under its Chinese name, byte for byte', () => {
    const a = Uint8Array.from([1, 2, 3, 250]);
    const b = new Uint8Array(1000).fill(7);
    const zip = zipFiles([
      { name: '市财政局_回执_2026-12-04_第1号.tzb', bytes: a },
      { name: '市审计局_回执_2026-12-04_第2号.tzb', bytes: b },
    ]);
    const out = unzipSync(zip);
    expect(Object.keys(out).sort()).toEqual(['市审计局_回执_2026-12-04_第2号.tzb', '市财政局_回执_2026-12-04_第1号.tzb']);
    expect(out['市财政局_回执_2026-12-04_第1号.tzb']).toEqual(a);
    expect(out['市审计局_回执_2026-12-04_第2号.tzb']).toEqual(b);
    // the UTF-8 name flag (general purpose bit 11) is set in the local header
    expect(zip[7]! & 0x08).toBe(0x08);
  });
});
