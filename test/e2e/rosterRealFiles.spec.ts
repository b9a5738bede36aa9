/**
 * 导入花名册 with a roster as an office keeps it (issue 16): the workbook's first sheet is a hidden
 * old roster, the column is 出生年月 with year-months, one ID number was typed into a number cell,
 * a 合计 row closes the list and a 职务 column has no field. The cadre sees the hidden sheet
 * skipped, the year-month completed from the ID, the number ID refused with how to fix it, the
 * counts; imports; downloads the refused row with its 原因, types the ID again as text and imports
 * it. The sheet is read in the worker (the web build), the download is a real file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { chooseFile, download, idNumber, screenshot, setUpAsUnit, addFirstOrganisation } from './helpers';

const HEADER = ['序号', '姓名', '性别', '民族', '出生年月', '身份证号', '入党时间', '转正时间', '所在支部', '职务', '联系电话'];
const LI_ID = idNumber('1961-02-02', 137);

async function saveWorkbook(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tz-roster-real-')), name);
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

async function officeRoster(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const old = wb.addWorksheet('旧花名册', { state: 'hidden' });
  old.addRow(HEADER);
  old.addRow([1, '调走的人', '男', '汉族', '1970.01', idNumber('1970-01-01', 11), '1995.07', '1996.07', '第一党支部', '', '']);
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['市财政局机关党员花名册']);
  ws.addRow(HEADER);
  ws.addRow([1, '王芳', '女', '汉族', '1986.05', idNumber('1986-05-12', 22), '2008.07', '2009.07', '第一党支部', '科员', '13812345678']);
  ws.addRow([2, '李强', '男', '汉族', '1961.02', Number(LI_ID), '1985.06', '1986.06', '第一党支部', '副局长', '']);
  ws.addRow([3, '赵敏', '女', '满族', '1990年10月', idNumber('1990-10-02', 42), '2015-06-01', '2016-06-01', '第一党支部', '', '']);
  ws.addRow(['合计', '共3人']);
  return saveWorkbook(wb, '花名册.xlsx');
}

async function openImport(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: '导入花名册' }).click();
  await chooseFile(page, '选择花名册文件', file);
}

test('a roster as offices keep it: hidden old sheet, 出生年月, an ID stored as a number, a 合计 row — refused row downloaded, fixed and imported', async ({ page }) => {
  test.setTimeout(120_000); // three imports after a first start, on a loaded machine
  await page.goto('/');
  await setUpAsUnit(page, '市财政局', 180);
  await addFirstOrganisation(page);

  await openImport(page, await officeRoster());
  const modal = page.getByRole('dialog', { name: '导入花名册' });
  await expect(modal.getByTestId('hidden-sheets')).toHaveText('已跳过隐藏的工作表：“旧花名册”。');
  await expect(modal.getByText('工作表“花名册”，表头在第 2 行')).toBeVisible();
  await expect(modal.getByRole('row').filter({ hasText: '出生日期' })).toContainText('第 5 列：出生年月');
  await screenshot(page, 'roster-real-files-columns');
  await modal.getByRole('button', { name: '下一步：预览' }).click();

  const counts = modal.getByTestId('roster-counts');
  await expect(counts).toContainText('新增 2 人');
  await expect(counts).toContainText('更新 0 人');
  await expect(counts).toContainText('无变化 0 人');
  await expect(counts).toContainText('跳过 1 行');
  const preview = modal.getByTestId('roster-preview');
  await expect(preview.getByRole('row', { name: /王芳/ })).toContainText('提示：出生年月只有年月，已按身份证号补全为 1986-05-12；入党时间只有年月，已按当月1日记录；转正时间只有年月，已按当月1日记录');
  await expect(preview.getByRole('row', { name: /李强/ })).toContainText('跳过');
  await expect(preview.getByRole('row', { name: /李强/ })).toContainText('身份证号被存成了数字（文件中为 4.11302196102021E+17），超过15位的数字末几位已经丢失');
  await expect(preview.getByRole('row', { name: /李强/ })).toContainText('设置单元格格式为“文本”后重新录入');
  await expect(preview.getByRole('row', { name: /赵敏/ })).toContainText('已按身份证号补全为 1990-10-02');
  await expect(preview).not.toContainText('调走的人');
  await expect(modal.getByTestId('roster-unmapped')).toHaveText('以下列在台账中没有对应的项目，不会导入：职务。');
  await expect(modal.getByTestId('roster-not-people')).toContainText('第 6 行“合计 共3人”');
  await screenshot(page, 'roster-real-files-preview');

  // the refused row, with its reason, as a file to fix
  const problems = await download(page, () => modal.getByRole('button', { name: '下载未导入的 1 行（含原因）' }).click());
  expect(path.basename(problems)).toBe('花名册_未导入的行.xlsx');
  await modal.getByRole('button', { name: '确认导入（2 人）' }).click();
  await expect(modal.getByText('新增 2 人，更新 0 人，无变化 0 人，跳过 1 行。')).toBeVisible();
  await modal.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('共 2 人');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(problems);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).values).toEqual([undefined, ...HEADER, '原行号', '原因']);
  expect(ws.getCell('B2').value).toBe('李强');
  expect(ws.getCell('L2').value).toBe(4);
  expect(String(ws.getCell('M2').value)).toContain('身份证号被存成了数字');
  ws.getCell('F2').value = LI_ID; // typed again, into the column the file formats as text
  const fixed = await saveWorkbook(wb, '花名册_改正.xlsx');

  await openImport(page, fixed);
  await expect(modal.getByText('表头在第 1 行')).toBeVisible();
  await modal.getByRole('button', { name: '下一步：预览' }).click();
  await expect(counts).toContainText('新增 1 人');
  await expect(counts).toContainText('跳过 0 行');
  await expect(preview.getByRole('row', { name: /李强/ })).toContainText('新增');
  await modal.getByRole('button', { name: '确认导入（1 人）' }).click();
  await expect(modal.getByText('新增 1 人，更新 0 人，无变化 0 人，跳过 0 行。')).toBeVisible();
  await modal.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('共 3 人');
  await expect(page.getByRole('cell', { name: '李强', exact: true })).toBeVisible();

  // the same roster again: nothing is new, the counts say so before and after
  await openImport(page, fixed);
  await modal.getByRole('button', { name: '下一步：预览' }).click();
  await expect(counts).toContainText('无变化 1 人');
  await expect(modal.getByRole('button', { name: '确认导入（0 人）' })).toBeDisabled();
});
