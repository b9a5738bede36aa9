/**
 * Reads of 三级五岗职责清单 for one unit (its own ledger, or the 工委 looking at it read-only): the
 * unit's duty lists of every year, tombstones filtered. The holder suggestions come from the unit's
 * roster the screen reads anyway (the shared ledger query), not from a second read of every member
 * with its sealed fields. Completeness comes from shared/rules/duties/dutyLists.ts.
 */
import type { DutyList } from '../../../shared/model/dutyList';
import type { Member } from '../../../shared/model/member';
import { compareChinese } from '../../../shared/rules/collation';
import type { TaizhangDb } from '../db';
import { live, ofUnit } from './live';

export interface DutyListRecords {
  readonly lists: DutyList[];
  /** Names of the unit's live members, sorted, without repeats (holder suggestions). */
  readonly memberNames: string[];
}

/** The unit's duty lists of every year. */
export async function unitDutyLists(db: TaizhangDb, unitId: string): Promise<DutyList[]> {
  return live(await ofUnit(db.dutyList, unitId));
}

/** A post's holder suggestions: the live members' names, sorted, without repeats. */
export function memberNameChoices(members: readonly Member[]): string[] {
  return [...new Set(live(members).map((m) => m.name))].sort(compareChinese);
}
