/**
 * What each record schema version ADDED (docs/bundle-format.md §14), so that a bundle can be held
 * to the version its header declares: a `schemaVersion: 1` bundle whose training class already
 * carries `sessions`, or a `schemaVersion: 2` bundle with a `noticeRead` table, was not written by
 * the program it claims — shared/model/upgrade.ts would leave such a field in place (it only fills
 * in what is absent), so it is refused here, before the upgrade, as `invalid-record`.
 *
 * Made by comparing the zod schemas of shared/model at each version (v1: a692971 = bcef9da~1,
 * v2: 0b3a976~1, v3: 3d06cc9~1, v4: 3d06cc9, v5: the dutyList item's `status`, v6: '' as a deleted member's ID number, v7: the 党务干部双向交流 table and a 宣传 item's `level`,
 * the meeting kind 民主生活会, a meeting's `observers` and its attendance rows' `appraisalGrade`, a card's `visitId`, a 联系组 visit's `guidanceScore`, a 书记项目's `attachmentIds`, the 工委's 书记项目评价 table), top level and
 * nested; `schemaHistory.test.ts` checks
 * that today's schemas are exactly the v1 fields plus these, so a new field without an entry here
 * fails a test. A new schema version adds one entry (possibly empty) to `SCHEMA_ADDITIONS`.
 */
import { RECORD_FIELD_LABELS } from '../model/registry';
import { RECORD_TABLE_LABELS } from '../model/tables';
import type { RecordTable } from '../model/tables';
import { OLDEST_RECORD_SCHEMA_VERSION, RECORD_SCHEMA_VERSION } from '../model/upgrade';

export interface SchemaAddition {
  /** Tables that did not exist before this version. */
  readonly tables: readonly RecordTable[];
  /** Top-level fields a table gained in this version. */
  readonly fields: { readonly [T in RecordTable]?: readonly string[] };
  /** Fields the objects of an array-valued top-level field gained: table → field → nested fields. */
  readonly nested?: { readonly [T in RecordTable]?: Readonly<Record<string, readonly string[]>> };
  /** New values of an existing enumerated field: table → field → values. */
  readonly values: { readonly [T in RecordTable]?: Readonly<Record<string, readonly string[]>> };
}

/** SCHEMA_ADDITIONS[v]: what record schema v added to v − 1. */
export const SCHEMA_ADDITIONS: Readonly<Record<number, SchemaAddition>> = Object.freeze({
  2: {
    tables: ['ruleProfile'],
    fields: { trainingClass: ['sessions'], enrolment: ['attendedSessionIds'], enrolledUnit: ['creditCode'] },
    values: { attachment: { ownerTable: ['ruleProfile'] } },
  },
  3: {
    tables: ['noticeRead', 'dutyReview'],
    fields: {
      member: ['education', 'note'],
      rectification: ['cardId'],
      card: ['evidence'],
      notice: ['batchId', 'dueOn'],
    },
    values: {
      rectification: { source: ['card', 'dutyReview'] },
      attachment: { ownerTable: ['noticeRead', 'dutyReview'] },
    },
  },
  4: {
    tables: [],
    fields: { fundLine: ['special'], expense: ['voucherNo'] },
    values: {},
  },
  5: {
    tables: [],
    fields: {},
    nested: { dutyList: { items: ['status'] } },
    values: {},
  },
  // a deleted member's tombstone keeps no ID number (shared/model/tombstone.ts): '' is new in v6
  6: {
    tables: [],
    fields: {},
    values: { member: { idNumber: [''] } },
  },
  // issue 14: organisational life — 民主生活会, 列席人员, 民主评议 grades (shared/model/meeting.ts);
  // 党务干部双向交流 with its 任前考察 (shared/model/cadreExchange.ts); a 宣传 item's 媒体级别;
  // issue 13: a card's 联系组 visit (`card.visitId`, shared/model/committee.ts) and the 日常指导评价
  // given at a visit (`supervisionVisit.guidanceScore`, the committee's own record);
  // issue 14: a 书记项目's 证明材料 (`secretaryProject.attachmentIds`, shared/model/secretaryProject.ts),
  // its 针对的问题 and 主要措施 apart from the goal (`problem`, `measures`)
  // and the 工委's rating of it (the committee's `projectRating` table, shared/model/projectRating.ts)
  7: {
    tables: ['cadreExchange', 'projectRating'],
    fields: { meeting: ['observers'], publicity: ['level'], card: ['visitId'], supervisionVisit: ['guidanceScore'], secretaryProject: ['attachmentIds', 'problem', 'measures'] },
    nested: { meeting: { attendance: ['appraisalGrade'] } },
    values: { meeting: { kind: ['democraticLifeMeeting'] }, attachment: { ownerTable: ['cadreExchange', 'projectRating'] } },
  },
});

