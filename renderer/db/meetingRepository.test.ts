import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/model/meeting';
import { openDatabase, type TaizhangDb } from './db';
import { createMeeting, deleteMeeting, updateMeeting, type MeetingInput, type NewAttachment } from './meetingRepository';
import { lastMeetingOfKind } from './queries/meetings';
import { addTestMember } from './testing/members';
import { createOrganisation } from './organisationRepository';
import { completeSetup } from './workspaceRepository';
import { openWriteContext, type WriteContext } from './writeContext';

let db: TaizhangDb;
let ctx: WriteContext;
let n = 0;
let orgId = '';

beforeEach(async () => {
  db = openDatabase(`test-meetings-${++n}`);
  await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 180, partyGroupKind: 'partyGroup' });
  ctx = await openWriteContext(db);
  const org = await createOrganisation(ctx, { name: '第一党支部', kind: 'branch', parentId: null, foundedOn: null, dissolvedOn: null, termStart: null, termYears: null, termEnd: null, extension: null, approvalNo: '', approvedOn: null });
  if (!org.ok) throw new Error(org.error.message);
  orgId = org.value.id;
});
afterEach(async () => {
  await db.delete();
});

const meeting = (date: string, topics = ['学习党的二十届四中全会精神']): MeetingInput => ({
  organisationId: orgId,
  kind: 'themedPartyDay',
  date,
  place: '三楼会议室',
  chair: '王芳',
  recorder: '李强',
  topics,
  lecturer: '',
  minutes: '',
  attendance: [],
  resolutions: [],
  quorumWarning: null,
  keptAttachmentIds: [],
});

const photo = (fill: number): NewAttachment => {
  const bytes = new Uint8Array(1000).fill(fill);
  bytes.set([0xff, 0xd8, 0xff]);
  return { name: `签到表${fill}.jpg`, mime: 'image/jpeg', sha256: String(fill).padStart(64, 'a'), bytes, thumbnail: null };
};

describe('meeting repository', () => {
  it('saves a meeting with its photos in one go; the same photo twice is stored once', async () => {
    const r = await createMeeting(ctx, meeting('2026-11-10'), [photo(1), { ...photo(1), name: '同一张.jpg' }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.attachmentIds).toHaveLength(2);
    expect(await db.attachment.count()).toBe(2);
    expect(await db.attachmentBlobs.count()).toBe(1);
    const stored = (await db.attachment.get(r.value.attachmentIds[0]!)) as unknown as { ownerId: string; size: number };
    expect(stored).toMatchObject({ ownerId: r.value.id, size: 1000 });
  });

  it('an invalid meeting leaves no attachment behind', async () => {
    const bad = await createMeeting(ctx, { ...meeting('2026-11-10'), date: '2026-02-30' }, [photo(2)]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/会议日期/);
    expect({ meetings: await db.meeting.count(), attachments: await db.attachment.count(), blobs: await db.attachmentBlobs.count() }).toEqual({ meetings: 0, attachments: 0, blobs: 0 });
  });

  it('editing can drop one photo and add another; dropped ones are tombstoned', async () => {
    const r = await createMeeting(ctx, meeting('2026-11-10'), [photo(1), photo(2)]);
    if (!r.ok) throw new Error();
    const [keep, drop] = r.value.attachmentIds;
    const u = await updateMeeting(ctx, r.value.id, { ...meeting('2026-11-10'), keptAttachmentIds: [keep!] }, [photo(3)]);
    expect(u.ok).toBe(true);
    if (!u.ok) return;
    expect(u.value.attachmentIds).toHaveLength(2);
    expect(u.value.attachmentIds[0]).toBe(keep);
    expect(((await db.attachment.get(drop!)) as { deleted: boolean }).deleted).toBe(true);
  });

  it('delete is a tombstone for the meeting and its attachments, kept in the audit trail', async () => {
    const r = await createMeeting(ctx, meeting('2026-11-10'), [photo(1)]);
    if (!r.ok) throw new Error();
    expect((await deleteMeeting(ctx, r.value.id)).ok).toBe(true);
    expect(((await db.meeting.get(r.value.id)) as unknown as Meeting).deleted).toBe(true);
    expect(((await db.attachment.get(r.value.attachmentIds[0]!)) as { deleted: boolean }).deleted).toBe(true);
    expect(await db.audit.where('[table+id]').equals(['meeting', r.value.id]).count()).toBe(2);
  });

  it('finds the last meeting of a kind to start the next one from', async () => {
    await createMeeting(ctx, meeting('2026-09-10', ['九月议题']), []);
    await createMeeting(ctx, meeting('2026-10-10', ['十月议题']), []);
    const deleted = await createMeeting(ctx, meeting('2026-11-10', ['已删除']), []);
    if (deleted.ok) await deleteMeeting(ctx, deleted.value.id);
    expect((await lastMeetingOfKind(ctx.db, orgId, 'themedPartyDay'))?.topics).toEqual(['十月议题']);
    expect(await lastMeetingOfKind(ctx.db, orgId, 'partyLecture')).toBeNull();
  });
});

describe('a refused meeting names the person', () => {
  const memberNamed = (name: string, seq: number): Promise<string> => addTestMember(ctx, orgId, name, seq);

  it('says whose 缺席原因 is missing, not which row, and saves nothing', async () => {
    const ids = [await memberNamed('李强', 1), await memberNamed('王芳', 2)];
    const attendance = [
      { memberId: ids[0]!, status: 'present' as const, absenceReason: null, note: '', voting: true },
      { memberId: ids[1]!, status: 'absent' as const, absenceReason: null, note: '', voting: true },
    ];
    const r = await createMeeting(ctx, { ...meeting('2026-11-10'), attendance }, []);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain('参会人员（王芳）·缺席原因');
    expect(r.error.message).toContain('请为缺席人员选择缺席原因');
    expect(r.error.message).not.toContain('第2项');
    expect(await db.meeting.count()).toBe(0);
  });
});
