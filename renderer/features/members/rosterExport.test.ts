import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../shared/model/idNumber';
import { compareNames } from '../../../shared/rules/naturalOrder';
import { generateCity } from '../../../test/fixtures/generator';
import { ROSTER_EXPORT_HEADERS, rosterExportRows, rosterWorkbook } from './rosterExport';
import type { SheetCell } from '../../../shared/roster/sheetCell';
import { readRosterWorkbook } from '../../../shared/roster/xlsxRead';

/** The first sheet as plain values (text, numbers), '' for an empty cell. */
function readFirstSheet(bytes: Uint8Array): unknown[][] {
  const r = readRosterWorkbook(bytes);
  if (!r.ok) throw new Error(r.error.message);
  const plain = (c: SheetCell | null) => (c === null ? '' : c.t === 'number' ? c.value : c.t === 'text' ? c.text : c.t === 'date' ? c.date : String(c));
  return r.value.rows.map((row) => Array.from({ length: ROSTER_EXPORT_HEADERS.length }, (_, i) => plain(row.cells[i] ?? null)));
}

const unit = generateCity({ size: 'small', seed: 1, year: 2026 }).units[0]!;
const members = unit.records.member ?? [];
const organisations = unit.records.organisation ?? [];
const orgName = new Map(organisations.map((o) => [o.id, o.name]));
const col = (header: string) => ROSTER_EXPORT_HEADERS.indexOf(header);

describe('rosterExportRows', () => {
  it('one row per member under the headers, numbered, by organisation (natural order) and then name', () => {
    const rows = rosterExportRows(members, organisations, false);
    expect(rows).toHaveLength(members.length);
    for (const row of rows) expect(row).toHaveLength(ROSTER_EXPORT_HEADERS.length);
    expect(rows.map((r) => r[0])).toEqual(members.map((_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      const byOrg = compareNames(String(a[col('所在支部')]), String(b[col('所在支部')]));
      expect(byOrg, `${String(a[col('所在支部')])} / ${String(b[col('所在支部')])}`).toBeLessThanOrEqual(0);
      if (byOrg === 0) expect(String(a[col('姓名')]).localeCompare(String(b[col('姓名')]), 'zh-CN')).toBeLessThanOrEqual(0);
    }
  });

  it('masks ID and phone numbers unless the full roster is chosen; codes become Chinese labels', () => {
    const withPhone = members.find((m) => m.phone)!;
    const masked = rosterExportRows([withPhone], organisations, false)[0]!;
    const full = rosterExportRows([withPhone], organisations, true)[0]!;
    expect(masked[col('身份证号')]).toBe(maskIdNumber(withPhone.idNumber));
    expect(masked[col('身份证号')]).not.toBe(withPhone.idNumber);
    expect(String(masked[col('联系电话')])).toMatch(/\*{4}/);
    expect(full[col('身份证号')]).toBe(withPhone.idNumber);
    expect(full[col('联系电话')]).toBe(withPhone.phone);
    expect(masked[col('所在支部')]).toBe(orgName.get(withPhone.organisationId));
    expect(['男', '女']).toContain(masked[col('性别')]);
    expect(['正式党员', '预备党员']).toContain(masked[col('党员类别')]);
    // the birth date beside the masked number is the year only: together they cannot rebuild it
    expect(masked[col('出生日期')]).toBe(`${withPhone.birthDate.slice(0, 4)}年`);
    expect(full[col('出生日期')]).toBe(withPhone.birthDate);
    const all = rosterExportRows(members, organisations, false).map((r) => r.join('|')).join('\n');
    expect(all).not.toMatch(/\d{17}[\dX]/);
    for (const m of members) expect(all).not.toContain(m.birthDate);
  });

  it('leaves blanks for a missing phone, conversion date, cadre post or organisation', () => {
    const bare = { ...members[0]!, phone: '', convertedOn: null, cadre: null, organisationId: 'gone' };
    const row = rosterExportRows([bare], organisations, false)[0]!;
    expect(row[col('联系电话')]).toBe('');
    expect(row[col('转正时间')]).toBe('');
    expect(row[col('党务干部')]).toBe('');
    expect(row[col('所在支部')]).toBe('');
  });
});

describe('rosterWorkbook', () => {
  it('is an .xlsx whose first sheet reads back as the headers and the rows', async () => {
    const bytes = await rosterWorkbook(members, organisations, false);
    const sheet = readFirstSheet(bytes);
    expect(sheet[0]).toEqual(ROSTER_EXPORT_HEADERS);
    expect(sheet.slice(1)).toEqual(rosterExportRows(members, organisations, false));
  });
});
