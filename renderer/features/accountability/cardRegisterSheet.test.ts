/**
 * 红黄牌台账 .xlsx, written and read back with ExcelJS: the title and the summary sentence, the
 * header (frozen), one row per card with the same text as the printed register.
 */
import { describe, expect, it } from 'vitest';
import type { Card, Rectification } from '../../../shared/model';
import { CARD_REGISTER_HEADERS, cardRegisterTable } from '../../../shared/reports/committeeRegisters';
import { excel } from '../common/xlsxWorkbook';
import { CARD_REGISTER_HEADER_ROW, cardRegisterFileName, writeCardRegisterWorkbook } from './cardRegisterSheet';

const ids = (n: number) => `0195f0a2-7c1e-7000-8000-${String(n).padStart(12, '0')}`;
const card = (n: number, colour: 'yellow' | 'red', issuedOn: string, unitId: string): Card => ({
  id: ids(n),
  unitId,
  rev: '0',
  deleted: false,
  updatedBy: '李工',
  createdAt: `${issuedOn}T02:00:00.000Z`,
  subjectKind: 'unit',
  subjectId: unitId,
  trigger: `事由${n}`,
  colour,
  issuer: '中共示范市委直属机关工委',
  issuedOn,
  fixBy: '2026-12-31',
  fixStatus: 'pending',
  closedOn: null,
  consequences: [],
  evidence: '',
});

describe('红黄牌台账 .xlsx', () => {
  it('holds the printed register: title, summary, header and the cards oldest first', async () => {
    const input = {
      cards: [card(2, 'red', '2026-11-02', ids(902)), card(1, 'yellow', '2026-09-15', ids(901))],
      answers: [] as Rectification[],
      unitNames: new Map([
        [ids(901), '市财政局'],
        [ids(902), '市审计局'],
      ]),
      organisationNames: new Map<string, string>(),
    };
    const table = cardRegisterTable(input, { committeeName: '中共示范市委直属机关工委', asOf: '2026-12-06', year: 2026 });
    const { Workbook } = await excel();
    const book = new Workbook();
    await book.xlsx.load((await writeCardRegisterWorkbook(table)).buffer as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual(['中共示范市委直属机关工委2026年度红黄牌台账']);
    expect(String(row(2)[0])).toBe(table.summary);
    expect(table.summary).toContain('共亮牌2张（红牌1张、黄牌1张）');
    expect(row(CARD_REGISTER_HEADER_ROW)).toEqual([...CARD_REGISTER_HEADERS]);
    expect(row(CARD_REGISTER_HEADER_ROW + 1).slice(0, 5)).toEqual(['1', '黄牌', '市财政局', '事由1', '2026年9月15日']);
    expect(row(CARD_REGISTER_HEADER_ROW + 2).slice(0, 3)).toEqual(['2', '红牌', '市审计局']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: CARD_REGISTER_HEADER_ROW });
    expect(cardRegisterFileName(table, '2026-12-06')).toBe('中共示范市委直属机关工委2026年度红黄牌台账_2026-12-06.xlsx');
  });

  it('refuses a year without cards in words (nothing to export)', () => {
    expect(() => cardRegisterTable({ cards: [], answers: [], unitNames: new Map(), organisationNames: new Map() }, { committeeName: '工委', asOf: '2026-12-06', year: 2025 })).toThrow('2025年没有发出红黄牌');
  });
});
