/**
 * Record schema versions and how a record written under an older one becomes a record of today's
 * schema. One function for every place old records come from: the database (Dexie's upgrade of a
 * v1 database, renderer/db/db.ts) and sync bundles made by an older program (shared/bundle).
 *
 * v6 → v7 (organisational life, issue 14): the meeting kind 民主生活会 (`democraticLifeMeeting`), a
 * meeting's 列席人员 (`observers`) and a 民主评议 row's grade (`attendance[].appraisalGrade`). Both
 * fields are optional and absent means "none", which is exactly what a meeting written before was,
 * so nothing is filled in: v6 records are v7 records as they are (as v4 → v5). The new value and
 * fields are listed in shared/bundle/schemaHistory.ts, so a v6 bundle carrying them is refused.
 *
 * v6 → v7 also brings the new table 党务干部双向交流 (`cadreExchange`) and a 宣传 item's optional
 * 媒体级别 (`publicity.level`, absent means not filled in): nothing to fill in for them either.
 * Likewise a card's 联系组 visit (`card.visitId`, issue 13: absent means the card names no visit)
 * and the 日常指导评价 given at a visit (`supervisionVisit.guidanceScore`: absent means none given).
 *
 * v5 → v6 (tombstones without personal details, issue 17): a deleted member keeps no ID number,
 * phone, 备注 or 不计入原因, a deleted 走访慰问 no 慰问事由 (tombstone.ts); a v5 tombstone is blanked
 * here, the same way on every PC, so its content agrees everywhere at the same rev. A member's ID
 * number may be '' from v6 on, on a tombstone only (shared/bundle/schemaHistory.ts lists '' as a v6
 * value, so a v5 bundle carrying it is refused).
 *
 * v4 → v5 (三级五岗): a duty item may carry its annual self-check's outcome (`status`: 落实 `done`,
 * 部分落实 `partial`, 未落实 `notDone`). The field is optional and absent means 未自查, which is exactly
 * what an item written before was, so nothing is filled in: v4 records are v5 records as they are.
 * The new field sits inside `dutyList.items`, so shared/bundle/schemaHistory.ts lists it as a nested
 * addition.
 *
 * v3 → v4 (经费保障): a budget line may be marked 专项经费 (`special`, false before) and an expense
 * carries its 凭证号 (`voucherNo`, '' before). Both fields are optional in the schema, so the rows of
 * a database written under v3 stay valid as they are (no database version for them: absent reads as
 * the default); records from older bundles and backups gain the defaults here.
 *
 * v2 → v3 (红黄牌 and 通知 reach the units): rectification items gain `cardId` (null: none answered a
 * card before), cards `evidence` (''), notices `batchId` (the notice's own id: each was sent alone)
 * and `dueOn` (null). The `noticeRead` table and the rectification sources 红黄牌/述职评议 are new
 * in v3, and so is the committee's `dutyReview` (述职评议) table (nothing to upgrade; an older program
 * refuses a v3 bundle by its schema version). Members
 * may carry `education` (学历) and `note` (备注) from v3 on: optional, so a member without them is
 * already a v3 member (nothing to upgrade; absent reads as '').
 *
 * v1 → v2: training classes gain `sessions` (课次) and enrolments `attendedSessionIds`. A v1 class
 * kept attendance as total hours, so it becomes a class without sessions (`[]`) and its enrolments
 * keep their hours with `attendedSessionIds: null` — nothing is guessed about which days were attended.
 *
 * The upgrade never trusts its input: anything that is not a plain object is returned unchanged
 * (validation refuses it afterwards), and a field already present is left for validation to judge.
 */
import type { RecordTable } from './tables';
import { asTombstone } from './tombstone';

/** The record schema this program writes. Bundles and databases of versions 1..this are read. */
export const RECORD_SCHEMA_VERSION = 7;
/** The oldest record schema still read. */
export const OLDEST_RECORD_SCHEMA_VERSION = 1;

type Upgrade = (table: RecordTable, record: Record<string, unknown>) => Record<string, unknown>;

/** UPGRADES[v] turns a record of version v into one of version v + 1. */
const UPGRADES: Readonly<Record<number, Upgrade>> = {
  1: (table, record) => {
    if (table === 'trainingClass' && !Object.hasOwn(record, 'sessions')) return { ...record, sessions: [] };
    if (table === 'enrolment' && !Object.hasOwn(record, 'attendedSessionIds')) return { ...record, attendedSessionIds: null };
    return record;
  },
  2: (table, record) => {
    if (table === 'rectification' && !Object.hasOwn(record, 'cardId')) return { ...record, cardId: null };
    if (table === 'card' && !Object.hasOwn(record, 'evidence')) return { ...record, evidence: '' };
    if (table === 'notice') {
      let out = record;
      if (!Object.hasOwn(out, 'batchId')) out = { ...out, batchId: out.id };
      if (!Object.hasOwn(out, 'dueOn')) out = { ...out, dueOn: null };
      return out;
    }
    return record;
  },
  3: (table, record) => {
    if (table === 'fundLine' && !Object.hasOwn(record, 'special')) return { ...record, special: false };
    if (table === 'expense' && !Object.hasOwn(record, 'voucherNo')) return { ...record, voucherNo: '' };
    return record;
  },
  // a duty item without `status` is 未自查 in v5 too: nothing to fill in
  4: (_table, record) => record,
  5: (table, record) => asTombstone(table, record),
  // a meeting without `observers` or grades has none in v7 too: nothing to fill in
  6: (_table, record) => record,
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * `value`, a record of `table` written under schema `fromVersion`, as a record of today's schema.
 * Returns a new object when something changed; the input is never modified.
 */
export function upgradeRecord(table: RecordTable, value: unknown, fromVersion: number): unknown {
  if (fromVersion >= RECORD_SCHEMA_VERSION || !isPlainObject(value)) return value;
  let record = value;
  for (let v = Math.max(fromVersion, OLDEST_RECORD_SCHEMA_VERSION); v < RECORD_SCHEMA_VERSION; v++) record = UPGRADES[v]!(table, record);
  return record;
}
