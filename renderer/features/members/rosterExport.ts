/** The roster as an .xlsx workbook: masked by default; the full one only when the user chooses it. */
import { maskBirthDate, maskIdNumber, maskPhone } from '../../../shared/model/idNumber';
import { memberEducation, memberNote, type Member } from '../../../shared/model/member';
import type { Organisation } from '../../../shared/model/organisation';
import { CADRE_KIND_LABELS, GENDER_LABELS, MEMBERSHIP_KIND_LABELS, MEMBER_STATUS_LABELS } from '../../../shared/model/vocabulary';
import { compareNames } from '../../../shared/rules/naturalOrder';
import { writeSheet } from './xlsxSheet';
import { compareChinese } from '../../../shared/rules/collation';

export const ROSTER_EXPORT_HEADERS = ['序号', '姓名', '性别', '民族', '出生日期', '身份证号', '入党时间', '转正时间', '党员类别', '所在支部', '联系电话', '状态', '党务干部', '学历', '备注'];

export function rosterExportRows(members: readonly Member[], organisations: readonly Organisation[], full: boolean): unknown[][] {
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  return [...members]
    .sort((a, b) => compareNames(orgName.get(a.organisationId) ?? '', orgName.get(b.organisationId) ?? '') || compareChinese(a.name, b.name))
    .map((m, i) => [
      i + 1,
      m.name,
      GENDER_LABELS[m.gender],
      m.ethnicity,
      // masked: the birth year only, so that it cannot complete the masked ID number
      full ? m.birthDate : maskBirthDate(m.birthDate),
      full ? m.idNumber : maskIdNumber(m.idNumber),
      m.joinedOn,
      m.convertedOn ?? '',
      MEMBERSHIP_KIND_LABELS[m.membership],
      orgName.get(m.organisationId) ?? '',
      full ? m.phone : m.phone ? maskPhone(m.phone) : '',
      MEMBER_STATUS_LABELS[m.status],
      m.cadre ? CADRE_KIND_LABELS[m.cadre] : '',
      memberEducation(m),
      memberNote(m),
    ]);
}

export async function rosterWorkbook(members: readonly Member[], organisations: readonly Organisation[], full: boolean): Promise<Uint8Array> {
  return writeSheet('党员花名册', ROSTER_EXPORT_HEADERS, rosterExportRows(members, organisations, full));
}
