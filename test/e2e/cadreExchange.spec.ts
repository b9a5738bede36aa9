/**
 * 党务干部双向交流 as a new unit cadre would record it (issue 14): the empty tab says what to
 * record; a cadre posted from a line post into a party-affairs post is saved without 任前考察
 * (the form warns, and says why); the list, the tab's alert and the workbench flag the missing
 * 任前考察; the cadre opens the posting from the workbench's link, fills in the 任前考察 date and
 * result, and the flags are gone. A posting back to a line post needs none (不适用).
 */
import dayjs from 'dayjs';
import { expect, test, type Page } from '@playwright/test';
import { confirmInDialog, screenshot, setUpAsUnit } from './helpers';

const year = dayjs().year();
const today = dayjs().format('YYYY-MM-DD');
// the 任前考察 comes before the posting (a week before today; never after it)
const vettedOn = dayjs().subtract(7, 'day').format('YYYY-MM-DD');

async function saved(page: Page, message: string): Promise<void> {
  await expect(page.getByText(message).last()).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Types a date into a picker of the open dialog and confirms it with Enter (which also submits the form). */
async function typeDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

test('a posting into a party-affairs post without 任前考察 is flagged until it is filled in', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await setUpAsUnit(page);
  await page.getByRole('menuitem', { name: '关怀激励' }).click();
  await page.getByRole('tab', { name: '双向交流', exact: true }).click();
  await expect(page.getByTestId('exchanges')).toContainText(`还没有${year}年的党务干部双向交流记录`);
  await screenshot(page, 'exchange-empty');

  // a cadre from a line post into a party-affairs post, its 任前考察 not at hand yet
  await page.getByRole('button', { name: '登记双向交流' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('姓名')).toBeFocused();
  await page.keyboard.type('陈静');
  await expect(dialog.getByLabel('业务岗位→党务岗位')).toBeChecked();
  await dialog.getByLabel('原岗位').fill('预算科科员');
  await dialog.getByLabel('交流后岗位').fill('机关党委专职副书记');
  // the form says what is missing and why, and lets the cadre save anyway
  await expect(dialog.getByText('尚未填写任前考察')).toBeVisible();
  await expect(dialog).toContainText('干部交流到党务岗位前应进行任前考察');
  await screenshot(page, 'exchange-form-warning');
  await typeDate(page, '交流日期', today);
  await saved(page, '已登记陈静的双向交流');

  // flagged: in the list, in the tab's alert and in the totals
  const list = page.getByTestId('exchanges');
  await expect(list).toContainText('陈静');
  await expect(list).toContainText('业务岗位→党务岗位');
  await expect(list).toContainText('未登记任前考察');
  await expect(page.getByTestId('exchange-unvetted')).toContainText('1名干部交流到党务岗位，未登记任前考察：陈静');
  await expect(page.getByTestId('exchange-totals')).toContainText('未登记任前考察1人次');
  await screenshot(page, 'exchange-flagged');

  // and on the workbench, under 关怀激励, with a link to the posting's tab
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const group = page.getByTestId('todo-group-care');
  await expect(group).toBeVisible();
  const todo = page.getByTestId('todo-list').locator('.ant-list-item').filter({ hasText: '陈静交流到党务岗位，未登记任前考察' });
  await expect(todo).toBeVisible();
  await expect(todo).toContainText('交流到“机关党委专职副书记”');
  await screenshot(page, 'exchange-workbench');
  await todo.getByText('去处理').click();
  await expect(page.getByTestId('exchange-unvetted')).toBeVisible();

  // fill in the 任前考察
  await page.getByRole('button', { name: '编辑陈静的双向交流' }).click();
  await expect(page.getByRole('dialog').getByLabel('原岗位')).toHaveValue('预算科科员');
  await page.getByRole('dialog').getByLabel('任前考察结果').fill('考察合格，政治强、业务精、作风好');
  await typeDate(page, '任前考察日期', vettedOn);
  await saved(page, '已保存');
  await expect(list).toContainText(`${vettedOn}，考察合格，政治强、业务精、作风好`);
  await expect(list).not.toContainText('未登记任前考察');
  await expect(page.getByTestId('exchange-unvetted')).toHaveCount(0);
  await expect(page.getByTestId('exchange-totals')).toContainText('未登记任前考察0人次');

  // a posting back to a line post needs no 任前考察
  await page.getByRole('button', { name: '登记双向交流' }).first().click();
  await page.keyboard.type('刘洋');
  await page.getByRole('dialog').getByLabel('党务岗位→业务岗位').check();
  await expect(page.getByRole('dialog').getByLabel('任前考察日期')).toHaveCount(0);
  await page.getByRole('dialog').getByLabel('原岗位').fill('机关党委委员');
  await page.getByRole('dialog').getByLabel('交流后岗位').fill('办公室副主任');
  await typeDate(page, '交流日期', today);
  await saved(page, '已登记刘洋的双向交流');
  await expect(page.getByTestId('exchange-totals')).toContainText(`${year}年双向交流（人次）2`);
  await expect(list.getByRole('row').filter({ hasText: '刘洋' })).toContainText('不适用');
  await screenshot(page, 'exchange-fixed');

  // the workbench no longer lists it
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('title-bar')).toBeVisible();
  await expect(page.getByText('陈静交流到党务岗位，未登记任前考察')).toHaveCount(0);

  // a delete asks first
  await page.getByRole('menuitem', { name: '关怀激励' }).click();
  await page.getByRole('tab', { name: '双向交流', exact: true }).click();
  await page.getByRole('button', { name: '删除刘洋的双向交流' }).click();
  await expect(page.getByRole('dialog')).toContainText('删除刘洋的双向交流记录？');
  await confirmInDialog(page, '删除');
  await expect(page.getByText('已删除双向交流记录')).toBeVisible();
  await expect(list).not.toContainText('刘洋');
});
