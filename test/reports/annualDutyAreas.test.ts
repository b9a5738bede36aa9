/**
 * The annual report follows the duty areas (issue 14): the year's 三级五岗职责清单 with its
 * self-check outcomes in 一、履行主体责任情况 and in the figures table; every area with its figures,
 * “无”/“未录入” only where the ledger has none; and the areas the ledger holds no record of this year
 * named in words, in the text and under the figures table. Rendered to PDF and read back with pdf.js.
 */
import { describe, expect, it } from 'vitest';
import type { CadreExchange } from '../../shared/model/cadreExchange';
import type { DutyList } from '../../shared/model/dutyList';
import { buildAnnualReport } from '../../shared/reports/annualReport';
import type { UnitReportData } from '../../shared/reports/reportData';
import { compact, pdfText } from './pdfReader';
import { renderToFile, smallUnit, YEAR } from './reportFixtures';

/** Text without the page numbers (—3—) that pdf.js reads where a page ends. */
const readable = async (name: string, data: UnitReportData): Promise<string> =>
  compact(await pdfText(await renderToFile(name, buildAnnualReport(data, { date: '2027-01-15' })))).replace(/—\d+—/g, '');

const meta = { unitId: '', rev: '0', deleted: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: '张敏', sourceDevice: 'd' };

function list(id: string, year: number, holderName: string, statuses: (DutyList['items'][number]['status'] | undefined)[], deleted = false): DutyList {
  return {
    ...meta,
    id,
    deleted,
    year,
    level: '党支部',
    post: `党支部书记${id}`,
    holderName,
    items: statuses.map((status, i) => ({ text: `事项${i + 1}`, selfCheck: status === undefined ? '' : '已自查', ...(status === undefined ? {} : { status }) })),
  };
}

function exchange(id: string, direction: CadreExchange['direction'], vettedOn: string | null, date = `${YEAR}-03-01`): CadreExchange {
  return { ...meta, id, date, personName: `干部${id}`, memberId: null, direction, fromPost: '', toPost: '', vettedOn, vettingResult: '', note: '' };
}

