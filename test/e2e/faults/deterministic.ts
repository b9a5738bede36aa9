/**
 * Imported first by the kill-test page: every load of the page sees the same clock and the same
 * "random" bytes, so that two runs of one import, each in a freshly loaded page, write the same
 * rows (the same ids, revs and times) and the database after a complete import has one
 * fingerprint. Test code only: it replaces `Date.now` and `crypto.getRandomValues` for the page.
 */

/** 2027-01-15 09:00 in Shanghai: the committee imports the city's 2026 bundles in January. */
export const FIXED_NOW = Date.UTC(2027, 0, 15, 1, 0, 0);

Date.now = () => FIXED_NOW;

// mulberry32: a small seeded generator, the same sequence in every page load
let state = 0x2f6b1d3;
function nextWord(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

crypto.getRandomValues = (<T extends ArrayBufferView | null>(array: T): T => {
  if (array !== null) {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = nextWord() & 0xff;
  }
  return array;
}) as Crypto['getRandomValues'];