/** The version that introduced `table` (1 for the first release's tables). */
export function tableSince(table: RecordTable): number {
  for (let v = OLDEST_RECORD_SCHEMA_VERSION + 1; v <= RECORD_SCHEMA_VERSION; v++) {
    if (SCHEMA_ADDITIONS[v]?.tables.includes(table)) return v;
  }
  return OLDEST_RECORD_SCHEMA_VERSION;
}

/** A field or value a record carries that its declared schema version did not have yet. */
export interface NewerThanDeclared {
  /** The field's name; a nested one as `items.status`. */
  readonly field: string;
  /** The value, for an enumerated field whose value is newer (null: the field itself is newer). */
  readonly value: string | null;
  readonly since: number;
}

/**
 * The first field (or enumerated value) of `record`, a record of `table` that claims to be written
 * under schema `version`, that only a later version has; null when there is none. Non-objects
 * give null (validation refuses them anyway).
 */
export function newerThanDeclared(table: RecordTable, record: unknown, version: number): NewerThanDeclared | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
  const fields = record as Record<string, unknown>;
  for (let v = Math.max(version + 1, OLDEST_RECORD_SCHEMA_VERSION + 1); v <= RECORD_SCHEMA_VERSION; v++) {
    const added = SCHEMA_ADDITIONS[v];
    if (added === undefined) continue;
    for (const field of added.fields[table] ?? []) {
      if (Object.hasOwn(fields, field)) return { field, value: null, since: v };
    }
    for (const [field, nestedFields] of Object.entries(added.nested?.[table] ?? {})) {
      const list = Object.hasOwn(fields, field) ? fields[field] : undefined;
      if (!Array.isArray(list)) continue;
      for (const element of list as unknown[]) {
        if (typeof element !== 'object' || element === null || Array.isArray(element)) continue;
        for (const sub of nestedFields) if (Object.hasOwn(element, sub)) return { field: `${field}.${sub}`, value: null, since: v };
      }
    }
    for (const [field, values] of Object.entries(added.values[table] ?? {})) {
      const value = fields[field];
      if (Object.hasOwn(fields, field) && typeof value === 'string' && values.includes(value)) return { field, value, since: v };
    }
  }
  return null;
}

/** The Chinese sentence for a record carrying something newer than its bundle's schema version. */
export function newerThanDeclaredMessage(table: RecordTable, line: number | null, version: number, found: NewerThanDeclared): string {
  const label = RECORD_TABLE_LABELS[table];
  const fieldLabel = RECORD_FIELD_LABELS[table][found.field] ?? found.field;
  const what = found.value === null ? `字段「${fieldLabel}」` : `「${fieldLabel}」的取值“${found.value}”`;
  return (
    `同步包声明其数据按第${version}版数据结构填写，但${line === null ? '' : `第${line}条`}${label}记录含有第${found.since}版才有的${what}，` +
    '与声明的版本不符，文件可能被改动或由有缺陷的程序生成，已拒绝导入。请发送方用正式版本的程序重新导出同步包。'
  );
}

/** The Chinese sentence for a table a bundle's schema version did not have yet. */
export function tableNewerThanDeclaredMessage(table: RecordTable, version: number, since: number): string {
  return (
    `同步包声明其数据按第${version}版数据结构填写，却含有第${since}版才有的${RECORD_TABLE_LABELS[table]}记录，` +
    '与声明的版本不符，文件可能被改动或由有缺陷的程序生成，已拒绝导入。请发送方用正式版本的程序重新导出同步包。'
  );
}
