/**
 * The 花名册 import as a user meets it: real .xlsx files made here with ExcelJS, read by the
 * app's reader (shared/roster/xlsxRead.ts), planned by shared/roster, applied to Dexie
 * (fake-indexeddb) in one transaction. rosterRealFiles.test.ts has the files offices really keep.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../../shared/model/idNumber';
import type { Member } from '../../../shared/model/member';
import { planRosterImport, ROSTER_LIMITS, type RosterContext } from '../../../shared/roster/rosterImport';
import { openDatabase, type TaizhangDb } from '../../db/db';
import { applyRosterPlan } from '../../db/memberRepository';
import { createOrganisation } from '../../db/organisationRepository';
import { completeSetup } from '../../db/workspaceRepository';
import { openWriteContext, type WriteContext } from '../../db/writeContext';
import { readRosterWorkbook } from '../../../shared/roster/xlsxRead';

async function readFirstSheet(bytes: Uint8Array) {
  const r = readRosterWorkbook(bytes);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { error: r.error });
  return r.value.rows;
}

/** A checksum-valid fake ID number for a birth date and a sequence (odd = male). */
function idNumber(birth: string, seq: number): string {
  const first17 = `411302${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

async function xlsx(rows: unknown[][], title?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  if (title) ws.addRow([title]);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const HEADER = ['序号', '姓名', '性别', '民族', '出生日期', '身份证号', '入党时间', '转正时间', '所在支部', '联系电话'];

let db: TaizhangDb;
let ctx: WriteContext;
let n = 0;
let branchId = '';

beforeEach(async () => {
  db = openDatabase(`test-roster-${++n}`);
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
  const members = ((await db.member.toArray()) as unknown as Member[]).filter((m) => !m.deleted);
  return {
    organisationsByName: new Map([['第一党支部', branchId]]),
    existingByIdNumber: new Map(members.map((m) => [m.idNumber, { id: m.id, idNumber: m.idNumber, record: m }])),
    asOf: '2026-11-28',
  };
}

async function plan(bytes: Uint8Array) {
  return planRosterImport(await readFirstSheet(bytes), await context());
}

describe('花名册 import', () => {
  it('imports a good file: header found under a title row, dates in several spellings, gender from the ID', async () => {
    const file = await xlsx(
      [
        HEADER,
        [1, '王芳', '女', '汉族', '1985-03-12', idNumber('1985-03-12', 22), '2008-07-01', '2009-07-01', '第一党支部', '13812345678'],
        [2, '李强', '', '回族', new Date(Date.UTC(1990, 10, 5)), idNumber('1990-11-05', 13), '2012.06', '2013年6月1日', '第一党支部', ''],
        [3, '赵敏', '女', '满族', '', idNumber('1996-01-20', 42), '20260301', '', '第一党支部', '0377-63123456'],
      ],
      '市财政局机关党员花名册（2026年）',
    );
    const r = await plan(file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.headerRow).toBe(2);
    expect(r.plan.counts).toEqual({ add: 3, update: 0, unchanged: 0, skip: 0 });
    expect(r.plan.rows[1]!.warnings).toContain('入党时间只有年月，已按当月1日记录');
    const applied = await applyRosterPlan(ctx, r.plan);
    expect(applied).toEqual({ ok: true, value: { added: 3, updated: 0, unchanged: 0, skipped: 0 } });
    const members = (await db.member.toArray()) as unknown as Member[];
    const li = members.find((m) => m.name === '李强')!;
    expect(li).toMatchObject({ gender: 'male', birthDate: '1990-11-05', joinedOn: '2012-06-01', convertedOn: '2013-06-01', membership: 'full', organisationId: branchId });
    const zhao = members.find((m) => m.name === '赵敏')!;
    expect(zhao).toMatchObject({ membership: 'probationary', convertedOn: null, birthDate: '1996-01-20', phone: '0377-63123456' });
    expect(await db.changes.where({ table: 'member' }).count()).toBe(3);
  });

  it('proposes new members of a 离退休干部党支部 as 退休 and says so; a member already on the roster keeps the status it has', async () => {
    const retirees = await createOrganisation(ctx, {
      name: '离退休干部党支部', kind: 'branch', parentId: null, foundedOn: '2010-01-01', dissolvedOn: null, termStart: '2024-01-01',
      termYears: 3, termEnd: null, extension: null, approvalNo: '', approvedOn: null,
    });
    if (!retirees.ok) throw new Error(retirees.error.message);
    const withRetirees = async (): Promise<RosterContext> => ({ ...(await context()), organisationsByName: new Map([['第一党支部', branchId], ['离退休干部党支部', retirees.value.id]]) });
    const rows = [
      HEADER,
      [1, '周建国', '男', '汉族', '1955-04-02', idNumber('1955-04-02', 11), '1978-07-01', '1979-07-01', '离退休干部党支部', ''],
      [2, '王芳', '女', '汉族', '1985-03-12', idNumber('1985-03-12', 22), '2008-07-01', '2009-07-01', '第一党支部', ''],
    ];
    const r = planRosterImport(await readFirstSheet(await xlsx(rows)), await withRetirees());
    if (!r.ok) throw new Error('the plan was refused');
    expect(r.plan.rows[0]!.warnings).toContain('所在支部“离退休干部党支部”为离退休干部党支部，已按退休党员登记；如为在职党员，导入后请在花名册中点“状态”改为在职');
    expect(r.plan.rows[1]!.warnings.join('')).not.toContain('退休');
    await applyRosterPlan(ctx, r.plan);
    const members = await db.member.toArray();
    expect(members.find((m) => m.name === '周建国')).toMatchObject({ status: 'retired', statusChangedOn: null });
    expect(members.find((m) => m.name === '王芳')).toMatchObject({ status: 'active' });
    // imported again (an active member moved into the branch keeps being 在职 until the cadre changes it)
    const moved = [HEADER, [2, '王芳', '女', '汉族', '1985-03-12', idNumber('1985-03-12', 22), '2008-07-01', '2009-07-01', '离退休干部党支部', '']];
    const again = planRosterImport(await readFirstSheet(await xlsx(moved)), await withRetirees());
    if (!again.ok) throw new Error('the plan was refused');
    expect(again.plan.rows[0]!.warnings.join('')).not.toContain('已按退休党员登记');
    await applyRosterPlan(ctx, again.plan);
    expect((await db.member.toArray()).find((m) => m.name === '王芳')).toMatchObject({ status: 'active' });
  });

  it('updates members found by ID number instead of adding them twice, and reports unchanged rows', async () => {
    const row = (phone: string) => [1, '王芳', '女', '汉族', '1985-03-12', idNumber('1985-03-12', 22), '2008-07-01', '2009-07-01', '第一党支部', phone];
    const first = await plan(await xlsx([HEADER, row('13812345678')]));
    if (!first.ok) throw new Error();
    await applyRosterPlan(ctx, first.plan);
    const second = await plan(await xlsx([HEADER, row('13900001111')]));
    if (!second.ok) throw new Error();
    expect(second.plan.counts).toEqual({ add: 0, update: 1, unchanged: 0, skip: 0 });
    expect(second.plan.rows[0]!.changes).toEqual(['联系电话']);
    expect(await applyRosterPlan(ctx, second.plan)).toEqual({ ok: true, value: { added: 0, updated: 1, unchanged: 0, skipped: 0 } });
    expect(await db.member.count()).toBe(1);
    expect(((await db.member.toArray())[0] as unknown as Member).phone).toBe('13900001111');
    const third = await plan(await xlsx([HEADER, row('13900001111')]));
    if (!third.ok) throw new Error();
    expect(third.plan.counts).toEqual({ add: 0, update: 0, unchanged: 1, skip: 0 });
    expect(await applyRosterPlan(ctx, third.plan)).toEqual({ ok: true, value: { added: 0, updated: 0, unchanged: 1, skipped: 0 } });
  });

  it('the same plan applied twice (a double click) adds nobody the second time and says why', async () => {
    const r = await plan(
      await xlsx([
        HEADER,
        [1, '王芳', '女', '汉族', '1985-03-12', idNumber('1985-03-12', 22), '2008-07-01', '2009-07-01', '第一党支部', ''],
        [2, '李强', '男', '汉族', '1990-11-05', idNumber('1990-11-05', 31), '2012-06-01', '2013-06-01', '第一党支部', ''],
      ]),
    );
    if (!r.ok) throw new Error(r.problem.message);
    const [first, second] = await Promise.all([applyRosterPlan(ctx, r.plan), applyRosterPlan(ctx, r.plan)]);
    expect(first).toEqual({ ok: true, value: { added: 2, updated: 0, unchanged: 0, skipped: 0 } });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.kind).toBe('duplicate-id-number');
      expect(second.error.message).toBe('第 2 行：身份证号与已登记的党员“王芳”相同（可能已导入过一次）。本次导入没有写入任何内容，请重新选择文件，按新的预览导入。');
    }
    const members = await db.member.toArray();
    expect(members.map((m) => m.name).sort()).toEqual(['李强', '王芳']);
    expect(new Set(members.map((m) => m.idNumber)).size).toBe(2);
  });

  it('skips bad rows with reasons in Chinese and imports the good ones', async () => {
    const good = idNumber('1985-03-12', 22);
    const badChecksum = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const file = await xlsx([
      HEADER,
      [1, '王芳', '女', '汉族', '1985-03-12', good, '2008-07-01', '2009-07-01', '第一党支部', ''],
      [2, '钱进', '男', '汉族', '1985-03-12', badChecksum, '2008-07-01', '', '第一党支部', ''],
      [3, '孙丽', '女', '汉族', '1985-03-12', good, '2008-07-01', '', '第一党支部', ''],
      [4, '周杰', '男', '汉族', '1980-01-01', idNumber('1980-01-01', 11), '2001-07-01', '2000-07-01', '第一党支部', ''],
      [5, '吴昊', '男', '汉族', '1980-01-01', idNumber('1980-01-01', 31), '2001-07-01', '', '第九党支部', ''],
      [6, '郑洁', '男', '汉族', '1980-01-01', idNumber('1980-01-02', 42), '2001-13-01', '', '第一党支部', ''],
    ]);
    const r = await plan(file);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.plan.counts).toEqual({ add: 1, update: 0, unchanged: 0, skip: 5 });
    const reasons = Object.fromEntries(r.plan.rows.map((row) => [row.name, row.reasons.join('；')]));
    expect(reasons['钱进']).toMatch(/身份证号.*校验位/);
    expect(reasons['孙丽']).toBe('身份证号与第 2 行重复，本行未导入');
    expect(reasons['周杰']).toMatch(/转正时间不能早于入党时间/);
    expect(reasons['吴昊']).toMatch(/所在支部“第九党支部”在本单位组织树中不存在/);
    expect(reasons['郑洁']).toMatch(/入党时间“2001-13-01”不是有效日期/);
    expect(await applyRosterPlan(ctx, r.plan)).toEqual({ ok: true, value: { added: 1, updated: 0, unchanged: 0, skipped: 5 } });
  });

  it('refuses a sheet whose headers it cannot recognise, naming the missing columns', async () => {
    const r = await plan(await xlsx([['名字', 'ID', '单位'], ['王芳', '123', '财政局']]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.kind).toBe('roster-missing-columns');
      expect(r.problem.message).toBe('没有找到必需的列：身份证号、入党时间、所在支部。请在“列对应”中指定这些列，或检查表头是否为“姓名、身份证号、入党时间、所在支部”等。');
    }
  });

  it('refuses an empty file and a file that is not a workbook', async () => {
    const empty = await plan(await xlsx([HEADER]));
    expect(!empty.ok && empty.problem.kind).toBe('roster-empty');
    await expect(readFirstSheet(new TextEncoder().encode('姓名,身份证号\n王芳,1'))).rejects.toMatchObject({ error: { kind: 'roster-not-xlsx' } });
  });

  it('refuses a huge file before parsing it, with a clear message', async () => {
    const huge = new Uint8Array(ROSTER_LIMITS.maxFileBytes + 1);
    await expect(readFirstSheet(huge)).rejects.toMatchObject({ error: { kind: 'roster-too-large', message: expect.stringContaining('超过 10 MB') } });
    const rows = [HEADER, ...Array.from({ length: ROSTER_LIMITS.maxRows + 20 }, (_, i) => [i, '王芳'])];
    await expect(readFirstSheet(await xlsx(rows))).rejects.toMatchObject({ error: { kind: 'roster-too-large' } });
  });

  it('writes nothing when a row fails while applying (all or nothing)', async () => {
    const r = await plan(await xlsx([HEADER, [1, '王芳', '女', '汉族', '1985-03-12', idNumber('1985-03-12', 22), '2008-07-01', '2009-07-01', '第一党支部', '']]));
    if (!r.ok) throw new Error();
    const broken = { ...r.plan, rows: [...r.plan.rows, { ...r.plan.rows[0]!, rowNumber: 9, input: { ...r.plan.rows[0]!.input!, birthDate: '1985-03-13' } }] };
    const before = { members: await db.member.count(), changes: await db.changes.count() };
    const applied = await applyRosterPlan(ctx, broken);
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.error.message).toMatch(/^第 9 行：/);
    expect({ members: await db.member.count(), changes: await db.changes.count() }).toEqual(before);
  });
});
