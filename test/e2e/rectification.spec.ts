/**
 * 整改落实 as a new unit cadre would use it: an empty ledger that says what to do, a form that
 * says in Chinese what is missing, an item whose deadline has passed (red in the ledger and urgent
 * on the workbench), one due soon saved with Ctrl+Enter, a progress note, 销号 with a date and
 * evidence in a confirm dialog (the counts and the workbench change), 重新打开, a confirmed delete,
 * and everything still there after a reload. Then items from the 工委's yellow card and 述职评议:
 * linked to the card or the review year, source fixed, not deletable; and the committee sees the
 * unit's ledger read-only.
 */
import dayjs from 'dayjs';
import { expect, test, type Page } from '@playwright/test';
import { chooseFile, confirmInDialog, download, enrolUnitWithCommittee, pickFromOpenList, screenshot, reopen, setUpAsCommittee, setUpAsUnit } from './helpers';

async function pickDate(page: Page, label: string, date: string): Promise<void> {
  // optional fields are labelled 'X （可选）'
  const input = page.getByRole('dialog').getByLabel(label);
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
  await expect(drawer.getByLabel('问题来源', { exact: true })).toBeFocused();
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer.locator('.ant-form-item-explain-error').getByText('请选择问题来源')).toBeVisible();
  await drawer.getByLabel('问题来源', { exact: true }).click();
  await pickFromOpenList(page, '巡察');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer.locator('.ant-form-item-explain-error').getByText('不能为空，请填写')).toBeVisible();
  await screenshot(page, 'rectification-form-errors');

  // the item, with a deadline already past
  await drawer.getByLabel('问题描述').fill(PROBLEM);
  await expect(drawer.locator('.ant-form-item-explain-error')).toHaveCount(0);
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

  // a second item due in a week, saved from the keyboard (Ctrl+Enter)
  await page.getByRole('button', { name: '登记整改事项' }).click();
  // the drawer opens on its first field
  await expect(drawer.getByLabel('问题来源', { exact: true })).toBeFocused();
  await drawer.getByLabel('问题来源', { exact: true }).click();
  await pickFromOpenList(page, '督导');
  await drawer.getByLabel('问题描述').fill(SOON);
  await pickDate(page, '整改时限', soon);
  await drawer.getByLabel('责任人').fill('组织科 王芳');
  await drawer.getByLabel('责任人').press('Control+Enter');
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
  // … as does the overdue count, from the keyboard too; the total shows all again
  await page.getByTestId('rect-count-overdue').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rect-shown')).toHaveText('显示 1 项，共 2 项');
  await expect(page.getByRole('checkbox', { name: '只看逾期未销号' })).toBeChecked();
  await page.getByTestId('rect-count-total').click();
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
  await reopen(page);
  await expect(page.getByTestId('rect-list')).toContainText(PROBLEM);
  await count(page, 'rect-count-overdue', 1);
  await count(page, 'rect-count-in-progress', 1);
});

