/**
 * 红黄牌 and 通知, both sides. The 工委 issues cards and sends notices (committee-owned records whose
 * `unitId` is the unit concerned; return bundles carry them to it) and closes (销牌) cards. The unit
 * marks a notice read (a `noticeRead` record) and answers a card with a rectification item linked to
 * it (整改事项, source 红黄牌); both are the unit's records and travel back in its next bundle.
 * Every write runs through `runWrite`: a refused part leaves nothing behind.
 */
import { expectedError, ExpectedFailure, fail, ok, type ExpectedError, type Result } from '../../shared/errors/errors';
import { newId } from '../../shared/ids/uuidv7';
import { attachmentProblem, MAX_ATTACHMENTS_PER_RECORD, sniffMime } from '../../shared/attachments/fileKind';
import { noticeFilesProblem } from '../../shared/bundle/noticeFiles';
import type { Card, DutyReview, Notice } from '../../shared/model/committee';
import type { NoticeRead } from '../../shared/model/noticeRead';
import { LONG_TEXT_MAX } from '../../shared/model/primitives';
import type { Rectification } from '../../shared/model/rectification';
import { evidenceNamingVisit } from '../../shared/rules/committee/cards';
import { compareIsoDates, type IsoDate } from '../../shared/rules/dates';
import { chineseDate } from '../../shared/rules/text';
import type { NewAttachment } from './meetingRepository';
import { createRecord, updateRecord, type RecordInput, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import type { WriteContext } from './writeContext';

export type AccountabilityError = WriteError | ExpectedError<'wrong-mode' | 'no-recipients' | 'unit-not-enrolled' | 'already-closed' | 'invalid-subject' | 'invalid-date' | 'invalid-visit' | 'attachment-refused'>;

const MAX_NOTICE_RECIPIENTS = 2000;

function committeeOnly(ctx: WriteContext): AccountabilityError | null {
  return ctx.mode === 'committee' ? null : expectedError('wrong-mode', '红黄牌和通知由机关工委发出，单位不能自行填写。');
}

function unitOnly(ctx: WriteContext, what: string): AccountabilityError | null {
  return ctx.mode === 'unit' ? null : expectedError('wrong-mode', `${what}由单位办理，工委端只能查看。`);
}

async function issuerName(ctx: WriteContext): Promise<string> {
  return (await ctx.db.workspace.get('workspace'))?.name ?? '市委直属机关工委';
}

/** The unit, enrolled and not revoked, or a refusal naming what to do. */
async function enrolledUnit(ctx: WriteContext, unitId: string): Promise<AccountabilityError | null> {
  const unit = (await ctx.db.enrolledUnit.where('unitId').equals(unitId).toArray()).find((u) => !u.deleted);
  if (!unit) return expectedError('unit-not-enrolled', '该单位不在纳管单位名册中，请先在“同步”中完成纳管登记。');
  if (unit.status === 'revoked') return expectedError('unit-not-enrolled', `${unit.name}已被吊销，不能再向其发出红黄牌或通知。`);
  return null;
}

export interface CardInput {
  readonly unitId: string;
  readonly subjectKind: Card['subjectKind'];
  /** The unit's id for a card to the unit; an organisation of the unit otherwise. */
  readonly subjectId: string;
  readonly colour: Card['colour'];
  readonly trigger: string;
  readonly evidence: string;
  readonly issuedOn: IsoDate;
  readonly fixBy: IsoDate | null;
  readonly consequences: readonly string[];
  /**
   * The 联系组 visit (督导检查) the card is issued on: a live visit to the same unit, or null/absent
   * for none. The stored 依据 then names the visit in words (the unit does not hold visits).
   */
  readonly visitId?: string | null;
}

/** 亮牌: one card to a unit or one of its organisations. */
export async function issueCard(ctx: WriteContext, input: CardInput): Promise<Result<Card, AccountabilityError>> {
  const refused = committeeOnly(ctx);
  if (refused) return fail(refused);
  const tables = [ctx.db.card, ctx.db.enrolledUnit, ctx.db.organisation, ctx.db.supervisionVisit, ctx.db.workspace, ctx.db.changes, ctx.db.audit, ctx.db.device];
  return runWrite<Card, AccountabilityError>(ctx.db, tables, async () => {
    const notEnrolled = await enrolledUnit(ctx, input.unitId);
    if (notEnrolled) return fail(notEnrolled);
    if (input.subjectKind === 'organisation') {
      const org = await ctx.db.organisation.get(input.subjectId);
      if (!org || org.deleted || org.unitId !== input.unitId) {
        return fail(expectedError('invalid-subject', '所选党组织不属于该单位或已被删除，请重新选择亮牌对象。', ['subjectId']));
      }
    }
    let evidence = input.evidence.trim();
    const visitId = input.visitId ?? null;
    if (visitId !== null) {
      const visit = await ctx.db.supervisionVisit.get(visitId);
      if (!visit || visit.deleted || visit.unitId !== input.unitId) {
        return fail(expectedError('invalid-visit', '所选督导检查不是对该单位的督导，或已被删除，请重新选择依据的督导检查，或不选。', ['visitId']));
      }
      if (compareIsoDates(visit.date, input.issuedOn) > 0) {
        return fail(expectedError('invalid-visit', `所选督导检查在${chineseDate(visit.date)}，晚于亮牌日期，不能作为亮牌依据。请核对亮牌日期或重新选择督导检查。`, ['visitId']));
      }
      evidence = evidenceNamingVisit(evidence, visit, LONG_TEXT_MAX);
    }
    return createRecord(ctx, 'card', {
      unitId: input.unitId,
      subjectKind: input.subjectKind,
      subjectId: input.subjectKind === 'unit' ? input.unitId : input.subjectId,
      colour: input.colour,
      trigger: input.trigger.trim(),
      evidence,
      ...(visitId === null ? {} : { visitId }),
      issuer: await issuerName(ctx),
      issuedOn: input.issuedOn,
      fixBy: input.fixBy,
      fixStatus: 'pending',
      closedOn: null,
      consequences: [...input.consequences],
    });
  });
}

/** 销牌: the committee has checked the unit's rectification and closes the card on `closedOn`. */
export async function closeCard(ctx: WriteContext, cardId: string, closedOn: IsoDate): Promise<Result<Card, AccountabilityError>> {
  const refused = committeeOnly(ctx);
  if (refused) return fail(refused);
  return runWrite<Card, AccountabilityError>(ctx.db, [ctx.db.card, ctx.db.changes, ctx.db.audit, ctx.db.device], async () => {
    const card = await ctx.db.card.get(cardId);
    if (!card || card.deleted) return fail(expectedError('not-found', '该红黄牌不存在或已删除，请刷新后重试。'));
    if (card.fixStatus === 'fixed') return fail(expectedError('already-closed', `该红黄牌已于${card.closedOn ?? ''}销牌。`));
    return updateRecord(ctx, 'card', cardId, { fixStatus: 'fixed', closedOn });
  });
}

export interface NoticeInput {
  readonly unitIds: readonly string[];
  readonly title: string;
  readonly body: string;
  readonly issuedOn: IsoDate;
  readonly dueOn: IsoDate | null;
}

/**
 * Sends one notice to several units: one record per unit sharing a new batch id, all or none (a
 * unit that is not enrolled refuses the whole send, naming it). Its files (通知附件: PDF scans and
 * photos, checked by their bytes like a meeting's) are stored once each and described by one
 * committee-owned `attachment` record per unit (`ownerTable: 'notice'`, the unit's own notice), so
 * each unit's return bundle carries its own; a unit whose return bundle could not hold them with
 * the files of its earlier notices refuses the send, naming it (shared/bundle/noticeFiles.ts).
 */
export async function sendNotice(ctx: WriteContext, input: NoticeInput, files: readonly NewAttachment[] = []): Promise<Result<Notice[], AccountabilityError>> {
  const refused = committeeOnly(ctx);
  if (refused) return fail(refused);
  const unitIds = [...new Set(input.unitIds)];
  if (unitIds.length === 0) return fail(expectedError('no-recipients', '请至少选择一个接收通知的单位。', ['unitIds']));
  if (unitIds.length > MAX_NOTICE_RECIPIENTS) return fail(expectedError('no-recipients', `一次最多向 ${MAX_NOTICE_RECIPIENTS} 个单位发送通知。`, ['unitIds']));
  if (input.dueOn !== null && compareIsoDates(input.dueOn, input.issuedOn) < 0) {
    return fail(expectedError('invalid-date', '办理期限不能早于发布日期，请核对。', ['dueOn']));
  }
  if (files.length > MAX_ATTACHMENTS_PER_RECORD) return fail(expectedError('attachment-refused', `一条通知最多带 ${MAX_ATTACHMENTS_PER_RECORD} 个附件，请删减后再发送。`));
  for (const f of files) {
    const problem = attachmentProblem(f.name, f.bytes);
    if (problem) return fail(expectedError('attachment-refused', `${problem}。`));
    if (sniffMime(f.bytes) !== f.mime) return fail(expectedError('attachment-refused', `“${f.name}”的文件类型与内容不符，请重新添加。`));
  }
  const adding = files.map((f) => ({ sha256: f.sha256, size: f.bytes.byteLength }));
  const tables = [ctx.db.notice, ctx.db.enrolledUnit, ctx.db.attachment, ctx.db.attachmentBlobs, ctx.db.changes, ctx.db.audit, ctx.db.device];
  return runWrite<Notice[], AccountabilityError>(ctx.db, tables, async () => {
    const batchId = newId();
    const out: Notice[] = [];
    for (const unitId of unitIds) {
      const notEnrolled = await enrolledUnit(ctx, unitId);
      if (notEnrolled) return fail(notEnrolled);
      if (files.length > 0) {
        const held = await ctx.db.attachment.where('unitId').equals(unitId).filter((a) => !a.deleted && a.ownerTable === 'notice').toArray();
        const name = (await ctx.db.enrolledUnit.where('unitId').equals(unitId).toArray()).find((u) => !u.deleted)?.name ?? '该单位';
        const tooMuch = noticeFilesProblem(name, held, adding);
        if (tooMuch) return fail(expectedError('attachment-refused', tooMuch));
      }
      const input2: RecordInput<'notice'> = { unitId, title: input.title.trim(), body: input.body.trim(), issuedOn: input.issuedOn, dueOn: input.dueOn, batchId };
      const r = await createRecord(ctx, 'notice', input2);
      if (!r.ok) throw new ExpectedFailure(r.error);
      for (const f of files) {
        const a = await createRecord(ctx, 'attachment', { unitId, sha256: f.sha256, mime: f.mime, size: f.bytes.byteLength, name: f.name, ownerTable: 'notice', ownerId: r.value.id });
        if (!a.ok) throw new ExpectedFailure(a.error);
      }
      out.push(r.value);
    }
    for (const f of files) {
      if (!(await ctx.db.attachmentBlobs.get(f.sha256))) {
        await ctx.db.attachmentBlobs.put({ sha256: f.sha256, blob: new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.mime }), thumbnail: f.thumbnail });
      }
    }
    return ok(out);
  });
}

