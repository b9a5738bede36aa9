/**
 * Reads of 经费保障 for one unit (its own ledger, or the 工委 looking at it read-only): the unit's
 * budget lines and expenses of every year, tombstones filtered. Figures (spent vs budget) come
 * from shared/rules/duties/funds.ts.
 */
import type { Expense, FundLine } from '../../../shared/model/funds';
import type { TaizhangDb } from '../db';
import { live, ofUnit } from './live';

export interface FundRecords {
  readonly lines: FundLine[];
  readonly expenses: Expense[];
}

export async function unitFunds(db: TaizhangDb, unitId: string): Promise<FundRecords> {
  const [lines, expenses] = await Promise.all([ofUnit(db.fundLine, unitId), ofUnit(db.expense, unitId)]);
  return { lines: live(lines), expenses: live(expenses) };
}
