/**
 * 党员花名册: the members on the unit's roster on the reference day (12月31日 of the year, or the
 * figures' day), grouped by organisation. ID numbers are sensitive personal information (PIPL
 * art. 28): masked (1101**********123X, birth year only) unless the user explicitly asks for the full numbers, and
 * then the sheet says so. Phone numbers are never printed.
 */
import { maskBirthDate, maskIdNumber } from '../model/idNumber';
import type { Member } from '../model';
import { CADRE_KIND_LABELS, GENDER_LABELS, MEMBER_STATUS_LABELS } from '../model/vocabulary';
import { isoDate, minDate, type IsoDate } from '../rules/dates';
import { organisationOn } from '../rules/members/membership';
import { isProbationaryOn, rosterStatusOn, rosterSummary } from '../rules/members/roster';
import { chineseDate } from '../rules/text';
import { partyGroupName } from './annualDrafts';
import { NONE } from './format';
import { BUNDLED_FONT_SET, type ReportFontSet } from './fonts';
import { gongwen, type TableRow } from './gongwenLayout';
import type { PdfDocumentDefinition } from './pdfTypes';
import { reportOrder, type UnitReportData } from './reportData';

export interface RosterOptions {
  readonly fonts?: ReportFontSet;
  /** Print full ID numbers. Only when the user explicitly chooses it. */
  readonly full?: boolean;
  /** The day of the roster; default 12月31日 of the year, or the figures' day when earlier. */
  readonly asOf?: IsoDate;
}

/** 1985-03-12 → 1985.03 (the customary form in 花名册). */
function yearMonth(date: IsoDate | null): string {
  return date === null ? NONE : `${date.slice(0, 4)}.${date.slice(5, 7)}`;
}

export function buildRoster(data: UnitReportData, options: RosterOptions = {}): PdfDocumentDefinition {
  const gw = gongwen(options.fonts ?? BUNDLED_FONT_SET);
  const day = options.asOf ?? minDate(isoDate(data.year, 12, 31), data.asOf);
  const full = options.full === true;
  const summary = rosterSummary(data.members, day);
  const counted = new Set(summary.memberIds);
  const orgOf = (m: Member): string => (m.postings.length === 0 ? m.organisationId : (organisationOn(m, day) ?? m.organisationId));

  const orgs = reportOrder(data.organisations);
  const known = new Set(orgs.map((o) => o.id));
  const byGroup = new Map<string, Member[]>();
  for (const m of data.members) {
    if (!counted.has(m.id)) continue;
    const org = orgOf(m);
    const key = known.has(org) ? org : '';
    const list = byGroup.get(key) ?? [];
    list.push(m);
    byGroup.set(key, list);
  }
  const groups = [...orgs.map((o) => ({ id: o.id, name: o.name })), { id: '', name: '其他（所在党组织未登记）' }];
  const rows: TableRow[] = [];
  let n = 0;
  for (const group of groups) {
    const members = byGroup.get(group.id) ?? [];
    if (members.length === 0) continue;
    rows.push({ section: `${group.name}（${members.length}名）` });
    for (const m of members) {
      n++;
      const status = rosterStatusOn(m, day);
      rows.push([
        String(n),
        m.name,
        GENDER_LABELS[m.gender],
        m.ethnicity,
        // masked: the birth year only, so that it cannot complete the masked ID number
        full ? yearMonth(m.birthDate) : maskBirthDate(m.birthDate),
        full ? m.idNumber : maskIdNumber(m.idNumber),
        yearMonth(m.joinedOn),
        isProbationaryOn(m, day) ? '预备' : '正式',
        status === null ? NONE : MEMBER_STATUS_LABELS[status],
        m.cadre === null ? '' : CADRE_KIND_LABELS[m.cadre].replace('党务干部', ''),
      ]);
    }
  }

  const title = `${data.unit.name}党员花名册`;
  const table = gw.table({
    columns: [
      { header: '序号', width: 22, align: 'center' },
      { header: '姓名', width: 42, align: 'center' },
      { header: '性别', width: 20, align: 'center' },
      { header: '民族', width: 32, align: 'center' },
      { header: '出生年月', width: 40, align: 'center' },
      { header: '公民身份号码', width: 106, align: 'center' },
      { header: '入党时间', width: 40, align: 'center' },
      { header: '类别', width: 22, align: 'center' },
      { header: '状态', width: 22, align: 'center' },
      { header: '党务干部', width: '*', align: 'center' },
    ],
    rows,
    fontSize: 10,
    compact: true,
  });
  return gw.document({
    title,
    subject: full ? '党员花名册（含完整身份证号码）' : '党员花名册',
    author: partyGroupName(data),
    keywords: full ? '党员花名册,完整身份证号码' : '党员花名册',
    content: [
      gw.title(title),
      gw.blank(1),
      gw.flush(`填报单位：${data.unit.name}（盖章）`),
      gw.flush(
        `截至${chineseDate(day)}，共有党员${summary.total}名（正式党员${summary.full}名，预备党员${summary.probationary}名；在职${summary.active}名，离退休${summary.retired}名）。`,
      ),
      full
        ? gw.flush('本表含完整公民身份号码，属敏感个人信息，仅限党务工作使用，请妥善保管，不得复制外传。')
        : gw.flush('公民身份号码已作部分隐藏，出生年月只列年份。'),
      gw.blank(1),
      table,
    ],
  });
}
