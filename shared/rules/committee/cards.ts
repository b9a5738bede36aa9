/**
 * 红黄牌 escalation (the committee's default rule): a yellow card becomes red when
 * 1. it was not fixed by its fix-by date — still not fixed after `fixBy` (escalates on fixBy + 1
 *    day), or fixed (fixStatus 'fixed') with a `closedOn` after `fixBy` (fixed late: it was overdue
 *    on fixBy + 1 all the same); a card without `fixBy` never escalates this way; or
 * 2. it is the second (profile: `repeatYellowCount`) yellow card of the same subject within
 *    `repeatWithinMonths` (12) months: the earlier card's issue date + 12 months is the first day
 *    OUTSIDE the window, so cards issued 2025-03-01 and 2026-02-28 are within, 2025-03-01 and
 *    2026-03-01 are not. The card that completes the count escalates, on its issue date.
 * Deleted cards and cards issued after `asOf` are ignored. `alreadyRed` tells whether the subject
 * already has a red card issued on or after the escalation day, so the committee sees which
 * escalations are still to be issued.
 */
import type { CardColour } from '../../model/vocabulary';
import { addDays, addMonths, compareIsoDates, type IsoDate } from '../dates';
import type { RuleProfile } from '../profile';
import { chineseDate } from '../text';
import { visitReference, type VisitFacts } from './supervisionVisits';

export interface CardFact {
  readonly id: string;
  readonly subjectKind: 'unit' | 'organisation';
  readonly subjectId: string;
  readonly colour: CardColour;
  readonly issuedOn: IsoDate;
  readonly fixBy: IsoDate | null;
  readonly fixStatus: 'pending' | 'fixed' | 'overdue';
  readonly closedOn: IsoDate | null;
  readonly deleted?: boolean;
}

export type EscalationRule = 'overdue' | 'repeated';

export interface EscalationTrigger {
  readonly rule: EscalationRule;
  /** The day the card became red under this rule. */
  readonly escalateOn: IsoDate;
  /** For 'repeated': the earlier yellow card within the window. */
  readonly relatedCardId: string | null;
  readonly reason: string;
}

export interface CardEscalation {
  readonly cardId: string;
  readonly subjectKind: 'unit' | 'organisation';
  readonly subjectId: string;
  /** The earliest trigger's day. */
  readonly escalateOn: IsoDate;
  readonly triggers: readonly EscalationTrigger[];
  /** A red card of the same subject was issued on or after `escalateOn`. */
  readonly alreadyRed: boolean;
  readonly reason: string;
}

export interface CardEscalationInput {
  /** Cards of any subjects. */
  readonly cards: readonly CardFact[];
  readonly asOf: IsoDate;
}

const subjectKey = (c: CardFact): string => `${c.subjectKind}:${c.subjectId}`;

function overdueTrigger(card: CardFact, asOf: IsoDate): EscalationTrigger | null {
  if (card.fixBy === null) return null;
  const issued = `黄牌（${chineseDate(card.issuedOn)}发出）要求${chineseDate(card.fixBy)}前整改`;
  const escalateOn = addDays(card.fixBy, 1);
  if (card.fixStatus === 'fixed') {
    if (card.closedOn === null || compareIsoDates(card.closedOn, card.fixBy) <= 0) return null;
    return { rule: 'overdue', escalateOn, relatedCardId: null, reason: `${issued}，${chineseDate(card.closedOn)}才整改完成，逾期整改，应升级为红牌` };
  }
  if (compareIsoDates(asOf, card.fixBy) <= 0) return null;
  return { rule: 'overdue', escalateOn, relatedCardId: null, reason: `${issued}，逾期未整改，应升级为红牌` };
}

export function cardEscalations(input: CardEscalationInput, profile: RuleProfile): CardEscalation[] {
  const { asOf } = input;
  const { cards: rules } = profile;
  const live = input.cards.filter((c) => c.deleted !== true && compareIsoDates(c.issuedOn, asOf) <= 0);
  const yellows = live
    .filter((c) => c.colour === 'yellow')
    .sort((a, b) => compareIsoDates(a.issuedOn, b.issuedOn) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const reds = live.filter((c) => c.colour === 'red');

  const out: CardEscalation[] = [];
  yellows.forEach((card, i) => {
    const triggers: EscalationTrigger[] = [];
    if (rules.escalateOverdueYellow) {
      const t = overdueTrigger(card, asOf);
      if (t) triggers.push(t);
    }
    const earlier = yellows
      .slice(0, i)
      .filter(
        (p) =>
          subjectKey(p) === subjectKey(card) &&
          compareIsoDates(card.issuedOn, addMonths(p.issuedOn, rules.repeatWithinMonths)) < 0,
      );
    const previous = earlier[earlier.length - 1];
    if (earlier.length + 1 >= rules.repeatYellowCount && previous !== undefined)
      triggers.push({
        rule: 'repeated',
        escalateOn: card.issuedOn,
        relatedCardId: previous.id,
        reason: `${rules.repeatWithinMonths} 个月内第 ${earlier.length + 1} 张黄牌（前一张于${chineseDate(previous.issuedOn)}发出），应升级为红牌`,
      });
    if (triggers.length === 0) return;
    const escalateOn = triggers.map((t) => t.escalateOn).reduce((a, b) => (compareIsoDates(a, b) <= 0 ? a : b));
    const alreadyRed = reds.some((r) => subjectKey(r) === subjectKey(card) && compareIsoDates(r.issuedOn, escalateOn) >= 0);
    out.push({
      cardId: card.id,
      subjectKind: card.subjectKind,
      subjectId: card.subjectId,
      escalateOn,
      triggers,
      alreadyRed,
      reason: triggers.map((t) => t.reason).join('；'),
    });
  });
  return out;
}

/**
 * A card issued on a 联系组 visit (`card.visitId`): its 依据 as stored, naming the visit in words —
 * the visit stays with the committee, so these words are what the unit reads. Evidence that already
 * names the visit (the texts of a follow-up item, `cardTextsFromFollowUp`) is kept as it is; other
 * evidence gets the visit's reference as its first line (only the first `maxLength` characters kept).
 */
export function evidenceNamingVisit(evidence: string, visit: Pick<VisitFacts, 'date' | 'kind'>, maxLength: number): string {
  const text = evidence.trim();
  const reference = visitReference(visit);
  if (text.includes(reference)) return text;
  const named = text === '' ? `${reference}。` : `${reference}。\n${text}`;
  return named.length <= maxLength ? named : `${named.slice(0, maxLength - 1)}…`;
}
