/**
 * 通知附件 end to end through real bundles (issue 13): the 工委 sends a notice with a PDF to two
 * units; unit A's return bundle carries A's attachment record and the file and nothing of unit B's;
 * A imports it and holds the file (its SHA-256 checked); the attachment stays the committee's: the
 * unit cannot write, change or send one back. Sending more than a return bundle can hold is refused.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../shared/attachments/fileKind';
import type { TaizhangDb } from './db';
import { sendNotice } from './accountabilityRepository';
import type { NewAttachment } from './meetingRepository';
import { unitInbox } from './queries/accountability';
import { createRecord, updateRecord } from './recordRepository';
import { runWrite } from './runWrite';
import { databaseFingerprint } from './sync/fingerprint';
import { exportReturnBundle, exportUnitBundle } from './sync/exportBundle';
import { blobBytes } from './sync/keyCard';
import { enrolledPair, importInto, must, testClock } from './sync/testing/syncTestPair';

const now = testClock();
const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const OTHER_UNIT = '0190a0a0-0000-7000-8000-0000000000b2';

function pdf(text: string, name: string): NewAttachment {
  const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
  return { name, mime: 'application/pdf', sha256: bytesToHex(sha256(bytes)), bytes, thumbnail: null };
}

const notice = (unitIds: string[], title = '关于报送2026年度述职材料的通知') => ({ unitIds, title, body: '请按附件模板于12月20日前报送。', issuedOn: '2026-11-28', dueOn: '2026-12-20' });

async function activePairWithOther() {
  const pair = await enrolledPair(now, opened);
  await importInto(pair.committee, (await must(exportUnitBundle(pair.unit, {}))).bytes, { confirm: true });
  const { committee } = pair;
  await must(runWrite(committee.db, [committee.db.enrolledUnit, committee.db.changes, committee.db.audit, committee.db.device], () =>
    createRecord(committee, 'enrolledUnit', { unitId: OTHER_UNIT, name: '市审计局', creditCode: null, publicKey: null, status: 'invited', revokedAt: null }),
  ));
  return pair;
}

describe('通知附件 travel in return bundles', () => {
  it('unit A gets its own notice attachment and the file, not unit B’s, and holds it after import', async () => {
    const { committee, unit, unitId } = await activePairWithOther();
    const template = pdf('述职材料模板', '述职材料模板.pdf');
    const blobsBefore = await committee.db.attachmentBlobs.count();
    const [forA, forB] = await must(sendNotice(committee, notice([unitId, OTHER_UNIT]), [template]));
    const onCommittee = await committee.db.attachment.where('[ownerTable+ownerId]').anyOf([['notice', forA!.id], ['notice', forB!.id]]).toArray();
    // one attachment record per recipient, each on that unit's own notice; the file stored once
    expect(onCommittee.map((a) => [a.unitId, a.ownerId, a.name]).sort()).toEqual([[unitId, forA!.id, '述职材料模板.pdf'], [OTHER_UNIT, forB!.id, '述职材料模板.pdf']].sort());
    expect(await committee.db.attachmentBlobs.count()).toBe(blobsBefore + 1);

    const bundle = await must(exportReturnBundle(committee, unitId));
    expect(bundle.counts.attachment).toBe(1);
    expect(bundle.attachmentCount).toBe(1);
    await importInto(unit, bundle.bytes);

    const held = (await unit.db.attachment.toArray()).filter((a) => a.ownerTable === 'notice');
    expect(held.map((a) => [a.unitId, a.ownerId])).toEqual([[unitId, forA!.id]]);
    const bytes = await blobBytes(unit.db, held[0]!.sha256);
    expect(bytes).not.toBeNull();
    expect(bytesToHex(sha256(bytes!))).toBe(held[0]!.sha256);
    expect(new TextDecoder().decode(bytes!)).toContain('述职材料模板');

    // the unit's workbench lists it under its notice
    const inbox = await unitInbox(unit.db, unitId);
    expect(inbox.notices.map((n) => n.id)).toEqual([forA!.id]);
    expect(inbox.noticeAttachments.get(forA!.id)?.map((a) => a.name)).toEqual(['述职材料模板.pdf']);
    // what the unit received from the committee compares equal on both sides (per-record owner)
    const committeeSide = (await databaseFingerprint(committee.db, 'committee')).filter((r) => r.startsWith('attachment\u0000'));
    const unitSide = (await databaseFingerprint(unit.db, 'committee')).filter((r) => r.startsWith('attachment\u0000'));
    expect(unitSide).toHaveLength(1);
    expect(committeeSide).toContain(unitSide[0]);
    expect(await databaseFingerprint(unit.db, 'unit')).not.toContain(unitSide[0]);
  });

  it('the unit cannot write, change or send back a committee-owned attachment', async () => {
    const { committee, unit, unitId } = await activePairWithOther();
    const [forA] = await must(sendNotice(committee, notice([unitId]), [pdf('附件一', '附件一.pdf')]));
    await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    const [received] = (await unit.db.attachment.toArray()).filter((a) => a.ownerTable === 'notice');

    const forged = await runWrite(unit.db, [unit.db.attachment, unit.db.changes, unit.db.audit, unit.db.device], () =>
      createRecord(unit, 'attachment', { sha256: received!.sha256, mime: 'application/pdf', size: received!.size, name: '伪造.pdf', ownerTable: 'notice', ownerId: forA!.id }),
    );
    expect(forged.ok).toBe(false);
    const changed = await updateRecord(unit, 'attachment', received!.id, { name: '改名.pdf' });
    expect(changed.ok).toBe(false);
    if (!changed.ok) expect(changed.error.message).toMatch(/工委/);

    // the unit's next bundle (a full snapshot) carries its own attachments (its key card), never the notice's
    const back = await must(exportUnitBundle(unit, { full: true }));
    await importInto(committee, back.bytes);
    const onCommittee = (await committee.db.attachment.toArray()).filter((a) => a.ownerTable === 'notice');
    expect(onCommittee.map((a) => [a.id, a.rev, a.name])).toEqual([[received!.id, received!.rev, '附件一.pdf']]);
    expect((await committee.db.conflicts.toArray()).filter((c) => c.table === 'attachment')).toEqual([]);
  });

  it('refuses, in Chinese, at send time, files a unit’s return bundle could not hold', async () => {
    const { committee, unitId } = await activePairWithOther();
    // eleven notices with a 20 MB scan each fill the room a return bundle keeps for notice files
    for (let i = 0; i < 11; i++) {
      const big = new Uint8Array(MAX_ATTACHMENT_BYTES);
      big.set(new TextEncoder().encode(`%PDF-1.4\n% 第${i}号\n`));
      const file: NewAttachment = { name: `扫描件${i}.pdf`, mime: 'application/pdf', sha256: bytesToHex(sha256(big)), bytes: big, thumbnail: null };
      await must(sendNotice(committee, notice([unitId], `通知${i}`), [file]));
    }
    const before = await committee.db.notice.count();
    const last = new Uint8Array(MAX_ATTACHMENT_BYTES);
    last.set(new TextEncoder().encode('%PDF-1.4\n% 第12号\n'));
    const refused = await sendNotice(committee, notice([unitId, OTHER_UNIT], '通知12'), [{ name: '扫描件12.pdf', mime: 'application/pdf', sha256: bytesToHex(sha256(last)), bytes: last, thumbnail: null }]);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'attachment-refused', message: expect.stringMatching(/^发给“市财政局”的通知附件合计将达 240\.0 MB.*请删减或压缩本次附件/) } });
    // all or none: unit B got nothing either
    expect(await committee.db.notice.count()).toBe(before);
    // a file that is not a PDF or photo is refused by its bytes
    const text = new TextEncoder().encode('通知正文');
    expect(await sendNotice(committee, notice([OTHER_UNIT]), [{ name: '说明.pdf', mime: 'application/pdf', sha256: bytesToHex(sha256(text)), bytes: text, thumbnail: null }])).toMatchObject({
      ok: false,
      error: { kind: 'attachment-refused', message: expect.stringContaining('不是照片（JPG、PNG、WebP）或 PDF 扫描件') },
    });
  }, 120_000);
});
