/**
 * The unit the 教育培训 end-to-end tests start from: 机关党委 with 第一党支部 (王芳, 李强, 赵敏) and
 * 第二党支部 (孙丽), the members imported from a roster file as a cadre would.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, type Page } from '@playwright/test';
import { chooseFile, idNumber } from './helpers';

/** 第一党支部: 王芳, 李强, 赵敏; 第二党支部: 孙丽. */
export async function rosterFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '性别', '民族', '身份证号', '入党时间', '转正时间', '所在支部']);
  const people = [
    ['王芳', '女', '1985-03-12', 22, '第一党支部'],
    ['李强', '男', '1990-11-05', 13, '第一党支部'],
    ['赵敏', '女', '1996-01-20', 42, '第一党支部'],
    ['孙丽', '女', '1988-08-08', 24, '第二党支部'],
  ] as const;
  for (const [name, gender, birth, seq, branch] of people) ws.addRow([name, gender, '汉族', idNumber(birth, seq), '2010-07-01', '2011-07-01', branch]);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tz-training-')), '花名册.xlsx');
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

/** Fills the open organisation dialog with a name and saves it. */
export async function newOrganisation(page: Page, name: string): Promise<void> {
  await page.getByRole('dialog').getByLabel('党组织名称').fill(name);
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增“${name}”`)).toBeVisible();
}

/** 机关党委 with 第一党支部 and 第二党支部, and the four members from the roster file. */
export async function organisationsAndRoster(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '组织与党员' }).click();
  await page.getByRole('button', { name: '新增党组织' }).click();
  await newOrganisation(page, '机关党委');
  await page.getByRole('button', { name: '新增下级组织' }).click();
  await newOrganisation(page, '第一党支部');
  await page.getByRole('tree', { name: '党组织' }).getByText('机关党委').click();
  await page.getByRole('button', { name: '新增下级组织' }).click();
  await newOrganisation(page, '第二党支部');
  await page.getByRole('tab', { name: '党员花名册' }).click();
  await page.getByRole('button', { name: '导入花名册' }).click();
  await chooseFile(page, '选择花名册文件', await rosterFile());
  await page.getByRole('button', { name: '下一步：预览' }).click();
  await page.getByRole('button', { name: '确认导入（4 人）' }).click();
  await page.getByRole('button', { name: '完成' }).click();
}
