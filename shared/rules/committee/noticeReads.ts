/**
 * Who has read a notice (通知阅读情况). A notice sent to several units is one record per unit
 * sharing a `batchId`; each unit answers with a `noticeRead` record that travels back in its next
 * bundle. A batch is read by a unit when that unit's copy has a live read mark.
 */
import type { Notice } from '../../model/committee';
import type { NoticeRead } from '../../model/noticeRead';
import { compareIsoDates, type IsoDate } from '../dates';

type NoticeFacts = Pick<Notice, 'id' | 'unitId' | 'batchId' | 'title' | 'issuedOn' | 'dueOn' | 'deleted'>;
type ReadFacts = Pick<NoticeRead, 'noticeId' | 'readAt' | 'deleted'>;

export interface NoticeRecipient {
  readonly unitId: string;
  readonly noticeId: string;
  /** When the unit marked it read (its PC's clock), or null while unread. */
  readonly readAt: string | null;
}

export interface NoticeBatch {
  readonly batchId: string;
  readonly title: string;
  readonly issuedOn: IsoDate;
  readonly dueOn: IsoDate | null;
  readonly recipients: readonly NoticeRecipient[];
  readonly readCount: number;
}

/** The first live read mark of each notice. */
export function readMarks(reads: readonly ReadFacts[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of reads) {
    if (r.deleted) continue;
    const seen = out.get(r.noticeId);
    if (seen === undefined || r.readAt < seen) out.set(r.noticeId, r.readAt);
  }
  return out;
}

/** Live notices grouped by batch, newest first; recipients in the order of `unitOrder` (unknown units last). */
export function noticeBatches(notices: readonly NoticeFacts[], reads: readonly ReadFacts[], unitOrder: readonly string[] = []): NoticeBatch[] {
  const marks = readMarks(reads);
  const rank = new Map(unitOrder.map((id, i) => [id, i] as const));
  const groups = new Map<string, NoticeFacts[]>();
  for (const n of notices) {
    if (n.deleted) continue;
    const list = groups.get(n.batchId);
    if (list) list.push(n);
    else groups.set(n.batchId, [n]);
  }
  const batches = [...groups.entries()].map(([batchId, list]): NoticeBatch => {
    const first = list[0]!;
    const recipients = list
      .map((n) => ({ unitId: n.unitId, noticeId: n.id, readAt: marks.get(n.id) ?? null }))
      .sort((a, b) => (rank.get(a.unitId) ?? Infinity) - (rank.get(b.unitId) ?? Infinity) || (a.unitId < b.unitId ? -1 : 1));
    return {
      batchId,
      title: first.title,
      issuedOn: first.issuedOn,
      dueOn: first.dueOn,
      recipients,
      readCount: recipients.filter((r) => r.readAt !== null).length,
    };
  });
  return batches.sort((a, b) => compareIsoDates(b.issuedOn, a.issuedOn) || (a.batchId < b.batchId ? 1 : -1));
}
