/**
 * 书记项目 证明材料 (record schema 7): a unit adds photos and PDF scans to its project one at a time
 * (bytes once per SHA-256, an attachment record owned by the project), removes one, and deleting the
 * project tombstones them; the project with its attachments and their bytes reaches the 工委 in the
 * unit's bundle, where 工委 → 单位 reads them (read-only).
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewAttachment } from './meetingRepository';
import type { TaizhangDb } from './db';
import { secretaryProjectAttachments, unitSecretaryProjects } from './queries/secretaryProjects';
import {
  addProjectAttachment,
  createSecretaryProject,
  deleteSecretaryProject,
  removeProjectAttachment,
  updateSecretaryProject,
  type SecretaryProjectInput,
} from './secretaryProjectRepository';
import { exportUnitBundle } from './sync/exportBundle';
import { enrolledPair, importInto, must, testClock } from './sync/testing/syncTestPair';

const now = testClock();
const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const input = (over: Partial<SecretaryProjectInput> = {}): SecretaryProjectInput => ({
  year: 2026,
  secretaryName: '王建国',
  title: '“党建+营商环境”提质增效',
  goal: '解决审批窗口党员示范作用发挥不够的问题。',
  progress: '',
  evaluation: '',
  ...over,
});

function file(name: string, text: string, mime = 'application/pdf'): NewAttachment {
  const bytes = new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF\n`);
  return { name, mime, sha256: createHash('sha256').update(bytes).digest('hex'), bytes, thumbnail: null };
}

describe('书记项目 证明材料', () => {
  it('adds files one by one, removes one, keeps them when the project is edited, tombstones them with the project', async () => {
    const { unit } = await enrolledPair(now, opened);
    const p = await must(createSecretaryProject(unit, input()));
    expect(p).not.toHaveProperty('attachmentIds');
    expect(await secretaryProjectAttachments(unit.db, p)).toEqual([]);

    const scan = file('窗口服务评价汇总.pdf', 'summary');
    const minutes = file('专题推进会记录.pdf', 'minutes');
    await must(addProjectAttachment(unit, p.id, scan));
    const twice = await must(addProjectAttachment(unit, p.id, minutes));
    expect(twice.attachmentIds).toHaveLength(2);
    const listed = await secretaryProjectAttachments(unit.db, twice);
    expect(listed.map((a) => [a.name, a.mime, a.ownerTable, a.ownerId])).toEqual([
      ['窗口服务评价汇总.pdf', 'application/pdf', 'secretaryProject', p.id],
      ['专题推进会记录.pdf', 'application/pdf', 'secretaryProject', p.id],
    ]);
    expect(new Uint8Array(await (await unit.db.attachmentBlobs.get(scan.sha256))!.blob.arrayBuffer())).toEqual(scan.bytes);

    // editing the project's text keeps its attachments
    const edited = await must(updateSecretaryProject(unit, p.id, input({ progress: '已召开专题推进会2次。' })));
    expect(edited.attachmentIds).toEqual(twice.attachmentIds);

    const [first, second] = twice.attachmentIds!;
    const after = await must(removeProjectAttachment(unit, p.id, first!));
    expect(after.attachmentIds).toEqual([second]);
    expect(await unit.db.attachment.get(first!)).toMatchObject({ deleted: true });
    expect(await removeProjectAttachment(unit, p.id, first!)).toMatchObject({ ok: false, error: { kind: 'not-found', message: expect.stringContaining('已被移除') as unknown } });

    await must(deleteSecretaryProject(unit, p.id));
    expect(await unit.db.attachment.get(second!)).toMatchObject({ deleted: true });
    expect(await addProjectAttachment(unit, p.id, scan)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('针对的问题 and 主要措施 are kept apart when given; an older project keeps its one text until edited with them', async () => {
    const { unit } = await enrolledPair(now, opened);
    const older = await must(createSecretaryProject(unit, input({ goal: '针对窗口服务问题，设立先锋岗，满意率98%。' })));
    expect(older).not.toHaveProperty('problem');
    expect(older).not.toHaveProperty('measures');
    const renamed = await must(updateSecretaryProject(unit, older.id, input({ goal: older.goal, title: '窗口服务提质' })));
    expect(renamed).not.toHaveProperty('problem');
    const split = await must(updateSecretaryProject(unit, older.id, input({ problem: ' 审批窗口党员示范作用发挥不够 ', goal: '办件满意率达到98%以上', measures: '设立党员先锋岗3个' })));
    expect(split).toMatchObject({ problem: '审批窗口党员示范作用发挥不够', goal: '办件满意率达到98%以上', measures: '设立党员先锋岗3个' });
    const fresh = await must(createSecretaryProject(unit, input({ secretaryName: '李红', problem: '', measures: '' })));
    expect(fresh).toMatchObject({ problem: '', measures: '' });
  });

  it('reaches the 工委 in the unit’s bundle with the bytes; the 工委 cannot add any', async () => {
    const { committee, unit, unitId } = await enrolledPair(now, opened);
    const p = await must(createSecretaryProject(unit, input()));
    const scan = file('窗口服务评价汇总.pdf', 'summary');
    const withScan = await must(addProjectAttachment(unit, p.id, scan));
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });

    const [seen] = await unitSecretaryProjects(committee.db, unitId);
    expect({ ...seen }).toEqual(withScan);
    const [a] = await secretaryProjectAttachments(committee.db, seen!);
    expect(a).toMatchObject({ name: '窗口服务评价汇总.pdf', sha256: scan.sha256, ownerTable: 'secretaryProject', ownerId: p.id });
    const blob = await committee.db.attachmentBlobs.get(scan.sha256);
    expect(new Uint8Array(await blob!.blob.arrayBuffer())).toEqual(scan.bytes);
    expect(await addProjectAttachment(committee, p.id, scan)).toMatchObject({ ok: false, error: { kind: 'wrong-mode' } });

    // the removal travels as the project's new list and a tombstone
    await must(removeProjectAttachment(unit, p.id, a!.id));
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes);
    const [later] = await unitSecretaryProjects(committee.db, unitId);
    expect(later!.attachmentIds).toEqual([]);
    expect(await secretaryProjectAttachments(committee.db, later!)).toEqual([]);
  });
});
