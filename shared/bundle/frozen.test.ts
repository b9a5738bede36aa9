/**
 * Frozen fixtures of every released bundle format (DESIGN.md §10.8). `test/fixtures/bundles/v1/`
 * holds a format-1 bundle made once (2026-01, with seeded test keys) and what it must decode to.
 * Never regenerate these files: if this test fails, the change broke compatibility with bundles
 * already on USB sticks — add a migration (or a new format version) instead.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decrypterFromSecretKey } from './crypto';
import { decodeBundle } from './decode';
import { publicKeyFromBase64 } from './keys';

const DIR = path.resolve(import.meta.dirname, '../../test/fixtures/bundles/v1');

describe('format 1, frozen', () => {
  it('still decodes to the same header, records and attachments', async () => {
    const keys = JSON.parse(readFileSync(path.join(DIR, 'keys.json'), 'utf8'));
    const expected = JSON.parse(readFileSync(path.join(DIR, 'unit-snapshot.expected.json'), 'utf8'));
    const bytes = new Uint8Array(readFileSync(path.join(DIR, 'unit-snapshot.tzb')));
    const r = await decodeBundle(
      bytes,
      publicKeyFromBase64(keys.unitSigningPublicKey) as Uint8Array,
      decrypterFromSecretKey(publicKeyFromBase64(keys.committeeEncryptionSecretKey) as Uint8Array),
      { recipientId: keys.committeeId, kind: 'unit-to-committee' },
    );
    expect(r.ok, r.ok ? '' : `${r.error.kind}: ${r.error.detail}`).toBe(true);
    if (!r.ok) return;
    expect(r.value.header).toEqual(expected.header);
    expect(r.value.records).toEqual(expected.records);
    expect([...r.value.attachments.keys()].sort()).toEqual(expected.attachmentSha256);
  });
});
