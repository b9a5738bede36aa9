/**
 * The annual accountability report of the `small` synthetic unit, rendered with pdfmake and read
 * back with pdf.js: title, headings, the figures (each equal to what shared/rules computes from
 * the same records), drafts replacing the default text, and the 公文 page and grid.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cadreRatio,
  combineCompletion,
  hasCommitteeOn,
  meetingCompliance,
  termLight,
  trainingCoverage,
} from '../../shared/rules';
import { rosterSummary } from '../../shared/rules/members/roster';
import { percent } from '../../shared/rules/text';
import { buildAnnualReport } from '../../shared/reports/annualReport';
import { annualReportDefaults, draftsToSave, draftsToShow } from '../../shared/reports/annualDutiesText';
import { computeAnnualFigures } from '../../shared/reports/reportData';
import { GONGWEN } from '../../shared/reports/gongwenLayout';
import type { UnitReportData } from '../../shared/reports/reportData';
import { BLOCK, bodyWords, expectGongwen, lineTops, type CheckedPdf } from './gongwenChecks';
import { compact, pdfText } from './pdfReader';
import { AS_OF, committeeRecords, renderToFile, smallUnit } from './reportFixtures';

/** Text without the page numbers (—3—) that pdf.js reads where a page ends: a sentence may run over a page end. */
function withoutPageNumbers(text: string): string {
  return text.replace(/—\d+—/g, '');
}

let data: UnitReportData;
let pdf: CheckedPdf;
let file: string;

beforeAll(async () => {
  data = smallUnit();
  file = await renderToFile('annual.pdf', buildAnnualReport(data, { date: '2027-01-15' }));
  pdf = await expectGongwen(file);
}, 60_000);

