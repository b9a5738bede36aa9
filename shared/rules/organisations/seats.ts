/** Committee seats (两委): who sat on an organisation's committee on a given day. */
import type { CommitteePost } from '../../model/vocabulary';
import { compareIsoDates, type IsoDate } from '../dates';

export interface CommitteeSeatFact {
  readonly organisationId: string;
  readonly memberId: string;
  readonly post: CommitteePost;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly deleted?: boolean;
}

/** The seat is held on `date` (`from` and `to` both inclusive; `to: null` = still held). */
export function seatHeldOn(seat: Pick<CommitteeSeatFact, 'from' | 'to' | 'deleted'>, date: IsoDate): boolean {
  return (
    seat.deleted !== true &&
    compareIsoDates(seat.from, date) <= 0 &&
    (seat.to === null || compareIsoDates(date, seat.to) <= 0)
  );
}

/** Members holding a seat on the organisation's committee on `date` (seat `from`/`to` inclusive). */
export function committeeMembersOn(seats: readonly CommitteeSeatFact[], organisationId: string, date: IsoDate): Set<string> {
  const ids = new Set<string>();
  for (const s of seats)
    if (s.organisationId === organisationId && seatHeldOn(s, date)) ids.add(s.memberId);
  return ids;
}

/**
 * Whether an organisation has a committee (支委会) on `date`: at least 3 seats held (支部条例: a
 * 支委会 has 3–5 members; a branch of fewer than 7 full members has only a secretary and perhaps a
 * deputy, i.e. 1–2 seats).
 */
export function hasCommitteeOn(seats: readonly CommitteeSeatFact[], organisationId: string, date: IsoDate): boolean {
  return committeeMembersOn(seats, organisationId, date).size >= 3;
}