test("items from a yellow card and a 述职评议 are linked and keep their source; the committee sees the ledger read-only", async ({ browser }) => {
  test.setTimeout(240_000);
  const UNIT = '市财政局';
  const TRIGGER = '第三季度两个党支部未召开党员大会';
  const REVIEW_PROBLEM = '对下属支部督促检查不够';
  const committee = await (await browser.newContext()).newPage();
  const unit = await (await browser.newContext()).newPage();
  await committee.goto('/');
  await setUpAsCommittee(committee);
  await unit.goto('/');
  await setUpAsUnit(unit, UNIT, 180);
  await enrolUnitWithCommittee(committee, unit, UNIT);

  // the committee issues a yellow card and sends it with the unit's return bundle
  await committee.getByRole('menuitem', { name: '督责问责' }).click();
  await committee.getByRole('button', { name: '亮牌' }).click();
  const issue = committee.getByRole('dialog', { name: '亮牌' });
  await issue.getByRole('combobox', { name: '单位' }).click();
  await pickFromOpenList(committee, UNIT);
  await issue.getByLabel('亮牌事由').fill(TRIGGER);
  await issue.getByRole('button', { name: '发出' }).click();
  await committee.getByRole('button', { name: '确认发出' }).click();
  await expect(committee.getByText(`已向${UNIT}发出黄牌`)).toBeVisible();
  // … and records the year's 述职评议 with a problem found
  await committee.getByRole('tab', { name: '述职评议' }).click();
  await committee.getByRole('row').filter({ hasText: UNIT }).getByRole('button', { name: '评议' }).click();
  const review = committee.getByRole('dialog', { name: `${UNIT} · ${dayjs().year()}年度述职评议` });
  await review.getByText('一般', { exact: true }).click();
  await review.getByLabel('发现的问题').fill(REVIEW_PROBLEM);
  await review.getByRole('button', { name: '保存' }).click();
  await expect(committee.getByText(`已保存${UNIT}的${dayjs().year()}年度述职评议`)).toBeVisible();
  await committee.getByRole('menuitem', { name: '同步' }).click();
  const unitRow = committee.getByTestId('enrolled-units').getByRole('row').filter({ hasText: UNIT });
  const back = await download(committee, () => unitRow.getByRole('button', { name: '生成回执' }).click());
  await unit.getByRole('menuitem', { name: '同步' }).click();
  await unit.getByRole('button', { name: '继续导入' }).click();
  await chooseFile(unit, '选择同步包', back);
  await unit.getByRole('button', { name: '确认导入' }).click();
  await expect(unit.getByTestId('import-result')).toBeVisible();

  // the unit answers the card on its workbench; the item is in its ledger, linked to the card
  await unit.getByRole('menuitem', { name: '工作台' }).click();
  const card = unit.getByTestId('inbox-card').filter({ hasText: TRIGGER });
  await card.getByRole('button', { name: '建立整改事项' }).click();
  const answer = unit.getByRole('dialog', { name: '建立整改事项' });
  await answer.getByLabel('整改措施').fill('两个党支部补开党员大会');
  await answer.getByRole('button', { name: '保存' }).click();
  await expect(unit.getByText('整改情况已保存')).toBeVisible();
  await unit.getByTestId('inbox-review').getByRole('button', { name: '建立整改事项' }).click();
  await expect(unit.getByText('已建立整改事项，将随下一个同步包报送工委')).toBeVisible();
  await unit.getByRole('menuitem', { name: '整改落实' }).click();
  const fromReview = unit.getByTestId('rect-list').locator('tr').filter({ hasText: REVIEW_PROBLEM });
  await expect(fromReview).toContainText(`${dayjs().year()}年度述职评议`);
  await expect(fromReview.getByRole('button', { name: '删除' })).toHaveCount(0);
  await count(unit, 'rect-count-total', 2);
  const row = unit.getByTestId('rect-list').locator('tr').filter({ hasText: TRIGGER });
  await expect(row).toContainText('黄牌');
  await expect(row).toContainText(/黄牌\d{4}年\d{1,2}月\d{1,2}日亮牌/);
  await expect(row).toContainText('工委下达，来源不可修改');
  await expect(row.getByRole('button', { name: '删除' })).toHaveCount(0);
  await row.getByRole('button', { name: '编辑' }).click();
  const drawer = unit.getByRole('dialog', { name: '修改整改事项' });
  await expect(drawer).toContainText('来自工委：黄牌');
  await expect(drawer.getByLabel('问题来源')).toBeDisabled();
  await expect(drawer.getByLabel('问题描述')).toBeDisabled();
  await drawer.getByLabel('责任人').fill('组织科 王芳');
  await screenshot(unit, 'rectification-card-item-edit');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(unit.getByText('整改事项已保存')).toBeVisible();
  await expect(row).toContainText('组织科 王芳');

  // its next bundle takes the item to the committee, which sees the ledger read-only
  await unit.getByRole('menuitem', { name: '同步' }).click();
  const next = await download(unit, () => unit.getByRole('button', { name: '导出同步包' }).click());
  await committee.getByRole('menuitem', { name: '同步' }).click();
  await chooseFile(committee, '选择同步包', next);
  await expect(committee.getByTestId('import-preview')).toContainText(UNIT);
  await committee.getByRole('button', { name: '确认导入' }).click();
  await expect(committee.getByTestId('import-result')).toBeVisible();
  await committee.getByRole('menuitem', { name: '单位' }).click();
  await committee.getByTestId('register-unit-link').filter({ hasText: UNIT }).click();
  await committee.getByRole('menu', { name: '单位台账' }).getByRole('menuitem', { name: '整改落实' }).click();
  const seen = committee.getByTestId('rect-list').locator('tr').filter({ hasText: TRIGGER });
  await expect(seen).toContainText('组织科 王芳');
  await expect(seen).toContainText('黄牌');
  await expect(committee.getByTestId('rect-list')).toContainText(REVIEW_PROBLEM);
  await count(committee, 'rect-count-total', 2);
  await expect(committee.getByRole('button', { name: '登记整改事项' })).toHaveCount(0);
  await expect(committee.getByTestId('rect-list').getByRole('button', { name: /编辑|销号|删除|记录进展/ })).toHaveCount(0);
  await screenshot(committee, 'rectification-committee-read-only');
});
