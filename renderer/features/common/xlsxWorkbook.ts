/** Writing .xlsx with ExcelJS, loaded only when needed (it is large). */
import type * as ExcelJsModule from 'exceljs';

type ExcelJs = typeof ExcelJsModule;

export async function excel(): Promise<ExcelJs> {
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return mod.default ?? mod;
}

/** A workbook with one sheet: a header row, then data rows. */
export async function writeSheet(sheetName: string, headers: readonly string[], rows: readonly (readonly unknown[])[]): Promise<Uint8Array> {
  const { Workbook } = await excel();
  const workbook = new Workbook();
  workbook.creator = '机关党建台账';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((col, i) => {
    col.width = Math.max(10, (headers[i]?.length ?? 4) * 2 + 4);
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
