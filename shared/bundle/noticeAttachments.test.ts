/**
 * 通知附件 (issue 13): an attachment whose `ownerTable` is `notice` is the committee's, record by
 * record (recordOwner), while a meeting's stays the unit's. So a return bundle may carry a notice's
 * file to the unit, and a unit's bundle carrying one (a unit sending back or rewriting the
 * committee's file) is refused as foreign; a return bundle carrying a meeting's attachment too.
 * And the files of one unit's notices must fit one return bundle (noticeFiles.ts).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '../model/attachment';
import { recordOwner } from '../model/tables';
import { decodeBundle } from './decode';
import { encodeBundle } from './encode';
import { BUNDLE_LIMITS } from './limits';
import { noticeFilesBudget, noticeFilesProblem } from './noticeFiles';
import { sampleRecords, testParty, unitBundleInput } from './testing/testkit';

const unit = testParty('notice-files-unit');
const committee = testParty('notice-files-committee');
const NOTICE = '019bc000-0000-7000-8000-0000000000e1';
const PDF = new TextEncoder().encode('%PDF-1.4\n% 关于报送述职材料的通知\n%%EOF\n');

function attachmentOf(ownerTable: Attachment['ownerTable'], seed: number): Attachment {
  const [base] = sampleRecords('attachment', 1, unit.id, committee.deviceId, seed);
  return { ...base!, deleted: false, ownerTable, ownerId: NOTICE, sha256: bytesToHex(sha256(PDF)), size: PDF.length, mime: 'application/pdf', name: '述职材料模板.pdf' };
}

const returnHeader = { kind: 'committee-to-unit' as const, senderUnitId: committee.id, senderDeviceId: committee.deviceId, recipientId: unit.id };

describe('a notice attachment is the committee’s', () => {
  it('the owner is decided per record: a notice’s file is the committee’s, a meeting’s the unit’s', () => {
    expect(recordOwner('attachment', { ownerTable: 'notice' })).toBe('committee');
    expect(recordOwner('attachment', { ownerTable: 'meeting' })).toBe('unit');
    expect(recordOwner('attachment', { ownerTable: 'unit' })).toBe('unit');
    expect(recordOwner('attachment', {})).toBe('unit');
  });

  it('a return bundle carries a notice’s attachment and its file to the unit', async () => {
    const a = attachmentOf('notice', 1);
    const encoded = await encodeBundle(
      { ...unitBundleInput(unit, committee, { records: { attachment: [a] }, attachments: [PDF] }), ...returnHeader, recipientPublicKey: unit.encryption.publicKey },
      committee.signer,
    );
    expect(encoded.ok, encoded.ok ? '' : encoded.error.detail).toBe(true);
    if (!encoded.ok) return;
    const decoded = await decodeBundle(encoded.value.bytes, committee.signing.publicKey, unit.decrypter, { recipientId: unit.id, kind: 'committee-to-unit' });
    expect(decoded.ok, decoded.ok ? '' : decoded.error.detail).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.records.attachment).toEqual([a]);
    expect([...decoded.value.attachments.values()].map((b) => new TextDecoder().decode(b))).toEqual([new TextDecoder().decode(PDF)]);
  });

  it('a unit’s bundle carrying a notice’s attachment is refused as foreign, in words', async () => {
    const encoded = await encodeBundle(unitBundleInput(unit, committee, { records: { attachment: [attachmentOf('notice', 2)] }, attachments: [PDF] }), unit.signer);
    if (!encoded.ok) {
      expect(encoded.error.kind).toBe('foreign-record');
      return;
    }
    const decoded = await decodeBundle(encoded.value.bytes, unit.signing.publicKey, committee.decrypter, { recipientId: committee.id, kind: 'unit-to-committee' });
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.error.kind).toBe('foreign-record');
      expect(decoded.error.message).toContain('只能由工委填报的附件记录');
    }
  });

  it('a return bundle carrying a meeting’s attachment is refused as foreign', async () => {
    const encoded = await encodeBundle(
      { ...unitBundleInput(unit, committee, { records: { attachment: [attachmentOf('meeting', 3)] }, attachments: [PDF] }), ...returnHeader, recipientPublicKey: unit.encryption.publicKey },
      committee.signer,
    );
    if (!encoded.ok) {
      expect(encoded.error.kind).toBe('foreign-record');
      return;
    }
    const decoded = await decodeBundle(encoded.value.bytes, committee.signing.publicKey, unit.decrypter, { recipientId: unit.id, kind: 'committee-to-unit' });
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.message).toContain('应由单位自行填报的附件记录');
  });
});

describe('the files of one unit’s notices fit its return bundle', () => {
  const MiB = 1024 * 1024;
  const budget = noticeFilesBudget();

  it('stays within the bundle limits, with room for the records', () => {
    expect(budget.bytes).toBeLessThan(BUNDLE_LIMITS.maxFileBytes);
    expect(budget.bytes).toBeLessThan(BUNDLE_LIMITS.maxTotalUncompressedBytes - BUNDLE_LIMITS.maxManifestBytes);
    expect(budget.files).toBeLessThan(BUNDLE_LIMITS.maxAttachments);
  });

  it('counts each distinct file once, earlier notices’ files included, and refuses more in Chinese', () => {
    const held = Array.from({ length: 11 }, (_, i) => ({ sha256: `h${i}`, size: 20 * MiB }));
    expect(noticeFilesProblem('市财政局', held, [{ sha256: 'h0', size: 20 * MiB }])).toBeNull(); // the same file again costs nothing
    expect(noticeFilesProblem('市财政局', held.slice(0, 10), [{ sha256: 'new', size: 20 * MiB }])).toBeNull();
    const refused = noticeFilesProblem('市财政局', held, [{ sha256: 'new', size: 20 * MiB }]);
    expect(refused).toMatch(/^发给“市财政局”的通知附件合计将达 240\.0 MB（该单位已有通知附件 220\.0 MB），超过一个回执同步包可容纳的 224\.0 MB。请删减或压缩本次附件/);
    const many = Array.from({ length: budget.files }, (_, i) => ({ sha256: `f${i}`, size: 1 }));
    expect(noticeFilesProblem('市财政局', many, [{ sha256: 'one-more', size: 1 }])).toContain(`超过一个回执同步包可容纳的 ${budget.files} 个`);
  });
});
