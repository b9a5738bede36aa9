/**
 * 季度考核计分表 as .xlsx (the file the 工委 files or forwards): the title with the state of the
 * quarter (未发布（预览） or 已发布) in the first row, the sentence naming the day it was computed or
 * published in the second, then the table's header (bold, frozen) and one row per unit best first
 * (shared/reports/quarterScoreReport.ts), and the note on the scores last. The sheet's and the
 * file's names say 预览 too, so that a preview is never taken for the published result.
 */
import {
  QUARTER_SCORE_NOTE,
  quarterScoreHeaders,
  quarterScoreRows,
  quarterScoreStatement,
  quarterStatusLabel,
  type QuarterScorePrint,
} from '../../../shared/reports/quarterScoreReport';
import { excel } from '../common/xlsxWorkbook';

const preview = (print: QuarterScorePrint): boolean => print.status.kind === 'preview';

export function quarterScoreFileName(print: QuarterScorePrint, ext: 'xlsx' | 'pdf'): string {
  return `${print.label}考核计分表${preview(print) ? '（未发布预览）' : ''}.${ext}`;
}

/** The sheet's rows from the top: title, statement, blank, header, units, blank, note. */
export function quarterScoreSheetRows(print: QuarterScorePrint): (string | number)[][] {
  return [
    [`${print.label}机关党建考核计分表【${quarterStatusLabel(print.status)}】`],
    [quarterScoreStatement(print)],
    [],
    quarterScoreHeaders(print),
    ...quarterScoreRows(print),
    [],
    [QUARTER_SCORE_NOTE],
  ];
}

/** The header row's number (1-based) in the sheet. */
export const HEADER_ROW = 4;

export async function writeQuarterScoreWorkbook(print: QuarterScorePrint): Promise<Uint8Array> {
  const { Workbook } = await excel();
  const workbook = new Workbook();
  workbook.creator = '机关党建台账';
  const sheet = workbook.addWorksheet(`${print.label}${preview(print) ? '（预览）' : ''}`);
  for (const row of quarterScoreSheetRows(print)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true, size: 14 };
  if (preview(print)) sheet.getRow(1).getCell(1).font = { bold: true, size: 14, color: { argb: 'FFC00000' } };
  sheet.getRow(HEADER_ROW).font = { bold: true };
  const headers = quarterScoreHeaders(print);
  headers.forEach((h, i) => {
    sheet.getColumn(i + 1).width = i === 1 ? 28 : Math.max(8, h.length * 2 + 2);
  });
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