/** 标记已读: the unit's read mark on one notice (once: a second mark changes nothing). */
export async function markNoticeRead(ctx: WriteContext, noticeId: string): Promise<Result<NoticeRead, AccountabilityError>> {
  const refused = unitOnly(ctx, '通知的阅读回执');
  if (refused) return fail(refused);
  return runWrite<NoticeRead, AccountabilityError>(ctx.db, [ctx.db.notice, ctx.db.noticeRead, ctx.db.changes, ctx.db.audit, ctx.db.device], async () => {
    const notice = await ctx.db.notice.get(noticeId);
    if (!notice || notice.deleted || notice.unitId !== ctx.ownerId) return fail(expectedError('not-found', '该通知不存在或已被工委撤回，请刷新后重试。'));
    const existing = (await ctx.db.noticeRead.where('noticeId').equals(noticeId).toArray()).find((r) => !r.deleted);
    if (existing) return ok(existing);
    return createRecord(ctx, 'noticeRead', { noticeId, readAt: ctx.now().toISOString(), readBy: ctx.actor });
  });
}

export interface CardAnswerInput {
  readonly measures: string;
  readonly owner: string;
  readonly deadline: IsoDate | null;
  readonly status: Rectification['status'];
  readonly evidence: string;
  readonly closedOn: IsoDate | null;
}

