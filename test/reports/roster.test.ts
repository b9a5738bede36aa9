/**
 * 党员花名册 of the `small` unit: every member on the roster (shared/rules/members/roster.ts) listed once,
 * grouped by organisation; ID numbers masked unless `full: true` is chosen, and then the sheet
 * warns that it holds sensitive personal information. Phone numbers are never printed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../shared/model/idNumber';
import { rosterSummary } from '../../shared/rules/members/roster';
import type { UnitReportData } from '../../shared/reports/reportData';
import { buildRoster } from '../../shared/reports/roster';
import { expectGongwen } from './gongwenChecks';
import { compact } from './pdfReader';
import { AS_OF, renderToFile, smallUnit } from './reportFixtures';

let data: UnitReportData;

beforeAll(() => {
  data = smallUnit();
});

describe('党员花名册', () => {
  it('lists every member on the roster with the ID number masked, and no phone numbers', async () => {
    const pdf = await expectGongwen(await renderToFile('roster.pdf', buildRoster(data)));
    const text = compact(pdf.text);
    const summary = rosterSummary(data.members, AS_OF);
    expect(text).toContain('市统计局党员花名册');
    expect(text).toContain(`共有党员${summary.total}名（正式党员${summary.full}名，预备党员${summary.probationary}名；在职${summary.active}名，离退休${summary.retired}名）`);
    const listed = data.members.filter((m) => summary.memberIds.includes(m.id));
    expect(listed.length).toBe(summary.total);
    for (const m of listed) {
      expect(text).toContain(maskIdNumber(m.idNumber));
      expect(text.includes(m.idNumber), `full ID number of ${m.name} must not be printed`).toBe(false);
      if (m.phone !== '') expect(text.includes(m.phone), `phone number of ${m.name} must not be printed`).toBe(false);
      // beside the masked number, the birth year only: year and month would narrow the hidden digits to a few
      expect(text, `${m.name}: birth year only`).toContain(`${m.name}${m.gender === 'male' ? '男' : '女'}${m.ethnicity}${m.birthDate.slice(0, 4)}年${maskIdNumber(m.idNumber)}`);
    }
    // no 18-character ID number anywhere on the sheet
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).toContain('公民身份号码已作部分隐藏，出生年月只列年份。');
  });

  it('prints full ID numbers only when chosen, and says the sheet is sensitive', async () => {
    const pdf = await expectGongwen(await renderToFile('roster-full.pdf', buildRoster(data, { full: true })));
    const text = compact(pdf.text);
    const summary = rosterSummary(data.members, AS_OF);
    for (const m of data.members.filter((x) => summary.memberIds.includes(x.id))) expect(text).toContain(m.idNumber);
    expect(text).toContain('本表含完整公民身份号码，属敏感个人信息');
  });
});
