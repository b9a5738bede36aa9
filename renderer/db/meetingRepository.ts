/**
 * Writes of meeting records and their attachments. A meeting and the attachments added with it
 * are saved in ONE transaction: the bytes (attachmentBlobs, once per SHA-256), the attachment
 * records, the meeting. Deleting a meeting is a tombstone, its attachments too.
 */
import { ExpectedFailure, ok, type Result } from '../../shared/errors/errors';
import { newId } from '../../shared/ids/uuidv7';
import type { Meeting } from '../../shared/model/meeting';
import { validationError } from '../../shared/model/validate';
import { createRecord, deleteRecord, updateRecord, type RecordInput, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import type { WriteContext } from './writeContext';

/** A file chosen in the form, checked and hashed, not yet stored. */
export interface NewAttachment {
  readonly name: string;
  readonly mime: string;
  readonly sha256: string;
  readonly bytes: Uint8Array;
  readonly thumbnail: Blob | null;
}

export type MeetingInput = Omit<RecordInput<'meeting'>, 'attachmentIds'> & { readonly keptAttachmentIds: readonly string[] };

const tables = (ctx: WriteContext) => [ctx.db.meeting, ctx.db.member, ctx.db.attachment, ctx.db.attachmentBlobs, ctx.db.changes, ctx.db.audit, ctx.db.device];

/**
 * A refused meeting's message names the person, not the row: “参会人员（王芳）·缺席原因” instead of
 * “参会人员第8项·缺席原因” (issue 16). Other failures pass as they are.
 */
async function namingPeople(ctx: WriteContext, error: WriteError, input: MeetingInput): Promise<WriteError> {
  if (error.kind !== 'validation' || error.path[0] !== 'attendance') return error;
  const ids = input.attendance.map((a) => a.memberId);
  const members = await ctx.db.member.bulkGet(ids);
  const names = new Map(members.flatMap((m) => (m ? [[m.id, m.name] as const] : [])));
  return validationError('meeting', error.issues, (list, index) => (list === 'attendance' ? (names.get(ids[index] ?? '') ?? null) : null));
}

async function storeAttachments(ctx: WriteContext, meetingId: string, files: readonly NewAttachment[]): Promise<string[]> {
  const ids: string[] = [];
  for (const f of files) {
    if (!(await ctx.db.attachmentBlobs.get(f.sha256))) {
      await ctx.db.attachmentBlobs.put({ sha256: f.sha256, blob: new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.mime }), thumbnail: f.thumbnail });
    }
    const r = await createRecord(ctx, 'attachment', { sha256: f.sha256, mime: f.mime, size: f.bytes.byteLength, name: f.name, ownerTable: 'meeting', ownerId: meetingId });
    if (!r.ok) throw new ExpectedFailure(r.error);
    ids.push(r.value.id);
  }
  return ids;
}

export async function createMeeting(ctx: WriteContext, input: MeetingInput, files: readonly NewAttachment[]): Promise<Result<Meeting, WriteError>> {
  return runWrite<Meeting, WriteError>(ctx.db, tables(ctx), async () => {
    const id = newId();
    const { keptAttachmentIds: _kept, ...fields } = input;
    const attachmentIds = await storeAttachments(ctx, id, files);
    const r = await createRecord(ctx, 'meeting', { ...fields, attachmentIds }, { id });
    if (!r.ok) throw new ExpectedFailure(await namingPeople(ctx, r.error, input)); // roll back the attachments too
    return ok(r.value);
  });
}

/** Saves edits; attachments not kept are tombstoned, new ones stored. */
export async function updateMeeting(ctx: WriteContext, id: string, input: MeetingInput, files: readonly NewAttachment[]): Promise<Result<Meeting, WriteError>> {
  return runWrite<Meeting, WriteError>(ctx.db, tables(ctx), async () => {
    const existing = (await ctx.db.meeting.get(id));
    const { keptAttachmentIds, ...fields } = input;
    for (const old of existing?.attachmentIds ?? []) {
      if (!keptAttachmentIds.includes(old)) {
        const r = await deleteRecord(ctx, 'attachment', old);
        if (!r.ok && r.error.kind !== 'not-found') throw new ExpectedFailure(r.error);
      }
    }
    const added = await storeAttachments(ctx, id, files);
    const r = await updateRecord(ctx, 'meeting', id, { ...fields, attachmentIds: [...keptAttachmentIds, ...added] });
    if (!r.ok) throw new ExpectedFailure(await namingPeople(ctx, r.error, input));
    return ok(r.value);
  });
}

export async function deleteMeeting(ctx: WriteContext, id: string): Promise<Result<Meeting, WriteError>> {
  return runWrite<Meeting, WriteError>(ctx.db, tables(ctx), async () => {
    const r = await deleteRecord(ctx, 'meeting', id);
    if (!r.ok) return r;
    for (const a of r.value.attachmentIds) {
      const d = await deleteRecord(ctx, 'attachment', a);
      if (!d.ok && d.error.kind !== 'not-found') throw new ExpectedFailure(d.error);
    }
    return ok(r.value);
  });
}
