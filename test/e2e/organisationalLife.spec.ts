/**
 * Organisational life the city's 意见 names (issue 14), as a new unit's party-affairs cadre records
 * it: the 党组's 民主生活会 with the 机关党委专职副书记 sitting in (列席) — warned while they are not
 * recorded, not blocked — and a branch's 民主评议党员 grading its members: refused while more than a
 * third are 优秀, saved once fixed, the grades shown in the record.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { chooseFile, idNumber, pickFromOpenList, reopen, screenshot, setUpAsUnit } from './helpers';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tz-life-'));

/** Six full members and one 预备党员 of 第一党支部. */
async function rosterFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '性别', '民族', '身份证号', '入党时间', '转正时间', '党员类别', '所在支部']);
  const people = [
    ['王芳', '女', '1985-03-12', 22],
    ['李强', '男', '1990-11-05', 13],
    ['赵敏', '女', '1996-01-20', 42],
    ['孙丽', '女', '1988-08-08', 24],
    ['周杰', '男', '1979-04-30', 35],
    ['吴刚', '男', '1983-02-14', 17],
  ] as const;
  for (const [name, gender, birth, seq] of people) ws.addRow([name, gender, '汉族', idNumber(birth, seq), '2010-07-01', '2011-07-01', '正式党员', '第一党支部']);
  ws.addRow(['郑雪', '女', '汉族', idNumber('1999-06-01', 28), dayjs().subtract(3, 'month').format('YYYY-MM-DD'), '', '预备党员', '第一党支部']);
  const file = path.join(tmp, '花名册.xlsx');
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

async function newOrganisation(page: Page, name: string, kind: string): Promise<void> {
  await page.getByRole('button', { name: '新增党组织' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('党组织名称').fill(name);
  await dialog.getByLabel('类别').click();
  await pickFromOpenList(page, kind);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增“${name}”`)).toBeVisible();
}

async function newMeeting(page: Page, organisation: string, kind: string): Promise<void> {
  await page.getByRole('button', { name: '记录会议' }).click();
  await page.getByLabel('党组织', { exact: true }).click();
  await pickFromOpenList(page, organisation);
  await page.getByLabel('会议类型').click();
  await pickFromOpenList(page, kind);
}

test('a 民主生活会 with the 专职副书记 列席, and a 民主评议党员 refused with too many 优秀 until fixed', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await setUpAsUnit(page, '市统计局', 80);

  // the 党组 and a branch with its seven members
  await page.getByRole('menuitem', { name: '组织与党员' }).click();
  await newOrganisation(page, '中共市统计局党组', '党组(党委)');
  await newOrganisation(page, '第一党支部', '党支部');
  await page.getByRole('tab', { name: '党员花名册' }).click();
  await page.getByRole('button', { name: '导入花名册' }).click();
  await chooseFile(page, '选择花名册文件', await rosterFile());
  await page.getByRole('button', { name: '下一步：预览' }).click();
  await page.getByRole('button', { name: '确认导入（7 人）' }).click();
  await page.getByRole('button', { name: '完成' }).click();

  // ── 民主生活会 of the 党组: warned until the 专职副书记's 列席 is recorded ──
  await page.getByRole('menuitem', { name: '三会一课' }).click();
  await newMeeting(page, '中共市统计局党组（党组(党委)）', '民主生活会');
  await page.getByLabel('议题1', { exact: true }).fill('召开年度民主生活会，开展批评和自我批评');
  const observerCheck = page.getByTestId('observer-check');
  await expect(observerCheck).toContainText('未记录机关党委专职副书记列席');
  await expect(observerCheck).toContainText('此提示不影响保存');
  await screenshot(page, 'life-meeting-warning');
  await page.getByRole('button', { name: '添加列席人员' }).click();
  await page.getByLabel('列席人员1姓名').fill('刘建国');
  await page.getByLabel('列席人员1职务').fill('机关党委专职副书记');
  await expect(observerCheck).toHaveText('已记录机关党委专职副书记刘建国列席民主生活会');
  await screenshot(page, 'life-meeting-observer');
  await page.getByRole('button', { name: '保存会议记录' }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  const list = page.getByTestId('meeting-list');
  await list.locator('tbody tr', { hasText: '民主生活会' }).getByRole('button', { name: '查看' }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('observers-view')).toHaveText('刘建国（机关党委专职副书记）');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // ── 民主评议党员 of the branch: 3 优秀 of 6 graded is one too many ──
  await newMeeting(page, '第一党支部（党支部）', '民主评议党员');
  await page.getByLabel('议题1', { exact: true }).fill(`开展${dayjs().year()}年度民主评议党员`);
  const table = page.getByTestId('attendance-table');
  await expect(table.locator('tbody tr')).toHaveCount(7);
  await expect(table.locator('tbody tr', { hasText: '郑雪' })).toContainText('不评定等次');
  const grade = async (name: string, g: string) => {
    await table.getByLabel(`${name}评议等次`).click();
    await pickFromOpenList(page, g);
  };
  for (const name of ['王芳', '李强', '赵敏']) await grade(name, '优秀');
  for (const name of ['孙丽', '周杰', '吴刚']) await grade(name, '合格');
  const counts = page.getByTestId('appraisal-counts');
  await expect(counts).toContainText('优秀3 人');
  await expect(counts).toContainText('合格3 人');
  await page.getByRole('button', { name: '保存会议记录' }).click();
  const refusal = '评为“优秀”的人数超出规定，不能保存：参加评定的党员 6 人，评为优秀 3 人，超过三分之一（最多 2 人）。请将其中 1 人改评为其他等次后再保存。';
  await expect(page.getByTestId('appraisal-check')).toContainText(refusal);
  await expect(page.locator('.ant-message')).toContainText(refusal);
  await expect(page.getByRole('heading', { name: '记录会议' })).toBeVisible(); // still on the form: nothing saved
  await screenshot(page, 'appraisal-refused');

  // fixed: 赵敏 合格 → 2 优秀 of 6, saved
  await grade('赵敏', '合格');
  await expect(page.getByTestId('appraisal-check')).toContainText('参加评定的党员 6 人，评为优秀 2 人，未超过三分之一（最多 2 人）');
  await page.getByRole('button', { name: '保存会议记录' }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();

  // the grades in the record, after a reload
  await reopen(page);
  await list.locator('tbody tr', { hasText: '民主评议党员' }).getByRole('button', { name: '查看' }).click();
  await expect(drawer.getByTestId('appraisal-summary')).toHaveText('优秀 2 人，合格 4 人，基本合格 0 人，不合格 0 人；预备党员 1 人参加评议、不评定等次');
  const grades = drawer.getByTestId('appraisal-grades');
  await expect(grades.locator('tbody tr', { hasText: '王芳' })).toContainText('优秀');
  await expect(grades.locator('tbody tr', { hasText: '赵敏' })).toContainText('合格');
  await expect(grades.locator('tbody tr', { hasText: '郑雪' })).toContainText('预备党员，不评定等次');
  await screenshot(page, 'appraisal-record');
  await page.keyboard.press('Escape');

  // each member's grade by year on 党员出勤
  await page.getByRole('tab', { name: '党员出勤' }).click();
  await expect(page.getByTestId('member-attendance').locator('tbody tr', { hasText: '李强' })).toContainText(`${dayjs().year()}年 优秀`);
});
