/**
 * What the first-start screen asks for, and its validation with Chinese messages.
 * 单位 mode: the unit's name, 统一社会信用代码, 机关工作人员总数 and party-group kind (党组/党委).
 * 工委 mode: the committee's name.
 */
import { z } from 'zod';
import { PARTY_GROUP_KINDS } from '../model/vocabulary';
import { isValidCreditCode } from '../model/creditCode';

const name = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(2, `${what}至少 2 个字`)
    .max(60, `${what}不能超过 60 个字`);

const operatorName = z.string().trim().max(20, '操作人姓名不能超过 20 个字').default('');

export const unitSetupSchema = z
  .object({
    mode: z.literal('unit'),
    name: name('单位名称'),
    creditCode: z
      .string({ error: '请填写统一社会信用代码' })
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-Z]{18}$/, '统一社会信用代码应为 18 位数字或大写字母')
      .refine(isValidCreditCode, '统一社会信用代码校验位不正确，请对照营业执照或事业单位法人证书核对'),
    staffCount: z
      .number({ error: '请填写机关工作人员总数' })
      .int('机关工作人员总数应为整数')
      .min(1, '机关工作人员总数至少为 1')
      .max(100000, '机关工作人员总数不能超过 100000'),
    partyGroupKind: z.enum(PARTY_GROUP_KINDS, { error: '请选择设立党组还是党委' }),
    operatorName,
  })
  .strict();

export const committeeSetupSchema = z
  .object({
    mode: z.literal('committee'),
    name: name('工委名称'),
    operatorName,
  })
  .strict();

export const setupInputSchema = z.discriminatedUnion('mode', [unitSetupSchema, committeeSetupSchema]);
export type SetupInput = z.input<typeof setupInputSchema>;
export type ValidSetup = z.output<typeof setupInputSchema>;

type UnitSetupInput = Extract<SetupInput, { mode: 'unit' }>;

/**
 * What the first-start form hands over before it is checked: a unit's 机关工作人员总数 and 党组/党委
 * may still be empty, and the schema then says 请填写… on that field.
 */
export type SetupFormInput =
  | Extract<SetupInput, { mode: 'committee' }>
  | (Omit<UnitSetupInput, 'staffCount' | 'partyGroupKind'> & {
      staffCount: UnitSetupInput['staffCount'] | undefined;
      partyGroupKind: UnitSetupInput['partyGroupKind'] | undefined;
    });

/** A unit's own facts as 设置 corrects them later (same rules and messages as at first start). */
export const unitInfoSchema = unitSetupSchema.pick({ name: true, creditCode: true, staffCount: true, partyGroupKind: true }).strict();
export type UnitInfo = z.output<typeof unitInfoSchema>;
/** What the 设置 form hands over before it is checked (a cleared number field is undefined). */
export type UnitInfoFormInput = Omit<z.input<typeof unitInfoSchema>, 'staffCount'> & { staffCount: number | undefined | null };
