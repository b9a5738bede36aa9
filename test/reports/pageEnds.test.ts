/**
 * No page of a report ends with a line that belongs to what follows it, or begins with one that
 * belongs to what came before: a heading, a group row of a table (the roster's branch header, a
 * section of 附件1) or the 主持人（签字）/记录人（签字） line of a meeting record; tables repeat
 * their header row on every page; no table cell leaves one character on a line of its own. Checked
 * on the largest unit of the full synthetic city (the 128-page roster, a branch's meeting book,
 * the annual report) and the city report.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAnnualReport } from '../../shared/reports/annualReport';
import { buildCityReport } from '../../shared/reports/cityReport';
import { buildMeetingBook } from '../../shared/reports/meetingRecord';
import type { UnitReportData } from '../../shared/reports/reportData';
import { buildRoster } from '../../shared/reports/roster';
import { NATIONAL_PROFILE_V1 } from '../../shared/rules/profile';
import { orphanCharacters, pageRows } from './pageEnds';
import { pdfWords, type PageBox } from './pdfReader';
import { AS_OF, COMMITTEE, committeeRecords, dataOf, fullCityUnits, renderToFile, YEAR } from './reportFixtures';

const SECTIONS = new Set(['组织和党员', '组织生活', '党组', '党委', '教育培训', '换届', '党务干部', '问题整改', '党建工作经费']);
const HEADING = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)[^。]*。?$/;

let police: UnitReportData;
const pages: Record<'roster' | 'book' | 'annual' | 'city', PageBox[]> = { roster: [], book: [], annual: [], city: [] };

beforeAll(async () => {
  const { first, largest } = fullCityUnits();
  police = dataOf(largest);
  // the branch with the most meetings: the longest book
  const branch = police.organisations
    .filter((o) => o.kind === 'branch')
    .map((o) => ({ o, n: police.meetings.filter((m) => m.organisationId === o.id).length }))
    .sort((a, b) => b.n - a.n)[0]?.o;
  if (branch === undefined) throw new Error('the largest unit has no branch');
  const units = [...first, largest].map(dataOf);
  pages.roster = await pdfWords(await renderToFile('ends-roster.pdf', buildRoster(police)));
  pages.book = await pdfWords(await renderToFile('ends-book.pdf', buildMeetingBook(police, branch.id)));
  pages.annual = await pdfWords(await renderToFile('ends-annual.pdf', buildAnnualReport(police)));
  pages.city = await pdfWords(
    await renderToFile(
      'ends-city.pdf',
      buildCityReport({ committeeName: COMMITTEE, addressee: '中共市委', year: YEAR, asOf: AS_OF, profile: NATIONAL_PROFILE_V1, units, ...committeeRecords(units) }),
    ),
  );
}, 240_000);

const lastRow = (p: PageBox): string => pageRows(p).at(-1)?.text ?? '';
const firstRow = (p: PageBox): string => pageRows(p)[0]?.text ?? '';

describe('page ends', () => {
  it('no roster page ends with a branch header row, and every page repeats the table header', () => {
    expect(pages.roster.length).toBeGreaterThan(100);
    const orphans = pages.roster.filter((p) => /（\d+名）$/.test(lastRow(p))).map((p) => `第${p.page}页：${lastRow(p)}`);
    expect(orphans).toEqual([]);
    for (const p of pages.roster.slice(1)) expect(firstRow(p), `page ${p.page}`).toMatch(/^序号姓名性别民族/);
  });

  it('no meeting-record page begins with the 主持人（签字）/记录人（签字） line', () => {
    expect(pages.book.length).toBeGreaterThan(20);
    const alone = pages.book.filter((p) => firstRow(p).startsWith('主持人（签字）')).map((p) => p.page);
    expect(alone).toEqual([]);
    // every record still ends with it
    expect(pages.book.filter((p) => pageRows(p).some((r) => r.text.startsWith('主持人（签字）'))).length).toBeGreaterThan(10);
  });

  it('no page of the annual or the city report ends with a heading or a 附件1 section row', () => {
    for (const p of [...pages.annual, ...pages.city]) {
      const last = lastRow(p);
      expect(SECTIONS.has(last), `page ${p.page} ends with the section row ${last}`).toBe(false);
      expect(HEADING.test(last) && last.length <= 14, `page ${p.page} ends with the heading ${last}`).toBe(false);
    }
  });

  it('leaves no table cell with one character on a line of its own', () => {
    for (const [name, list] of Object.entries(pages))
      for (const p of list) expect(orphanCharacters(p), `${name} page ${p.page}`).toEqual([]);
  });
});
