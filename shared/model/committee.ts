/**
 * Committee-side records (owner: the 机关工委): enrolledUnit, card (红黄牌), notice,
 * supervisionVisit, assessment (季度考核), receipt. Their `unitId` is the unit they concern, or the
 * committee's own id.
 */
import { z } from 'zod';
import { checkOrder, checkUnique, issue } from './checks';
import { CreditCode } from './creditCode';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import {
  amount,
  count,
  Ed25519PublicKeyBase64,
  Id,
  IsoDate,
  IsoInstant,
  listOf,
  LONG_TEXT_MAX,
  oneOf,
  Quarter,
  requiredText,
  text,
  TEXT_MAX,
  typeMessage,
} from './primitives';
import {
  CARD_COLOURS,
  CARD_FIX_STATUSES,
  CARD_SUBJECT_KINDS,
  DUTY_REVIEW_FORMATS,
  DUTY_REVIEW_RATINGS,
  ENROLLED_UNIT_STATUSES,
  SUPERVISION_VISIT_KINDS,
} from './vocabulary';

// ── enrolledUnit ───────────────────────────────────────────────────────────────────────────────

export const EnrolledUnitSchema = withMeta({
  name: requiredText(),
  /**
   * The unit's 统一社会信用代码, given at enrolment: its first bundle must carry the same code in its
   * own `unit` record. Absent or null in entries made before the code was asked for (and in entries
   * re-admitted from a snapshot, which take the code from the unit's record).
   */
  creditCode: CreditCode.nullable().optional(),
  publicKey: Ed25519PublicKeyBase64.nullable(),
  status: oneOf(ENROLLED_UNIT_STATUSES, '单位状态'),
  revokedAt: IsoInstant.nullable(),
}).superRefine((u, ctx) => {
  if (u.status === 'active' && u.publicKey === null) {
    issue(ctx, ['publicKey'], '已启用的单位必须有已确认的公钥，请先导入并确认该单位的第一个数据包');
  }
  if (u.status === 'revoked' && u.revokedAt === null) issue(ctx, ['revokedAt'], '已吊销的单位请记录吊销时间');
  if (u.status !== 'revoked' && u.revokedAt !== null) {
    issue(ctx, ['revokedAt'], '未吊销的单位不应有吊销时间，该记录可能已损坏');
  }
});
export type EnrolledUnit = z.infer<typeof EnrolledUnitSchema>;

export const ENROLLED_UNIT_FIELD_LABELS: FieldLabels<EnrolledUnit> = {
  name: '单位名称',
  creditCode: '统一社会信用代码',
  publicKey: '单位公钥',
  status: '单位状态',
  revokedAt: '吊销时间',
};

// ── card (红黄牌) ───────────────────────────────────────────────────────────────────────────────

export const CardSchema = withMeta({
  subjectKind: oneOf(CARD_SUBJECT_KINDS, '亮牌对象类别'),
  subjectId: Id,
  trigger: requiredText(TEXT_MAX),
  colour: oneOf(CARD_COLOURS, '牌色'),
  issuer: requiredText(100),
  issuedOn: IsoDate,
  fixBy: IsoDate.nullable(),
  fixStatus: oneOf(CARD_FIX_STATUSES, '整改状态'),
  closedOn: IsoDate.nullable(),
  consequences: listOf(requiredText(50), 20, '处理措施'),
  /** 亮牌依据: what the committee found (records, a visit), in words (record schema 3). */
  evidence: text(LONG_TEXT_MAX),
  /**
   * The 联系组 visit (supervisionVisit, the committee's own record) the card was issued on (record
   * schema 7); absent when none. Only the committee holds visits: the unit reads the visit in the
   * card's `evidence`, which names it (issueCard writes the reference in).
   */
  visitId: Id.optional(),
}).superRefine((c, ctx) => {
  if (c.subjectKind === 'unit' && c.subjectId !== c.unitId) {
    issue(ctx, ['subjectId'], '对单位亮牌时，亮牌对象应为该记录所属的单位，请重新选择');
  }
  checkOrder(ctx, c.issuedOn, c.fixBy, ['fixBy'], '整改期限不能早于亮牌日期，请核对');
  checkOrder(ctx, c.issuedOn, c.closedOn, ['closedOn'], '销牌日期不能早于亮牌日期，请核对');
  if (c.fixStatus === 'fixed' && c.closedOn === null) issue(ctx, ['closedOn'], '已整改的红黄牌请填写销牌日期');
  if (c.fixStatus !== 'fixed' && c.closedOn !== null) {
    issue(ctx, ['closedOn'], '尚未整改的红黄牌不应有销牌日期，请清空或将整改状态改为“已整改”');
  }
  checkUnique(ctx, c.consequences, (s) => s, (i) => ['consequences', i], '处理措施重复，请删除重复项');
});
export type Card = z.infer<typeof CardSchema>;

export const CARD_FIELD_LABELS: FieldLabels<Card> = {
  subjectKind: '亮牌对象类别',
  subjectId: '亮牌对象',
  trigger: '亮牌事由',
  colour: '牌色',
  issuer: '亮牌单位',
  issuedOn: '亮牌日期',
  fixBy: '整改期限',
  fixStatus: '整改状态',
  closedOn: '销牌日期',
  consequences: '处理措施',
  evidence: '亮牌依据',
  visitId: '依据的督导检查',
};

