/**
 * A 工委-organised training class, as the two sides would use it (two browser contexts = two PCs):
 * the committee creates the class; it reaches the unit in the committee's return bundle; the unit
 * sees it read-only (no 编辑/删除, the Alert says why), enrols its branch and marks one member
 * 缺训; coverage counts the class; the unit's next bundle carries only the enrolments back, and the
 * committee sees them on its class page without being able to change them.
 */
import dayjs from 'dayjs';
import { organisationsAndRoster } from './trainingUnit';
import { expect, test, type Page } from '@playwright/test';
import { chooseFile, download, enrolUnitWithCommittee, pickFromOpenList, screenshot, setUpAsCommittee, setUpAsUnit } from './helpers';


async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function membersCoverage(page: Page, text: string): Promise<void> {
  await page.getByRole('tab', { name: '学时与覆盖率' }).click();
  await expect(page.getByTestId('coverage-members-reason')).toHaveText(text);
}

test('a 工委 class reaches the unit read-only, the unit enrols and marks attendance, the committee sees it', async ({ browser }) => {
  test.setTimeout(240_000);
  const today = dayjs();
  const year = today.year();
  // a few days ago (same year), so the class has been held and counts
  const dayOfYear = today.diff(today.startOf('year'), 'day');
  const classDay = (dayOfYear > 7 ? today.subtract(5, 'day') : today).format('YYYY-MM-DD');
  const title = `${year}年党支部书记示范培训班`;

  const committee = await (await browser.newContext()).newPage();
  const unit = await (await browser.newContext()).newPage();
  await committee.goto('/');
  await setUpAsCommittee(committee);
  await unit.goto('/');
  await setUpAsUnit(unit, '市财政局', 180);
  await organisationsAndRoster(unit);

  // committee: 教育培训 → 新增培训班, organised by the 工委
  await committee.getByRole('menuitem', { name: '教育培训' }).click();
  await committee.getByRole('button', { name: '新增培训班' }).click();
  const form = committee.getByRole('dialog', { name: '新增培训班' });
  await expect(form).toContainText('主办方：机关工委');
  await expect(form).not.toContainText('工委举办的培训班会随工委的同步包到达'); // the unit's hint, not here
  await form.getByLabel('培训类别').fill('党支部书记示范培训');
  await form.getByLabel('培训班名称').fill(title); // also closes the category's suggestion list
  await form.getByLabel('培训形式').fill('现场教学式');
  await form.getByLabel('授课人').click(); // closes the format's suggestion list
  await form.getByLabel('授课人').fill('市委党校 陈教授');
  await expect(form.getByLabel('培训场所类型')).toHaveValue(''); // not 本单位: that would read as the unit's own premises
  await form.getByLabel('培训地点').fill('市委党校报告厅');
  await pickDate(committee, '开始日期', classDay);
  await expect(form.getByLabel('结束日期')).toHaveValue(classDay);
  await form.getByLabel('计划学时').fill('8');
  await screenshot(committee, 'committee-training-form');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(committee.getByText(`已新增培训班“${title}”`)).toBeVisible();
  const committeeDetail = committee.getByTestId('class-detail');
  await expect(committeeDetail).toContainText('机关工委举办');
  await expect(committeeDetail).toContainText('党支部书记示范培训');
  await expect(committeeDetail).toContainText('8 学时');
  // the committee's own class: it may edit it, but enrolling is the units' business
  await expect(committeeDetail.getByRole('button', { name: '编辑' })).toBeVisible();
  await expect(committeeDetail.getByRole('button', { name: '报名参训' })).toHaveCount(0);
  await expect(committee.getByTestId('enrolment-table')).toContainText('各单位的参训情况由单位登记。');
  await expect(committee.getByTestId('class-counts')).toHaveText('尚未报名');

  // enrol the unit; its first bundle; the committee's return bundle carries the class
  await enrolUnitWithCommittee(committee, unit, '市财政局', {
    afterExport: async () => {
      await expect(unit.getByTestId('export-result')).toContainText('党员 4');
      await expect(unit.getByTestId('export-result')).not.toContainText('培训班'); // the unit has none of its own yet
    },
    preview: () => expect(committee.getByTestId('import-counts')).toContainText('党员'),
    // unit: the receipt's preview lists the class, one new
    receiptPreview: async () => {
      const receiptCounts = unit.getByTestId('import-counts');
      await expect(receiptCounts.getByRole('row', { name: /培训班/ })).toBeVisible();
      await expect(receiptCounts.getByRole('row', { name: /培训班/ }).getByRole('cell').nth(1)).toHaveText('1'); // 新增
      await screenshot(unit, 'committee-training-receipt-preview');
    },
  });

  // unit: the class in 教育培训, marked 工委举办, no 编辑/删除
  await unit.getByRole('menuitem', { name: '教育培训' }).click();
  await expect(unit.getByTestId('class-count')).toHaveText('共 1 个培训班');
  const row = unit.getByTestId('class-list').getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('工委举办');
  await expect(row).toContainText('党支部书记示范培训');
  await expect(row).toContainText('尚未报名');
  const open = row.getByRole('button', { name: '查看 / 登记参训' });
  await expect(open).toBeVisible();
  const [link, list] = [await open.boundingBox(), await unit.getByTestId('class-list').boundingBox()];
  expect(link!.x + link!.width).toBeLessThanOrEqual(list!.x + list!.width); // not running off the table
  await expect(row.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await expect(row.getByRole('button', { name: '删除' })).toHaveCount(0);
  await screenshot(unit, 'committee-training-unit-list');
  // held but nobody enrolled yet: nobody trained
  await membersCoverage(unit, `${year}年党员应参训 4 人，已参训 0 人，覆盖率 0%，未达到全员覆盖`);

  // its page: read-only except this unit's enrolments
  await unit.getByRole('tab', { name: '培训班' }).click();
  await unit.getByTestId('class-list').getByRole('button', { name: title }).click();
  const detail = unit.getByTestId('class-detail');
  await expect(detail).toContainText('机关工委举办');
  await expect(detail.getByRole('alert').first()).toHaveText('本培训班由机关工委举办，班次信息以工委下发的为准，不能修改；请在下方登记本单位党员的报名和参训情况。');
  await expect(detail).toContainText('市委党校 陈教授');
  await expect(detail.locator('th:has-text("培训地点") + td')).toHaveText('市委党校报告厅');
  await expect(detail.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: '删除' })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: '签到表' })).toBeVisible();

  // enrol 第一党支部, 赵敏 absent with a reason
  await unit.getByRole('button', { name: '报名参训' }).click();
  await unit.getByRole('dialog').getByLabel('党组织', { exact: true }).click();
  await pickFromOpenList(unit, '第一党支部（党支部）');
  await expect(unit.getByTestId('enrol-preview')).toHaveText('将报名 3 人。');
  await unit.getByRole('button', { name: '报名（3 人）' }).click();
  await expect(unit.getByText('已报名 3 人')).toBeVisible();
  const table = unit.getByTestId('enrolment-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(unit.getByTestId('class-counts')).toHaveText('报名 3 人，参训 3 人');
  await unit.getByLabel('赵敏的参训情况', { exact: true }).click();
  await pickFromOpenList(unit, '缺训');
  const absence = unit.getByRole('dialog', { name: '登记缺训：赵敏' });
  await absence.getByLabel('缺训原因').fill('公务出差');
  await absence.getByLabel('缺训原因').press('Tab');
  await absence.getByRole('button', { name: '保存' }).click();
  await expect(unit.getByText('已登记赵敏缺训')).toBeVisible();
  await expect(absence).toBeHidden();
  await expect(table.getByRole('row', { name: /赵敏/ })).toContainText('公务出差');
  await expect(table.getByRole('row', { name: /赵敏/ })).toContainText('未补训');
  await expect(unit.getByTestId('class-counts')).toHaveText('报名 3 人，参训 2 人，缺训 1 人（未补训 1 人）');
  await screenshot(unit, 'committee-training-unit-detail');

  // coverage counts the committee's class
  await membersCoverage(unit, `${year}年党员应参训 4 人，已参训 2 人，覆盖率 50%，未达到全员覆盖`);
  const hours = unit.getByTestId('member-hours');
  await expect(hours.getByRole('row', { name: /王芳/ })).toContainText('8');
  await expect(hours.getByRole('row', { name: /李强/ })).toContainText('8');
  await screenshot(unit, 'committee-training-unit-coverage');

  // unit: the next bundle carries only the enrolments
  await unit.getByRole('menuitem', { name: '同步' }).click();
  await expect(unit.getByTestId('pending-changes')).toContainText('有 3 条记录发生变化');
  const second = await download(unit, () => unit.getByRole('button', { name: '导出同步包' }).click());
  await expect(unit.getByTestId('export-result')).toContainText('变更数据，共 3 条记录：参训 3。');
  await screenshot(unit, 'committee-training-unit-export');

  // committee: imports them
  await committee.getByRole('button', { name: '继续导入' }).click();
  await chooseFile(committee, '选择同步包', second);
  await expect(committee.getByTestId('import-counts').getByRole('row', { name: /参训/ }).getByRole('cell').nth(1)).toHaveText('3');
  await committee.getByRole('button', { name: '确认导入' }).click();
  await expect(committee.getByTestId('import-result')).toContainText('写入 3 条');

  // committee: its class page lists 市财政局's members, read-only
  await committee.getByRole('menuitem', { name: '教育培训' }).click();
  const committeeRow = committee.getByTestId('class-list').getByRole('row', { name: new RegExp(title) });
  await expect(committeeRow).toContainText('参训 2 / 报名 3');
  await expect(committeeRow).toContainText('未补训 1');
  await committee.getByTestId('class-list').getByRole('button', { name: title }).click();
  await expect(committee.getByTestId('class-counts')).toHaveText('报名 3 人，参训 2 人，缺训 1 人（未补训 1 人）');
  const committeeTable = committee.getByTestId('enrolment-table');
  await expect(committeeTable.locator('tbody tr')).toHaveCount(3);
  for (const name of ['王芳', '李强', '赵敏']) {
    await expect(committeeTable.getByRole('row', { name: new RegExp(name) })).toContainText('第一党支部');
    await expect(committee.getByLabel(`${name}的参训情况`, { exact: true })).toBeDisabled();
    await expect(committee.getByLabel(`${name}的参训学时`, { exact: true })).toBeDisabled();
  }
  await expect(committeeTable.getByRole('row', { name: /赵敏/ })).toContainText('公务出差');
  await expect(committeeTable.getByRole('row', { name: /赵敏/ })).toContainText('未补训');
  await expect(committeeTable.getByRole('button', { name: '登记赵敏的补训' })).toHaveCount(0);
  await expect(committeeTable.getByRole('button', { name: /移除/ })).toHaveCount(0);
  await expect(committee.getByRole('button', { name: '报名参训' })).toHaveCount(0);
  await expect(committee.getByRole('button', { name: '全部参训' })).toHaveCount(0);
  await screenshot(committee, 'committee-training-committee-detail');
});
