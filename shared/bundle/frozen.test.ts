/**
 * Frozen fixtures of every released bundle format (DESIGN.md §10.8). `test/fixtures/bundles/v1/`
 * holds a format-1 bundle made once (2026-01, with seeded test keys) and what it must decode to.
 * Never regenerate these files: if this test fails, the change broke compatibility with bundles
 * already on USB sticks — add a migration (or a new format version) instead.
 *
 * The v1 bundle carries records of record schema 1; they decode to the expected records upgraded
 * by shared/model/upgrade.ts as docs/bundle-format.md §14 says (v2: training classes gain
 * `sessions: []`, enrolments `attendedSessionIds: null`; v3 and v4: the defaults of their fields)
 * and nothing else. It carries nothing a later schema added (shared/bundle/schemaHistory.ts), or it
 * would now be refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decrypterFromSecretKey } from './crypto';
import { decodeBundle } from './decode';
import { publicKeyFromBase64 } from './keys';
import type { RecordTable } from '../model/tables';
import { upgradeRecord } from '../model/upgrade';

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
    expect(r.value.header.schemaVersion).toBe(1);
    const upgraded = Object.fromEntries(
      Object.entries(expected.records as Record<RecordTable, unknown[]>).map(([table, rows]) => [table, rows.map((row) => upgradeRecord(table as RecordTable, row, 1))]),
    );
    expect(r.value.records).toEqual(upgraded);
    expect((r.value.records.trainingClass ?? []).length).toBeGreaterThan(0);
    for (const c of r.value.records.trainingClass ?? []) expect(c.sessions).toEqual([]);
    for (const e of r.value.records.enrolment ?? []) expect(e.attendedSessionIds).toBeNull();
    expect([...r.value.attachments.keys()].sort()).toEqual(expected.attachmentSha256);
  });
});
