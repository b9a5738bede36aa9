/**
 * 台账起始日期 (issue 16): a unit that starts its ledger in December is not shouted at for the
 * months and quarters before it. On a fixed day (6 December 2026, the browser's clock) a new
 * branch owes November's and the third quarter's meetings; once 设置 says the ledger starts on
 * 1 December, the workbench lists only December's and the fourth quarter's, says how many it leaves
 * out and why, and an overdue-type to-do that is not about a period stays.
 */
import { expect, test } from '@playwright/test';
import { pickFromOpenList, reopen, screenshot, setUpAsUnit } from './helpers';

test('the workbench leaves out the to-dos of periods before the 台账起始日期 set in 设置, and says so', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-06T10:00:00+08:00'));
  await page.goto('/');
  await setUpAsUnit(page, '市审计局', 90);
  await page.getByRole('menuitem', { name: '组织与党员' }).click();
  await page.getByRole('button', { name: '新增党组织' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('党组织名称').fill('第一党支部');
  await dialog.getByLabel('类别').click();
  await pickFromOpenList(page, '党支部');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已新增“第一党支部”')).toBeVisible();

  await page.getByRole('menuitem', { name: '工作台' }).click();
  const todos = page.getByTestId('todo-list');
  await expect(todos).toContainText('第一党支部：2026年11月主题党日未完成');
  await expect(todos).toContainText('第一党支部：2026年12月尚未召开主题党日');
  await expect(todos).toContainText('第一党支部：2026年第3季度党课未完成');
  await expect(todos).toContainText('专职党务干部配备不足');
  await expect(page.getByTestId('todo-before-start')).toHaveCount(0);

  // 设置: the ledger starts on 1 December
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByTestId('ledger-start-current')).toHaveText('未设置：各期待办均提示');
  const field = page.getByLabel('台账起始日期');
  await field.click();
  await field.fill('2026-12-01');
  await field.press('Enter');
  await page.getByTestId('ledger-start-save').click();
  await expect(page.getByText('台账起始日期已设为2026年12月1日')).toBeVisible();
  await expect(page.getByTestId('ledger-start-current')).toHaveText('现为2026年12月1日');

  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(todos).toContainText('第一党支部：2026年12月尚未召开主题党日');
  await expect(todos).toContainText('第一党支部：2026年第4季度尚未召开党课');
  await expect(todos).not.toContainText('11月');
  await expect(todos).not.toContainText('第3季度');
  await expect(todos).toContainText('专职党务干部配备不足'); // not about a period: stays
  await expect(page.getByTestId('todo-before-start')).toContainText('另有 3 项属于台账起始日期（2026年12月1日）之前的期间，不再提示');
  await screenshot(page, 'workbench-ledger-start');

  // after a reload it still holds; cleared, every period counts again
  await reopen(page);
  await expect(page.getByTestId('todo-before-start')).toBeVisible();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByLabel('台账起始日期').hover();
  await page.locator('.ant-picker-clear').click();
  await page.getByTestId('ledger-start-save').click();
  await expect(page.getByText('已清除台账起始日期')).toBeVisible();
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(todos).toContainText('第一党支部：2026年11月主题党日未完成');
  await expect(page.getByTestId('todo-before-start')).toHaveCount(0);
});
