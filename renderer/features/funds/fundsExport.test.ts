import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Expense, FundLine } from '../../../shared/model/funds';
import { fundUsage } from '../../../shared/rules/duties/funds';
import { expenseSheetRows, fundsFileName, fundsWorkbook, lineSheetRows } from './fundsExport';

const meta = { unitId: 'u', rev: 'r', deleted: false, updatedBy: '张敏', createdAt: '2026-01-01T00:00:00.000Z' };
const lines: FundLine[] = [
  { ...meta, id: 'a', year: 2026, name: '三会一课', budgetFen: 30 },
  { ...meta, id: 'b', year: 2026, name: '专项经费', budgetFen: 100_000, special: true },
];
const expenses: Expense[] = [
  { ...meta, id: 'e1', fundLineId: 'a', date: '2026-03-01', amountFen: 10, purpose: '资料', voucherNo: '记-1' },
  { ...meta, id: 'e2', fundLineId: 'a', date: '2026-03-02', amountFen: 20, purpose: '资料' },
  { ...meta, id: 'e3', fundLineId: 'b', date: '2026-04-01', amountFen: 100_001, purpose: '基地' },
];

describe('经费保障 export', () => {
  it('one row per line and per expense, then 合计 rows summed in 分', () => {
    const usage = fundUsage(lines, expenses, 2026);
    const rows = lineSheetRows(usage);
    expect(rows.map((r) => r[1])).toEqual(['三会一课', '专项经费', '']);
    expect(rows[2]!.slice(0, 6)).toEqual(['合计', '', '', 1000.3, 1000.31, -0.01]);
    expect(rows[0]!.slice(3, 9)).toEqual([0.3, 0.3, 0, '100.0%', 2, '']);
    expect(rows[1]![8]).toBe('超支');
    const ex = expenseSheetRows(expenses, new Map(lines.map((l) => [l.id, l.name] as const)));
    expect(ex.map((r) => r[4])).toEqual(['记-1', '', '', '']);
    expect(ex.at(-1)).toEqual(['合计', '', '', '3 笔', '', 1000.31]);
    expect(fundsFileName('市财政局', 2026)).toBe('市财政局_2026年党建经费.xlsx');
  });

  it('writes a workbook whose money cells show two decimals', async () => {
    const usage = fundUsage(lines, expenses, 2026);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fundsWorkbook(usage, lines, expenses)).buffer as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['2026年预算执行', '2026年支出明细']);
    const sheet = wb.getWorksheet('2026年预算执行')!;
    expect(sheet.getRow(4).getCell(1).value).toBe('合计');
    expect(sheet.getRow(4).getCell(5).value).toBe(1000.31);
    expect(sheet.getRow(4).getCell(5).numFmt).toBe('#,##0.00');
  });
});
