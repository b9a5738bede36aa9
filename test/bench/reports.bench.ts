/**
 * Report generation for the LARGEST unit of the synthetic `city` (seed 1, 2026): the annual report
 * and the roster, our builder + pdfmake render against bare pdfmake rendering the same document
 * definition (fonts already loaded in both), so the cost of our code (figures from shared/rules,
 * the grid line breaker, the document definition) is visible next to pdfmake's own.
 *
 *     npm run bench -- reports
 */
import pdfmake from 'pdfmake';
import type { PdfDocumentDefinition } from '../../shared/reports/pdfTypes';
import { buildAnnualReport } from '../../shared/reports/annualReport';
import { BUNDLED_FONT_SET, pdfFontDictionary } from '../../shared/reports/fonts';
import { computeAnnualFigures, unitReportData, type UnitReportData } from '../../shared/reports/reportData';
import { buildRoster } from '../../shared/reports/roster';
import { loadFonts, renderPdf, toPdfmake } from '../../scripts/cli/renderPdf';
import { generateUnits, planUnits } from '../fixtures/generator';

const RUNS = 4;
const OPTIONS = { size: 'city', seed: 1, year: 2026 } as const;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function time<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await f();
  return [out, performance.now() - t0];
}

function largestUnit(): UnitReportData {
  const plans = planUnits(OPTIONS);
  const largest = plans.reduce((a, b) => (b.members > a.members ? b : a));
  for (const u of generateUnits(OPTIONS)) {
    if (u.unit.name !== largest.name) continue;
    const data = unitReportData(u.records, { unitId: u.unit.id, year: 2026, committeeName: '中共市委直属机关工委' });
    if (data === null) break;
    return data;
  }
  throw new Error('largest unit not generated');
}

async function bare(definition: PdfDocumentDefinition): Promise<number> {
  pdfmake.setFonts(pdfFontDictionary(BUNDLED_FONT_SET));
  const buffer = await pdfmake.createPdf(toPdfmake(definition)).getBuffer();
  return buffer.length;
}

const ms = (x: number): string => `${x.toFixed(0).padStart(6)} ms`;

async function compare(name: string, build: () => PdfDocumentDefinition): Promise<void> {
  const builds: number[] = [];
  const renders: number[] = [];
  const bares: number[] = [];
  let bytes = 0;
  const ours = async (): Promise<void> => {
    const [def, tBuild] = await time(build);
    const [pdf, tRender] = await time(() => renderPdf(def, BUNDLED_FONT_SET));
    bytes = pdf.length;
    builds.push(tBuild);
    renders.push(tRender);
  };
  const theirs = async (): Promise<void> => {
    // pdfmake changes the definition it lays out: bare pdfmake gets a fresh one (built untimed)
    const fresh = build();
    const [, tBare] = await time(() => bare(fresh));
    bares.push(tBare);
  };
  // alternate which goes first, so that neither always pays for the other's garbage
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      await ours();
      await theirs();
    } else {
      await theirs();
      await ours();
    }
  }
  const b = median(builds);
  const r = median(renders);
  const base = median(bares);
  console.log(`${name}（${Math.round(bytes / 1024)} KB，${RUNS} 次取中位数 median of ${RUNS}）`);
  console.log(`  bare pdfmake (baseline)      ${ms(base)}   1.00×`);
  console.log(`  ours: build                  ${ms(b)}   ${(b / base).toFixed(2)}×`);
  console.log(`  ours: render                 ${ms(r)}   ${(r / base).toFixed(2)}×`);
  console.log(`  ours: build + render         ${ms(b + r)}   ${((b + r) / base).toFixed(2)}×`);
}

export async function run(): Promise<void> {
  const [data, tGen] = await time(largestUnit);
  console.log(
    `最大单位 largest unit: ${data.unit.name}，党员 ${data.members.length}，党组织 ${data.organisations.length}，会议 ${data.meetings.length}，参训 ${data.enrolments.length}（生成 ${(tGen / 1000).toFixed(1)} s）`,
  );
  const [, tFonts] = await time(() => loadFonts(BUNDLED_FONT_SET));
  console.log(`字体读取 fonts read once per process: ${ms(tFonts)}`);
  const [, tFigures] = await time(() => computeAnnualFigures(data));
  console.log(`年度数据 annual figures (shared/rules) alone: ${ms(tFigures)}`);
  // warm-up: first parse of each font file by fontkit, JIT
  await renderPdf(buildAnnualReport(data), BUNDLED_FONT_SET);
  await compare('年度报告 annual report', () => buildAnnualReport(data));
  await compare('党员花名册 roster', () => buildRoster(data));
}
