/**
 * ruleProfile (规则配置): a rule profile the 工委 issued (DOMAIN.md: "the committee edits its
 * profile and sends it to its units in a bundle"). Owner: the committee; `unitId` is the
 * committee's own id (one profile for every unit it enrols), so every return bundle carries it.
 * Each issued version is its own record: figures about a day use the profile in force on that day
 * (`profileInForce`), so earlier versions stay.
 */
import { z } from 'zod';
import { ruleProfileSchema, type RuleProfile } from './profileSchema';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { text } from './primitives';

const HAN = /[\u4e00-\u9fff]/;

/**
 * The profile, checked by its schema (./profileSchema.ts), with ONE Chinese message on the field
 * (the profile schema's own type messages are zod's English ones): which part is wrong and what to do.
 */
const ProfileField = z.unknown().transform((value, ctx): RuleProfile => {
  const parsed = ruleProfileSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? `“${first.path.join('.')}”` : '';
  const why = first && HAN.test(first.message) ? `：${first.message}` : '';
  ctx.addIssue({
    code: 'custom',
    message: value === undefined ? '缺少规则配置，请补填' : `规则配置${where}不正确${why}。请工委核对后重新下发`,
    input: value,
  });
  return z.NEVER;
});

export const RuleProfileRecordSchema = withMeta({
  profile: ProfileField,
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
