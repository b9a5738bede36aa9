/** Reads of the 工委's rule profiles (规则配置): every issued version; shared/rules picks the one in force. */
import type { RuleProfileRecord } from '../../../shared/model/ruleProfile';
import type { TaizhangDb } from '../db';
import { live } from './live';

export async function issuedRuleProfiles(db: TaizhangDb): Promise<RuleProfileRecord[]> {
  return live(await db.ruleProfile.toArray());
}
