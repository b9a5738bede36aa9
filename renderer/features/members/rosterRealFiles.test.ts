/**
 * 花名册 as offices really keep them (issue 16): real .xlsx files made here with ExcelJS (and, for
 * the zip bomb, fflate), read by the app's reader (shared/roster/xlsxRead.ts), planned by
 * shared/roster, applied to Dexie (fake-indexeddb) — year-month birth dates, ID numbers stored as
 * numbers, hidden sheets, totals rows, formulas without results, lost leading zeros, 学历/备注,
 * the problem rows given back as .xlsx and imported again, and bounded reading.
 */
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../../shared/model/idNumber';
import { memberEducation, memberNote, type Member } from '../../../shared/model/member';
import { validateRecord } from '../../../shared/model/validate';
import { ROSTER_LIMITS } from '../../../shared/roster/limits';
import { planRosterImport, type RosterContext, type RosterPlan } from '../../../shared/roster/rosterImport';
import { readRosterWorkbook } from '../../../shared/roster/xlsxRead';
import { openDatabase, type TaizhangDb } from '../../db/db';
import { applyRosterPlan } from '../../db/memberRepository';
import { createOrganisation } from '../../db/organisationRepository';
import { completeSetup } from '../../db/workspaceRepository';
import { openWriteContext, type WriteContext } from '../../db/writeContext';
import { readRosterFile } from '../../workers/rosterReadClient';
import { problemRowsWorkbook } from './rosterProblems';

