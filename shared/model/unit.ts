/** unit (单位): the municipal unit whose ledger this is. Its `id` is its own `unitId`. */
import { z } from 'zod';
import { issue } from './checks';
import { CreditCode } from './creditCode';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { oneOf, requiredText, typeMessage } from './primitives';
import { PARTY_GROUP_KINDS } from './vocabulary';

export const UnitSchema = withMeta({
  name: requiredText(),
  creditCode: CreditCode,
  staffCount: z
    .number({ error: typeMessage('机关工作人员总数（整数）') })
    .int('机关工作人员总数应为整数，请核对')
    .min(1, '机关工作人员总数至少为1人，请核对')
    .max(1_000_000, '机关工作人员总数过大，请核对'),
  partyGroupKind: oneOf(PARTY_GROUP_KINDS, '党组/党委类别'),
}).superRefine((u, ctx) => {
  if (u.id !== u.unitId) issue(ctx, ['unitId'], '单位记录的所属单位应为它自己（编号不一致），该记录可能已损坏');
});
export type Unit = z.infer<typeof UnitSchema>;

export const UNIT_FIELD_LABELS: FieldLabels<Unit> = {
  name: '单位名称',
  creditCode: '统一社会信用代码',
  staffCount: '机关工作人员总数',
  partyGroupKind: '党组/党委',
};