describe('the annual report follows the duty areas', () => {
  const base = smallUnit();

  it('states the year’s 三级五岗 list — posts, items, each self-check outcome and completeness — in the text and the figures table', async () => {
    const dutyLists = [
      list('a', YEAR, '王强', ['done', 'done', 'partial', 'notDone']),
      list('b', YEAR, '', ['done', undefined]),
      list('c', YEAR - 1, '李红', ['notDone']), // another year
      list('d', YEAR, '赵六', ['done'], true), // deleted
    ].map((l) => ({ ...l, unitId: base.unit.id }));
    const text = await readable('annual-duty-list.pdf', { ...base, dutyLists });
    expect(text).toContain(
      `建立${YEAR}年度三级五岗职责清单，明确2个岗位职责事项6项（其中1个岗位尚未明确责任人）；年度自查5项，自查完成率83.33%，其中落实3项、部分落实1项、未落实1项，尚有1项未自查。`,
    );
    expect(text).toContain('三级五岗职责清单岗位（个）2职责事项（项）6落实/部分落实/未落实/未自查（项）3/1/1/1自查完成率83.33%');
    expect(text).not.toContain('三级五岗职责清单、'); // it is not among the areas without records
  });

  it('says in words, in 一 and under the figures table, which areas the ledger has no records of this year, and prints 未录入 for their figures', async () => {
    // the fixture unit has a secretary project, a duty list, rectification items, budget lines, visits, commendations and publicity; add postings
    const full = await readable('annual-all-areas.pdf', { ...base, cadreExchanges: [exchange('x1', 'toPartyAffairs', '2026-02-20')] });
    expect(full).not.toContain('本台账未录入');
    expect(full).not.toContain('表中相应指标记“未录入”');
    expect(full).not.toMatch(/（[项个篇元]）未录入|职责清单未录入|预算和支出未录入/);

    const sparse: UnitReportData = {
      ...base,
      fundLines: [],
      expenses: [],
      careVisits: [],
      // last year's list does not count for this year
      dutyLists: [{ ...list('x', YEAR - 1, '王强', ['done']), unitId: base.unit.id }],
      commendations: (base.commendations ?? []).filter((c) => c.date.startsWith(String(YEAR))),
    };
    const text = await readable('annual-sparse.pdf', sparse);
    // in 一、履行主体责任情况: each area in words, then the list of areas without records
    expect(text).toContain(`台账中未录入${YEAR}年度三级五岗职责清单。`);
    expect(text).toContain(`（五）工作保障。台账中未录入${YEAR}年党建工作经费预算。关怀激励和宣传方面，本年度台账中无走访慰问记录；`);
    expect(text).toContain(`本台账未录入${YEAR}年度以下方面的记录：三级五岗职责清单、经费保障、走访慰问、党务干部双向交流。二、存在问题及原因`);
    // the figures table: 未录入 instead of a 0 that would read as “none was done”
    expect(text).toContain('三级五岗职责清单职责清单未录入');
    expect(text).toContain('党建工作经费预算和支出未录入');
    expect(text).toContain('走访慰问（人次）未录入');
    expect(text).toContain('慰问金（元）未录入');
    expect(text).toMatch(/获表彰（项）\d+/);
    expect(text).toContain(`注：数据截至${YEAR}年12月31日。本台账未录入${YEAR}年度以下方面的记录：三级五岗职责清单、经费保障、走访慰问、党务干部双向交流。表中相应指标记“未录入”。`);
    expect(text).toContain('台账中无本年度党务干部双向交流记录。');
    expect(text).toContain('双向交流（人次）未录入');
  });

  it('names every area when the ledger holds nothing of the duty areas this year', async () => {
    const empty: UnitReportData = {
      ...base,
      secretaryProjects: [],
      dutyLists: [],
      rectifications: [],
      fundLines: [],
      expenses: [],
      careVisits: [],
      commendations: [],
      publicity: [],
    };
    const text = await readable('annual-empty-areas.pdf', empty);
    expect(text).toContain(`本台账未录入${YEAR}年度以下方面的记录：书记项目、三级五岗职责清单、整改落实、经费保障、走访慰问、表彰、宣传、党务干部双向交流。`);
    expect(text).toContain('台账中无本年度需要整改的问题事项记录。');
    expect(text).toContain('书记项目（项）未录入');
    expect(text).toContain('整改事项（项）未录入');
    expect(text).toContain('宣传稿件（篇）未录入');
  });
});

describe('党务干部双向交流 in the annual report', () => {
  const base = smallUnit();

  it('counts the year’s postings per direction and those into party-affairs posts without 任前考察, in words and in the table', async () => {
    const cadreExchanges = [
      exchange('a', 'toPartyAffairs', `${YEAR}-02-20`),
      exchange('b', 'toPartyAffairs', null, `${YEAR}-05-01`),
      exchange('c', 'toLine', null, `${YEAR}-06-01`),
      exchange('d', 'toPartyAffairs', null, `${YEAR - 1}-12-01`), // last year
    ].map((x) => ({ ...x, unitId: base.unit.id }));
    const text = await readable('annual-exchange.pdf', { ...base, cadreExchanges });
    expect(text).toContain('本年度党务干部双向交流3人次，从业务岗位交流到党务岗位2人次、从党务岗位交流到业务岗位1人次，其中1人次交流到党务岗位未登记任前考察。');
    expect(text).toContain('双向交流（人次）3');
    expect(text).toContain('其中：业务→党务/党务→业务（人次）2/1');
    expect(text).toContain('交流到党务岗位未登记任前考察（人次）1');

    const vetted = await readable('annual-exchange-vetted.pdf', { ...base, cadreExchanges: cadreExchanges.filter((x) => x.id !== 'b') });
    expect(vetted).toContain('本年度党务干部双向交流2人次，从业务岗位交流到党务岗位1人次、从党务岗位交流到业务岗位1人次，交流到党务岗位的均进行了任前考察。');
  });
});
