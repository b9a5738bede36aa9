/**
 * Reads of 三级五岗职责清单 for one unit (its own ledger, or the 工委 looking at it read-only): the
 * unit's duty lists of every year, tombstones filtered, and the names of its roster's members (to
 * pick a post's holder). Completeness comes from shared/rules/duties/dutyLists.ts.
 */
import type { DutyList } from '../../../shared/model/dutyList';
import type { TaizhangDb } from '../db';
import { live, ofUnit } from './live';
import { compareChinese } from '../../../shared/rules/collation';

export interface DutyListRecords {
  readonly lists: DutyList[];
  /** Names of the unit's live members, sorted, without repeats (holder suggestions). */
  readonly memberNames: string[];
}

export async function unitDutyLists(db: TaizhangDb, unitId: string): Promise<DutyListRecords> {
  const [lists, members] = await Promise.all([ofUnit(db.dutyList, unitId), ofUnit(db.member, unitId)]);
  const names = [...new Set(live(members).map((m) => m.name))].sort((a, b) => compareChinese(a, b));
  return { lists: live(lists), memberNames: names };
}
