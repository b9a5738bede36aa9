/**
 * 三会一课 as a branch secretary would record them: a 支部党员大会 that fails the quorum (the
 * warning in words, saved with the record), a photo attached, this month's 主题党日 turning the
 * calendar green, and everything still there after a reload.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { chooseFile, idNumber, pickFromOpenList, reopen, screenshot, setUpAsUnit } from './helpers';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tz-meetings-'));

async function rosterFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '性别', '民族', '身份证号', '入党时间', '转正时间', '所在支部']);
  const people = [
    ['王芳', '女', '1985-03-12', 22],
    ['李强', '男', '1990-11-05', 13],
    ['赵敏', '女', '1996-01-20', 42],
    ['孙丽', '女', '1988-08-08', 24],
    ['周杰', '男', '1979-04-30', 35],
  ] as const;
  for (const [name, gender, birth, seq] of people) ws.addRow([name, gender, '汉族', idNumber(birth, seq), '2010-07-01', '2011-07-01', '第一党支部']);
  const file = path.join(tmp, '花名册.xlsx');
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

/** A real 2×2 PNG (a photo of the sign-in sheet, as far as the app is concerned). */
function photoFile(): string {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
  const file = path.join(tmp, '签到表.png');
  writeFileSync(file, png);
  return file;
}

test('record meetings with attendance and a photo, see the quorum warning and the calendar turn green', async ({ page }) => {
  test.setTimeout(150_000);
  const today = dayjs().format('YYYY-MM-DD');
  const month = dayjs().format('YYYY-MM');

  await page.goto('/');
  await setUpAsUnit(page, '市审计局', 90);

  // a branch and its five members
  await page.getByRole('menuitem', { name: '组织与党员' }).click();
  await page.getByRole('button', { name: '新增党组织' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('党组织名称').fill('第一党支部');
  await dialog.getByLabel('类别').click();
  await pickFromOpenList(page, '党支部');
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByRole('tab', { name: '党员花名册' }).click();
  await page.getByRole('button', { name: '导入花名册' }).click();
  await chooseFile(page, '选择花名册文件', await rosterFile());
  await page.getByRole('button', { name: '下一步：预览' }).click();
  await page.getByRole('button', { name: '确认导入（5 人）' }).click();
  await page.getByRole('button', { name: '完成' }).click();

  // the calendar before: this month's 主题党日 is not yet held
  await page.getByRole('menuitem', { name: '三会一课' }).click();
  await page.getByRole('tab', { name: '完成情况日历' }).click();
  const thisMonth = page.locator(`[data-kind="themedPartyDay"][data-period="${month}"]`);
  await expect(thisMonth).toHaveAttribute('data-state', 'notYetDue');

  // a 支部党员大会 where only 2 of 5 come: the quorum check says so in words
  await page.getByRole('tab', { name: '会议记录' }).click();
  await page.getByRole('button', { name: '记录会议' }).click();
  await page.getByLabel('党组织', { exact: true }).click();
  await pickFromOpenList(page, '第一党支部（党支部）');
  await page.getByLabel('会议类型').click();
  await pickFromOpenList(page, '支部党员大会');
  await page.getByLabel('议题1', { exact: true }).fill('讨论发展党员事宜');
  const table = page.getByTestId('attendance-table');
  await expect(table.locator('tbody tr')).toHaveCount(5);
  for (const name of ['李强', '孙丽', '周杰']) {
    await table.getByLabel(`${name}出勤`).getByText('缺席').click();
    await table.getByLabel(`${name}缺席原因`).click();
    await pickFromOpenList(page, '公差');
  }
  await expect(page.getByTestId('quorum-check')).toHaveText('有表决权党员应到 5 人，实到 2 人，未过半数，不能进行表决');
  await chooseFile(page, '添加附件', photoFile());
  await expect(page.getByTestId('attachment-gallery').getByAltText('签到表.png')).toBeVisible();
  await screenshot(page, 'meeting-form-quorum');
  await page.getByRole('button', { name: '保存会议记录' }).click();
  await expect(page.getByText('已保存（人数提示已一并记录）')).toBeVisible();
  await expect(page.getByTestId('meeting-list')).toContainText('人数不足');

  // this month's 主题党日, everyone present
  await page.getByRole('tab', { name: '完成情况日历' }).click();
  await thisMonth.click();
  await page.getByRole('button', { name: '记录一次主题党日' }).click();
  await expect(page.getByLabel('会议日期')).toHaveValue(today);
  await page.getByLabel('议题1', { exact: true }).fill('重温入党誓词');
  await page.getByRole('button', { name: '保存会议记录' }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: '完成情况日历' }).click();
  await expect(thisMonth).toHaveAttribute('data-state', 'held');
  await screenshot(page, 'meeting-calendar');

  // reload: both meetings, the warning and the photo are still there
  await reopen(page);
  await page.getByRole('tab', { name: '会议记录' }).click();
  const list = page.getByTestId('meeting-list');
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await list.locator('tbody tr', { hasText: '支部党员大会' }).getByRole('button', { name: '查看' }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer).toContainText('应到 5 人（有表决权 5 人），实到 2 人，缺席 3 人');
  await expect(drawer).toContainText('李强（公差）');
  await expect(drawer).toContainText('未过半数，不能进行表决');
  await expect(drawer.getByTestId('attachment-gallery').getByAltText('签到表.png')).toBeVisible();
  await screenshot(page, 'meeting-detail');
  await page.keyboard.press('Escape');

  // the overview and the workbench know about what is owed
  await page.getByRole('tab', { name: '全单位概览' }).click();
  await expect(page.getByTestId('unit-overview')).toContainText('第一党支部');
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('todo-list')).toContainText('第一党支部');
});
