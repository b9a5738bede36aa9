/**
 * Sentences of the annual and the city report that a 机关 secretary would find wrong (issue 15),
 * checked on the reports' definitions (no rendering): the 换届 breakdown by colour, breakdowns that
 * add up to their totals, 基层党组织 without 党小组 and 机关纪委, one 截至 for every figure, 附件2
 * cells that say "not applicable" rather than 0, wording from what the data knows (党组 or 党委,
 * none in words), the city report's 公文 title, cadre-ratio bands that agree with 附件1, and no
 * space between a number and a Chinese unit in any report.
 */
import { describe, expect, it } from 'vitest';
import type { Member, TrainingClass } from '../../shared/model';
import { buildAnnualReport } from '../../shared/reports/annualReport';
import { buildCityReport, type CityReportData } from '../../shared/reports/cityReport';
import { buildMeetingBook } from '../../shared/reports/meetingRecord';
import type { PdfDocumentDefinition, PdfTable } from '../../shared/reports/pdfTypes';
import type { UnitReportData } from '../../shared/reports/reportData';
import { buildRoster } from '../../shared/reports/roster';
import { buildSignInSheet, signInSheetForMeeting, signInSheetForTraining } from '../../shared/reports/signInSheet';
import { NATIONAL_PROFILE_V1 } from '../../shared/rules/profile';
import { definitionText, textNodes } from './definitionText';
import { AS_OF, COMMITTEE, committeeRecords, dataOf, fullCityUnits, smallUnit, YEAR } from './reportFixtures';

const annualText = (data: UnitReportData): string => definitionText(buildAnnualReport(data, { date: '2027-01-15' }));

/** The tables of a definition (attachments), in order, as rows of cell texts. */
function tables(definition: PdfDocumentDefinition): string[][][] {
  const out: string[][][] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (typeof n === 'object' && n !== null) {
      if ('table' in n) out.push((n as PdfTable).table.body.map((row) => row.map((cell) => textNodes(cell as never).join('').replace(/\s+/g, ''))));
      else if ('stack' in n) walk((n as { stack: unknown }).stack);
    }
  };
  walk(definition.content);
  return out;
}

/** The bracketed breakdown after a total: “应按期召开N次，按期召开M次，完成率…（按期召开/应召开：a x/y，…）”. */
function lifeBreakdown(text: string): { due: number; met: number; items: { label: string; met: number; due: number }[] } {
  const m = /应按期召开(\d+)次，按期召开(\d+)次，完成率[\d.]+%（按期召开\/应召开：([^）]*(?:（[^）]*）[^）]*)*)）/.exec(text);
  expect(m, 'the total of organisational life and its breakdown').not.toBeNull();
  const items = (m?.[3] ?? '').split('，').map((s) => {
    const i = /^(.*?)(\d+)\/(\d+)$/.exec(s);
    expect(i, s).not.toBeNull();
    return { label: i?.[1] ?? '', met: Number(i?.[2]), due: Number(i?.[3]) };
  });
  return { due: Number(m?.[1]), met: Number(m?.[2]), items };
}

