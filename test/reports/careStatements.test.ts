/**
 * The annual report's 关怀激励 and 宣传 sentence (in （五）工作保障), checked on the report's
 * definition: figures from the ledger's 走访慰问, 表彰 and 宣传 records of the year up to 截至, and
 * “无…记录” in words only for a kind the ledger has none of.
 */
import { describe, expect, it } from 'vitest';
import { buildAnnualReport } from '../../shared/reports/annualReport';
import type { CareVisit, Commendation, Publicity } from '../../shared/model/care';
import type { UnitReportData } from '../../shared/reports/reportData';
import { definitionText } from './definitionText';
import { smallUnit, YEAR } from './reportFixtures';

const annualText = (data: UnitReportData): string => definitionText(buildAnnualReport(data, { date: '2027-01-15' }));

describe('the annual report’s 关怀激励 and 宣传 sentence', () => {
  const base = smallUnit();
  const meta = { unitId: base.unit.id, rev: '0', deleted: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: '张敏', sourceDevice: 'd' };
  const visit = (id: string, visitedName: string, amountFen: number, date = `${YEAR}-02-01`): CareVisit => ({ ...meta, id, date, visitedName, reason: '因病住院', visitors: '', amountFen });
  const commendation = (id: string, level: string): Commendation => ({ ...meta, id, date: `${YEAR}-03-01`, name: '刘芳', honour: '优秀共产党员', level });
  const publicity = (id: string, outlet: string, date = `${YEAR}-03-05`): Publicity => ({ ...meta, id, date, title: '稿件', outlet });

  it('states the year’s visits (人次, people, 慰问金), commendations by level and publicity by outlet', () => {
    const data = {
      ...base,
      careVisits: [visit('v1', '王建国', 50_000), visit('v2', '王建国', 30_000), visit('v3', '李秀英', 20_050), visit('v0', '张三', 99_900, `${YEAR - 1}-12-31`)],
      commendations: [commendation('c1', '市直机关'), commendation('c2', '市直机关'), commendation('c3', '省级')],
      publicity: [publicity('p1', '市直机关党建网'), publicity('p2', '市直机关党建网'), publicity('p3', '某某日报')],
    } satisfies UnitReportData;
    const text = annualText(data);
    expect(text).toContain(
      '关怀激励和宣传方面，本年度走访慰问3人次（2人），发放慰问金1000.50元；获表彰3项（市直机关2项、省级1项）；在市直机关党建网、某某日报刊发宣传稿件3篇。',
    );
    // who was visited and why (health details) stay in the ledger, never in a report sent to the 工委
    expect(text).not.toContain('王建国');
    expect(text).not.toContain('因病住院');
  });

  it('says “无” in words for each kind the ledger has none of, and counts nothing after 截至', () => {
    // 截至 mid-year: a visit after it is not counted yet
    const data = {
      ...base,
      asOf: `${YEAR}-06-30`,
      careVisits: [visit('v9', '王建国', 10_000, `${YEAR}-09-01`)],
      commendations: [],
      publicity: [publicity('p1', '')],
    } satisfies UnitReportData;
    expect(annualText(data)).toContain('关怀激励和宣传方面，本年度台账中无走访慰问记录；无获表彰记录；刊发宣传稿件1篇。');
    const none = { ...base, careVisits: [], commendations: [], publicity: [] } satisfies UnitReportData;
    expect(annualText(none)).toContain('关怀激励和宣传方面，本年度台账中无走访慰问记录；无获表彰记录；无宣传稿件刊发记录。');
  });
});
