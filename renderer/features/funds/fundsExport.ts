/**
 * 经费保障 of a year to an .xlsx workbook (ExcelJS, as the other exports): sheet 预算执行 (one row per
 * budget line: budget, spent, remaining, share, then 合计) and sheet 支出明细 (one row per expense,
 * then 合计). Amounts are 元 with two decimals, computed from integer 分 (sums in 分, then ÷ 100).
 */
import type { Expense, FundLine } from '../../../shared/model/funds';
import { voucherNumber } from '../../../shared/model/funds';
import { shareText, type FundUsage } from '../../../shared/rules/duties/funds';
import { platform } from '../../platform';
import { excel } from '../common/xlsxWorkbook';

export const LINE_HEADERS = ['序号', '预算科目', '专项经费', '预算金额（元）', '已支出（元）', '剩余（元）', '执行率', '支出笔数', '超支'] as const;
export const EXPENSE_HEADERS = ['序号', '支出日期', '预算科目', '用途', '凭证号', '金额（元）'] as const;

/** 分 as a number of 元 for a cell (shown with two decimals). */
const cellYuan = (fen: number): number => fen / 100;

export function lineSheetRows(usage: FundUsage): unknown[][] {
  const rows: unknown[][] = usage.lines.map((l, i) => [
    i + 1,
    l.name,
    l.special ? '是' : '',
    cellYuan(l.budgetFen),
    cellYuan(l.spentFen),
    cellYuan(l.remainingFen),
    shareText(l.share),
    l.expenseCount,
    l.over ? '超支' : '',
  ]);
  rows.push([
    '合计',
    '',
    '',
    cellYuan(usage.budgetFen),
    cellYuan(usage.spentFen),
    cellYuan(usage.budgetFen - usage.spentFen),
    shareText(usage.share),
    usage.lines.reduce((s, l) => s + l.expenseCount, 0),
    usage.overLines.length > 0 ? `${usage.overLines.length} 项超支` : '',
  ]);
  return rows;
}

export function expenseSheetRows(expenses: readonly Expense[], lineNames: ReadonlyMap<string, string>): unknown[][] {
  const rows: unknown[][] = expenses.map((e, i) => [i + 1, e.date, lineNames.get(e.fundLineId) ?? '', e.purpose, voucherNumber(e), cellYuan(e.amountFen)]);
  rows.push(['合计', '', '', `${expenses.length} 笔`, '', cellYuan(expenses.reduce((s, e) => s + e.amountFen, 0))]);
  return rows;
}

export function fundsFileName(unitName: string, year: number): string {
  return `${unitName}_${year}年党建经费.xlsx`;
}

/** The workbook's bytes: the year's lines and the expenses on them (in the order given). */
export async function fundsWorkbook(usage: FundUsage, lines: readonly FundLine[], expenses: readonly Expense[]): Promise<Uint8Array> {
  const { Workbook } = await excel();
  const workbook = new Workbook();
  workbook.creator = '机关党建台账';
  const money = '#,##0.00';
  const add = (name: string, headers: readonly string[], rows: unknown[][], moneyColumns: readonly number[], widths: readonly number[]) => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([...headers]).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
    sheet.lastRow!.font = { bold: true };
    sheet.columns.forEach((col, i) => {
      col.width = widths[i] ?? 12;
      if (moneyColumns.includes(i + 1)) col.numFmt = money;
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };
  add(`${usage.year}年预算执行`, LINE_HEADERS, lineSheetRows(usage), [4, 5, 6], [6, 28, 10, 16, 16, 16, 10, 10, 10]);
  const names = new Map(lines.map((l) => [l.id, l.name] as const));
  add(`${usage.year}年支出明细`, EXPENSE_HEADERS, expenseSheetRows(expenses, names), [6], [6, 12, 24, 40, 18, 16]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export async function exportFunds(unitName: string, usage: FundUsage, lines: readonly FundLine[], expenses: readonly Expense[]): Promise<void> {
  const bytes = await fundsWorkbook(usage, lines, expenses);
  await platform().saveFile(fundsFileName(unitName, usage.year), bytes, [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
}
