/**
 * attachment: the description of a file (photo, scan) attached to a record. The bytes live in the
 * non-synced `attachmentBlobs` table keyed by `sha256`.
 */
import type { z } from 'zod';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { count, Id, Mime, oneOf, requiredText, Sha256Hex } from './primitives';
import { RECORD_TABLES } from './tables';

export const AttachmentSchema = withMeta({
  sha256: Sha256Hex,
  mime: Mime,
  size: count('文件大小（字节）'),
  name: requiredText(255),
  ownerTable: oneOf(RECORD_TABLES, '附件所属的数据类型'),
  ownerId: Id,
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const ATTACHMENT_FIELD_LABELS: FieldLabels<Attachment> = {
  sha256: '文件摘要',
  mime: '文件类型',
  size: '文件大小',
  name: '文件名',
  ownerTable: '所属数据类型',
  ownerId: '所属记录',
};
