/**
 * 整改落实 as a new unit cadre would use it: an empty ledger that says what to do, a form that
 * says in Chinese what is missing, an item whose deadline has passed (red in the ledger and urgent
 * on the workbench), one due soon saved with the Enter key, a progress note, 销号 with a date and
 * evidence in a confirm dialog (the counts and the workbench change), 重新打开, a confirmed delete,
 * and everything still there after a reload.
 */
import dayjs from 'dayjs';
import { expect, test, type Page } from '@playwright/test';
import { confirmInDialog, pickFromOpenList, screenshot, setUpAsUnit } from './helpers';

async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function count(page: Page, testId: string, value: number): Promise<void> {
  await expect(page.getByTestId(testId).locator('.ant-statistic-content-value')).toHaveText(String(value));
}

const PROBLEM = '巡察反馈：理论学习中心组学习流于形式，专题研讨不深入';
const SOON = '督导发现：第二党支部党员发展档案材料不齐全';

test('register an overdue item, see it on the workbench, note progress, 销号 it, reopen, delete', async ({ page }) => {
  test.setTimeout(180_000);
  const today = dayjs();
  const past = today.subtract(10, 'day').format('YYYY-MM-DD');
  const soon = today.add(7, 'day').format('YYYY-MM-DD');

  await page.goto('/');
  await setUpAsUnit(page, '市财政局', 180);

  // 整改落实 is built: an empty ledger says what to do
  await page.getByRole('menuitem', { name: '整改落实' }).click();
  await expect(page.getByTestId('rect-list')).toContainText('还没有整改事项');
  await expect(page.getByTestId('rect-list')).toContainText('工委下达的红黄牌和述职评议发现的问题');
  await count(page, 'rect-count-total', 0);
  await screenshot(page, 'rectification-empty');

  // saving an empty form says what is missing, on the fields (the problem's message from the record schema)
  await page.getByRole('button', { name: '登记整改事项' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('登记整改事项')).toBeVisible();
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer.locator('.ant-form-item-explain-error').getByText('请选择问题来源')).toBeVisible();
  await drawer.getByLabel('问题来源', { exact: true }).click();
  await pickFromOpenList(page, '巡察');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer.locator('.ant-form-item-explain-error').getByText('不能为空，请填写')).toBeVisible();
  await screenshot(page, 'rectification-form-errors');

  // the item, with a deadline already past
  await drawer.getByLabel('问题描述').fill(PROBLEM);
  await drawer.getByLabel('整改措施及进展').fill('制定中心组年度学习计划，每次学习确定研讨主题和重点发言人');
  await drawer.getByLabel('责任人').fill('办公室 李明');
  await pickDate(page, '整改时限', past);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记整改事项')).toBeVisible();
  await expect(drawer).toHaveCount(0);
  const overdueRow = page.getByTestId('rect-list').locator('tr[data-overdue="true"]');
  await expect(overdueRow).toContainText(PROBLEM);
  await expect(overdueRow).toContainText('逾期');
  await expect(overdueRow).toContainText('已超过整改时限 10 天');
  await count(page, 'rect-count-total', 1);
  await count(page, 'rect-count-overdue', 1);

  // a second item due in a week, saved with the Enter key
  await page.getByRole('button', { name: '登记整改事项' }).click();
  await drawer.getByLabel('问题来源', { exact: true }).click();
  await pickFromOpenList(page, '督导');
  await drawer.getByLabel('问题描述').fill(SOON);
  await pickDate(page, '整改时限', soon);
  await drawer.getByLabel('责任人').fill('组织科 王芳');
  await drawer.getByLabel('责任人').press('Enter');
  await expect(page.getByText('已登记整改事项')).toHaveCount(1);
  await expect(page.getByTestId('rect-list')).toContainText(SOON);
  await count(page, 'rect-count-total', 2);
  await count(page, 'rect-count-overdue', 1);
  await expect(page.getByTestId('rect-count-overdue')).toContainText('另有 1 项两周内到期');
  await screenshot(page, 'rectification-list-overdue');

  // the overdue filter shows the late one only
  await page.getByText('只看逾期未销号').click();
  await expect(page.getByTestId('rect-shown')).toHaveText('显示 1 项，共 2 项');
  await expect(page.getByTestId('rect-list')).not.toContainText(SOON);
  await page.getByText('只看逾期未销号').click();
  await expect(page.getByTestId('rect-shown')).toHaveText('共 2 项');

  // the workbench: the late item urgent, the other a reminder, each with a way there
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const todos = page.getByTestId('todo-list');
  const lateTodo = todos.locator('.ant-list-item').filter({ hasText: '整改事项逾期未销号' });
  await expect(lateTodo).toContainText('紧急');
  await expect(lateTodo).toContainText('请督促责任人办公室 李明抓紧整改');
  await expect(todos.locator('.ant-list-item').filter({ hasText: '整改事项即将到期' })).toContainText('还有 7 天到期');
  await screenshot(page, 'rectification-workbench');
  await lateTodo.getByText('去处理').click();
  await expect(page.getByTestId('rect-list')).toBeVisible();

  // a progress note: the item is 整改中, the note dated in its measures
  const row = page.getByTestId('rect-list').locator('tr').filter({ hasText: PROBLEM });
  await row.getByRole('button', { name: '记录进展' }).click();
  await page.getByRole('dialog').getByLabel('本次进展').fill('已印发中心组年度学习计划');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('进展已记录')).toBeVisible();
  await expect(row).toContainText('整改中');
  await count(page, 'rect-count-in-progress', 1);
  await row.getByRole('button', { name: '展开行' }).click();
  await expect(page.getByTestId('rect-list')).toContainText(`${today.year()}年${today.month() + 1}月${today.date()}日进展：已印发中心组年度学习计划`);

  // 销号: the dialog asks for the evidence, then the counts and the workbench change
  await row.getByRole('button', { name: '销号' }).click();
  const closeDialog = page.getByRole('dialog');
  await expect(closeDialog).toContainText('确认该问题已整改到位并销号？');
  await closeDialog.getByRole('button', { name: '确认销号' }).click();
  await expect(closeDialog.getByText('销号前请写明佐证材料')).toBeVisible();
  await closeDialog.getByLabel('佐证材料').fill('中心组年度学习计划（党办存档）、两次专题研讨会议记录');
  await screenshot(page, 'rectification-close-dialog');
  await confirmInDialog(page, '确认销号');
  await expect(page.getByText('已销号，将随下一个同步包报送工委')).toBeVisible();
  await count(page, 'rect-count-closed', 1);
  await count(page, 'rect-count-overdue', 0);
  await count(page, 'rect-count-in-progress', 0);
  await expect(row).toContainText('已销号');
  await expect(page.getByTestId('rect-list').locator('tr[data-overdue="true"]')).toHaveCount(0);
  await screenshot(page, 'rectification-closed');
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(todos).toContainText('整改事项即将到期');
  await expect(todos).not.toContainText('整改事项逾期未销号');

  // 重新打开 (confirmed): late again
  await page.getByRole('menuitem', { name: '整改落实' }).click();
  await row.getByRole('button', { name: '重新打开' }).click();
  await confirmInDialog(page, '重新打开');
  await count(page, 'rect-count-overdue', 1);
  await count(page, 'rect-count-closed', 0);

  // the unit's own item can be deleted, after a confirmation
  const soonRow = page.getByTestId('rect-list').locator('tr').filter({ hasText: SOON });
  await soonRow.getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('dialog')).toContainText('删除该整改事项？');
  await confirmInDialog(page, '删除');
  await expect(page.getByTestId('rect-list')).not.toContainText(SOON);
  await count(page, 'rect-count-total', 1);

  // still there after a reload
  await page.reload();
  await expect(page.getByTestId('rect-list')).toContainText(PROBLEM);
  await count(page, 'rect-count-overdue', 1);
  await count(page, 'rect-count-in-progress', 1);
});
