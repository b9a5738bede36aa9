/**
 * noticeRead (通知已读回执): the unit's mark that it has read one of the committee's notices. Owned
 * by the unit, so it travels to the committee in the unit's next bundle; one live record per notice
 * (the repository keeps it so). Arrived with record schema 3.
 */
import type { z } from 'zod';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { Id, IsoInstant, requiredText } from './primitives';

export const NoticeReadSchema = withMeta({
  noticeId: Id,
  readAt: IsoInstant,
  /** Who marked it read (the PC's user as the app knows them). */
  readBy: requiredText(100),
});
export type NoticeRead = z.infer<typeof NoticeReadSchema>;

export const NOTICE_READ_FIELD_LABELS: FieldLabels<NoticeRead> = {
  noticeId: '通知',
  readAt: '阅读时间',
  readBy: '阅读人',
};