/**
 * The unit answers a card with its rectification item (整改事项, source 红黄牌): created on the first
 * answer, updated after. The problem is the card's trigger; the deadline defaults to the card's.
 */
export async function answerCard(ctx: WriteContext, cardId: string, input: CardAnswerInput): Promise<Result<Rectification, AccountabilityError>> {
  const refused = unitOnly(ctx, '红黄牌的整改');
  if (refused) return fail(refused);
  const tables = [ctx.db.card, ctx.db.rectification, ctx.db.changes, ctx.db.audit, ctx.db.device];
  return runWrite<Rectification, AccountabilityError>(ctx.db, tables, async () => {
    const card = await ctx.db.card.get(cardId);
    if (!card || card.deleted || card.unitId !== ctx.ownerId) return fail(expectedError('not-found', '该红黄牌不存在或已被工委撤销，请刷新后重试。'));
    const existing = (await ctx.db.rectification.where('cardId').equals(cardId).toArray())
      .filter((r) => !r.deleted)
      .sort((a, b) => (a.rev < b.rev ? 1 : -1))[0];
    const fields = {
      measures: input.measures.trim(),
      owner: input.owner.trim(),
      deadline: input.deadline ?? card.fixBy,
      status: input.status,
      evidence: input.evidence.trim(),
      closedOn: input.status === 'closed' ? input.closedOn : null,
    };
    if (existing) return updateRecord(ctx, 'rectification', existing.id, fields);
    return createRecord(ctx, 'rectification', { ...fields, source: 'card', problem: card.trigger, cardId });
  });
}

