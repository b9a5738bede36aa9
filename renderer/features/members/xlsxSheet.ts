/**
 * Reading and writing .xlsx with ExcelJS (loaded only when needed: it is large).
 * Reading is bounded: the file size is checked before the workbook is parsed.
 */
import { excel } from '../common/xlsxWorkbook';
import { ROSTER_LIMITS } from '../../../shared/roster/rosterImport';
import { ExpectedFailure, expectedError } from '../../../shared/errors/errors';

function cellValue(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[]; hyperlink?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return cellValue(v.result);
    if (v.text !== undefined) return cellValue(v.text);
    return '';
  }
  return value;
}

/** The first worksheet as rows of plain cell values (strings, numbers, Dates). */
export async function readFirstSheet(bytes: Uint8Array): Promise<unknown[][]> {
  if (bytes.byteLength > ROSTER_LIMITS.maxFileBytes) {
    throw new ExpectedFailure(expectedError('roster-too-large', `文件超过 ${ROSTER_LIMITS.maxFileBytes / 1024 / 1024} MB，不像是花名册。请确认选择的文件是否正确。`));
  }
  const { Workbook } = await excel();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new ExpectedFailure(expectedError('roster-not-xlsx', '无法读取该文件：它不是有效的 Excel 工作簿（.xlsx）。如果是 .xls 或 WPS 格式，请先另存为 .xlsx 再导入。'));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.rowCount > ROSTER_LIMITS.maxRows + 10) {
    throw new ExpectedFailure(expectedError('roster-too-large', `工作表有 ${sheet.rowCount} 行，超过 ${ROSTER_LIMITS.maxRows} 行的上限。请检查文件，或分批导入。`));
  }
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: unknown[] = [];
    const count = Math.min(row.cellCount, ROSTER_LIMITS.maxColumns);
    for (let c = 1; c <= count; c++) values.push(cellValue(row.getCell(c).value));
    rows[rowNumber - 1] = values;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

export { writeSheet } from '../common/xlsxWorkbook';
