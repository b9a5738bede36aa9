/**
 * 红黄牌台账 as .xlsx: the register's title, its summary sentence (截至, how many cards, closed and
 * open), then the header (bold, frozen) and one row per card, oldest first — the same rows as the
 * printed register (shared/reports/committeeRegisters.ts cardRegisterTable).
 */
import { CARD_REGISTER_HEADERS, type CardRegisterTable } from '../../../shared/reports/committeeRegisters';
import { excel } from '../common/xlsxWorkbook';

/** The header row's number (1-based) in the sheet. */
export const CARD_REGISTER_HEADER_ROW = 4;

export function cardRegisterFileName(table: CardRegisterTable, asOf: string): string {
  return `${table.title}_${asOf}.xlsx`;
}

export async function writeCardRegisterWorkbook(table: CardRegisterTable): Promise<Uint8Array> {
  const { Workbook } = await excel();
  const workbook = new Workbook();
  workbook.creator = '机关党建台账';
  const sheet = workbook.addWorksheet('红黄牌台账');
  sheet.addRow([table.title]);
  sheet.addRow([table.summary]);
  sheet.addRow([]);
  sheet.addRow([...CARD_REGISTER_HEADERS]);
  for (const row of table.rows) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(CARD_REGISTER_HEADER_ROW).font = { bold: true };
  [6, 6, 30, 36, 16, 24, 36].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.views = [{ state: 'frozen', ySplit: CARD_REGISTER_HEADER_ROW }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
