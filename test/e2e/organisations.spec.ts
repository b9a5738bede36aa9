/**
 * 组织与党员 as a new unit cadre would use it: build a small tree, register a member by hand,
 * import a roster file, see a yellow and a red term and the cadre-ratio warning, reload and find
 * everything again.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { idNumber, pickFromOpenList, reopen, screenshot, setUpAsUnit, tick } from './helpers';

async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function addOrganisation(page: Page, o: { name: string; kind?: string; termStart: string; years?: number }): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('党组织名称').fill(o.name);
  if (o.kind) {
    await dialog.getByLabel('类别').click();
    await pickFromOpenList(page, o.kind);
  }
  await pickDate(page, '本届任期开始', o.termStart);
  if (o.years) await dialog.getByLabel('任期（年）').fill(String(o.years));
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增“${o.name}”`)).toBeVisible();
}

async function rosterFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['市财政局党员花名册']);
  ws.addRow(['序号', '姓名', '性别', '民族', '出生日期', '身份证号', '入党时间', '转正时间', '所在支部', '联系电话']);
  ws.addRow([1, '李强', '男', '汉族', '1990-11-05', idNumber('1990-11-05', 13), '2012-06-01', '2013-06-01', '第一党支部', '13812345678']);
  ws.addRow([2, '赵敏', '女', '满族', '1996-01-20', idNumber('1996-01-20', 42), '2019-03-01', '2020-03-01', '第二党支部', '']);
  ws.addRow([3, '孙丽', '女', '汉族', '1988-08-08', idNumber('1988-08-08', 22).slice(0, 17) + '0', '2010-07-01', '2011-07-01', '第一党支部', '']);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tz-roster-')), '花名册.xlsx');
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

test('build a tree, add and import members, see term lights and the cadre ratio, reload and find it all', async ({ page }) => {
  test.setTimeout(300_000); // a long journey: minutes on a loaded 2-core machine
  const today = dayjs();
  const yellowStart = today.subtract(5, 'year').add(3, 'month').format('YYYY-MM-DD'); // 机关党委, 5 years: ends in 3 months
  const redStart = today.subtract(3, 'year').subtract(2, 'month').format('YYYY-MM-DD'); // 3 years: ended 2 months ago
  const greenStart = today.subtract(1, 'year').format('YYYY-MM-DD');

  await page.goto('/');
  await setUpAsUnit(page, '市财政局', 180);
  await page.getByRole('menuitem', { name: '组织与党员' }).click();
  await expect(page.getByText('还没有党组织')).toBeVisible();

  // the tree: 机关党委 → 第一党支部, 第二党支部
  await page.getByRole('button', { name: '新增党组织' }).click();
  await addOrganisation(page, { name: '机关党委', termStart: yellowStart });
  await page.getByRole('button', { name: '新增下级组织' }).click();
  await addOrganisation(page, { name: '第一党支部', termStart: redStart });
  await page.getByRole('tree', { name: '党组织' }).getByText('机关党委').click();
  await page.getByRole('button', { name: '新增下级组织' }).click();
  await addOrganisation(page, { name: '第二党支部', termStart: greenStart });
  await expect(page.getByTestId('term-reason')).toContainText('届满');
  await expect(page.getByTestId('setup-hints')).toContainText('尚未配备书记。请在“两委班子”中登记书记。');
  await screenshot(page, 'organisations-tree');

  // a member by hand
  await page.getByRole('tab', { name: '党员花名册' }).click();
  await page.getByRole('button', { name: '登记党员' }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('姓名').fill('王芳');
  await drawer.getByLabel('身份证号').fill(idNumber('1985-03-12', 22));
  await expect(drawer.getByLabel('出生日期')).toHaveValue('1985-03-12'); // filled in from the ID number
  await pickDate(page, '入党时间', '2008-07-01');
  await pickDate(page, '转正时间', '2009-07-01');
  await drawer.getByLabel('所在党组织').click();
  await pickFromOpenList(page, '第一党支部（党支部）');
  await drawer.getByLabel('学历').fill('大学本科');
  await drawer.getByLabel('备注').fill('2025年由市税务局转入');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记党员王芳')).toBeVisible();
  await expect(page.getByTestId('member-count')).toHaveText('共 1 人');
  await expect(page.getByText(/^4113\*{10}\d{3}[\dX]$/)).toBeVisible(); // masked by default
  // 学历 and 备注 were saved with her
  await page.getByRole('row').filter({ hasText: '王芳' }).getByRole('button', { name: '编辑' }).click();
  await expect(drawer.getByLabel('学历')).toHaveValue('大学本科');
  await expect(drawer.getByLabel('备注')).toHaveValue('2025年由市税务局转入');
  await drawer.getByRole('button', { name: '取消' }).click();
  await expect(drawer).toBeHidden();

  // import a roster file: one bad row is skipped with its reason, the others imported
  await page.getByRole('button', { name: '导入花名册' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择花名册文件' }).click();
  await (await chooser).setFiles(await rosterFile());
  await expect(page.getByText('表头在第 2 行')).toBeVisible();
  await page.getByRole('button', { name: '下一步：预览' }).click();
  const preview = page.getByTestId('roster-preview');
  await expect(preview).toContainText('校验位');
  await screenshot(page, 'roster-import-preview');
  await page.getByRole('button', { name: '确认导入（2 人）' }).click();
  await expect(page.getByText('新增 2 人，更新 0 人，无变化 0 人，跳过 1 行。')).toBeVisible();
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('共 3 人');
  await page.getByLabel('查找党员').fill('lq');
  await expect(page.getByTestId('member-count')).toHaveText('共 1 人');
  await expect(page.getByRole('cell', { name: '李强', exact: true })).toBeVisible();
  await screenshot(page, 'members-roster');

  // the traffic light board
  await page.getByRole('tab', { name: '换届三色预警' }).click();
  const board = page.getByTestId('term-board');
  await expect(board.locator('tbody tr')).toHaveCount(3);
  await expect(board.locator('tbody tr').nth(0)).toContainText('第一党支部');
  await expect(board.locator('tbody tr').nth(0).locator('[data-light="red"]')).toBeVisible();
  await expect(board.locator('tbody tr').nth(0)).toContainText('逾期');
  await expect(board.locator('tbody tr').nth(1)).toContainText('机关党委');
  await expect(board.locator('tbody tr').nth(1).locator('[data-light="yellow"]')).toBeVisible();
  await expect(board.locator('tbody tr').nth(2).locator('[data-light="green"]')).toBeVisible();
  await screenshot(page, 'term-board');

  // the workbench: counts, cadre ratio below 1%, to-dos
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('stat-organisations')).toContainText('3');
  await expect(page.getByTestId('stat-members')).toContainText('3');
  await expect(page.getByTestId('cadre-ratio-state')).toHaveText('低于1%');
  await expect(page.getByTestId('cadre-ratio-warning')).toContainText('专职党务干部 0 人');
  await expect(page.getByTestId('todo-list')).toContainText('第一党支部：换届已逾期');
  await expect(page.getByTestId('todo-list')).toContainText('机关党委：即将到期换届');
  await screenshot(page, 'workbench');

  // a 两委 seat ticked 专职 and the roster's 专职党务干部 are one fact: the ratio counts her at once
  await page.getByRole('menuitem', { name: '组织与党员' }).click();
  await page.getByRole('tree', { name: '党组织' }).getByText('第一党支部').click();
  await page.getByRole('button', { name: '登记委员' }).click();
  const seat = page.getByRole('dialog');
  await seat.getByLabel('党员', { exact: true }).click();
  await page.keyboard.type('wf'); // found by pinyin initials, as in the roster's search
  await pickFromOpenList(page, '王芳');
  await seat.getByLabel('职务', { exact: true }).click();
  await pickFromOpenList(page, '书记');
  await pickDate(page, '任职日期', greenStart);
  await seat.getByRole('checkbox', { name: '专职' }).check();
  await seat.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记；王芳已在花名册中记为专职党务干部')).toBeVisible();
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('cadre-ratio-warning')).toContainText('专职党务干部 1 人');

  // reload: everything is still there
  await reopen(page);
  await expect(page.getByTestId('stat-members')).toContainText('3');
  await page.getByRole('menuitem', { name: '组织与党员' }).click();
  await page.getByRole('tab', { name: '党员花名册' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('共 3 人');
  await page.getByRole('tab', { name: '组织树' }).click();
  await expect(page.getByRole('tree', { name: '党组织' })).toContainText('第二党支部');

  // 批量状态变更: two members ticked and retired in one go; the 在职 roster shows the one left
  await page.getByRole('tab', { name: '党员花名册' }).click();
  await tick(page, '勾选李强');
  await tick(page, '勾选赵敏');
  const selection = page.getByTestId('member-selection');
  await expect(selection).toContainText('已勾选 2 人');
  await selection.getByRole('button', { name: '批量变更状态' }).click();
  const bulk = page.getByRole('dialog', { name: '批量状态变更：2 人' });
  await expect(bulk.getByTestId('status-bulk-names')).toContainText('李强、赵敏');
  await bulk.getByText('退休', { exact: true }).click();
  await screenshot(page, 'members-bulk-status');
  await bulk.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已将 2 人变更为“退休”')).toBeVisible();
  await expect(bulk).toBeHidden();
  await expect(page.getByTestId('member-count')).toHaveText('共 1 人');
  await expect(selection).toBeHidden();
  await expect(page.getByRole('cell', { name: '王芳', exact: true })).toBeVisible();
});
