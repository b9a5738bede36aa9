/**
 * The 季度考核计分表 (shared/reports/quarterScoreReport.ts), rendered and read back: the live table
 * of the synthetic city (seed 3, 2026 Q3; 市财政局's scores checked by hand in
 * shared/rules/committee/monitoring/syntheticCity.test.ts) printed as 未发布（预览） with the day it
 * was computed, each unit with rank, total and every indicator's score; the same quarter once
 * published printed without 预览 and with the day of publication; “—” for an indicator without data.
 */
import { copyFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/model';
import { buildQuarterScoreReport, NO_SCORED_UNITS, quarterScoresFromLive, quarterScoresFromPublished } from '../../shared/reports/quarterScoreReport';
import { scoreQuarter, type BundleArrival, type MonitoringRecords, type UnitQuarterInput } from '../../shared/rules/committee/monitoring';
import { NATIONAL_PROFILE_V1 } from '../../shared/rules/profile';
import { generateCity } from '../fixtures/generator';
import { expectGongwen } from './gongwenChecks';
import { orphanCharacters } from './pageEnds';
import { compact, pdfWords } from './pdfReader';
import { COMMITTEE, renderToFile } from './reportFixtures';

const city = generateCity({ size: 'city', seed: 3, year: 2026, units: 3 });
const TODAY = '2027-01-20';
const monthly: BundleArrival[] = ['01-28', '02-27', '03-28', '04-28', '05-28', '06-28', '07-28', '08-28', '09-28', '10-28', '11-28', '12-28'].map((d, i) => ({ bundleId: `m${i + 1}`, receivedOn: `2026-${d}` }));
const gap: BundleArrival[] = [{ bundleId: 'g1', receivedOn: '2026-06-28' }, { bundleId: 'g2', receivedOn: '2026-09-10' }];
const units: UnitQuarterInput[] = city.units.map((u, i) => ({
  unitId: u.unit.id,
  name: u.unit.name,
  records: u.records as MonitoringRecords,
  register: { status: 'active', enrolledOn: '2026-01-05' },
  bundles: i === 2 ? gap : monthly,
}));
const table = scoreQuarter(units, { quarter: '2026-Q3', today: TODAY, profiles: [] });
const keep = (file: string, name: string) => {
  if (process.env.TZ_KEEP_PDF) copyFileSync(file, `${process.env.TZ_KEEP_PDF}/${name}`);
};

describe('季度考核计分表, the live table', () => {
  it('is marked 未发布（预览） with the day it was computed, and prints every unit’s rank, total and indicator scores', async () => {
    const print = quarterScoresFromLive(table, NATIONAL_PROFILE_V1);
    const file = await renderToFile('quarter-scores-preview.pdf', buildQuarterScoreReport(print, { committeeName: COMMITTEE, asOf: TODAY }));
    keep(file, 'quarter-scores-preview.pdf');
    const text = compact((await expectGongwen(file)).text);
    expect(text).toContain(`${COMMITTEE}2026年第3季度机关党建考核计分表（未发布预览）`);
    expect(text).toContain("本表为2026年第3季度考核分数的未发布（预览），按2027年1月20日已收到的记录计算");
    expect(text).toContain('以发布的结果为准');
    // the headers: each indicator with its weight
    for (const i of NATIONAL_PROFILE_V1.assessment.indicators) expect(text).toContain(compact(`${i.name}（${i.weight}）`));
    // 市财政局 has no 专职党务干部 (0) and sent nothing in July and August (53.26), and ranks last
    const finance = table.units.find((u) => u.name === '市财政局')!;
    expect([finance.rank, finance.scores.cadreRatio, finance.scores.bundleTimeliness]).toEqual([3, 0, 53.26]);
    expect(text).toContain(`3市财政局${finance.total}`);
    for (const u of table.units) {
      const scores = NATIONAL_PROFILE_V1.assessment.indicators.map((i) => String(u.scores[i.id] ?? '—')).join('');
      expect(text, u.name).toContain(`${u.rank}${u.name}${u.total}${scores}`);
    }
    // signed by the committee on the day it was computed
    expect(text).toContain(`${COMMITTEE}2027年1月20日`);
    for (const p of await pdfWords(file)) expect(orphanCharacters(p)).toEqual([]);
  });

  it('refuses a quarter without units, in Chinese', () => {
    const empty = quarterScoresFromLive(scoreQuarter([], { quarter: '2026-Q3', today: TODAY, profiles: [] }), NATIONAL_PROFILE_V1);
    expect(() => buildQuarterScoreReport(empty, { committeeName: COMMITTEE, asOf: TODAY })).toThrow(NO_SCORED_UNITS);
  });
});

describe('季度考核计分表, a published quarter', () => {
  it('prints the published records with the day of publication, not marked 预览; an indicator without data is “—”', async () => {
    const assessments: Assessment[] = table.units.map((u, i) => ({
      id: `a${i}`,
      unitId: u.unitId,
      rev: '0000000000000-0000-committee',
      deleted: false,
      updatedBy: '工委',
      createdAt: '2026-10-15T02:00:00.000Z',
      quarter: '2026-Q3',
      // the first unit's cadre ratio had no data when it was published
      scores: i === 0 ? Object.fromEntries(Object.entries(u.scores).filter(([k]) => k !== 'cadreRatio')) : { ...u.scores },
      total: u.total,
    })) as Assessment[];
    const names = new Map(table.units.map((u) => [u.unitId, u.name] as const));
    expect(quarterScoresFromPublished(assessments, '2026-Q2', NATIONAL_PROFILE_V1, names)).toBeNull();
    const print = quarterScoresFromPublished(assessments, '2026-Q3', NATIONAL_PROFILE_V1, names)!;
    const file = await renderToFile('quarter-scores-published.pdf', buildQuarterScoreReport(print, { committeeName: COMMITTEE, asOf: TODAY }));
    keep(file, 'quarter-scores-published.pdf');
    const text = compact((await expectGongwen(file)).text);
    expect(text).toContain(`${COMMITTEE}2026年第3季度机关党建考核计分表`);
    expect(text).not.toContain('预览');
    expect(text).toContain('本表为2026年10月15日发布的2026年第3季度考核结果');
    const first = table.units[0]!;
    const shown = NATIONAL_PROFILE_V1.assessment.indicators.map((i) => (i.id === 'cadreRatio' ? '—' : String(first.scores[i.id]))).join('');
    expect(text).toContain(`${first.rank}${first.name}${first.total}${shown}`);
    expect(text).toContain('“—”表示该项无数据，按0分计入总分');
  });
});
