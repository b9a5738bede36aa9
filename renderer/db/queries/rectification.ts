/**
 * 整改落实 as one unit's ledger shows it (its own workspace, or read-only under the committee's
 * 单位 → the unit): the unit's live rectification items, and the 红黄牌 and 述职评议 of the unit that
 * items can come from, to name and link their source. Tombstones out; reads through `unitId`.
 */
import type { Card, DutyReview } from '../../../shared/model/committee';
import type { Rectification } from '../../../shared/model/rectification';
import type { TaizhangDb } from '../db';
import { live, ofUnit } from './live';

export interface RectificationLedger {
  readonly items: readonly Rectification[];
  /** The unit's cards (live), by id: the source of items with a `cardId`. */
  readonly cards: ReadonlyMap<string, Card>;
  /** The unit's 述职评议, newest year first: an item of source 述职评议 is one of a review's problems. */
  readonly reviews: readonly DutyReview[];
}

/** One unit's rectification ledger. */
export async function unitRectificationLedger(db: TaizhangDb, unitId: string): Promise<RectificationLedger> {
  const [items, cards, reviews] = await Promise.all([ofUnit(db.rectification, unitId), ofUnit(db.card, unitId), ofUnit(db.dutyReview, unitId)]);
  return {
    items: live(items),
    cards: new Map(live(cards).map((c) => [c.id, c] as const)),
    reviews: live(reviews).sort((a, b) => b.year - a.year),
  };
}

/** The 述职评议 an item of source 述职评议 was taken from: the newest review of the unit naming its problem. */
export function reviewOf(ledger: Pick<RectificationLedger, 'reviews'>, item: Pick<Rectification, 'source' | 'problem'>): DutyReview | null {
  if (item.source !== 'dutyReview') return null;
  return ledger.reviews.find((r) => r.problems.includes(item.problem)) ?? null;
}
