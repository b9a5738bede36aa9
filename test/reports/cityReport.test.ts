/**
 * 全市机关党建情况汇总 for a small city (6 units) with the committee's cards and quarterly
 * assessments: city totals equal to shared/rules over the units' records, the per-unit table, the
 * red-term list, the cards and the quarter scores; the 公文 page; tables that break across pages;
 * the same text from per-unit figures (what the app reduces each unit to) as from full snapshots.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { combineCompletion, hasCommitteeOn, meetingCompliance, termLight } from '../../shared/rules';
import { rosterSummary } from '../../shared/rules/members/roster';
import { percent } from '../../shared/rules/text';
import { buildCityReport, buildCityReportFrom, cityReportInput, type CityReportData } from '../../shared/reports/cityReport';
import { expectGongwen, type CheckedPdf } from './gongwenChecks';
import { compact, pdfText } from './pdfReader';
import { AS_OF, cityUnits, committeeRecords, renderToFile, YEAR } from './reportFixtures';
import { NATIONAL_PROFILE_V1 } from '../../shared/rules/profile';

let city: CityReportData;
let pdf: CheckedPdf;
let file: string;

beforeAll(async () => {
  const units = cityUnits(6);
  const { cards, assessments, dutyReviews } = committeeRecords(units);
  city = {
    committeeName: '中共市委直属机关工委',
    addressee: '中共市委',
    year: YEAR,
    asOf: AS_OF,
    profile: NATIONAL_PROFILE_V1,
    units,
    cards,
    assessments,
    dutyReviews,
  };
  file = await renderToFile('city.pdf', buildCityReport(city, { date: '2027-01-20' }));
  pdf = await expectGongwen(file);
}, 120_000);

describe('全市机关党建情况汇总', () => {
  it('has the title, addressee, sections, attachments and signature', () => {
    const text = compact(pdf.text);
    expect(text).toContain('中共市委直属机关工委关于2026年度全市机关党建工作情况的报告');
    expect(text).toContain('中共市委：');
    for (const h of ['一、基本情况', '二、主要指标完成情况', '三、红黄牌和季度监控考核情况', '四、下一步工作', '附件1', '附件2', '附件3', '附件4'])
      expect(text).toContain(h);
    expect(text).toContain('中共市委直属机关工委2027年1月20日');
    // 6 units: units 0, 2, 4 reviewed (好, 较好, 好), three not
    expect(text).toContain('书记抓基层党建述职评议中，评为“好”的2个单位、评为“较好”的1个单位，尚未评议3个单位。');
  });

  it('adds up the units’ figures as shared/rules computes them', () => {
    const text = compact(pdf.text);
    const results = city.units.flatMap((u) =>
      u.organisations.map((organisation) =>
        meetingCompliance(
          { organisation, hasCommittee: hasCommitteeOn(u.seats, organisation.id, AS_OF), meetings: u.meetings, year: YEAR, asOf: AS_OF },
          u.profile,
        ),
      ),
    );
    const completion = combineCompletion(results);
    expect(text).toContain(`应按期召开${completion.due}次，按期召开${completion.met}次，完成率${percent(completion.rate ?? 0)}`);
    const members = city.units.reduce((s, u) => s + rosterSummary(u.members, AS_OF).total, 0);
    expect(text).toContain(`党员${members}名`);
    const red = city.units.reduce(
      (s, u) => s + u.organisations.filter((o) => {
        const t = termLight({ organisation: o, elections: u.elections, asOf: AS_OF }, u.profile);
        return t.applicable && t.light === 'red';
      }).length,
      0,
    );
    expect(text).toContain(`红色${red}个`);
    expect(text).toContain(`全市纳入统计的市直机关单位${city.units.length}个`);
    for (const u of city.units) expect(text).toContain(u.unit.name);
  });

  it('lists the cards and the quarter scores as the committee issued them', () => {
    const text = compact(pdf.text);
    const yellow = city.cards.filter((c) => c.colour === 'yellow').length;
    expect(yellow).toBeGreaterThan(0);
    expect(text).toContain(`全年发出黄牌${yellow}张`);
    // table cells wrap: the start of each trigger is on one line
    for (const c of city.cards) expect(text).toContain(c.trigger.slice(0, 8));
    for (const a of city.assessments) expect(text).toContain(String(a.total));
  });

  it('prints the same text from per-unit figures as from the units’ full snapshots', async () => {
    const input = cityReportInput(city);
    // the app reduces each unit in the PDF worker: the figures travel as a structured clone
    const units = structuredClone(input.units);
    const reduced = JSON.stringify(units);
    for (const memberLevel of ['memberIds', 'memberHours', 'untrainedMemberIds', 'byOrganisation']) expect(reduced).not.toContain(memberLevel);
    expect(reduced.length * 20).toBeLessThan(JSON.stringify(city.units).length);
    const fromFigures = await renderToFile('city-from-figures.pdf', buildCityReportFrom({ ...input, units }, { date: '2027-01-20' }));
    expect(await pdfText(fromFigures)).toBe(await pdfText(file));
  }, 120_000);
});
