/**
 * 三级五岗 as a new unit cadre would use it: an empty year that says what to do, the default list
 * generated with one click (three levels, five posts), a holder assigned, items self-checked
 * (落实 and 部分落实 with evidence) with the completeness moving per post and overall, an item added
 * and deleted with a confirm, and everything still there after a reload.
 */
import { expect, test } from '@playwright/test';
import { confirmInDialog, reopen, screenshot, setUpAsUnit } from './helpers';

test('seed the default list, assign a holder, self-check items, completeness follows, reload keeps it', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await setUpAsUnit(page, '市财政局', 180);

  await page.getByRole('menuitem', { name: '三级五岗' }).click();
  await expect(page.getByTestId('duties-empty')).toContainText('还没有');
  await screenshot(page, 'duties-empty');

  await page.getByRole('button', { name: '按默认清单生成本年度清单' }).click();
  const posts = page.getByTestId('duty-post');
  await expect(posts).toHaveCount(5);
  for (const level of ['党组（党委）', '机关党委', '党支部']) await expect(page.getByRole('region', { name: `${level}层级` })).toBeVisible();
  const overall = page.getByTestId('duties-overall');
  await expect(overall).toContainText('已自查 0/19（0%）');

  // the branch secretary's post gets a holder
  const branch = page.getByRole('region', { name: '岗位：党支部书记' });
  await expect(branch.getByTestId('duty-holder')).toHaveText('责任人：未明确');
  await branch.getByRole('button', { name: '编辑岗位“党支部书记”' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('责任人')).toBeFocused();
  await dialog.getByLabel('责任人').fill('王建国');
  await dialog.getByLabel('责任人').press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(branch.getByTestId('duty-holder')).toHaveText('责任人：王建国');

  // self-check two items: 落实 with evidence (Ctrl+Enter saves), 部分落实
  const firstItem = '履行党支部党建工作第一责任人职责，按规定开好“三会一课”、组织生活会';
  await branch.getByRole('button', { name: `自查：${firstItem}` }).click();
  await expect(dialog.getByTestId('self-check-item')).toHaveText(firstItem);
  await dialog.locator('label.ant-radio-button-wrapper', { hasText: /^落实$/ }).click();
  await expect(dialog.getByRole('radio', { name: '落实', exact: true })).toBeChecked();
  await dialog.getByLabel('自查情况及佐证').fill('全年召开支部党员大会4次、支委会12次，有会议记录');
  await dialog.getByLabel('自查情况及佐证').press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(branch.getByTestId('duty-post-completeness')).toHaveText('已自查 1/4（25%）');
  await expect(overall).toContainText('已自查 1/19（5%）');

  await branch.getByRole('button', { name: '自查：开展谈心谈话，了解掌握党员思想和工作情况' }).click();
  await dialog.locator('label.ant-radio-button-wrapper', { hasText: '部分落实' }).click();
  await dialog.getByLabel('自查情况及佐证').fill('谈心谈话覆盖80%党员，下一步补齐');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(branch.getByTestId('duty-post-completeness')).toHaveText('已自查 2/4（50%）');
  await expect(branch).toContainText('部分落实');
  await expect(branch).toContainText('全年召开支部党员大会4次');

  // an item added, then deleted with a confirm
  await branch.getByRole('button', { name: '为“党支部书记”新增职责事项' }).click();
  await dialog.getByLabel('职责内容').fill('督促党员按时足额交纳党费');
  await dialog.getByLabel('职责内容').press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(branch.getByTestId('duty-post-completeness')).toHaveText('已自查 2/5（40%）');
  await branch.getByRole('button', { name: '删除职责：督促党员按时足额交纳党费' }).click();
  await confirmInDialog(page, '删除');
  await expect(branch.getByTestId('duty-post-completeness')).toHaveText('已自查 2/4（50%）');
  await screenshot(page, 'duties-self-checked');

  // the workbench links to the area only when something is due; a reload keeps everything
  await reopen(page);
  const again = page.getByRole('region', { name: '岗位：党支部书记' });
  await expect(again.getByTestId('duty-holder')).toHaveText('责任人：王建国');
  await expect(again.getByTestId('duty-post-completeness')).toHaveText('已自查 2/4（50%）');
  await expect(page.getByTestId('duties-overall')).toContainText('已自查 2/19（11%）');
  await expect(again).toContainText('全年召开支部党员大会4次');
});
