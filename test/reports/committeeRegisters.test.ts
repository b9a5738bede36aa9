/**
 * The committee's 季度考核汇总表 and 红黄牌台账 (shared/reports/committeeRegisters.ts), rendered and
 * read back: every unit with its published quarters, sum and average as the year view has them
 * (recounted here from the assessments), 未考核 for a unit without any, ranks; every card with its
 * subject and reason, the counts in the sentence recounted from the cards; the 公文 page.
 */
import { copyFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, Card } from '../../shared/model';
import { buildCardRegisterReport, buildYearViewReport } from '../../shared/reports/committeeRegisters';
import type { UnitReportData } from '../../shared/reports/reportData';
import { yearView } from '../../shared/rules/committee/monitoring';
import { chineseDate } from '../../shared/rules/text';
import { expectGongwen } from './gongwenChecks';
import { orphanCharacters } from './pageEnds';
import { compact, pdfWords } from './pdfReader';
import { AS_OF, cityUnits, COMMITTEE, committeeRecords, renderToFile, YEAR } from './reportFixtures';

let units: UnitReportData[];
let assessments: Assessment[];
let cards: Card[];

beforeAll(() => {
  units = cityUnits(8);
  const records = committeeRecords(units);
  // the last unit was never scored; the fourth quarter is not published
  const last = units.at(-1)!.unit.id;
  assessments = records.assessments.filter((a) => a.unitId !== last && !a.quarter.endsWith('Q4'));
  cards = records.cards;
});

describe('季度考核汇总表', () => {
  it('prints every unit with its published quarters, sum, average and rank; 未考核 without any', async () => {
    const names = units.map((u) => ({ unitId: u.unit.id, name: u.unit.name }));
    const view = yearView(assessments, YEAR, names);
    const file = await renderToFile('year-view.pdf', buildYearViewReport(view, { committeeName: COMMITTEE, asOf: AS_OF, date: '2027-01-10' }));
    const text = compact((await expectGongwen(file)).text);
    if (process.env.TZ_KEEP_PDF) copyFileSync(file, `${process.env.TZ_KEEP_PDF}/year-view.pdf`);
    expect(text).toContain(`${COMMITTEE}${YEAR}年度机关党建季度考核汇总表`);
    // which quarters count, in words (the fourth is not published)
    expect(view.missingQuarters).toEqual([`${YEAR}-Q4`]);
    expect(text).toContain(compact(view.note));
    for (const u of units) {
      const mine = assessments.filter((a) => a.unitId === u.unit.id);
      if (mine.length === 0) {
        expect(text).toContain(`—${u.unit.name}————${'—'}未考核`);
        continue;
      }
      const quarters = [1, 2, 3, 4].map((q) => mine.find((a) => a.quarter === `${YEAR}-Q${q}`)?.total ?? null);
      const sum = Math.round(mine.reduce((s, a) => s + a.total, 0) * 100) / 100;
      const average = Math.round((sum / mine.length) * 100) / 100;
      const row = view.units.find((r) => r.unitId === u.unit.id)!;
      expect(text, u.unit.name).toContain(`${row.rank}${u.unit.name}${quarters.map((q) => (q === null ? '—' : String(q))).join('')}${sum}${average}`);
    }
    expect(text).toContain('中共市委直属机关工委2027年1月10日');
    for (const p of await pdfWords(file)) expect(orphanCharacters(p)).toEqual([]);
  });

  it('refuses when no unit is enrolled, in Chinese', () => {
    expect(() => buildYearViewReport(yearView([], YEAR, []), { committeeName: COMMITTEE, asOf: AS_OF })).toThrow(/尚未登记纳管单位/);
  });
});

describe('红黄牌台账', () => {
  it('prints every card with subject, reason and dates; the counts equal a recount', async () => {
    expect(cards.length).toBeGreaterThan(1);
    const unitNames = new Map(units.map((u) => [u.unit.id, u.unit.name] as const));
    const organisationNames = new Map(units.flatMap((u) => u.organisations.map((o) => [o.id, o.name] as const)));
    const file = await renderToFile('card-register.pdf', buildCardRegisterReport({ cards, answers: [], unitNames, organisationNames }, { committeeName: COMMITTEE, asOf: AS_OF }));
    const text = compact((await expectGongwen(file)).text);
    if (process.env.TZ_KEEP_PDF) copyFileSync(file, `${process.env.TZ_KEEP_PDF}/card-register.pdf`);
    expect(text).toContain(`${COMMITTEE}红黄牌台账`);
    const red = cards.filter((c) => c.colour === 'red').length;
    const closed = cards.filter((c) => c.fixStatus === 'fixed').length;
    const overdue = cards.filter((c) => c.fixStatus !== 'fixed' && c.fixBy !== null && c.fixBy < AS_OF).length;
    expect(text).toContain(`共亮牌${cards.length}张（${red === 0 ? '均为黄牌' : `红牌${red}张、黄牌${cards.length - red}张`}），已销牌${closed}张，未销牌${cards.length - closed}张（逾期未整改${overdue}张`);
    for (const c of cards) {
      const org = organisationNames.get(c.subjectId) ?? '';
      const unit = unitNames.get(c.unitId) ?? '';
      const subject = c.subjectKind === 'unit' ? unit : org.startsWith(unit) ? org : `${unit}${org}`;
      expect(text, c.id).toContain(compact(`${c.colour === 'red' ? '红牌' : '黄牌'}${subject}${c.trigger}${chineseDate(c.issuedOn)}`));
    }
    expect(text).toContain('单位未回应；单位尚未建立整改事项');
    for (const p of await pdfWords(file)) expect(orphanCharacters(p)).toEqual([]);
  });

  it('prints one year: only the cards issued in it, the year in the title and the count', async () => {
    const unitNames = new Map(units.map((u) => [u.unit.id, u.unit.name] as const));
    const organisationNames = new Map(units.flatMap((u) => u.organisations.map((o) => [o.id, o.name] as const)));
    // the fixture's cards moved apart: the first issued a year earlier
    const [first, ...rest] = cards;
    const earlier: Card = { ...first!, issuedOn: `${YEAR - 1}-11-20`, trigger: '上一年度的亮牌事由' };
    const all = [earlier, ...rest];
    const file = await renderToFile('card-register-year.pdf', buildCardRegisterReport({ cards: all, answers: [], unitNames, organisationNames }, { committeeName: COMMITTEE, asOf: AS_OF, year: YEAR }));
    const text = compact((await expectGongwen(file)).text);
    expect(text).toContain(`${COMMITTEE}${YEAR}年度红黄牌台账`);
    expect(text).toContain(`${YEAR}年共亮牌${rest.length}张`);
    expect(text).not.toContain('上一年度的亮牌事由');
    for (const c of rest) expect(text, c.id).toContain(compact(c.trigger));
    // a year without cards is refused in words
    expect(() => buildCardRegisterReport({ cards: all, answers: [], unitNames, organisationNames }, { committeeName: COMMITTEE, asOf: AS_OF, year: YEAR - 3 })).toThrow(`${YEAR - 3}年没有发出红黄牌`);
  });
});