export interface DutyReviewInput {
  readonly unitId: string;
  readonly year: number;
  readonly secretaryName: string;
  readonly reportedOn: IsoDate | null;
  readonly format: DutyReview['format'];
  readonly rating: DutyReview['rating'];
  readonly comments: string;
  readonly problems: readonly string[];
}

/** 述职评议: the committee records (or corrects) a unit's review for a year — one record per unit and year. */
export async function recordDutyReview(ctx: WriteContext, input: DutyReviewInput): Promise<Result<DutyReview, AccountabilityError>> {
  const refused = committeeOnly(ctx);
  if (refused) return fail(refused);
  const problems = [...new Set(input.problems.map((p) => p.trim()).filter((p) => p !== ''))];
  const fields = {
    secretaryName: input.secretaryName.trim(),
    reportedOn: input.reportedOn,
    format: input.format,
    rating: input.rating,
    comments: input.comments.trim(),
    problems,
  };
  return runWrite<DutyReview, AccountabilityError>(ctx.db, [ctx.db.dutyReview, ctx.db.enrolledUnit, ctx.db.changes, ctx.db.audit, ctx.db.device], async () => {
    const notEnrolled = await enrolledUnit(ctx, input.unitId);
    if (notEnrolled) return fail(notEnrolled);
    const existing = (await ctx.db.dutyReview.where('unitId').equals(input.unitId).toArray()).find((r) => !r.deleted && r.year === input.year);
    if (existing) return updateRecord(ctx, 'dutyReview', existing.id, fields);
    return createRecord(ctx, 'dutyReview', { unitId: input.unitId, year: input.year, ...fields });
  });
}

/**
 * The unit takes a problem its 述职评议 found into its rectification ledger (整改事项, source
 * 述职评议); taking the same problem again returns the item already made.
 */
export async function rectifyReviewProblem(ctx: WriteContext, reviewId: string, problem: string): Promise<Result<Rectification, AccountabilityError>> {
  const refused = unitOnly(ctx, '述职评议问题的整改');
  if (refused) return fail(refused);
  return runWrite<Rectification, AccountabilityError>(ctx.db, [ctx.db.dutyReview, ctx.db.rectification, ctx.db.changes, ctx.db.audit, ctx.db.device], async () => {
    const review = await ctx.db.dutyReview.get(reviewId);
    if (!review || review.deleted || review.unitId !== ctx.ownerId || !review.problems.includes(problem)) {
      return fail(expectedError('not-found', '该述职评议或其中的问题已被工委修改，请刷新后重试。'));
    }
    const existing = (await ctx.db.rectification.where('unitId').equals(ctx.ownerId).toArray()).find((r) => !r.deleted && r.source === 'dutyReview' && r.problem === problem);
    if (existing) return ok(existing);
    return createRecord(ctx, 'rectification', { source: 'dutyReview', problem, measures: '', owner: '', deadline: null, status: 'open', evidence: '', closedOn: null, cardId: null });
  });
}
