/**
 * 经费保障 as a new unit cadre would use it: the workbench asks for this year's budget, the empty
 * page says what to do; three budget lines (one 专项经费, entered with the keyboard alone), expenses
 * typed in 元 (a date outside the line's year and a third decimal refused in words), spent vs
 * budget per line with a line over budget in red, 0.1 + 0.2 元 shown as 0.30, a line with expenses
 * that cannot be deleted, an edited and a deleted expense, the .xlsx export read back (sums and
 * 合计 rows), the over-budget line on the workbench, and everything still there after a reload.
 * Then the 工委, after the unit's first bundle, sees the same figures read-only (no write action).
 */
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { chooseShown, confirmInDialog, download, enrolUnitWithCommittee, pickFromOpenList, reopen, screenshot, setUpAsCommittee, setUpAsUnit } from './helpers';

const year = dayjs().year();

async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function addLine(page: Page, name: string, budget: string, options: { special?: boolean; keyboard?: boolean } = {}): Promise<void> {
  await page.getByRole('button', { name: '新增预算科目' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(`新增${year}年预算科目`)).toBeVisible();
  if (options.keyboard) {
    // the name field has the focus: type, Tab to the budget, Enter saves
    await expect(dialog.getByLabel('预算科目', { exact: true })).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('预算金额')).toBeFocused();
    await page.keyboard.type(budget);
    if (options.special) {
      await page.keyboard.press('Tab');
      await expect(dialog.getByLabel('专项经费')).toBeFocused();
      await page.keyboard.press('Space');
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
  } else {
    await dialog.getByLabel('预算科目', { exact: true }).fill(name);
    await dialog.getByLabel('预算金额').fill(budget);
    if (options.special) await dialog.getByLabel('专项经费').check();
    await dialog.getByRole('button', { name: '保存' }).click();
  }
  await expect(page.getByText(`已新增预算科目“${name}”`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
}

interface ExpenseFields {
  line: string;
  date: string;
  amount: string;
  purpose: string;
  voucher?: string;
}

async function fillExpense(page: Page, e: ExpenseFields): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('预算科目', { exact: true }).click();
  await pickFromOpenList(page, e.line);
  await pickDate(page, '支出日期', e.date);
  await dialog.getByLabel('金额', { exact: true }).fill(e.amount);
  await dialog.getByLabel('用途').fill(e.purpose);
  if (e.voucher) await dialog.getByLabel('凭证号').fill(e.voucher);
}

async function addExpense(page: Page, e: ExpenseFields): Promise<void> {
  await page.getByRole('button', { name: '登记支出' }).click();
  await expect(page.getByRole('dialog').getByText(`登记${year}年支出`)).toBeVisible();
  await fillExpense(page, e);
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('expenses')).toContainText(e.purpose);
}

const lineRow = (page: Page, name: string) => page.getByTestId('fund-lines').locator('tbody tr').filter({ hasText: name });
const fen = (v: unknown): number => Math.round(Number(v) * 100);
/** A cell's text ('' for an empty cell, which ExcelJS reads back as nothing). */
const text = (v: unknown): unknown => v ?? '';

test('budget lines and expenses of the year: spent vs budget, over budget, export, reload', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await setUpAsUnit(page, '市财政局', 180);

  // the workbench asks for the year's budget
  await expect(page.getByTestId('todo-list')).toContainText(`${year}年党建工作经费预算尚未录入`);

  // 经费保障 is built: an empty year says what to do
  await page.getByRole('menuitem', { name: '经费保障' }).click();
  await expect(page.getByTestId('fund-lines')).toContainText(`还没有${year}年的预算科目。点击“新增预算科目”`);
  await expect(page.getByRole('button', { name: '导出 Excel' })).toBeDisabled();
  await screenshot(page, 'funds-empty');

  await addLine(page, '三会一课', '5000');
  await addLine(page, '主题党日', '3,000');
  await addLine(page, '专项经费（红色教育基地）', '10000.00', { special: true, keyboard: true });
  await expect(lineRow(page, '专项经费（红色教育基地）')).toContainText('专项');
  await expect(lineRow(page, '主题党日')).toContainText('3,000.00');

  // a second line of the same name is refused on the field
  await page.getByRole('button', { name: '新增预算科目' }).first().click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('预算科目', { exact: true }).fill('三会一课');
  await dialog.getByLabel('预算金额').fill('1');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toContainText(`${year}年已有名为“三会一课”的预算科目`);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toHaveCount(0);

  // an expense dated last year, or with a third decimal, is refused in words
  await page.getByRole('button', { name: '登记支出' }).click();
  dialog = page.getByRole('dialog');
  await fillExpense(page, { line: '三会一课', date: `${year - 1}-12-28`, amount: '12.345', purpose: '支部党员大会资料印制' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.locator('.ant-form-item-explain-error').getByText(`不在预算科目所属的${year}年内`)).toBeVisible();
  await expect(dialog.locator('.ant-form-item-explain-error').getByText('金额最多保留两位小数（精确到分），请核对')).toBeVisible();
  await screenshot(page, 'funds-expense-errors');
  await pickDate(page, '支出日期', `${year}-03-15`);
  await dialog.getByLabel('金额', { exact: true }).fill('1200.50');
  await dialog.getByLabel('凭证号').fill('记-03-0015');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('expenses')).toContainText('记-03-0015');

  await addExpense(page, { line: '主题党日', date: `${year}-05-20`, amount: '1000.10', purpose: '五月主题党日场地租用', voucher: '记-05-0031' });
  await addExpense(page, { line: '主题党日', date: `${year}-07-01`, amount: '2000.20', purpose: '七一主题党日赴革命纪念馆交通费', voucher: '记-07-0002' });
  await addExpense(page, { line: '专项经费（红色教育基地）', date: `${year}-08-08`, amount: '0.1', purpose: '测试一角' });
  await addExpense(page, { line: '专项经费（红色教育基地）', date: `${year}-08-09`, amount: '0.2', purpose: '测试两角' });

  // spent vs budget: 1000.10 + 2000.20 is exactly 3000.30, over its 3000.00 by 0.30; 0.1 + 0.2 is 0.30
  const over = lineRow(page, '主题党日');
  await expect(over).toContainText('3,000.30');
  await expect(over).toContainText('-0.30');
  await expect(over).toContainText('超支');
  await expect(over).toContainText('100.0%');
  await expect(over.locator('span', { hasText: '3,000.30' }).first()).toHaveCSS('color', 'rgb(207, 19, 34)');
  await expect(lineRow(page, '三会一课')).toContainText('1,200.50');
  await expect(lineRow(page, '三会一课')).toContainText('24.0%');
  await expect(lineRow(page, '三会一课')).not.toContainText('超支');
  await expect(lineRow(page, '专项经费（红色教育基地）')).toContainText('0.30');
  await expect(page.getByTestId('fund-lines-total')).toContainText('18,000.00');
  await expect(page.getByTestId('fund-lines-total')).toContainText('4,201.10');
  await expect(page.getByTestId('funds-totals')).toContainText('超支科目');
  await screenshot(page, 'funds-over-budget');

  // a line with expenses cannot be deleted
  await page.getByRole('button', { name: '删除预算科目“三会一课”' }).click();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('不能删除预算科目“三会一课”');
  await expect(page.getByText('该科目下还有 1 笔支出。请先删除这些支出，或把它们改记到其他科目，再删除该科目。')).toBeVisible();
  await confirmInDialog(page, '知道了');
  await expect(lineRow(page, '三会一课')).toHaveCount(1);

  // one line's expenses; edit one (keyboard: Enter saves), delete one with confirm
  await page.getByRole('button', { name: '查看“专项经费（红色教育基地）”的支出' }).click();
  await expect(page.getByTestId('expenses').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('expenses-total')).toContainText('0.30');
  await page.getByRole('button', { name: '删除支出：测试两角' }).click();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('删除这笔支出？');
  await confirmInDialog(page, '删除');
  await expect(page.getByTestId('expenses').locator('tbody tr')).toHaveCount(1);
  await expect(lineRow(page, '专项经费（红色教育基地）')).toContainText('0.10');
  await chooseShown(page, '按科目筛选支出', '全部科目');
  await expect(page.getByTestId('expenses').locator('tbody tr')).toHaveCount(4);
  await page.getByRole('button', { name: '编辑支出：支部党员大会资料印制' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('金额', { exact: true })).toHaveValue('1200.50');
  await dialog.getByLabel('金额', { exact: true }).fill('1300.25');
  await dialog.getByLabel('金额', { exact: true }).press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(lineRow(page, '三会一课')).toContainText('1,300.25');

  // edit a line: the form shows its budget in 元 and its 专项 mark
  await page.getByRole('button', { name: '编辑预算科目“专项经费（红色教育基地）”' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('预算金额')).toHaveValue('10000.00');
  await expect(dialog.getByLabel('专项经费')).toBeChecked();
  await dialog.getByLabel('预算金额').fill('9000');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(lineRow(page, '专项经费（红色教育基地）')).toContainText('8,999.90');

  // a line without expenses is deleted after a confirm
  await addLine(page, '临时科目', '1');
  await page.getByRole('button', { name: '删除预算科目“临时科目”' }).click();
  await confirmInDialog(page, '删除');
  await expect(lineRow(page, '临时科目')).toHaveCount(0);

  // totals: budget 17000.00, spent 1300.25 + 3000.30 + 0.10 = 4300.65
  await expect(page.getByTestId('fund-lines-total')).toContainText('17,000.00');
  await expect(page.getByTestId('fund-lines-total')).toContainText('4,300.65');
  await expect(page.getByTestId('expenses-total')).toContainText('4,300.65');

  // export, read back
  const file = await download(page, () => page.getByRole('button', { name: '导出 Excel' }).click());
  expect(file.endsWith(`市财政局_${year}年党建经费.xlsx`)).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const lines = wb.getWorksheet(`${year}年预算执行`)!;
  const lineRows = lines.getSheetValues().slice(2) as unknown[][]; // [1] is the header (ExcelJS rows are 1-based, values too)
  const total = lineRows.at(-1)!;
  const body = lineRows.slice(0, -1);
  expect(total[1]).toBe('合计');
  expect(body.map((r) => r[2])).toEqual(['三会一课', '主题党日', '专项经费（红色教育基地）']);
  expect(body.map((r) => text(r[3]))).toEqual(['', '', '是']);
  expect(body.map((r) => text(r[9]))).toEqual(['', '超支', '']);
  expect(fen(total[4])).toBe(1_700_000);
  expect(fen(total[5])).toBe(430_065);
  expect(body.reduce((s, r) => s + fen(r[4]), 0)).toBe(fen(total[4]));
  expect(body.reduce((s, r) => s + fen(r[5]), 0)).toBe(fen(total[5]));
  expect(body.map((r) => fen(r[6]))).toEqual([369_975, -30, 899_990]);
  const expenses = wb.getWorksheet(`${year}年支出明细`)!;
  const expenseRows = expenses.getSheetValues().slice(2) as unknown[][];
  expect(expenseRows).toHaveLength(5);
  expect(expenseRows.at(-1)![1]).toBe('合计');
  expect(fen(expenseRows.at(-1)![6])).toBe(430_065);
  expect(expenseRows.slice(0, -1).reduce((s, r) => s + fen(r[6]), 0)).toBe(430_065);
  expect(expenseRows.slice(0, -1).map((r) => text(r[5]))).toEqual(['记-03-0015', '记-05-0031', '记-07-0002', '']);

  // the workbench names the line over budget (and no longer asks for a budget)
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('todo-list')).toContainText(`${year}年经费科目“主题党日”已超支`);
  await expect(page.getByTestId('todo-list')).not.toContainText(`${year}年党建工作经费预算尚未录入`);
  await screenshot(page, 'funds-workbench');

  // reload: all still there
  await reopen(page);
  await page.getByRole('menuitem', { name: '经费保障' }).click();
  await expect(lineRow(page, '主题党日')).toContainText('超支');
  await expect(page.getByTestId('fund-lines-total')).toContainText('4,300.65');
  await expect(page.getByTestId('expenses').locator('tbody tr')).toHaveCount(4);
  await screenshot(page, 'funds-after-reload');

  // another year has its own (empty) budget; the area opens again on this year
  await page.getByLabel('年度').click();
  await pickFromOpenList(page, `${year - 1}年`);
  await expect(page.getByTestId('fund-lines')).toContainText(`还没有${year - 1}年的预算科目`);
  await expect(page.getByRole('button', { name: '导出 Excel' })).toBeDisabled();
  await page.getByRole('menuitem', { name: '经费保障' }).click(); // the area opens on this year
  await expect(page.getByLabel('年度')).toBeVisible();
  await expect(lineRow(page, '主题党日')).toContainText('超支');
});

test('the 工委 sees a unit’s funds read-only under 单位', async ({ browser }) => {
  test.setTimeout(360_000); // the committee's key backup (scrypt) and two workspaces on a loaded machine
  const open = async () => {
    const p = await (await browser.newContext()).newPage();
    await p.goto('/');
    return p;
  };
  const committee = await open();
  await setUpAsCommittee(committee);
  const unit = await open();
  await setUpAsUnit(unit, '市财政局', 180);
  await unit.getByRole('menuitem', { name: '经费保障' }).click();
  await addLine(unit, '三会一课', '800');
  await addExpense(unit, { line: '三会一课', date: `${year}-04-10`, amount: '900', purpose: '支部党员大会学习资料', voucher: '记-04-0007' });
  await expect(lineRow(unit, '三会一课')).toContainText('超支');

  await enrolUnitWithCommittee(committee, unit, '市财政局', { receipt: false });
  await committee.getByRole('menuitem', { name: '单位' }).click();
  await committee.getByTestId('register-unit-link').filter({ hasText: '市财政局' }).click();
  await expect(committee.getByTestId('read-only-banner')).toBeVisible();
  await committee.getByRole('menuitem', { name: '经费保障' }).click();
  await expect(lineRow(committee, '三会一课')).toContainText('900.00');
  await expect(lineRow(committee, '三会一课')).toContainText('超支');
  await expect(committee.getByTestId('expenses')).toContainText('记-04-0007');
  for (const button of ['新增预算科目', '登记支出', '编辑', '删除']) await expect(committee.getByRole('button', { name: button })).toHaveCount(0);
  await expect(committee.getByRole('button', { name: '导出 Excel' })).toBeEnabled();
  await screenshot(committee, 'funds-committee-read-only');
});
