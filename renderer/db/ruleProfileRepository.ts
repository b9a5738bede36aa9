/**
 * The 工委 issues rule profiles (规则配置, DOMAIN.md): each issue is a new ruleProfile record with
 * the next version number, owned by the committee and addressed to all its units (`unitId` = the
 * committee's id), so every return bundle carries it. A unit workspace cannot issue one.
 */
import { expectedError, fail, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { RuleProfileRecord } from '../../shared/model/ruleProfile';
import { NATIONAL_PROFILE_V1, type RuleProfile } from '../../shared/rules/profile';
import { createRecord, type WriteError } from './recordRepository';
import type { WriteContext } from './writeContext';
import { runWrite } from './runWrite';

export type RuleProfileWriteError = WriteError | ExpectedError<'wrong-mode'>;

/** The version the next issued profile gets: one more than any issued (or the national defaults'). */
export function nextProfileVersion(issued: readonly Pick<RuleProfileRecord, 'profile'>[]): number {
  return Math.max(NATIONAL_PROFILE_V1.version, ...issued.map((r) => r.profile.version)) + 1;
}

/** Issues `profile` (its version is assigned here) with a note on why. One transaction. */
export async function issueRuleProfile(ctx: WriteContext, profile: Omit<RuleProfile, 'version'>, note: string): Promise<Result<RuleProfileRecord, RuleProfileWriteError>> {
  if (ctx.mode !== 'committee') {
    return fail(expectedError('wrong-mode', '规则配置由机关工委制定并随同步包下发，单位不能自行修改。'));
  }
  return runWrite(ctx.db, [ctx.db.ruleProfile, ctx.db.changes, ctx.db.audit, ctx.db.device], async () => {
    const issued = ((await ctx.db.ruleProfile.toArray())).filter((r) => !r.deleted);
    return createRecord(ctx, 'ruleProfile', { profile: { ...profile, version: nextProfileVersion(issued) }, note });
  });
}
