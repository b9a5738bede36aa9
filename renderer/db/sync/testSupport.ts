/** Test helpers for the sync tests (not used by the app). */
import { completeSetup } from '../workspaceRepository';
import { openDatabase, type TaizhangDb } from '../db';
import { openWriteContext, type WriteContext } from '../writeContext';

let n = 0;

export async function freshSide(mode: 'unit' | 'committee', now: () => Date, name?: string): Promise<{ db: TaizhangDb; ctx: WriteContext }> {
  const db = openDatabase(`test-sync-${mode}-${++n}`);
  const r =
    mode === 'unit'
      ? await completeSetup(db, { mode, name: name ?? '市财政局', creditCode: '11410100MB1234567W', staffCount: 180, partyGroupKind: 'partyGroup', operatorName: '张敏' }, now())
      : await completeSetup(db, { mode, name: name ?? '中共示范市委直属机关工作委员会', operatorName: '李工' }, now());
  if (!r.ok) throw new Error(r.error.message);
  return { db, ctx: await openWriteContext(db, now) };
}
