/**
 * ruleProfile (规则配置): a rule profile the 工委 issued (DOMAIN.md: "the committee edits its
 * profile and sends it to its units in a bundle"). Owner: the committee; `unitId` is the
 * committee's own id (one profile for every unit it enrols), so every return bundle carries it.
 * Each issued version is its own record: figures about a day use the profile in force on that day
 * (`profileInForce`), so earlier versions stay.
 */
import type { z } from 'zod';
import { ruleProfileSchema } from '../rules/profile';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { text } from './primitives';

export const RuleProfileRecordSchema = withMeta({
  profile: ruleProfileSchema,
  /** Why this version was issued (e.g. 依据市委直属机关工委〔2026〕3号文件调整). */
  note: text(500),
});
export type RuleProfileRecord = z.infer<typeof RuleProfileRecordSchema>;

export const RULE_PROFILE_FIELD_LABELS: FieldLabels<RuleProfileRecord> = {
  profile: '规则配置',
  note: '调整说明',
  'profile.version': '版本号',
  'profile.effectiveFrom': '施行日期',
  'profile.name': '配置名称',
};
