/**
 * 关怀激励 as a new unit cadre would use it: the empty tabs say what to record; a 走访慰问 with a
 * 慰问金额 typed in 元 (a person picked from nothing typed, a third decimal refused in words), a
 * 表彰 with its level, a 宣传稿件 (its missing outlet refused in words); the totals of each tab; an
 * edited amount; a delete that asks first; everything still there after a reload. Then the 工委,
 * after the unit's first bundle, sees the records read-only (no write action).
 */
import dayjs from 'dayjs';
import { expect, test, type Page } from '@playwright/test';
import { confirmInDialog, enrolUnitWithCommittee, reopen, screenshot, setUpAsCommittee, setUpAsUnit } from './helpers';

const year = dayjs().year();
const today = dayjs().format('YYYY-MM-DD');

/** Types a date and presses Enter, which also submits the form (the date is the last field filled). */
async function pickDateAndSubmit(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function saved(page: Page, message: string): Promise<void> {
  await expect(page.getByText(message).last()).toBeVisible(); // the same person's earlier toast may still show
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

async function save(page: Page, message: string): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await saved(page, message);
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

async function addVisit(page: Page, name: string, amount: string, reason: string): Promise<void> {
  await page.getByRole('button', { name: '登记走访慰问' }).first().click();
  const dialog = page.getByRole('dialog');
  // the person field has the focus: type the name from the keyboard
  await expect(dialog.getByLabel('慰问对象')).toBeFocused();
  await page.keyboard.type(name);
  await dialog.getByLabel('慰问事由').fill(reason);
  await dialog.getByLabel('走访人员').fill('李书记、王委员');
  await dialog.getByLabel('慰问金额').fill(amount);
  await pickDateAndSubmit(page, '走访日期', today);
  await saved(page, `已登记对“${name}”的走访慰问`);
}

test('走访慰问, 表彰 and 宣传 of the year: totals, edit, delete with confirm, reload', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await setUpAsUnit(page);
  await page.getByRole('menuitem', { name: '关怀激励' }).click();
  await expect(page.getByTestId('visits')).toContainText(`还没有${year}年的走访慰问记录`);
  await screenshot(page, 'care-empty');

  // a visit: a third decimal is refused in words, then saved
  await page.getByRole('button', { name: '登记走访慰问' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('慰问金额').fill('500.123');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写慰问对象的姓名')).toBeVisible();
  await expect(dialog.getByText('请选择走访日期')).toBeVisible();
  await expect(dialog.getByText('金额最多保留两位小数（精确到分），请核对')).toBeVisible();
  await screenshot(page, 'care-visit-errors');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toHaveCount(0);

  await addVisit(page, '王建国', '500', '“七一”走访慰问老党员');
  await addVisit(page, '李秀英', '0.1', '生活困难党员慰问');
  await addVisit(page, '王建国', '0.2', '重阳节慰问');
  const visitTotals = page.getByTestId('visit-totals');
  await expect(visitTotals).toContainText(`${year}年走访慰问（人次）3`);
  await expect(visitTotals).toContainText('慰问对象（人）2');
  await expect(visitTotals).toContainText('500.30');
  await expect(page.getByTestId('visits-total')).toContainText('3 人次');
  // the 慰问事由 may tell of health or hardship: hidden in the list until asked for (audited)
  await expect(page.getByTestId('visits')).not.toContainText('生活困难党员慰问');
  await page.getByRole('button', { name: '显示对“李秀英”的慰问事由' }).click();
  await expect(page.getByTestId('visits')).toContainText('生活困难党员慰问');
  await page.getByRole('button', { name: '隐藏对“李秀英”的慰问事由' }).click();
  await expect(page.getByTestId('visits')).not.toContainText('生活困难党员慰问');

  // edit an amount
  await page.getByRole('button', { name: '编辑对“李秀英”的走访慰问' }).click();
  await expect(page.getByRole('dialog').getByLabel('慰问金额')).toHaveValue('0.10');
  await page.getByRole('dialog').getByLabel('慰问金额').fill('300');
  await save(page, '已保存');
  await expect(visitTotals).toContainText('800.20');
  await screenshot(page, 'care-visits');

  // delete asks first: cancel keeps, 删除 removes
  await page.getByRole('button', { name: '删除对“李秀英”的走访慰问' }).click();
  await expect(page.getByRole('dialog')).toContainText('删除对“李秀英”的走访慰问记录？');
  await confirmInDialog(page, '取消');
  await expect(page.getByTestId('visits')).toContainText('李秀英');
  await page.getByRole('button', { name: '删除对“李秀英”的走访慰问' }).click();
  await confirmInDialog(page, '删除');
  await expect(page.getByText('已删除走访慰问记录')).toBeVisible();
  await expect(page.getByTestId('visits')).not.toContainText('李秀英');
  await expect(visitTotals).toContainText('500.20');

  // a commendation
  await tab(page, '表彰');
  await expect(page.getByTestId('commendations')).toContainText(`还没有${year}年的表彰记录`);
  await page.getByRole('button', { name: '登记表彰' }).first().click();
  await page.getByRole('dialog').getByLabel('表彰对象').fill('刘芳');
  await page.getByRole('dialog').getByLabel('荣誉名称').fill('优秀共产党员');
  await page.getByRole('dialog').getByLabel('表彰级别').fill('市直机关');
  await page.keyboard.press('Tab'); // closes the level suggestions, which cover the date field
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await pickDateAndSubmit(page, '表彰日期', today);
  await saved(page, '已登记“刘芳”的表彰');
  await expect(page.getByTestId('commendation-totals')).toContainText(`${year}年获表彰（项）1`);
  await expect(page.getByTestId('commendation-totals')).toContainText('市直机关1项');
  await screenshot(page, 'care-commendations');

  // a publicity item: the outlet is asked for
  await tab(page, '宣传');
  await page.getByRole('button', { name: '登记宣传稿件' }).first().click();
  await page.getByRole('dialog').getByLabel('标题').fill('市财政局开展“七一”主题党日活动');
  await pickDateAndSubmit(page, '刊发日期', today);
  await expect(page.getByRole('dialog').getByText('请填写刊发媒体，例如：市直机关党建网')).toBeVisible();
  await page.getByRole('dialog').getByLabel('刊发媒体').fill('市直机关党建网');
  await page.getByRole('dialog').getByLabel('媒体级别').fill('市级');
  await page.keyboard.press('Tab'); // closes the level suggestions
  await save(page, '已登记宣传稿件');
  await expect(page.getByTestId('publicity-totals')).toContainText(`${year}年刊发宣传稿件（篇）1`);
  await expect(page.getByTestId('publicity').getByRole('row').filter({ hasText: '市直机关党建网' })).toContainText('市级');
  await screenshot(page, 'care-publicity');

  // reload: all still there
  await reopen(page);
  await page.getByRole('menuitem', { name: '关怀激励' }).click();
  await expect(page.getByTestId('visit-totals')).toContainText(`${year}年走访慰问（人次）2`);
  await expect(page.getByTestId('visit-totals')).toContainText('500.20');
  await tab(page, '表彰');
  await expect(page.getByTestId('commendations')).toContainText('优秀共产党员');
  await tab(page, '宣传');
  await expect(page.getByTestId('publicity')).toContainText('市直机关党建网');
});

test('the 工委 sees a unit’s 关怀激励 read-only under 单位', async ({ browser }) => {
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
  await unit.getByRole('menuitem', { name: '关怀激励' }).click();
  await addVisit(unit, '王建国', '600', '“七一”走访慰问老党员');

  await enrolUnitWithCommittee(committee, unit, '市财政局', { receipt: false });
  await committee.getByRole('menuitem', { name: '单位' }).click();
  await committee.getByTestId('register-unit-link').filter({ hasText: '市财政局' }).click();
  await expect(committee.getByTestId('read-only-banner')).toBeVisible();
  await committee.getByRole('menuitem', { name: '关怀激励' }).click();
  await expect(committee.getByTestId('visits')).toContainText('王建国');
  await expect(committee.getByTestId('visits')).toContainText('（已登记，仅本单位可见）');
  await expect(committee.getByTestId('visits')).not.toContainText('走访慰问老党员');
  await expect(committee.getByRole('button', { name: /慰问事由/ })).toHaveCount(0);
  await expect(committee.getByTestId('visit-totals')).toContainText('600.00');
  for (const button of ['登记走访慰问', '编辑', '删除']) await expect(committee.getByRole('button', { name: button })).toHaveCount(0);
  await screenshot(committee, 'care-committee-read-only');
});
