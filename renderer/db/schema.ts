/**
 * Dexie schema: every table and the indexes the screens and rules query. Version 1 is below;
 * version 2 adds the ruleProfile store and upgrades training records (shared/model/upgrade.ts;
 * db.ts runs it); version 3 adds the committee's local unitSummary store (unitSummaries.ts);
 * version 4 adds the unit's noticeRead store and upgrades rectification items, cards and notices;
 * version 5 blanks the personal details of tombstones and re-masks the audit trail (issue 17);
 * version 6 looks members up by a keyed hash of the ID number and adds the local keyring (encryption at rest);
 * version 7 adds the unit's cadreExchange store (党务干部双向交流, issue 14) and the committee's
 * projectRating store (书记项目评价, issue 14).
 * Primary key first. `unitId` is indexed on every synced table because the committee's
 * database holds every unit's records and most of its queries are per unit.
 *
 * Once a version has shipped it is frozen: a change means a new version with a migration,
 * tested against the frozen fixture in test/fixtures/db-v1.
 */
export const DB_NAME = 'taizhang';
export const SCHEMA_VERSION = 7;

/** Local tables: never synced. */
export const LOCAL_TABLES_V1 = {
  workspace: 'key',
  device: 'key',
  changes: '++seq, [table+id]',
  audit: '++seq, [table+id], at',
  conflicts: '++seq, [table+id], resolved',
  attachmentBlobs: 'sha256',
  syncPeer: 'peerId',
  syncState: 'key',
  importLog: 'bundleId, at',
  reportDrafts: '++seq, [unitId+year]',
} as const;

/** Synced record tables (see docs/data-model.md). */
export const RECORD_TABLES_V1 = {
  unit: 'id',
  organisation: 'id, unitId, parentId, kind',
  election: 'id, unitId, organisationId',
  committeeSeat: 'id, unitId, organisationId, memberId',
  member: 'id, unitId, organisationId, idNumber, status',
  meeting: 'id, unitId, [organisationId+date], [unitId+date], kind',
  attachment: 'id, unitId, sha256, [ownerTable+ownerId]',
  trainingClass: 'id, unitId, startDate',
  enrolment: 'id, unitId, classId, memberId',
  secretaryProject: 'id, unitId, year',
  dutyList: 'id, unitId, year',
  rectification: 'id, unitId, status',
  fundLine: 'id, unitId, year',
  expense: 'id, unitId, fundLineId, date',
  careVisit: 'id, unitId, date',
  commendation: 'id, unitId, date',
  publicity: 'id, unitId, date',
  enrolledUnit: 'id, unitId, status',
  card: 'id, unitId, subjectId',
  notice: 'id, unitId, issuedOn',
  supervisionVisit: 'id, unitId, date',
  assessment: 'id, unitId, quarter',
  receipt: 'id, unitId',
} as const;

/** Record tables added in version 2. */
export const RECORD_TABLES_ADDED_V2 = {
  ruleProfile: 'id, unitId',
} as const;

/** Record tables added in version 4. */
export const RECORD_TABLES_ADDED_V4 = {
  noticeRead: 'id, unitId, noticeId',
  dutyReview: 'id, unitId, year',
} as const;

/** Record tables added in version 7. */
export const RECORD_TABLES_ADDED_V7 = {
  cadreExchange: 'id, unitId, date',
  projectRating: 'id, unitId, projectId',
} as const;

/** The record tables of the current version. */
export const RECORD_TABLES_CURRENT = {
  ...RECORD_TABLES_V1,
  ...RECORD_TABLES_ADDED_V2,
  ...RECORD_TABLES_ADDED_V4,
  ...RECORD_TABLES_ADDED_V7,
  rectification: 'id, unitId, status, cardId',
  notice: 'id, unitId, issuedOn, batchId',
} as const;
export type RecordTableName = keyof typeof RECORD_TABLES_CURRENT;
export const RECORD_TABLE_NAMES = Object.keys(RECORD_TABLES_CURRENT) as RecordTableName[];

export const SCHEMA_V1 = { ...LOCAL_TABLES_V1, ...RECORD_TABLES_V1 } as const;

/**
 * Version 2: a new store for the 工委's rule profiles; training classes and enrolments are
 * upgraded in place (shared/model/upgrade.ts: `sessions: []`, `attendedSessionIds: null`).
 */
