/**
 * Reads of 关怀激励 and 宣传 for one unit (its own ledger, or the 工委 looking at it read-only): its
 * 走访慰问, 表彰 and 宣传 records of every year, tombstones filtered, plus the roster's names to
 * pick 慰问对象 / 表彰对象 from. Figures come from shared/rules/duties/care.ts.
 */
import type { CareVisit, Commendation, Publicity } from '../../../shared/model/care';
import type { TaizhangDb } from '../db';
import { live, ofUnit } from './live';
import { compareChinese } from '../../../shared/rules/collation';

export interface CareRecords {
  readonly visits: CareVisit[];
  readonly commendations: Commendation[];
  readonly publicity: Publicity[];
  /** Names on the unit's roster (distinct, sorted), for picking a person. */
  readonly memberNames: string[];
}

export async function unitCare(db: TaizhangDb, unitId: string): Promise<CareRecords> {
  const [visits, commendations, publicity, members] = await Promise.all([
    ofUnit(db.careVisit, unitId),
    ofUnit(db.commendation, unitId),
    ofUnit(db.publicity, unitId),
    ofUnit(db.member, unitId),
  ]);
  const memberNames = [...new Set(live(members).map((m) => m.name.trim()))].sort((a, b) => compareChinese(a, b));
  return { visits: live(visits), commendations: live(commendations), publicity: live(publicity), memberNames };
}
