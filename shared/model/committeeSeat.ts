/** committeeSeat (两委委员): a member's seat on an organisation's committee for a period. */
import { z } from 'zod';
import { checkOrder } from './checks';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { Id, IsoDate, oneOf, typeMessage } from './primitives';
import { COMMITTEE_POSTS, COMMITTEE_ROLES } from './vocabulary';

export const CommitteeSeatSchema = withMeta({
  organisationId: Id,
  memberId: Id,
  post: oneOf(COMMITTEE_POSTS, '职务'),
  role: oneOf(COMMITTEE_ROLES, '分工').nullable(),
  fullTime: z.boolean({ error: typeMessage('是否专职（是/否）') }),
  from: IsoDate,
  to: IsoDate.nullable(),
}).superRefine((s, ctx) => {
  checkOrder(ctx, s.from, s.to, ['to'], '任职结束日期不能早于任职开始日期，请核对');
});
export type CommitteeSeat = z.infer<typeof CommitteeSeatSchema>;

export const COMMITTEE_SEAT_FIELD_LABELS: FieldLabels<CommitteeSeat> = {
  organisationId: '党组织',
  memberId: '党员',
  post: '职务',
  role: '分工',
  fullTime: '是否专职',
  from: '任职开始日期',
  to: '任职结束日期',
};
