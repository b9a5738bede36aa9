/**
 * organisation (党组织) and election (换届选举). An election starts a new term: the current term is
 * the latest election's, else the organisation's own `termStart`. Whether an approved extension
 * stays within 12 months of the current term end depends on the elections too, so that check is a
 * rule (shared/rules), not part of this schema.
 */
import { z } from 'zod';
import { checkOrder, issue } from './checks';
import { strictObject, withMeta } from './meta';
import type { FieldLabels } from './meta';
import { Id, IsoDate, oneOf, requiredText, text, typeMessage } from './primitives';
import { ORGANISATION_KINDS } from './vocabulary';

/** Term length in years: the 党章 says 3–5, editable per organisation. */
export const TermYears = z
  .number({ error: typeMessage('任期年限（整数）') })
  .int('任期年限应为整数（通常为3年或5年），请核对')
  .min(1, '任期年限应在1至10年之间（通常为3年或5年），请核对')
  .max(10, '任期年限应在1至10年之间（通常为3年或5年），请核对');

export const TermExtensionSchema = strictObject(
  {
    approvalNo: requiredText(100),
    approvedOn: IsoDate,
    until: IsoDate,
  },
  '延期批复信息',
);
export type TermExtension = z.infer<typeof TermExtensionSchema>;

export const OrganisationSchema = withMeta({
  name: requiredText(),
  kind: oneOf(ORGANISATION_KINDS, '党组织类别'),
  parentId: Id.nullable(),
  foundedOn: IsoDate.nullable(),
  dissolvedOn: IsoDate.nullable(),
  termStart: IsoDate.nullable(),
  termYears: TermYears.nullable(),
  termEnd: IsoDate.nullable(),
  extension: TermExtensionSchema.nullable(),
  approvalNo: text(100),
  approvedOn: IsoDate.nullable(),
}).superRefine((o, ctx) => {
  if (o.parentId === o.id) issue(ctx, ['parentId'], '上级党组织不能是它自己，请重新选择');
  checkOrder(ctx, o.foundedOn, o.dissolvedOn, ['dissolvedOn'], '撤销日期不能早于成立日期，请核对');
  checkOrder(ctx, o.termStart, o.termEnd, ['termEnd'], '任期届满日期不能早于任期开始日期，请核对');
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const ORGANISATION_FIELD_LABELS: FieldLabels<Organisation> = {
  name: '党组织名称',
  kind: '党组织类别',
  parentId: '上级党组织',
  foundedOn: '成立日期',
  dissolvedOn: '撤销日期',
  termStart: '任期开始日期',
  termYears: '任期年限',
  termEnd: '任期届满日期',
  extension: '经批准延期',
  'extension.approvalNo': '延期批复文号',
  'extension.approvedOn': '延期批复日期',
  'extension.until': '延期至',
  approvalNo: '成立批复文号',
  approvedOn: '成立批复日期',
};

export const ElectionSchema = withMeta({
  organisationId: Id,
  electedOn: IsoDate,
  termYears: TermYears,
  approvalNo: text(100),
  approvedOn: IsoDate.nullable(),
  meetingId: Id.nullable(),
});
export type Election = z.infer<typeof ElectionSchema>;

export const ELECTION_FIELD_LABELS: FieldLabels<Election> = {
  organisationId: '党组织',
  electedOn: '选举日期',
  termYears: '任期年限',
  approvalNo: '批复文号',
  approvedOn: '批复日期',
  meetingId: '换届选举大会',
};
