/**
 * The rows a roster import skipped, as an .xlsx to give back to the cadre: the file's own columns
 * (so it imports again as it is), then 原行号 and 原因. The ID number column is formatted as text,
 * so that numbers typed into it again stay text and keep all 18 characters.
 */
import { problemRowsTable, type RosterPlan } from '../../../shared/roster/rosterImport';
import type { SheetCell } from '../../../shared/roster/sheetCell';
import { excel } from '../common/xlsxWorkbook';

function cellValue(cell: SheetCell | null): string | number | boolean | Date | null {
  if (!cell) return null;
  switch (cell.t) {
    case 'text':
      return cell.text;
    case 'number':
      return cell.value; // an ID number that was a number stays one: it must be typed again
    case 'date':
      return new Date(`${cell.date}T00:00:00Z`);
    case 'bool':
      return cell.value;
    case 'error':
      return cell.text;
    case 'formula':
      return `公式：=${cell.formula}`;
  }
}

export async function problemRowsWorkbook(plan: RosterPlan): Promise<Uint8Array> {
  const { headers, rows } = problemRowsTable(plan);
  const { Workbook } = await excel();
  const workbook = new Workbook();
  workbook.creator = '机关党建台账';
  const sheet = workbook.addWorksheet('未导入的行');
  sheet.addRow(headers).font = { bold: true };
  for (const r of rows) sheet.addRow([...r.cells.map(cellValue), r.rowNumber, r.reason]);
  const idColumn = plan.mapping.idNumber;
  sheet.columns.forEach((col, i) => {
    col.width = i === headers.length - 1 ? 80 : Math.max(10, (headers[i]?.length ?? 4) * 2 + 4);
    if (i === idColumn) {
      col.width = 22;
      col.numFmt = '@';
    }
  });
  for (const r of rows.keys()) {
    for (const [i, cell] of rows[r]!.cells.entries()) if (cell?.t === 'date') sheet.getRow(r + 2).getCell(i + 1).numFmt = 'yyyy-mm-dd';
  }
  sheet.getColumn(headers.length).alignment = { wrapText: true, vertical: 'top' };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
