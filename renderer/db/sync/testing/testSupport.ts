/** Test helpers for the sync tests (not used by the app). */
import { creditCodeCheckChar } from '../../../../shared/model/creditCode';
import { completeSetup } from '../../workspaceRepository';
import { openDatabase, type TaizhangDb } from '../../db';
import { openWriteContext, type WriteContext } from '../../writeContext';

let n = 0;

/** The made-up, checksum-valid 统一社会信用代码 of a test unit (the e2e helpers use the same one). */
export const TEST_CREDIT_CODE = '11410100MB1234567W';

/** Another checksum-valid made-up 统一社会信用代码 for test unit number `i` (0–99). */
export function testCreditCode(i: number): string {
  const first17 = `11410100MB12345${String(i).padStart(2, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

export async function freshSide(
  mode: 'unit' | 'committee',
  now: () => Date,
  name?: string,
  creditCode = TEST_CREDIT_CODE,
): Promise<{ db: TaizhangDb; ctx: WriteContext }> {
  const db = openDatabase(`test-sync-${mode}-${++n}`);
  const r =
    mode === 'unit'
      ? await completeSetup(db, { mode, name: name ?? '市财政局', creditCode, staffCount: 180, partyGroupKind: 'partyGroup', operatorName: '张敏' }, now())
      : await completeSetup(db, { mode, name: name ?? '中共示范市委直属机关工作委员会', operatorName: '李工' }, now());
  if (!r.ok) throw new Error(r.error.message);
  return { db, ctx: await openWriteContext(db, now) };
}
