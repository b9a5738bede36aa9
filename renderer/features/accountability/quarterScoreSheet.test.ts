/**
 * The 季度考核计分表 .xlsx, written and read back with ExcelJS: the title row says 未发布（预览）
 * and the next the day it was computed; the header (frozen) names each indicator with its weight;
 * each unit's row has rank, name, total and scores, “—” without data; the file's name says 预览.
 */
import { describe, expect, it } from 'vitest';
import type { QuarterScorePrint } from '../../../shared/reports/quarterScoreReport';
import { excel } from '../common/xlsxWorkbook';
import { HEADER_ROW, quarterScoreFileName, writeQuarterScoreWorkbook } from './quarterScoreSheet';

const print: QuarterScorePrint = {
  quarter: '2026-Q3',
  label: '2026年第3季度',
  status: { kind: 'preview', computedOn: '2026-10-09' },
  profile: { name: '全国默认规则', version: 1 },
  indicators: [
    { id: 'meetingCompleteness', name: '组织生活完成率', weight: 60 },
    { id: 'cadreRatio', name: '专职党务干部配备', weight: 40 },
  ],
  units: [
    { unitId: 'b', name: '市审计局', rank: 1, total: 90, scores: { meetingCompleteness: 100, cadreRatio: 75 } },
    { unitId: 'a', name: '市财政局', rank: 2, total: 48, scores: { meetingCompleteness: 80 } },
  ],
};

async function readBack(bytes: Uint8Array) {
  const { Workbook } = await excel();
  const book = new Workbook();
  await book.xlsx.load(bytes.buffer as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  return { sheet, row };
}

describe('季度考核计分表 .xlsx', () => {
  it('a live preview: marked 未发布（预览） with its day, then the ranked rows', async () => {
    const { sheet, row } = await readBack(await writeQuarterScoreWorkbook(print));
    expect(sheet.name).toBe('2026年第3季度（预览）');
    expect(row(1)).toEqual(['2026年第3季度机关党建考核计分表【未发布（预览）】']);
    expect(String(row(2)[0])).toContain('未发布（预览），按2026年10月9日已收到的记录计算');
    expect(row(HEADER_ROW)).toEqual(['名次', '单位', '总分', '组织生活完成率（60）', '专职党务干部配备（40）']);
    expect(row(HEADER_ROW + 1)).toEqual([1, '市审计局', 90, 100, 75]);
    expect(row(HEADER_ROW + 2)).toEqual([2, '市财政局', 48, 80, '—']);
    expect(String(row(HEADER_ROW + 4)[0])).toContain('“—”表示该项无数据，按0分计入总分');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(quarterScoreFileName(print, 'xlsx')).toBe('2026年第3季度考核计分表（未发布预览）.xlsx');
  });

  it('a published quarter: 已发布 with the day, no 预览 anywhere', async () => {
    const published: QuarterScorePrint = { ...print, status: { kind: 'published', publishedOn: '2026-10-15' } };
    const { sheet, row } = await readBack(await writeQuarterScoreWorkbook(published));
    expect(sheet.name).toBe('2026年第3季度');
    expect(row(1)).toEqual(['2026年第3季度机关党建考核计分表【已发布】']);
    expect(String(row(2)[0])).toContain('本表为2026年10月15日发布的2026年第3季度考核结果');
    expect(quarterScoreFileName(published, 'pdf')).toBe('2026年第3季度考核计分表.pdf');
  });
});