describe('the annual report of the small unit (市统计局, a 党组)', () => {
  const data = smallUnit();
  const text = annualText(data);

  it('counts an extension in the colour it is in, and says who has no term dates', () => {
    // the extended branch is yellow; of the two reds one has no term dates
    expect(text).toContain('绿色4个、黄色2个（其中经批准延期1个）、红色2个（任期届满未换届1个、未登记任期1个）');
    expect(text).toContain('1个党组织任期已届满尚未换届，1个党组织未登记任期，1个党组织任期将在6个月内届满，1个党组织经批准延期换届，须在延期届满前完成换届');
  });

  it('gives a breakdown of organisational life that adds up to its total', () => {
    const b = lifeBreakdown(text);
    expect(b.items.reduce((s, i) => s + i.due, 0)).toBe(b.due);
    expect(b.items.reduce((s, i) => s + i.met, 0)).toBe(b.met);
    expect(b.items.map((i) => i.label)).toContain('党组会议研究党建工作');
    expect(b.items.map((i) => i.label)).toContain('理论学习中心组学习');
  });

  it('counts 基层党组织 without 党小组 and 机关纪委', () => {
    expect(text).toContain('本单位设基层党组织7个（党总支1个、党支部6个），另设党小组2个；');
    expect(text).toContain('基层党组织（个）7');
  });

  it('says 党组 where the unit has a 党组, and in words what did not happen', () => {
    expect(text).not.toContain('党组（党委）');
    expect(text).toContain('召开党组会议专题研究机关党建工作');
    expect(text).not.toMatch(/[^\d]0期/);
    expect(text).toContain('未参加机关工委组织的培训班');
  });

  it('prints one 截至 and counts classes and spending up to it', () => {
    expect(text).toContain('数据截至2026年12月31日');
    const early = { ...data, asOf: '2026-11-30' as const };
    const t = annualText(early);
    expect(t).toContain('数据截至2026年11月30日');
    // the year is not over: 本年度, not 全年
    expect(t).not.toContain('全年');
    expect(t).toContain('中共市统计局党组本年度召开党组会议专题研究机关党建工作');
    // the class of 12月9日 and the expense of 12月22日 are after 截至
    const classes = data.trainingClasses.filter((c) => c.unitId === data.unit.id && c.startDate <= '2026-11-30').length;
    expect(classes).toBe(3);
    expect(t).toContain(`举办党员教育培训班${classes}期`);
    const spent = data.expenses.filter((e) => e.date <= '2026-11-30').reduce((s, e) => s + e.amountFen, 0);
    const all = data.expenses.reduce((s, e) => s + e.amountFen, 0);
    expect(spent).toBeLessThan(all);
    expect(t).toContain(`支出（元）${(spent / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
  });

  it('shows “—” in 附件2 where a figure does not apply, and no rate over a row of “—”', () => {
    const definition = buildAnnualReport(data);
    const table = tables(definition).at(-1) ?? [];
    const [header, ...rows] = table;
    expect(header?.[1]).toBe('党员');
    const byName = new Map(rows.map((r) => [r[0] ?? '', r]));
    expect(byName.get('机关党总支')?.[1]).toBe('—');
    expect(byName.get('办公室党支部第一党小组')?.[1]).toBe('—');
    for (const r of rows) {
      const kindCells = r.slice(2, -2);
      if (kindCells.every((c) => c === '—')) expect(r.at(-2), r.join(' ')).toBe('—');
    }
  });

  it('says in words that one cadre is enough in a small unit', () => {
    const cadre = data.members.find((m) => m.cadre === 'fullTime' && m.status === 'active') as Member;
    const small = { ...data, unit: { ...data.unit, staffCount: 40 }, members: [cadre, ...data.members.filter((m) => m.cadre !== 'fullTime')] };
    const t = annualText(small);
    expect(t).toContain('机关工作人员40名，配备专职党务干部1名，占比2.5%，');
    expect(t).toContain('单位人数较少，配备1名专职党务干部即符合要求');
    expect(t).not.toContain('符合1%至2%的配备要求');
  });
});

describe('the annual report’s 经费 paragraph', () => {
  const base = smallUnit();
  const meta = { unitId: base.unit.id, rev: '0', deleted: false };
  const line = (id: string, name: string, budgetFen: number, special = false) => ({ ...meta, id, year: YEAR, name, budgetFen, special });
  const expense = (id: string, fundLineId: string, amountFen: number) => ({ ...meta, id, fundLineId, date: `${YEAR}-03-01`, amountFen, purpose: '支出', voucherNo: '' });

  it('names the ledger’s own lines, the 专项 ones and those over budget, and claims no canned purpose', () => {
    const data = {
      ...base,
      fundLines: [line('l1', '三会一课经费', 300_000), line('l2', '教育培训经费', 500_000), line('l3', '书记项目专项经费', 200_000, true)],
      expenses: [expense('e1', 'l1', 100_000), expense('e2', 'l2', 620_000), expense('e3', 'l3', 50_000)],
    } as unknown as UnitReportData;
    const text = annualText(data);
    expect(text).toContain('本年度党建工作经费预算3项（三会一课经费、教育培训经费、书记项目专项经费），共1.00万元，已支出7700.00元，执行率77%。');
    expect(text).toContain('其中专项经费1项（书记项目专项经费），预算2000.00元。');
    expect(text).toContain('超出预算的科目1项：教育培训经费（预算5000.00元，已支出6200.00元）。');
    expect(text).not.toContain('用于“三会一课”');
  });

  it('says nothing of 专项 or overspending when there is none', () => {
    const data = { ...base, fundLines: [line('l1', '三会一课经费', 300_000)], expenses: [expense('e1', 'l1', 300_000)] } as unknown as UnitReportData;
    const text = annualText(data);
    expect(text).toContain('本年度党建工作经费预算1项（三会一课经费），共3000.00元，已支出3000.00元，执行率100%。');
    expect(text).not.toContain('专项经费');
    expect(text).not.toContain('超出预算');
  });
});

describe('the annual report of the largest city unit (市公安局, a 党委)', () => {
  const police = dataOf(fullCityUnits().largest);
  const text = annualText(police);

  it('says 党委, counts extensions and missing terms by colour, and adds up its breakdown', () => {
    expect(police.unit.partyGroupKind).toBe('partyCommittee');
    expect(text).not.toContain('党组（党委）');
    expect(text).toContain('召开党委会议专题研究机关党建工作');
    expect(text).toContain('黄色32个（其中经批准延期12个）、红色16个（任期届满未换届6个、延期届满仍未换届3个、未登记任期7个）');
    const b = lifeBreakdown(text);
    expect(b.items.reduce((s, i) => s + i.due, 0)).toBe(b.due);
    expect(b.items.reduce((s, i) => s + i.met, 0)).toBe(b.met);
    expect(b.items.map((i) => i.label)).toContain('机关党员干部大会');
  });

  it('counts 机关党委 but not 机关纪委 among 基层党组织', () => {
    expect(text).toContain('本单位设基层党组织160个（机关党委1个、党总支12个、党支部147个），另设机关纪委1个、党小组86个；');
  });

  it('has a 机关党员干部大会 column in 附件2, so the 机关党委’s rate is over what it owes', () => {
    const [header, ...rows] = tables(buildAnnualReport(police)).at(-1) ?? [];
    expect(header).toContain('机关党员干部大会');
    const organ = rows.find((r) => r[0] === '机关党委');
    expect(organ?.[1]).toBe('—');
    expect(organ?.slice(2, -2).filter((c) => c !== '—')).toEqual(['1/1']);
  });
});

describe('the city report', () => {
  const { first, largest } = fullCityUnits();
  const units = [...first, largest].map(dataOf);
  const city = (over: Partial<CityReportData> = {}): CityReportData => ({
    committeeName: COMMITTEE,
    addressee: '中共市委',
    year: YEAR,
    asOf: AS_OF,
    profile: NATIONAL_PROFILE_V1,
    units,
    ...committeeRecords(units),
    ...over,
  });
  const definition = buildCityReport(city(), { date: '2027-01-20' });
  const text = definitionText(definition);

  it('has a 公文 title naming the committee as its author', () => {
    expect(text.startsWith(`${COMMITTEE}关于2026年度全市机关党建工作情况的报告`)).toBe(true);
    expect(definition.info?.title).toBe(`${COMMITTEE}关于2026年度全市机关党建工作情况的报告`);
    expect(definition.info?.author).toBe(COMMITTEE);
  });

  it('sorts units into cadre-ratio bands as 附件1 shows them, and says the small-unit rule in words', () => {
    const [, ...rows] = tables(definition)[0] ?? [];
    const ratios = rows.map((r) => Number((r[5] ?? '').replace('%', '')));
    const inBand = ratios.filter((r) => r >= 1 && r <= 2).length;
    const above = ratios.filter((r) => r > 2).length;
    const below = ratios.filter((r) => r < 1).length;
    expect(above).toBeGreaterThan(0); // 市委机要保密局: 1 of 42 staff
    expect(text).toContain(`配备比例在1%至2%之间的${inBand}个`);
    expect(text).toContain(`低于1%的${below}个`);
    expect(text).toMatch(new RegExp(`高于2%的${above}个（其中\\d+个单位人数较少，配备1名专职党务干部即符合要求）`));
  });

  it('counts 基层党组织 without 党小组 and 机关纪委', () => {
    expect(text).toMatch(/共有基层党组织(\d+)个（机关党委(\d+)个、党总支(\d+)个、党支部(\d+)个），另有机关纪委\d+个、党小组\d+个；/);
    const m = /共有基层党组织(\d+)个（机关党委(\d+)个、党总支(\d+)个、党支部(\d+)个）/.exec(text);
    expect(Number(m?.[1])).toBe(Number(m?.[2]) + Number(m?.[3]) + Number(m?.[4]));
  });

  it('says no zero counts of cards, and prints a sentence instead of an empty 附件4', () => {
    expect(text).not.toMatch(/[^\d]0张/);
    const none = buildCityReport(city({ cards: [], assessments: [] }));
    const t = definitionText(none);
    expect(t).toContain('全年未发出红黄牌。');
    expect(t).toContain('附件4');
    expect(t).toContain('本年度尚无季度监控考核结果。');
    expect(tables(none)).toHaveLength(3);
    expect(definitionText(buildCityReport(city({ cards: [], assessments: [], asOf: '2026-11-30' })))).toContain('本年度未发出红黄牌。');
  });
});

describe('numbers and Chinese units', () => {
  it('are never separated by a space in any report', () => {
    const data = smallUnit();
    const meeting = data.meetings[0];
    const cls = data.trainingClasses.find((c: TrainingClass) => (c.sessions?.length ?? 0) > 0) ?? data.trainingClasses[0];
    const branch = data.organisations.find((o) => o.kind === 'branch');
    if (meeting === undefined || cls === undefined || branch === undefined) throw new Error('small fixture lacks a meeting, class or branch');
    const units = [data];
    const definitions = [
      buildAnnualReport(data),
      buildRoster(data),
      buildMeetingBook(data, branch.id),
      buildSignInSheet(signInSheetForMeeting(data, meeting.id)),
      buildSignInSheet(signInSheetForTraining(data, cls.id)),
      buildCityReport({ committeeName: COMMITTEE, addressee: '中共市委', year: YEAR, asOf: AS_OF, profile: NATIONAL_PROFILE_V1, units, ...committeeRecords(units) }),
    ];
    for (const d of definitions)
      for (const node of textNodes(d)) {
        expect(node, d.info?.title).not.toMatch(/\d +[\u4e00-\u9fff]/);
        expect(node, d.info?.title).not.toMatch(/[\u4e00-\u9fff] +\d/);
      }
  });
});
