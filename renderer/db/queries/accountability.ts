/**
 * 红黄牌 and 通知 as each side reads them: the committee's card register and notice batches over all
 * its units, and one unit's inbox (its cards with its answers, its notices with its read marks).
 * Tombstones out; a unit's reads go through the `unitId` index.
 */
import type { Assessment, Card, DutyReview, EnrolledUnit, Notice, SupervisionVisit } from '../../../shared/model/committee';
import type { Attachment } from '../../../shared/model/attachment';
import type { NoticeRead } from '../../../shared/model/noticeRead';
import type { Rectification } from '../../../shared/model/rectification';
import type { TaizhangDb } from '../db';
import { live, ofUnit } from './live';
import { compareChinese } from '../../../shared/rules/collation';

export interface CardRegister {
  readonly cards: readonly Card[];
  /** The units' rectification items that answer a card. */
  readonly answers: readonly Rectification[];
  /** Enrolled units, tombstones out, in the register's order (by name). */
  readonly units: readonly EnrolledUnit[];
  /** Names of the organisations cards were issued to, by id. */
  readonly organisationNames: ReadonlyMap<string, string>;
  /**
   * The 联系组 visits cards were issued on (`card.visitId`), by id — deleted ones too (as tombstones,
   * `deleted: true`), so that the register can say the visit was deleted.
   */
  readonly visits: ReadonlyMap<string, Pick<SupervisionVisit, 'id' | 'unitId' | 'date' | 'kind' | 'deleted'>>;
}

function byName(units: readonly EnrolledUnit[]): EnrolledUnit[] {
  return [...units].sort((a, b) => compareChinese(a.name, b.name));
}

async function organisationNamesOf(db: TaizhangDb, cards: readonly Card[]): Promise<Map<string, string>> {
  const ids = [...new Set(cards.filter((c) => c.subjectKind === 'organisation').map((c) => c.subjectId))];
  const orgs = await db.organisation.bulkGet(ids);
  return new Map(orgs.flatMap((o) => (o ? [[o.id, o.name] as const] : [])));
}

/** The committee's 红黄牌 register: every live card, the units' answers, the names to show. */
export async function cardRegister(db: TaizhangDb): Promise<CardRegister> {
  const [cards, units] = await Promise.all([db.card.toArray(), db.enrolledUnit.toArray()]);
  const liveCards = live(cards);
  const answers = live(await db.rectification.where('cardId').anyOf(liveCards.map((c) => c.id)).toArray());
  const visitIds = [...new Set(liveCards.flatMap((c) => (c.visitId === undefined ? [] : [c.visitId])))];
  const visits = (await db.supervisionVisit.bulkGet(visitIds)).flatMap((v) => (v ? [[v.id, { id: v.id, unitId: v.unitId, date: v.date, kind: v.kind, deleted: v.deleted }] as const] : []));
  return { cards: liveCards, answers, units: byName(live(units)), organisationNames: await organisationNamesOf(db, liveCards), visits: new Map(visits) };
}

export interface NoticeRegister {
  readonly notices: readonly Notice[];
  readonly reads: readonly NoticeRead[];
  readonly units: readonly EnrolledUnit[];
}

/** The committee's notices (one record per recipient) and the read marks the units sent back. */
export async function noticeRegister(db: TaizhangDb): Promise<NoticeRegister> {
  const [notices, units] = await Promise.all([db.notice.toArray(), db.enrolledUnit.toArray()]);
  const liveNotices = live(notices);
  const reads = live(await db.noticeRead.where('noticeId').anyOf(liveNotices.map((n) => n.id)).toArray());
  return { notices: liveNotices, reads, units: byName(live(units)) };
}

export interface DutyReviewRegister {
  /** Enrolled units not revoked, by name. */
  readonly units: readonly EnrolledUnit[];
  /** The year's live reviews. */
  readonly reviews: readonly DutyReview[];
}

/** The committee's 述职评议 of a year: every unit, reviewed or not. */
export async function dutyReviewRegister(db: TaizhangDb, year: number): Promise<DutyReviewRegister> {
  const [units, reviews] = await Promise.all([db.enrolledUnit.toArray(), db.dutyReview.where('year').equals(year).toArray()]);
  return { units: byName(live(units).filter((u) => u.status !== 'revoked')), reviews: live(reviews) };
}

export interface UnitInbox {
  /** The 工委's 述职评议 of the unit, newest year first. */
  readonly reviews: readonly DutyReview[];
  /** The unit's items taken from a review's problems (source 述职评议). */
  readonly reviewItems: readonly Rectification[];
  /** The quarterly monitoring results the 工委 published for the unit (its own only). */
  readonly assessments: readonly Assessment[];
  readonly cards: readonly Card[];
  readonly answers: readonly Rectification[];
  readonly notices: readonly Notice[];
  readonly reads: readonly NoticeRead[];
  /** The files of the unit's notices (通知附件, committee-owned attachment records), by notice id, in the order sent. */
  readonly noticeAttachments: ReadonlyMap<string, readonly Attachment[]>;
  readonly organisationNames: ReadonlyMap<string, string>;
}

/** One unit's cards and notices from the 工委, with its answers and read marks. */
export async function unitInbox(db: TaizhangDb, unitId: string): Promise<UnitInbox> {
  const [cards, notices, reads, items, assessments, attachments] = await Promise.all([
    ofUnit(db.card, unitId),
    ofUnit(db.notice, unitId),
    ofUnit(db.noticeRead, unitId),
    ofUnit(db.rectification, unitId),
    ofUnit(db.assessment, unitId),
    ofUnit(db.attachment, unitId),
  ]);
  const noticeAttachments = new Map<string, Attachment[]>();
  for (const a of live(attachments)) {
    if (a.ownerTable !== 'notice') continue;
    noticeAttachments.set(a.ownerId, [...(noticeAttachments.get(a.ownerId) ?? []), a]);
  }
  for (const list of noticeAttachments.values()) list.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  const reviews = live(await ofUnit(db.dutyReview, unitId)).sort((a, b) => b.year - a.year);
  const liveCards = live(cards);
  return {
    reviews,
    reviewItems: live(items).filter((r) => r.source === 'dutyReview'),
    assessments: live(assessments).sort((a, b) => (a.quarter < b.quarter ? 1 : -1)),
    cards: liveCards,
    answers: live(items).filter((r) => r.cardId !== null),
    notices: live(notices),
    reads: live(reads),
    noticeAttachments,
    organisationNames: await organisationNamesOf(db, liveCards),
  };
}

export interface OrganisationChoice {
  readonly id: string;
  readonly name: string;
}

/** The organisations of one unit a card can name: live, not dissolved, by name. */
export async function cardSubjectChoices(db: TaizhangDb, unitId: string): Promise<OrganisationChoice[]> {
  const orgs = live(await ofUnit(db.organisation, unitId)).filter((o) => o.dissolvedOn === null);
  return orgs.map((o) => ({ id: o.id, name: o.name })).sort((a, b) => compareChinese(a.name, b.name));
}
