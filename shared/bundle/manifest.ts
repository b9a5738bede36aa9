/**
 * `manifest.json`, the first entry of the payload zip (docs/bundle-format.md §7): canonical JSON
 * listing every other entry with its size and SHA-256, the record counts, and the bundle id and
 * change range repeated from the header (so a payload cannot be moved under another header).
 */
import { z } from 'zod';
import { isUuidV7 } from '../ids/uuidv7';
import { RECORD_TABLES } from '../model/tables';
import type { RecordTable } from '../model/tables';
import { ChangeRangeSchema } from './header';
import { BUNDLE_LIMITS } from './limits';

export const MANIFEST_FORMAT = 'taizhang-bundle-manifest';
export const MANIFEST_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

export function recordsPath(table: RecordTable): string {
  return `records/${table}.ndjson`;
}

export function attachmentPath(sha256Hex: string): string {
  return `attachments/${sha256Hex}`;
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'not a lower-case hex SHA-256');
const size = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

export const ManifestTableSchema = z.strictObject({
  table: z.enum(RECORD_TABLES),
  count: z.int().min(1).max(BUNDLE_LIMITS.maxRecords),
  bytes: size,
  sha256: sha256Hex,
});
export type ManifestTable = z.infer<typeof ManifestTableSchema>;

export const ManifestAttachmentSchema = z.strictObject({
  sha256: sha256Hex,
  bytes: size,
});
export type ManifestAttachment = z.infer<typeof ManifestAttachmentSchema>;

function strictlyIncreasing(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) >= (keys[i] as string)) return false;
  return true;
}

/**
 * The manifest's form without the sum rule: the reader checks the sum separately, because totals
 * that do not add up are `manifest-mismatch`, not a malformed manifest (docs/bundle-format.md §10).
 */
export const ManifestShapeSchema = z
  .strictObject({
    format: z.literal(MANIFEST_FORMAT),
    version: z.literal(MANIFEST_VERSION),
    bundleId: z.string().refine(isUuidV7, { message: 'not a lower-case UUIDv7' }),
    changeRange: ChangeRangeSchema.nullable(),
    /** One entry per non-empty table, sorted by table name (UTF-16 code-unit order). */
    tables: z.array(ManifestTableSchema).max(RECORD_TABLES.length),
    /** One entry per attachment file, sorted by sha256. */
    attachments: z.array(ManifestAttachmentSchema).max(BUNDLE_LIMITS.maxAttachments),
    /** Sum of `tables[].count`. */
    totalRecords: z.int().min(0).max(BUNDLE_LIMITS.maxRecords),
  })
  .refine((m) => strictlyIncreasing(m.tables.map((t) => t.table)), { message: 'tables not sorted or repeated' })
  .refine((m) => strictlyIncreasing(m.attachments.map((a) => a.sha256)), { message: 'attachments not sorted or repeated' });

/** A complete, consistent manifest (what the writer produces). */
export const BundleManifestSchema = ManifestShapeSchema.refine((m) => m.tables.reduce((n, t) => n + t.count, 0) === m.totalRecords, {
  message: 'totalRecords is not the sum of the counts',
});
export type BundleManifest = z.infer<typeof BundleManifestSchema>;
