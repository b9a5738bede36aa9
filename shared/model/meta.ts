/**
 * The meta fields every synced record carries (docs/data-model.md, "Meta"), and the helpers that
 * build strict record schemas on top of them.
 */
import { z } from 'zod';
import { isRev } from '../clock/hlc';
import { Id, IsoInstant, requiredText, typeMessage } from './primitives';

/** Message for an object: unknown keys (hostile or newer data) or not an object at all. */
export function objectMessage(what: string): (issue: z.core.$ZodRawIssue) => string {
  return (issue) => {
    if (issue.code !== 'unrecognized_keys') return typeMessage(what)(issue);
    // The keys come from untrusted input: show a few, shortened.
    const shown = issue.keys.slice(0, 5).map((k) => (k.length > 40 ? `${k.slice(0, 40)}…` : k));
    const more = issue.keys.length > 5 ? `等${issue.keys.length}个` : '';
    return `含有无法识别的字段（${shown.join('、')}${more}），该数据可能已被改动或来自不兼容的版本，请向发送方重新索取`;
  };
}

/** A strict object (unknown keys are refused) with Chinese messages. */
export function strictObject<S extends z.ZodRawShape>(shape: S, what = '一条记录') {
  return z.strictObject(shape, { error: objectMessage(what) });
}

/** Hybrid-logical-clock revision stamp (see shared/clock/hlc.ts). */
export const Rev = z
  .string({ error: typeMessage('修订号') })
  .refine(isRev, { message: '修订号（rev）格式不正确，该记录可能已损坏或来自不兼容的版本，请向发送方重新索取数据', abort: true });

export const syncMetaShape = {
  id: Id,
  unitId: Id,
  rev: Rev,
  deleted: z.boolean({ error: typeMessage('删除标记（是/否）') }),
  updatedBy: requiredText(100),
  createdAt: IsoInstant,
};

export const SyncMetaSchema = strictObject(syncMetaShape);
export type SyncMeta = z.infer<typeof SyncMetaSchema>;
export type SyncMetaKey = keyof SyncMeta;
export const SYNC_META_KEYS = Object.keys(syncMetaShape) as readonly SyncMetaKey[];

export const META_FIELD_LABELS: Record<SyncMetaKey, string> = {
  id: '编号',
  unitId: '所属单位',
  rev: '修订号',
  deleted: '删除标记',
  updatedBy: '修改人',
  createdAt: '创建时间',
};

/** A strict record schema: the meta fields plus the record's own `shape`. */
export function withMeta<S extends z.ZodRawShape>(shape: S) {
  return strictObject({ ...syncMetaShape, ...shape });
}

/** The fields of a record type without its meta, e.g. for a form. */
export type RecordFields<R> = Omit<R, SyncMetaKey>;

/** Labels for a record's own fields (every one), plus nested fields as 'list.field' or 'field'. */
export type FieldLabels<R> = Record<Exclude<keyof R, SyncMetaKey>, string> & Readonly<Record<string, string>>;
