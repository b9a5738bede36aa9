/**
 * Where a 红黄牌 stands, as both sides show it: the deadline (剩余/逾期 days), the unit's answer (the
 * rectification item it linked to the card: 未整改/整改中/已销号 at the unit) and the committee's
 * verdict (销牌). The committee closes a card; the unit's item closing is the unit's claim, which
 * the committee checks before it closes the card.
 */
import type { Card } from '../../model/committee';
import type { Rectification } from '../../model/rectification';
import { CARD_COLOUR_LABELS, RECTIFICATION_STATUS_LABELS } from '../../model/vocabulary';
import { compareIsoDates, daysBetween, type IsoDate } from '../dates';
import { chineseDate } from '../text';

export type CardStage =
  /** closed by the committee (已销牌) */
  | 'closed'
  /** the unit has not answered with a rectification item yet */
  | 'unanswered'
  /** the unit is working on it */
  | 'inProgress'
  /** the unit says it is done: the committee should check and close the card */
  | 'awaitingClose';

export interface CardProgress {
  readonly stage: CardStage;
  /** Days left to the fix-by date (0 on the day itself), negative when overdue; null without a date or once closed. */
  readonly daysLeft: number | null;
  readonly overdue: boolean;
  /** e.g. "剩余 12 天（2026年12月31日前整改）", "已逾期 3 天", "已于2026年11月2日销牌". */
  readonly deadlineText: string;
  /** What the unit has done, in words. */
  readonly answerText: string;
  /** The unit's live item answering this card (the newest when several). */
  readonly answer: Rectification | null;
}

type CardFacts = Pick<Card, 'id' | 'colour' | 'fixBy' | 'fixStatus' | 'closedOn'>;
type AnswerFacts = Pick<Rectification, 'cardId' | 'deleted' | 'status' | 'rev'>;

/** The unit's live answer to `card` among `items` (newest revision wins when there are several). */
export function cardAnswer<R extends AnswerFacts>(card: Pick<Card, 'id'>, items: readonly R[]): R | null {
  let best: R | null = null;
  for (const r of items) if (!r.deleted && r.cardId === card.id && (best === null || r.rev > best.rev)) best = r;
  return best;
}

export function cardProgress(card: CardFacts, items: readonly Rectification[], asOf: IsoDate): CardProgress {
  const answer = cardAnswer(card, items);
  const answerText = answer === null ? '单位尚未建立整改事项' : `单位整改事项：${RECTIFICATION_STATUS_LABELS[answer.status]}`;
  if (card.fixStatus === 'fixed') {
    return { stage: 'closed', daysLeft: null, overdue: false, deadlineText: `已于${chineseDate(card.closedOn)}销牌`, answerText, answer };
  }
  const stage: CardStage = answer === null ? 'unanswered' : answer.status === 'closed' ? 'awaitingClose' : 'inProgress';
  if (card.fixBy === null) return { stage, daysLeft: null, overdue: false, deadlineText: '未设整改期限', answerText, answer };
  const daysLeft = daysBetween(asOf, card.fixBy);
  const overdue = compareIsoDates(asOf, card.fixBy) > 0;
  const deadlineText = overdue ? `已逾期 ${-daysLeft} 天（整改期限${chineseDate(card.fixBy)}）` : `剩余 ${daysLeft} 天（${chineseDate(card.fixBy)}前整改）`;
  return { stage, daysLeft, overdue, deadlineText, answerText, answer };
}

/** "黄牌" / "红牌". */
export function cardColourLabel(card: Pick<Card, 'colour'>): string {
  return CARD_COLOUR_LABELS[card.colour];
}

/** The cards a unit received in a year, for its annual report (亮牌 on or before `asOf`). */
export interface CardsOfYear {
  readonly yellow: number;
  readonly red: number;
  /** closed (销牌) by `asOf` */
  readonly closed: number;
  /** still open on `asOf` */
  readonly open: number;
  /** Each card in issue order: "黄牌（2026年4月1日，事由）". */
  readonly lines: readonly string[];
}

export function cardsOfYear(cards: readonly Pick<Card, 'colour' | 'issuedOn' | 'trigger' | 'fixStatus' | 'closedOn' | 'deleted'>[], year: number, asOf: IsoDate): CardsOfYear {
  const inYear = cards
    .filter((c) => !c.deleted && c.issuedOn.startsWith(`${year}-`) && compareIsoDates(c.issuedOn, asOf) <= 0)
    .sort((a, b) => compareIsoDates(a.issuedOn, b.issuedOn));
  const closed = inYear.filter((c) => c.fixStatus === 'fixed' && c.closedOn !== null && compareIsoDates(c.closedOn, asOf) <= 0).length;
  return {
    yellow: inYear.filter((c) => c.colour === 'yellow').length,
    red: inYear.filter((c) => c.colour === 'red').length,
    closed,
    open: inYear.length - closed,
    lines: inYear.map((c) => `${CARD_COLOUR_LABELS[c.colour]}（${chineseDate(c.issuedOn)}，${c.trigger}）`),
  };
}
