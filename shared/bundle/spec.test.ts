/**
 * The bundles of test/fixtures/bundles/spec/ (made by its make.ts), read from disk: each is what
 * docs/bundle-format.md says a reader does with it — accepted, or refused with the kind the spec
 * names and a Chinese message. An independent reader written from the spec can run the same files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decrypterFromSecretKey } from './crypto';
import { decodeBundle } from './decode';
import { BUNDLE_ERROR_KINDS, BUNDLE_ERROR_MESSAGES } from './errors';
import type { BundleKind } from './header';
import { publicKeyFromBase64 } from './keys';
import { RECORD_SCHEMA_VERSION } from '../model/upgrade';

const DIR = path.resolve(import.meta.dirname, '../../test/fixtures/bundles/spec');

interface KeyFile {
  id: string;
  signingPublicKey: string;
  encryptionSecretKey: string;
}
const key = (name: string): KeyFile => JSON.parse(readFileSync(path.join(DIR, name), 'utf8')) as KeyFile;
const committee = key('committee.private.json');
const unit = key('unit.private.json');
const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, { expect: string; openAs: BundleKind; why: string }>;

async function open(file: string, openAs: BundleKind) {
  const bytes = new Uint8Array(readFileSync(path.join(DIR, file)));
  const me = openAs === 'unit-to-committee' ? committee : unit;
  const sender = file === 'committee-to-unit.tzb' ? committee : unit;
  return decodeBundle(bytes, publicKeyFromBase64(sender.signingPublicKey) as Uint8Array, decrypterFromSecretKey(publicKeyFromBase64(me.encryptionSecretKey) as Uint8Array), {
    recipientId: me.id,
    kind: openAs,
  });
}

describe('docs/bundle-format.md, file by file (test/fixtures/bundles/spec)', () => {
  it('every .tzb there is listed in expected.json', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.tzb')).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [file, spec] of Object.entries(expected)) {
    it(`${file}: ${spec.expect} — ${spec.why}`, async () => {
      const r = await open(file, spec.openAs);
      if (spec.expect === 'accepted') {
        expect(r.ok, r.ok ? '' : `${r.error.kind}: ${r.error.detail}`).toBe(true);
        return;
      }
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.kind, r.error.detail).toBe(spec.expect);
      // Chinese, says what is wrong and what to do (请…)
      expect(r.error.message).toMatch(/\p{Script=Han}/u);
      expect(r.error.message).toMatch(/请/);
    });
  }

  it('an older schema is upgraded by exactly the §14 table', async () => {
    const v1 = await open('v1-class.tzb', 'unit-to-committee');
    expect(v1.ok && v1.value.records.trainingClass?.[0]?.sessions).toEqual([]);
    const v3 = await open('v3-funds.tzb', 'unit-to-committee');
    if (!v3.ok) throw new Error(v3.error.detail);
    expect(v3.value.records.fundLine?.map((l) => l.special)).toEqual([false, false]);
    expect(v3.value.records.expense?.map((e) => e.voucherNo)).toEqual(['', '']);
    expect(v3.value.counts.noticeRead).toBe(1);
    const v5 = await open('v5-member-tombstone.tzb', 'unit-to-committee');
    if (!v5.ok) throw new Error(v5.error.detail);
    expect(v5.value.records.member?.[0]).toMatchObject({ deleted: true, idNumber: '', phone: '', excludedReason: null });
  });

  it('every refusal kind of §10 has a Chinese default message that says what to do', () => {
    for (const kind of BUNDLE_ERROR_KINDS) {
      expect(BUNDLE_ERROR_MESSAGES[kind], kind).toMatch(/\p{Script=Han}/u);
      expect(BUNDLE_ERROR_MESSAGES[kind], kind).toMatch(/请/);
    }
    const documented = readFileSync(path.resolve(import.meta.dirname, '../../docs/bundle-format.md'), 'utf8');
    for (const kind of BUNDLE_ERROR_KINDS) expect(documented, `§10 lists ${kind}`).toContain(`| \`${kind}\` |`);
  });

  it('the document names the record schema versions the code reads, everywhere (§4, §10, §14)', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/bundle-format.md'), 'utf8');
    const flat = doc.replace(/\s+/g, ' ');
    const v = RECORD_SCHEMA_VERSION;
    expect(flat).toContain(`| \`schemaVersion\` | integer | \`1\` to \`${v}\``);
    expect(flat).toContain(`\`schemaVersion\` > ${v}`);
    expect(flat).toContain(`\`schemaVersion\`, when it is an integer, is at most \`${v}\``);
    expect(flat).toContain(`A program of today writes \`${v}\` and reads \`1\` to \`${v}\``);
    // the rows of §14's table (other tables, e.g. §2's byte offsets, also start with a number)
    const versions = doc.slice(doc.indexOf('## 14. Versions'));
    for (let n = 1; n <= v; n++) expect(versions, `§14 row ${n}`).toMatch(new RegExp(`^\\| ${n} \\|`, 'm'));
    expect(versions).not.toMatch(new RegExp(`^\\| ${v + 1} \\|`, 'm'));
    // no other maximum is claimed anywhere
    for (const m of doc.matchAll(/`schemaVersion` (?:>|greater than) (\d+)/g)) expect(Number(m[1])).toBe(v);
  });

  it('refusals name the field and the versions', async () => {
    const r = await open('v1-class-with-sessions.tzb', 'unit-to-committee');
    expect(!r.ok && r.error.message).toMatch(/第1版.*培训班记录.*第2版/);
    const t = await open('v2-notice-read.tzb', 'unit-to-committee');
    expect(!t.ok && t.error.message).toMatch(/第2版.*第3版才有的通知已读记录/);
    const h = await open('header-too-large.tzb', 'unit-to-committee');
    expect(!h.ok && h.error.message).toContain('16384字节');
  });
});
