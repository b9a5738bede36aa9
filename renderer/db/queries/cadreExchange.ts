/**
 * Reads of 党务干部双向交流 for one unit (its own ledger, or the 工委 looking at it read-only): its
 * postings of every year, tombstones filtered, and the roster's members (id and name) to pick the
 * cadre from. Figures and flags come from shared/rules/duties/cadreExchange.ts.
 */
import type { CadreExchange } from '../../../shared/model/cadreExchange';
import { compareChinese } from '../../../shared/rules/collation';
import type { TaizhangDb } from '../db';
import { live, ofUnit } from './live';

export interface CadreExchangeRecords {
  readonly exchanges: CadreExchange[];
  /** Live members of the unit's roster, by name. */
  readonly members: { readonly id: string; readonly name: string }[];
}

export async function unitCadreExchanges(db: TaizhangDb, unitId: string): Promise<CadreExchangeRecords> {
  const [exchanges, members] = await Promise.all([ofUnit(db.cadreExchange, unitId), ofUnit(db.member, unitId)]);
  return {
    exchanges: live(exchanges),
    members: live(members)
      .map((m) => ({ id: m.id, name: m.name.trim() }))
      .sort((a, b) => compareChinese(a.name, b.name) || a.id.localeCompare(b.id)),
  };
}
