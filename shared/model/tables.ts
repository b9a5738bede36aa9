/**
 * The synced record tables: their names (as used in Dexie, bundles and `RECORD_SCHEMAS`), Chinese
 * labels, and which workspace owns (writes) each of them.
 */
import type { WorkspaceMode } from './vocabulary';

export const RECORD_TABLES = [
  // unit side
  'unit',
  'organisation',
  'election',
  'committeeSeat',
  'member',
  'meeting',
  'attachment',
  'trainingClass',
  'enrolment',
  'secretaryProject',
  'dutyList',
  'rectification',
  'fundLine',
  'expense',
  'careVisit',
  'commendation',
  'publicity',
  'noticeRead',
  'cadreExchange',
  // committee side
  'enrolledUnit',
  'card',
  'notice',
  'dutyReview',
  'supervisionVisit',
  'assessment',
  'receipt',
  'ruleProfile',
  'projectRating',
] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

export function isRecordTable(s: unknown): s is RecordTable {
  return typeof s === 'string' && (RECORD_TABLES as readonly string[]).includes(s);
}

export const RECORD_TABLE_LABELS: Record<RecordTable, string> = {
  unit: '单位',
  organisation: '党组织',
  election: '换届选举',
  committeeSeat: '两委委员',
  member: '党员',
  meeting: '会议',
  attachment: '附件',
  trainingClass: '培训班',
  enrolment: '参训',
  secretaryProject: '书记项目',
  dutyList: '三级五岗职责清单',
  rectification: '整改事项',
  fundLine: '经费预算',
  expense: '经费支出',
  careVisit: '走访慰问',
  commendation: '表彰',
  publicity: '宣传报道',
  noticeRead: '通知已读',
  cadreExchange: '党务干部双向交流',
  enrolledUnit: '纳管单位',
  card: '红黄牌',
  notice: '通知',
  dutyReview: '述职评议',
  supervisionVisit: '督导检查',
  assessment: '季度考核',
  receipt: '回执',
  ruleProfile: '规则配置',
  projectRating: '书记项目评价',
};

/**
 * Which workspace writes each table. `trainingClass` and `attachment` are listed as unit-owned, as in
 * docs/data-model.md; a class the committee organises (`organiser: 'committee'`) and a notice's
 * attachment (`ownerTable: 'notice'`) are the committee's: use `recordOwner` when you hold the record.
 */
export const RECORD_OWNER: Record<RecordTable, WorkspaceMode> = {
  unit: 'unit',
  organisation: 'unit',
  election: 'unit',
  committeeSeat: 'unit',
  member: 'unit',
  meeting: 'unit',
  attachment: 'unit',
  trainingClass: 'unit',
  enrolment: 'unit',
  secretaryProject: 'unit',
  dutyList: 'unit',
  rectification: 'unit',
  fundLine: 'unit',
  expense: 'unit',
  careVisit: 'unit',
  commendation: 'unit',
  publicity: 'unit',
  noticeRead: 'unit',
  cadreExchange: 'unit',
  enrolledUnit: 'committee',
  card: 'committee',
  notice: 'committee',
  dutyReview: 'committee',
  supervisionVisit: 'committee',
  assessment: 'committee',
  receipt: 'committee',
  ruleProfile: 'committee',
  projectRating: 'committee',
};

/**
 * The owner of one record: the table's owner, except for training classes the committee organises
 * and the attachments of a committee-owned record (a 通知's files, `ownerTable: 'notice'`, one
 * attachment record per recipient unit like the notice itself) — those are the committee's.
 */
export function recordOwner(table: RecordTable, record: { readonly organiser?: unknown; readonly ownerTable?: unknown }): WorkspaceMode {
  if (table === 'trainingClass' && record.organiser === 'committee') return 'committee';
  if (table === 'attachment' && record.ownerTable === 'notice') return 'committee';
  return RECORD_OWNER[table];
}