/** A checksum-valid fake ID number for a birth date and a sequence (odd = male). */
function idNumber(birth: string, seq: number): string {
  const first17 = `411302${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

type Rows = unknown[][];
interface SheetSpec {
  name: string;
  rows: Rows;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Cell formats by address, e.g. { F2: '@' }. */
  numFmt?: Record<string, string>;
}

async function workbook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
    for (const r of s.rows) ws.addRow(r);
    for (const [addr, fmt] of Object.entries(s.numFmt ?? {})) ws.getCell(addr).numFmt = fmt;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const xlsx = (rows: Rows) => workbook([{ name: '花名册', rows }]);

const HEADER = ['序号', '姓名', '性别', '民族', '出生年月', '身份证号', '入党时间', '转正时间', '所在支部', '联系电话', '学历', '职务', '备注'];
const person = (n: number, name: string, birth: unknown, id: unknown, extra: Partial<Record<'phone' | 'education' | 'post' | 'note' | 'gender' | 'joined', unknown>> = {}) => [
  n, name, extra.gender ?? '', '汉族', birth, id, extra.joined ?? '2008-07-01', '2009-07-01', '第一党支部', extra.phone ?? '', extra.education ?? '大学本科', extra.post ?? '科员', extra.note ?? '',
];

let db: TaizhangDb;
let ctx: WriteContext;
let n = 0;
let branchId = '';

beforeEach(async () => {
  db = openDatabase(`test-roster-real-${++n}`);
  await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 180, partyGroupKind: 'partyGroup' });
  ctx = await openWriteContext(db);
  const org = await createOrganisation(ctx, {
    name: '第一党支部', kind: 'branch', parentId: null, foundedOn: '2010-01-01', dissolvedOn: null, termStart: '2024-01-01',
    termYears: 3, termEnd: null, extension: null, approvalNo: '', approvedOn: null,
  });
  if (!org.ok) throw new Error(org.error.message);
  branchId = org.value.id;
});
afterEach(async () => {
  await db.delete();
});

async function context(): Promise<RosterContext> {
  const members = (await db.member.toArray()).filter((m) => !m.deleted);
  return {
    organisationsByName: new Map([['第一党支部', branchId]]),
    existingByIdNumber: new Map(members.map((m) => [m.idNumber, { id: m.id, idNumber: m.idNumber, record: m }])),
    asOf: '2026-11-28',
  };
}

function read(bytes: Uint8Array, sheetIndex?: number) {
  const r = readRosterWorkbook(bytes, sheetIndex === undefined ? {} : { sheetIndex });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function plan(bytes: Uint8Array): Promise<RosterPlan> {
  const r = planRosterImport(read(bytes).rows, await context());
  if (!r.ok) throw new Error(r.problem.message);
  return r.plan;
}

const byName = (p: RosterPlan, name: string) => p.rows.find((r) => r.name === name)!;

async function apply(p: RosterPlan) {
  const r = await applyRosterPlan(ctx, p);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function member(name: string): Promise<Member> {
  return (await db.member.toArray()).find((m) => m.name === name)!;
}

describe('year-month birth dates (出生年月)', () => {
  it('a year-month that agrees with the ID number takes the day from it, in every spelling; one that disagrees is refused with the reason', async () => {
    const p = await plan(
      await xlsx([
        HEADER,
        person(1, '王芳', '1986.05', idNumber('1986-05-12', 22)),
        person(2, '李强', '1986年5月', idNumber('1986-05-23', 13)),
        person(3, '赵敏', 1990.1, idNumber('1990-10-02', 42)), // typed 1990.10 into a General cell: Excel keeps 1990.1
        person(4, '钱进', '1979-03', idNumber('1979-03-30', 11)),
        person(5, '孙丽', '1986.06', idNumber('1986-05-12', 24)),
      ]),
    );
    expect(p.counts).toEqual({ add: 4, update: 0, unchanged: 0, skip: 1 });
    expect(byName(p, '王芳').warnings).toContain('出生年月只有年月，已按身份证号补全为 1986-05-12');
    expect(byName(p, '王芳').reasons).toEqual([]);
    expect(byName(p, '赵敏').warnings).toContain('出生年月只有年月，已按身份证号补全为 1990-10-02');
    expect(byName(p, '孙丽').reasons).toEqual(['出生年月“1986.06”与身份证号中的出生日期（1986-05-12）不一致，请核对']);
    await apply(p);
    expect((await member('王芳')).birthDate).toBe('1986-05-12');
    expect((await member('李强')).birthDate).toBe('1986-05-23');
    expect((await member('赵敏')).birthDate).toBe('1990-10-02');
    expect((await member('钱进')).birthDate).toBe('1979-03-30');
  });
});

describe('ID numbers stored as numbers', () => {
  it('never become an ID number — not even the ones whose zeroed digits happen to pass the checksum — and say how to fix it in Excel/WPS', async () => {
    // an ID whose last three digits are 000 and still checksum-valid: what a number cell would keep of a real one
    let lucky = '';
    for (let day = 10; day <= 28 && !lucky; day++) {
      for (let seq = 1; seq <= 9 && !lucky; seq++) {
        const first17 = `411302196102${day}${seq}00`;
        if (idNumberCheckChar(first17) === '0') lucky = `${first17}0`;
      }
    }
    expect(lucky).toMatch(/^\d{15}000$/);
    const real = idNumber('1961-02-02', 137);
    const p = await plan(
      await xlsx([
        HEADER,
        person(1, '王芳', '', Number(real)), // a number cell (what Excel does to an unquoted 18-digit number, shown 4.11302E+17)
        person(2, '李强', '', Number(lucky)), // a number whose text passes every check
        person(3, '赵敏', '', '4.11302196102020E+17'), // the scientific text WPS writes when such a column is made text afterwards
        person(4, '钱进', '', `${real.slice(0, 15)}000`), // the digits re-typed from what Excel showed
      ]),
    );
    expect(p.counts).toEqual({ add: 0, update: 0, unchanged: 0, skip: 4 });
    for (const name of ['王芳', '李强']) {
      const reasons = byName(p, name).reasons.join('；');
      expect(reasons).toMatch(/^身份证号被存成了数字（文件中为 4\.\d{14}E\+1[67]），超过15位的数字末几位已经丢失/);
      expect(reasons).toContain('设置单元格格式为“文本”后重新录入');
      expect(reasons).not.toContain('校验位');
    }
    expect(byName(p, '赵敏').reasons[0]).toContain('科学计数法“4.11302196102020E+17”');
    if (idNumberCheckChar(`${real.slice(0, 15)}00`) !== '0') expect(byName(p, '钱进').reasons[0]).toContain('末三位是000');
  });

  it('the cell type decides, not the text: a text cell with the full number imports', async () => {
    const id = idNumber('1961-02-02', 137);
    const p = await plan(await workbook([{ name: '花名册', rows: [HEADER, person(1, '王芳', '', id)], numFmt: { F2: '@' } }]));
    expect(p.counts.add).toBe(1);
    expect(p.rows[0]!.input!.idNumber).toBe(id);
  });
});

describe('sheets', () => {
  const current = [HEADER, person(1, '王芳', '1986.05', idNumber('1986-05-12', 22))];
  const old = [HEADER, person(1, '旧名单里的人', '1970.01', idNumber('1970-01-01', 11))];

  it('a hidden first sheet is not read: the first visible one is', async () => {
    const wb = read(await workbook([{ name: '旧花名册', rows: old, state: 'hidden' }, { name: '花名册', rows: current }]));
    expect(wb.sheets.map((s) => [s.name, s.state])).toEqual([['旧花名册', 'hidden'], ['花名册', 'visible']]);
    expect(wb.sheetIndex).toBe(1);
    const r = planRosterImport(wb.rows, await context());
    expect(r.ok && r.plan.rows.map((row) => row.name)).toEqual(['王芳']);
  });

  it('with several visible sheets the user picks one; all hidden is refused with what to do', async () => {
    const bytes = await workbook([{ name: '说明', rows: [['填表说明']] }, { name: '花名册', rows: current }, { name: '旧', rows: old, state: 'veryHidden' }]);
    expect(read(bytes).sheetIndex).toBe(0);
    expect(read(bytes).sheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual(['说明', '花名册']);
    expect(read(bytes, 1).rows[1]!.cells[1]).toEqual({ t: 'text', text: '王芳' });
    const allHidden = readRosterWorkbook(await workbook([{ name: 'a', rows: old, state: 'hidden' }]));
    expect(!allHidden.ok && allHidden.error.message).toContain('取消隐藏');
  });
});

describe('rows', () => {
  it('says every problem of a row at once, keeps warnings apart, and sets totals and signature rows aside', async () => {
    const p = await plan(
      await xlsx([
        ['市财政局机关党员花名册'],
        HEADER,
        [1, '', '男', '', '1986.07', idNumber('1986-05-12', 24), '2030-13-01', '2009-07-01', '第九党支部', '12345', '', '', ''],
        person(2, '王芳', '1986.05', idNumber('1986-05-12', 22), { phone: 37763123456 }),
        [3],
        ['合计', '共60人'],
        ['', '共 2 人'],
        ['制表人：张三', '', '', '', '', '', '', '', '审核人：李四'],
      ]),
    );
    expect(p.headerRow).toBe(2);
    expect(p.counts).toEqual({ add: 1, update: 0, unchanged: 0, skip: 1 });
    const bad = p.rows.find((r) => r.rowNumber === 3)!;
    expect(bad.reasons).toEqual(expect.arrayContaining([
      '缺少姓名',
      '所在支部“第九党支部”在本单位组织树中不存在，请先建立该党组织或改正名称',
      '出生年月“1986.07”与身份证号中的出生日期（1986-05-12）不一致，请核对',
      '入党时间“2030-13-01”不是有效日期（应写成 1985-07-01 或 1985.07 这样）',
      '性别“男”与身份证号不一致（身份证号显示为女），请核对',
      '缺少民族',
    ]));
    expect(bad.reasons.some((r) => r.startsWith('联系电话'))).toBe(true);
    expect(bad.reasons.length).toBeGreaterThanOrEqual(7);
    const good = byName(p, '王芳');
    expect(good.reasons).toEqual([]);
    expect(good.warnings).toEqual(['出生年月只有年月，已按身份证号补全为 1986-05-12', '联系电话“37763123456”开头的0丢失了（单元格是数字格式），已按“037763123456”记录，请核对']);
    expect(p.notPeople.map((r) => r.rowNumber)).toEqual([5, 6, 7, 8]);
    expect(p.notPeople[1]!.text).toBe('合计 共60人');
    const applied = await apply(p);
    expect(applied).toEqual({ added: 1, updated: 0, unchanged: 0, skipped: 1 });
    expect((await member('王芳')).phone).toBe('037763123456');
  });

  it('names aligned with spaces and ID numbers typed in full-width characters are read as meant', async () => {
    const id = idNumber('1986-05-12', 22).slice(0, 17) + 'X';
    const valid = idNumberCheckChar(id.slice(0, 17)) === 'X' ? id : idNumber('1986-05-12', 22);
    const wide = valid.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const p = await plan(await xlsx([HEADER, person(1, '王\u3000芳', '', ` ${wide} `), person(2, '阿依古丽·买买提', '', idNumber('1990-01-01', 42))]));
    expect(p.rows.map((r) => [r.name, r.action])).toEqual([['王芳', 'add'], ['阿依古丽·买买提', 'add']]);
    expect(p.rows[0]!.input).toMatchObject({ name: '王芳', idNumber: valid });
  });

  it('a formula without its saved result says so (not 缺少身份证号); one with a result is read', async () => {
    const id = idNumber('1986-05-12', 22);
    const p = await plan(
      await xlsx([
        HEADER,
        person(1, '王芳', '', { formula: 'CONCATENATE("411302",Z1)' }),
        person(2, '李强', '', { formula: 'Z2', result: idNumber('1980-01-01', 11) }),
        person(3, '赵敏', '', id, { joined: { formula: 'DATE(2008,7,1)' } }),
      ]),
    );
    expect(byName(p, '王芳').reasons).toEqual([
      '身份证号是公式（=CONCATENATE("411302",Z1)），文件中没有保存计算结果，无法读取。请在 Excel/WPS 中打开该文件保存一次，或把这一列“复制 → 选择性粘贴 → 数值”后再导入',
    ]);
    expect(byName(p, '李强').action).toBe('add');
    expect(byName(p, '赵敏').reasons[0]).toMatch(/^入党时间是公式（=DATE\(2008,7,1\)），文件中没有保存计算结果/);
  });
});

describe('columns', () => {
  it('学历 and 备注 become member fields; other columns without a field are named', async () => {
    const p = await plan(await xlsx([HEADER, person(1, '王芳', '', idNumber('1986-05-12', 22), { education: '研究生', note: '2024年由市税务局转入' })]));
    expect(p.unmappedColumns).toEqual(['职务']);
    await apply(p);
    const m = await member('王芳');
    expect([memberEducation(m), memberNote(m)]).toEqual(['研究生', '2024年由市税务局转入']);
  });

  it('a member written before 学历/备注 existed still loads, and re-importing it from a roster without those columns changes nothing', async () => {
    const header = HEADER.slice(0, 10);
    const first = await plan(await xlsx([header, person(1, '王芳', '', idNumber('1986-05-12', 22)).slice(0, 10)]));
    await apply(first);
    const stored = await member('王芳');
    expect('education' in stored).toBe(false);
    const old = { ...stored };
    expect(validateRecord('member', old).ok).toBe(true);
    expect(memberEducation(stored)).toBe('');
    const again = await plan(await xlsx([header, person(1, '王芳', '', idNumber('1986-05-12', 22)).slice(0, 10)]));
    expect(again.counts).toEqual({ add: 0, update: 0, unchanged: 1, skip: 0 });
    expect(await apply(again)).toEqual({ added: 0, updated: 0, unchanged: 1, skipped: 0 });
  });
});

describe('preview and result agree', () => {
  it('added / updated / unchanged / skipped in the preview are the result’s, whatever changed', async () => {
    const ids = [idNumber('1986-05-12', 22), idNumber('1980-01-01', 11), idNumber('1975-03-03', 31), idNumber('1990-09-09', 42)];
    await apply(await plan(await xlsx([HEADER, person(1, '甲', '', ids[0]), person(2, '乙', '', ids[1]), person(3, '丙', '', ids[2])])));
    // the same people written the ways an office re-types them: 1986.05 for a full date, 男 beside the ID's 男
    const p = await plan(
      await xlsx([
        HEADER,
        person(1, '甲', '1986.05', ids[0]), // same facts, spelled differently: unchanged
        person(2, '乙', '', ids[1], { phone: '13812345678' }), // a new phone: updated
        person(3, '丙', '', ids[2], { education: '大学专科' }), // a new 学历: updated
        person(4, '丁', '1990.09', ids[3]), // new
        person(5, '戊', '', Number(ids[3])), // refused
      ]),
    );
    expect(p.counts).toEqual({ add: 1, update: 2, unchanged: 1, skip: 1 });
    expect(byName(p, '乙').changes).toEqual(['联系电话']);
    expect(byName(p, '丙').changes).toEqual(['学历']);
    const applied = await apply(p);
    expect(applied).toEqual({ added: p.counts.add, updated: p.counts.update, unchanged: p.counts.unchanged, skipped: p.counts.skip });
  });
});

describe('problem rows', () => {
  it('download as .xlsx with a 原因 column; fixed in the file, they import', async () => {
    const real = idNumber('1961-02-02', 137);
    const p = await plan(
      await xlsx([
        ['市财政局机关党员花名册'],
        HEADER,
        person(1, '王芳', '1986.05', idNumber('1986-05-12', 22)),
        person(2, '李强', '', Number(real)),
        person(3, '赵敏', '1990.05', idNumber('1990-05-05', 42), { joined: '2030-13-01' }),
      ]),
    );
    expect(p.counts).toEqual({ add: 1, update: 0, unchanged: 0, skip: 2 });
    await apply(p);
    const back = read(await problemRowsWorkbook(p));
    const header = back.rows[0]!.cells.map((c) => (c?.t === 'text' ? c.text : ''));
    expect(header).toEqual([...HEADER, '原行号', '原因']);
    expect(back.rows).toHaveLength(3);
    const li = back.rows[1]!.cells;
    expect(li[1]).toEqual({ t: 'text', text: '李强' });
    expect(li[5]?.t).toBe('number'); // still a number: it has to be typed again
    expect(li[13]).toEqual({ t: 'number', value: 4, text: '4' });
    expect(li[14]?.t === 'text' && li[14].text).toContain('设置单元格格式为“文本”');

    // the cadre types the ID again (as text, the column is formatted so) and corrects the date
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await problemRowsWorkbook(p)).buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getColumn(6).numFmt).toBe('@');
    ws.getCell('F2').value = real;
    ws.getCell('G3').value = '2008-07-01';
    const fixed = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const again = await plan(fixed);
    expect(again.unmappedColumns).toEqual(['职务']);
    expect(again.counts).toEqual({ add: 2, update: 0, unchanged: 0, skip: 0 });
    expect(await apply(again)).toEqual({ added: 2, updated: 0, unchanged: 0, skipped: 0 });
    expect((await member('李强')).idNumber).toBe(real);
  });
});

describe('bounded reading', () => {
  /** A zip whose one part inflates to `bytes` of XML-like text: a few hundred KB on disk. */
  function bomb(bytes: number): Uint8Array {
    const unit = strToU8('<row><c t="inlineStr"><is><t>0</t></is></c></row>'.repeat(1000));
    const part = new Uint8Array(bytes);
    for (let i = 0; i + unit.length <= bytes; i += unit.length) part.set(unit, i);
    return zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': [part, { level: 9 }],
    });
  }

  it('a part that declares more than the bound is refused before anything is inflated, in Chinese, at once', () => {
    const file = bomb(ROSTER_LIMITS.maxEntryBytes + 1024 * 1024);
    expect(file.length).toBeLessThan(ROSTER_LIMITS.maxFileBytes);
    const started = performance.now();
    const r = readRosterWorkbook(file);
    const ms = performance.now() - started;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('roster-too-large');
      expect(r.error.message).toContain(`超过 ${ROSTER_LIMITS.maxEntryBytes / 1024 / 1024} MB`);
    }
    expect(ms).toBeLessThan(1000); // loosely: the bound is what matters
  });

  it('a part that lies about its size is stopped at the size it declared', () => {
    const file = bomb(8 * 1024 * 1024);
    // rewrite the sheet's declared size (central directory and local header) to 1 MB
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    const patch = (sig: number, sizeAt: number, nameAt: number, nameLenAt: number) => {
      for (let p = 0; p + 46 < file.length; p++) {
        if (view.getUint32(p, true) !== sig) continue;
        const name = new TextDecoder().decode(file.subarray(p + nameAt, p + nameAt + view.getUint16(p + nameLenAt, true)));
        if (name === 'xl/worksheets/sheet1.xml') view.setUint32(p + sizeAt, 1024 * 1024, true);
      }
    };
    patch(0x02014b50, 24, 46, 28);
    patch(0x04034b50, 22, 30, 26);
    const r = readRosterWorkbook(file, { limits: { maxEntryBytes: 2 * 1024 * 1024 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('roster-too-large');
  });

  it('the total of all parts is bounded too, and the row limit is checked while reading', async () => {
    const total = readRosterWorkbook(bomb(3 * 1024 * 1024), { limits: { maxInflatedBytes: 2 * 1024 * 1024 } });
    expect(!total.ok && total.error.kind).toBe('roster-too-large');
    const rows = [HEADER, ...Array.from({ length: 200 }, (_, i) => [i + 1, `党员${i}`])];
    const r = readRosterWorkbook(await xlsx(rows), { limits: { maxRows: 50 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('工作表超过 50 行（已读到第 61 行），不像是一个单位的花名册。请检查文件，或分批导入。');
  });

  it('refuses what is not a workbook, an old .xls or a password-protected file, saying what to do', async () => {
    const text = readRosterWorkbook(new TextEncoder().encode('姓名,身份证号\n王芳,1'));
    expect(!text.ok && text.error.kind).toBe('roster-not-xlsx');
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const xls = readRosterWorkbook(ole);
    expect(!xls.ok && xls.error.message).toContain('取消密码');
    const big = readRosterWorkbook(new Uint8Array(ROSTER_LIMITS.maxFileBytes + 1));
    expect(!big.ok && big.error.message).toContain('超过 10 MB');
  });

  it('the client reads inline where there is no Worker, with progress', async () => {
    const seen: string[] = [];
    const job = readRosterFile(await xlsx([HEADER, person(1, '王芳', '', idNumber('1986-05-12', 22))]), { onProgress: (p) => seen.push(p.phase) });
    const r = await job.promise;
    expect(r.ok && r.value.rows).toHaveLength(2);
  });
});
