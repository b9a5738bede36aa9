/**
 * The `.tzbak` codec on its own: a round trip keeps every kind of value and the fingerprint; a file
 * sealed with the right passphrase but hostile inside (an invalid record, a repeated key, a row
 * without its key, a stray file, a newer format) is refused as damaged before anything is returned;
 * the header and the sizes are checked before scrypt runs. scrypt at logN 15 (the app uses 17).
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { openBackup, sealBackup, type BackupContent, type BackupDescription } from './codec';
import { contentFingerprint } from './fingerprint';
import { BACKUP_MAGIC, backupFileName } from './format';
import { blobTag, canonicalText, fromPortable, toPortable, type PortableObject } from './portable';

const PASS = '一二三四五六七八九十';
const FAST = { logN: 15 } as const;
const description: BackupDescription = {
  appVersion: '0.1.0',
  databaseVersion: 3,
  recordSchemaVersion: 2,
  createdAt: '2026-12-05T08:00:00.000Z',
  workspace: { mode: 'unit', ownerId: '019bbef3-b000-7000-8000-000000000001', name: '市财政局', creditCode: '11410100MB1234567W' },
  device: { deviceId: 'dev-1', signingPublicKey: 'A'.repeat(43) + '=', encryptionPublicKey: 'B'.repeat(43) + '=' },
};
const file = new Uint8Array([1, 2, 3, 4]);
const fileSha = bytesToHex(sha256(file));

function content(extra: Partial<Record<string, PortableObject[]>> = {}, blobs = new Map([[fileSha, file]])): BackupContent {
  return {
    stores: [
      { name: 'changes', keyPath: 'seq', rows: [{ seq: 2, table: 'unit', id: 'a', rev: 'r2' }, { seq: 10, table: 'unit', id: 'a', rev: 'r10' }] },
      { name: 'attachmentBlobs', keyPath: 'sha256', rows: [{ sha256: fileSha, blob: blobTag({ sha256: fileSha, type: 'image/png', size: 4 }), thumbnail: null }] },
      { name: 'reportDrafts', keyPath: 'seq', rows: extra.reportDrafts ?? [] },
      ...Object.entries(extra)
        .filter(([name]) => name !== 'reportDrafts')
        .map(([name, rows]) => ({ name, keyPath: 'id', rows: rows ?? [] })),
    ],
    blobs,
  };
}

async function roundTrip(c: BackupContent) {
  const sealed = await sealBackup(description, c, PASS, FAST);
  if (!sealed.ok) throw new Error(sealed.error.message);
  return { sealed: sealed.value, opened: await openBackup(sealed.value.bytes, PASS) };
}

describe('portable values', () => {
  it('keep undefined, NaN, ±Infinity, −0, floats, dates and objects with a $t member', () => {
    const value = { a: undefined, b: NaN, c: -Infinity, d: -0, e: 0.1 + 0.2, f: new Date('2026-01-02T03:04:05.000Z'), g: { $t: 'mine', h: [1, undefined] } };
    const portable = toPortable(value, () => undefined);
    const back = fromPortable(JSON.parse(canonicalText(portable)), () => null) as typeof value;
    expect(back).toEqual(value);
    expect(Object.is(back.d, -0) && Object.hasOwn(back, 'a')).toBe(true);
  });
  it('throws on a kind of value it does not know (a new store type must be noticed)', () => {
    expect(() => toPortable({ x: new Map() }, () => undefined)).toThrow(/cannot store/);
  });
});

describe('.tzbak codec', () => {
  it('round-trips the content with its fingerprint; the file name is cleaned', async () => {
    const c = content({ reportDrafts: [{ seq: 1, intro: '开头', n: 1.5 }] });
    const { sealed, opened } = await roundTrip(c);
    expect(sealed.manifest.fingerprint).toBe(contentFingerprint(c.stores));
    expect(sealed.manifest.stores).toMatchObject({ changes: { keyPath: 'seq', rows: 2 }, reportDrafts: { rows: 1 } });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(contentFingerprint(opened.value.stores)).toBe(sealed.manifest.fingerprint);
    expect(opened.value.blobs.get(fileSha)).toEqual(file);
    expect(backupFileName('市/财政局', '2026-12-05')).toBe('台账备份_市_财政局_2026-12-05.tzbak');
  });

  it('refuses hostile content sealed with the right passphrase', async () => {
    const cases: [string, BackupContent][] = [
      ['an invalid synced record', content({ member: [{ id: 'x', name: 1 }] })],
      ['a repeated primary key', content({ reportDrafts: [{ seq: 1 }, { seq: 1 }] })],
      ['a file no row names', content({}, new Map([[fileSha, file], [bytesToHex(sha256(new Uint8Array([7]))), new Uint8Array([7])]]))],
      ['a row naming a missing file', content({}, new Map())],
      ['a malformed tag', content({ reportDrafts: [{ seq: 1, x: { $t: 'eval', v: 'x' } }] })],
    ];
    for (const [what, c] of cases) {
      const { opened } = await roundTrip(c);
      expect(opened.ok ? what : opened.error.kind, what).toBe('backup-damaged');
    }
  });

  it('checks the header and sizes before running scrypt', async () => {
    const { sealed } = await roundTrip(content());
    const header = sealed.bytes.slice();
    header.set(new TextEncoder().encode('"version":2'), new TextDecoder().decode(header).indexOf('"version":1'));
    const newer = await openBackup(header, PASS);
    expect(newer.ok ? null : newer.error.kind).toBe('backup-newer-version');
    const noMagic = await openBackup(sealed.bytes.subarray(BACKUP_MAGIC.length), PASS);
    expect(noMagic.ok ? null : noMagic.error.kind).toBe('not-a-backup');
    const hugeHeader = sealed.bytes.slice();
    hugeHeader.set([0x7f, 0xff, 0xff, 0xff], BACKUP_MAGIC.length);
    const refused = await openBackup(hugeHeader, PASS);
    expect(refused.ok ? null : refused.error.kind).toBe('not-a-backup');
  });
});
