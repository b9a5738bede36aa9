/**
 * member (党员). `idNumber` and `phone` are sensitive personal information: mask them for display
 * (idNumber.ts) and never log them.
 */
import type { z } from 'zod';
import { checkOrder, issue } from './checks';
import { birthDateFromIdNumber, genderFromIdNumber, IdNumberOrBlank, ID_NUMBER_REQUIRED } from './idNumber';
import { strictObject, withMeta } from './meta';
import type { FieldLabels } from './meta';
import { Id, IsoDate, listOf, oneOf, Phone, requiredText, text } from './primitives';
import { CADRE_KINDS, GENDER_LABELS, GENDERS, MEMBER_STATUSES, MEMBERSHIP_KINDS } from './vocabulary';

/** One period of membership in an organisation; the open one (`to: null`) is the current one. */
export const PostingSchema = strictObject(
  {
    organisationId: Id,
    from: IsoDate,
    to: IsoDate.nullable(),
  },
  '组织关系记录',
);
export type Posting = z.infer<typeof PostingSchema>;

export const MemberSchema = withMeta({
  name: requiredText(50),
  gender: oneOf(GENDERS, '性别'),
  ethnicity: requiredText(20),
  birthDate: IsoDate,
  /** A valid ID number; '' only on a deleted member (its tombstone keeps no ID number: tombstone.ts). */
  idNumber: IdNumberOrBlank,
  phone: Phone,
  joinedOn: IsoDate,
  membership: oneOf(MEMBERSHIP_KINDS, '党员类别'),
  convertedOn: IsoDate.nullable(),
  organisationId: Id,
  postings: listOf(PostingSchema, 200, '组织关系记录'),
  status: oneOf(MEMBER_STATUSES, '党员状态'),
  statusChangedOn: IsoDate.nullable(),
  cadre: oneOf(CADRE_KINDS, '党务干部类别').nullable(),
  excludedReason: requiredText(500).nullable(),
  /**
   * 学历 as the roster writes it (大学本科, 研究生…). Optional: records written before it existed
   * (databases, bundles) have no such field and load unchanged; absent reads as '' (memberEducation).
   * Not defaulted in the schema, so that an old record and the same record re-imported from a roster
   * without a 学历 column stay equal (no new revision for nothing).
   */
  education: text(50).optional(),
  /** 备注 kept from the roster (free text). Optional like `education`; absent reads as '' (memberNote). */
  note: text(500).optional(),
}).superRefine((m, ctx) => {
  if (m.idNumber === '' && !m.deleted) issue(ctx, ['idNumber'], ID_NUMBER_REQUIRED);
  const birth = birthDateFromIdNumber(m.idNumber);
  if (birth !== null && birth !== m.birthDate) {
    issue(ctx, ['birthDate'], `出生日期与身份证号中的出生日期（${birth}）不一致，请核对`);
  }
  const gender = genderFromIdNumber(m.idNumber);
  if (gender !== null && gender !== m.gender) {
    issue(ctx, ['gender'], `性别与身份证号不一致（身份证号显示为${GENDER_LABELS[gender]}），请核对`);
  }
  if (m.joinedOn <= m.birthDate) issue(ctx, ['joinedOn'], '入党时间应晚于出生日期，请核对');
  if (m.membership === 'probationary' && m.convertedOn !== null) {
    issue(ctx, ['convertedOn'], '预备党员尚未转正，转正时间应为空；如已转正，请将党员类别改为“正式党员”');
  }
  checkOrder(ctx, m.joinedOn, m.convertedOn, ['convertedOn'], '转正时间不能早于入党时间，请核对');

  let open = 0;
  m.postings.forEach((p, i) => {
    checkOrder(ctx, p.from, p.to, ['postings', i, 'to'], '转出日期不能早于转入日期，请核对');
    if (p.to !== null) return;
    open += 1;
    if (open > 1) issue(ctx, ['postings', i, 'to'], '只能有一段当前的组织关系（转出日期为空），请为较早的一段填写转出日期');
    else if (p.organisationId !== m.organisationId) {
      issue(ctx, ['postings', i, 'organisationId'], '当前组织关系的党组织应与“所在党组织”一致，请核对');
    }
  });
});
export type Member = z.infer<typeof MemberSchema>;

/** The member's 学历, '' when not recorded (also for records older than the field). */
export function memberEducation(m: Pick<Member, 'education'>): string {
  return m.education ?? '';
}

/** The member's 备注, '' when none (also for records older than the field). */
export function memberNote(m: Pick<Member, 'note'>): string {
  return m.note ?? '';
}

export const MEMBER_FIELD_LABELS: FieldLabels<Member> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  idNumber: '身份证号',
  phone: '联系电话',
  joinedOn: '入党时间',
  membership: '党员类别',
  convertedOn: '转正时间',
  organisationId: '所在党组织',
  postings: '组织关系记录',
  'postings.organisationId': '党组织',
  'postings.from': '转入日期',
  'postings.to': '转出日期',
  status: '党员状态',
  statusChangedOn: '状态变更日期',
  cadre: '党务干部类别',
  excludedReason: '不计入应到人数的原因',
  education: '学历',
  note: '备注',
};