describe('年度落实机关党建主体责任情况报告', () => {
  it('has the title, addressee, the three parts, attachments, signature and date', () => {
    const text = withoutPageNumbers(compact(pdf.text));
    expect(text).toContain('中共市统计局党组关于2026年度落实机关党建主体责任情况的报告');
    expect(text).toContain('中共市委直属机关工委：');
    for (const heading of [
      '一、履行主体责任情况',
      '（一）政治建设和制度落实。',
      '（二）思想建设和教育培训。',
      '（三）组织建设。',
      '二、存在问题及原因',
      '三、下一步打算',
      '附件：1.2026年度机关党建主要指标统计表',
      '附件1',
      '附件2',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('中共市统计局党组2027年1月15日');
  });

  it('states the figures that shared/rules computes from the same records', () => {
    const text = withoutPageNumbers(compact(pdf.text));
    const seats = data.seats;
    const compliance = data.organisations.map((organisation) =>
      meetingCompliance(
        { organisation, hasCommittee: hasCommitteeOn(seats, organisation.id, AS_OF), meetings: data.meetings, year: 2026, asOf: AS_OF },
        data.profile,
      ),
    );
    const completion = combineCompletion(compliance);
    expect(completion.due).toBeGreaterThan(0);
    expect(text).toContain(`应按期召开${completion.due}次，按期召开${completion.met}次，完成率${percent(completion.rate ?? 0)}`);

    const roster = rosterSummary(data.members, AS_OF);
    expect(text).toContain(`有党员${roster.total}名，其中在职党员${roster.active}名、离退休党员${roster.retired}名`);

    const training = trainingCoverage(
      { year: 2026, asOf: AS_OF, members: data.members, classes: data.trainingClasses, enrolments: data.enrolments, seats, organisations: data.organisations },
      data.profile,
    );
    expect(text).toContain(`党员应参训${training.members.shouldTrain}人，已参训${training.members.trained}人，覆盖率${percent(training.members.share ?? 0)}`);

    const cadre = cadreRatio({ staffCount: data.unit.staffCount, members: data.members }, data.profile);
    expect(text).toContain(`机关工作人员${cadre.staffCount}名，配备专职党务干部${cadre.fullTimeCount}名，占比${percent(cadre.ratio)}`);

    const lights = data.organisations.map((organisation) => termLight({ organisation, elections: data.elections, asOf: AS_OF }, data.profile));
    const count = (light: string) => lights.filter((l) => l.applicable && l.light === light).length;
    expect(count('red') + count('yellow') + count('green')).toBeGreaterThan(0);
    // each colour may carry its breakdown in brackets (statements.test.ts)
    expect(text).toMatch(new RegExp(`绿色${count('green')}个(（[^）]*）)?、黄色${count('yellow')}个(（[^）]*）)?、红色${count('red')}个`));
    expect(text).toContain('本年度未被亮红黄牌。'); // said in words when there were none
  });

  it('names the 红黄牌 the unit received in the year and whether they were closed', async () => {
    const { cards } = committeeRecords([data]);
    expect(cards).toHaveLength(1);
    const withCard = { ...data, cards: [...cards, { ...cards[0]!, id: `${cards[0]!.id.slice(0, -1)}0`, issuedOn: '2025-11-02', colour: 'red' as const }] };
    const text = withoutPageNumbers(compact(await pdfText(await renderToFile('annual-cards.pdf', buildAnnualReport(withCard, { date: '2027-01-15' })))));
    // the card of 2025 is not this year's
    expect(text).toContain('本年度被亮黄牌1张：黄牌（2026年4月10日，连续两个月未按期召开支委会）。其中已销牌1张。');
    expect(text).toContain('被亮黄牌/红牌（张）1/0');
  });

  it('states the 工委’s 述职评议 and published quarter scores of the year, or that there are none', async () => {
    const text = withoutPageNumbers(compact(pdf.text));
    expect(text).toContain('工委尚未录入本年度书记抓基层党建述职评议结果。工委尚未发布本年度季度监控考核结果。');
    expect(text).toContain('书记述职评议等次未录入');
    expect(text).toContain('季度监控考核得分未发布');

    const { dutyReviews, assessments } = committeeRecords([data]);
    const review = dutyReviews[0]!;
    const published = assessments.filter((a) => a.quarter !== '2026-Q4'); // the fourth quarter not published yet
    // page numbers (—2—) left out: a sentence may run over a page end
    const decided = withoutPageNumbers(
      compact(await pdfText(await renderToFile('annual-accountability.pdf', buildAnnualReport({ ...data, dutyReviews, assessments: published }, { date: '2027-01-15' })))),
    );
    expect(decided).toContain(`本年度书记抓基层党建述职评议等次为“好”（2027年1月10日述职），评议指出问题${review.problems.length}个。`);
    const q = (n: number) => published.find((a) => a.quarter === `2026-Q${n}`)!.total;
    expect(decided).toContain(`工委发布的本年度季度监控考核得分：第1季度${q(1)}分，第2季度${q(2)}分，第3季度${q(3)}分。`);
    expect(decided).toContain('书记述职评议等次好');
    expect(decided).toContain(`第3季度监控考核得分${q(3)}`);
    expect(decided).not.toContain('第4季度监控考核得分');
  });

  it('sets the body on the grid: 22 lines a page, 28 characters a line, lines justified to the block', () => {
    // page 2 is body text from top to bottom
    const page = pdf.pages[1];
    expect(page).toBeDefined();
    if (page === undefined) return;
    const tops = lineTops(page);
    expect(tops).toHaveLength(GONGWEN.linesPerPage);
    for (let i = 1; i < tops.length; i++) expect(Math.abs((tops[i] ?? 0) - (tops[i - 1] ?? 0) - GONGWEN.linePitch)).toBeLessThan(0.05);

    let full = 0;
    for (const p of pdf.pages) {
      const words = bodyWords(p);
      for (const top of lineTops(p)) {
        const line = words.filter((w) => Math.abs(w.yMin - top) < 0.01).sort((a, b) => a.xMin - b.xMin);
        const chars = [...line.map((w) => w.text).join('')];
        const starts = line[0]?.xMin ?? 0;
        const ends = line[line.length - 1]?.xMax ?? 0;
        const fullWidthOnly = chars.every((c) => /[\u3000-\u9fff\uff00-\uffef“”‘’]/.test(c));
        if (Math.abs(starts - BLOCK.left) < 0.5 && Math.abs(ends - BLOCK.right) < 0.5 && fullWidthOnly) {
          // 28 on the grid; one or two more when closing punctuation is squeezed in (避头尾), one
          // less when a character moved down with the punctuation that may not start a line
          if (chars.length === GONGWEN.charsPerLine) full++;
          else if (chars.length > GONGWEN.charsPerLine) {
            expect(chars.length, chars.join('')).toBeLessThanOrEqual(GONGWEN.charsPerLine + 2);
            expect(chars[chars.length - 1], chars.join('')).toMatch(/[，。、；：？！）》”’]/);
          } else expect(chars.length, chars.join('')).toBe(GONGWEN.charsPerLine - 1);
        }
      }
    }
    expect(full, 'lines of 28 full-width characters, flush with both edges').toBeGreaterThan(5);
  });

  it('uses the cadre’s saved drafts instead of the defaults', async () => {
    const drafted = await renderToFile(
      'annual-drafts.pdf',
      buildAnnualReport(data, {
        date: '2027-01-15',
        drafts: { problems: '（一）学习不够深入。个别党员理论学习浮于表面。', nextSteps: '持续加强理论武装，这是草稿内容。' },
      }),
    );
    const text = compact(await pdfText(drafted));
    expect(text).toContain('（一）学习不够深入。个别党员理论学习浮于表面。');
    expect(text).toContain('持续加强理论武装，这是草稿内容。');
    expect(text).not.toContain('分析原因，主要是');
    // the figures part is unchanged
    expect(text).toContain('一、履行主体责任情况');
  });

  it('prints 一、履行主体责任情况 as the cadre rewrote it; the generated text is the default and keeps following the figures', async () => {
    const defaults = annualReportDefaults(data, computeAnnualFigures(data));
    const lines = defaults.duties.split('\n');
    expect(lines.map((l) => l.slice(0, 3))).toEqual(expect.arrayContaining(['（一）', '（二）', '（三）', '（四）', '（五）']));
    // the default is what the report prints when nothing was rewritten
    expect(withoutPageNumbers(compact(pdf.text))).toContain(compact(lines[0]!));
    const rewritten = `${lines[0]!.replace(/。.*$/, '。')}本单位党组全年专题研究党建工作，具体情况以党组会议纪要为准。\n${lines.slice(1).join('\n')}`;
    const text = withoutPageNumbers(compact(await pdfText(await renderToFile('annual-duties.pdf', buildAnnualReport(data, { date: '2027-01-15', drafts: { duties: rewritten } })))));
    expect(text).toContain('（一）政治建设和制度落实。本单位党组全年专题研究党建工作，具体情况以党组会议纪要为准。');
    expect(text).not.toContain(compact(lines[0]!));
    expect(text).toContain(compact(lines.at(-1)!).slice(0, 24)); // the other parts as generated (a part may run over a page end)
    // saved: empty while it is the generated text (so that it follows the figures), shown as the generated text again
    expect(draftsToSave({ ...defaults }, defaults).duties).toBe('');
    expect(draftsToSave({ ...defaults, duties: rewritten }, defaults).duties).toBe(rewritten);
    expect(draftsToShow({ intro: 'a', problems: 'b', nextSteps: 'c' }, defaults).duties).toBe(defaults.duties);
    expect(draftsToShow({ intro: 'a', problems: 'b', nextSteps: 'c', duties: rewritten }, defaults).duties).toBe(rewritten);
  });
});
