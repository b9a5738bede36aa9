/** Reads of one unit's meeting records (三会一课 etc.), scoped by `unitId`, newest first, grouped by organisation. */
import type { Attachment } from '../../../shared/model/attachment';
import type { Meeting } from '../../../shared/model/meeting';
import type { MeetingKind } from '../../../shared/model/vocabulary';
import type { TaizhangDb } from '../db';

export interface UnitMeetings {
  meetings: Meeting[];
  byOrganisation: Map<string, Meeting[]>;
}

export async function unitMeetings(db: TaizhangDb, unitId: string): Promise<UnitMeetings> {
  const rows = await db.meeting.where('[unitId+date]').between([unitId, ''], [unitId, '\uffff'], true, true).reverse().toArray();
  const meetings = rows.filter((m) => !m.deleted);
  const byOrganisation = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const list = byOrganisation.get(m.organisationId) ?? [];
    list.push(m);
    byOrganisation.set(m.organisationId, list);
  }
  return { meetings, byOrganisation };
}

/** One meeting of the unit, or null (missing, deleted, or another unit's). */
export async function unitMeeting(db: TaizhangDb, unitId: string, id: string): Promise<Meeting | null> {
  const m = await db.meeting.get(id);
  return m && !m.deleted && m.unitId === unitId ? m : null;
}

/** The attachment records a meeting lists (missing ones dropped). */
export async function meetingAttachments(db: TaizhangDb, ids: readonly string[]): Promise<Attachment[]> {
  const rows = await db.attachment.bulkGet([...ids]);
  return rows.filter((a): a is Attachment => a !== undefined && !a.deleted);
}

/** The stored bytes of an attachment and its thumbnail (by content hash), or null when this PC does not hold them. */
export async function attachmentBlob(db: TaizhangDb, sha256: string): Promise<{ blob: Blob; thumbnail: Blob | null } | null> {
  const row = await db.attachmentBlobs.get(sha256);
  return row ? { blob: row.blob, thumbnail: row.thumbnail } : null;
}

/** The latest live meeting of a kind in an organisation, to start a new one from (topics and attendees). */
export async function lastMeetingOfKind(db: TaizhangDb, organisationId: string, kind: MeetingKind): Promise<Meeting | null> {
  const rows = await db.meeting
    .where('[organisationId+date]')
    .between([organisationId, ''], [organisationId, '\uffff'])
    .reverse()
    .toArray();
  return rows.find((m) => !m.deleted && m.kind === kind) ?? null;
}