export const SCHEMA_V2_STORE_CHANGES = { ...RECORD_TABLES_ADDED_V2 } as const;
/** Record tables whose rows the v1 → v2 upgrade rewrites. */
export const TABLES_UPGRADED_TO_V2 = ['trainingClass', 'enrolment'] as const satisfies readonly RecordTableName[];

/**
 * Version 3: the 工委's per-unit summaries (单位汇总, shared/rules/committee/summarySchema.ts), local
 * and never synced, keyed by the unit's id; rebuilt in each import's transaction. The upgrade
 * builds the summary of every unit a committee database already holds (unitSummaries.ts).
 */
export const LOCAL_TABLES_ADDED_V3 = {
  unitSummary: 'unitId',
} as const;
export const SCHEMA_V3_STORE_CHANGES = { ...LOCAL_TABLES_ADDED_V3 } as const;

/**
 * Version 4 (record schema 3: 红黄牌 and 通知 reach the units): the unit's `noticeRead` store;
 * rectification items indexed by the card they answer, notices by their batch; rectification
 * items, cards and notices upgraded in place (shared/model/upgrade.ts, v2 → v3).
 */
export const SCHEMA_V4_STORE_CHANGES = {
  ...RECORD_TABLES_ADDED_V4,
  rectification: RECORD_TABLES_CURRENT.rectification,
  notice: RECORD_TABLES_CURRENT.notice,
} as const;
/** Record tables whose rows the v3 → v4 upgrade rewrites (record schema 2 → 3). */
export const TABLES_UPGRADED_TO_V4 = ['rectification', 'card', 'notice'] as const satisfies readonly RecordTableName[];

/**
 * Version 5 (record schema 6, issue 17): no store changes. The upgrade blanks the personal details
 * of tombstones already held (deleted members, 走访慰问; shared/model/tombstone.ts), also in
 * `conflicts`, and re-masks the audit trail's ID numbers and birth dates the way masking is done
 * from now on (first 4 and last 4 characters; birth year only), so that no audit row keeps a pair
 * that rebuilds an ID number; a 走访慰问's reason and a member's note and 不计入 reason are dropped
 * from it (renderer/db/auditDiff.ts).
 */
export const SCHEMA_V5_STORE_CHANGES = {} as const;
/** Record tables whose rows the v4 → v5 upgrade rewrites (record schema 5 → 6). */
export const TABLES_UPGRADED_TO_V5 = ['member', 'careVisit'] as const satisfies readonly RecordTableName[];

/**
 * Version 6 (issue 17, encryption at rest, docs/security.md): ID numbers, phones and 慰问事由 are
 * stored sealed under the workspace's data key, so the plain `idNumber` index goes; members are
 * found by `idLookup`, a keyed hash of the ID number (renderer/db/encryption/sealedFields.ts). The
 * local `keyring` store holds the data key wrapped by the 开机口令 or the OS keystore.
 *
 * The upgrade itself changes no row: it runs when the database opens, before the user has
 * unlocked the data key. The plain values of an older database are sealed right after the first
 * unlock, in one transaction (encryption/sealExistingFields.ts).
 */
export const SCHEMA_V6_STORE_CHANGES = {
  member: 'id, unitId, organisationId, idLookup, status',
  keyring: 'key',
} as const;

/**
 * Version 7 (record schema 7, issue 14): the unit's `cadreExchange` store (党务干部双向交流 with the
 * 任前考察 of a posting into a party-affairs post) and the committee's `projectRating` store (the
 * 工委's rating of a unit's 书记项目). New stores only: no row is rewritten.
 */
export const SCHEMA_V7_STORE_CHANGES = { ...RECORD_TABLES_ADDED_V7 } as const;

/** Every store of the current version (what a snapshot of today's database declares). */
export const SCHEMA_CURRENT = {
  ...SCHEMA_V1,
  ...SCHEMA_V2_STORE_CHANGES,
  ...SCHEMA_V3_STORE_CHANGES,
  ...SCHEMA_V4_STORE_CHANGES,
  ...SCHEMA_V5_STORE_CHANGES,
  ...SCHEMA_V6_STORE_CHANGES,
  ...SCHEMA_V7_STORE_CHANGES,
} as const;