// ── notice ─────────────────────────────────────────────────────────────────────────────────────

/**
 * A notice (通知) to one unit: its `unitId` is the recipient. A notice sent to several units is one
 * record per unit sharing a `batchId` (each unit's return bundle carries its own copy only); the
 * unit answers with a `noticeRead` record. `batchId` and `dueOn` arrived with record schema 3.
 */
export const NoticeSchema = withMeta({
  title: requiredText(),
  body: text(LONG_TEXT_MAX),
  issuedOn: IsoDate,
  batchId: Id,
  /** 办理期限, or null when the notice asks for nothing by a date. */
  dueOn: IsoDate.nullable(),
}).superRefine((n, ctx) => {
  checkOrder(ctx, n.issuedOn, n.dueOn, ['dueOn'], '办理期限不能早于发布日期，请核对');
});
export type Notice = z.infer<typeof NoticeSchema>;

export const NOTICE_FIELD_LABELS: FieldLabels<Notice> = {
  title: '通知标题',
  body: '通知正文',
  issuedOn: '发布日期',
  batchId: '通知批次',
  dueOn: '办理期限',
};

// ── dutyReview (书记抓基层党建述职评议) ─────────────────────────────────────────────────────────

/**
 * The committee's 述职评议 of one unit for one year (record schema 3): when and how the unit's 党组
 * (党委) 书记 reported, the rating, comments and the problems found (each one a line the unit can turn
 * into a rectification item, source 述职评议). One live record per unit and year (the repository).
 */
export const DutyReviewSchema = withMeta({
  year: z.int({ error: typeMessage('年度') }).min(2000, '年度不正确').max(2999, '年度不正确'),
  /** 书记姓名 as reported */
  secretaryName: text(50),
  reportedOn: IsoDate.nullable(),
  format: oneOf(DUTY_REVIEW_FORMATS, '述职方式'),
  rating: oneOf(DUTY_REVIEW_RATINGS, '评议等次'),
  comments: text(LONG_TEXT_MAX),
  problems: listOf(requiredText(TEXT_MAX), 50, '发现的问题'),
}).superRefine((r, ctx) => {
  if (r.reportedOn !== null && Number(r.reportedOn.slice(0, 4)) < r.year) issue(ctx, ['reportedOn'], '述职日期不能早于所述职的年度，请核对');
  checkUnique(ctx, r.problems, (s) => s, (i) => ['problems', i], '发现的问题重复，请删除重复项');
});
export type DutyReview = z.infer<typeof DutyReviewSchema>;

export const DUTY_REVIEW_FIELD_LABELS: FieldLabels<DutyReview> = {
  year: '述职年度',
  secretaryName: '述职书记',
  reportedOn: '述职日期',
  format: '述职方式',
  rating: '评议等次',
  comments: '评议意见',
  problems: '发现的问题',
};

// ── supervisionVisit ───────────────────────────────────────────────────────────────────────────

export const SupervisionVisitSchema = withMeta({
  kind: oneOf(SUPERVISION_VISIT_KINDS, '督导方式'),
  date: IsoDate,
  visitors: text(),
  findings: text(LONG_TEXT_MAX),
  /**
   * 日常指导评价: the 联系组's score of the unit's day-to-day party-building work at this visit, an
   * integer 0–100 (record schema 7); absent when none was given. Read by the quarterly monitoring's
   * `guidance` indicator (committeeIndicators.ts).
   */
  guidanceScore: count('日常指导评价').max(100, { message: '日常指导评价应在 0 至 100 分之间，请核对', abort: true }).optional(),
});
export type SupervisionVisit = z.infer<typeof SupervisionVisitSchema>;

export const SUPERVISION_VISIT_FIELD_LABELS: FieldLabels<SupervisionVisit> = {
  kind: '督导方式',
  date: '日期',
  visitors: '参加人员',
  findings: '发现的问题',
  guidanceScore: '日常指导评价',
};

// ── assessment (季度无感知监控考核) ──────────────────────────────────────────────────────────────

export const MAX_SCORE = 1000;
export const MAX_INDICATORS = 200;

/** An indicator id from the rule profile: starts with a letter; letters, digits, '_', '.', '-'. */
export const IndicatorId = z
  .string({ error: typeMessage('指标编号') })
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, '指标编号格式不正确（应以字母开头，不超过64个字符），该考核记录可能已损坏');

export const AssessmentSchema = withMeta({
  quarter: Quarter,
  scores: z
    .record(IndicatorId, amount('得分', MAX_SCORE), { error: typeMessage('各项指标得分') })
    .refine((s) => Object.keys(s).length <= MAX_INDICATORS, `考核指标过多（超过${MAX_INDICATORS}项），该考核记录可能已损坏`),
  total: amount('总分', MAX_SCORE),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const ASSESSMENT_FIELD_LABELS: FieldLabels<Assessment> = {
  quarter: '考核季度',
  scores: '各项指标得分',
  total: '总分',
};

// ── receipt ────────────────────────────────────────────────────────────────────────────────────

export const ReceiptSchema = withMeta({
  highestSequence: count('已接收的最高序号'),
  bundleId: Id,
  receivedAt: IsoInstant,
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const RECEIPT_FIELD_LABELS: FieldLabels<Receipt> = {
  highestSequence: '已接收的最高序号',
  bundleId: '数据包编号',
  receivedAt: '接收时间',
};
