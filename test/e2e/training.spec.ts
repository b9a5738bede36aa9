/**
 * 教育培训 as a new unit cadre would use it: create a class, enrol one branch, mark one member
 * absent with a reason and record part-time attendance, make the absence up in a later class, and
 * watch the coverage figures change; the sign-in sheet, the new-secretary flag on the workbench,
 * a refused delete, a confirmed delete, and everything still there after a reload.
 */
import dayjs from 'dayjs';
import { organisationsAndRoster } from './trainingUnit';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseShown, confirmInDialog, pickFromOpenList, reopen, screenshot, setUpAsUnit } from './helpers';

async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await pickFromOpenList(page, option);
}

async function expectCoverage(page: Page, members: string, heads?: string): Promise<void> {
  await page.getByRole('tab', { name: '学时与覆盖率' }).click();
  await expect(page.getByTestId('coverage-members-reason')).toHaveText(members);
  if (heads !== undefined) await expect(page.getByTestId('coverage-heads-reason')).toHaveText(heads);
}

test('create a class, enrol a branch, mark an absence and a make-up, see coverage change', async ({ page }) => {
  test.setTimeout(180_000);
  const today = dayjs();
  const year = today.year();
  // the class a few days ago (same year), the make-up class today: both held, so both count
  const dayOfYear = today.diff(today.startOf('year'), 'day');
  const classDay = (dayOfYear > 7 ? today.subtract(5, 'day') : today).format('YYYY-MM-DD');
  const makeUpDay = today.format('YYYY-MM-DD');
  const appointed = (dayOfYear > 40 ? today.subtract(30, 'day') : today.startOf('year')).format('YYYY-MM-DD');

  await page.goto('/');
  await setUpAsUnit(page, '市财政局', 180);

  // the organisation tree, the roster, and 王芳 as the (new) secretary of 第一党支部
  await organisationsAndRoster(page);
  await page.getByRole('tab', { name: '组织树' }).click();
  await page.getByRole('tree', { name: '党组织' }).getByText('第一党支部').click();
  await page.getByRole('button', { name: '登记委员' }).click();
  await choose(page, '党员', '王芳');
  await choose(page, '职务', '书记');
  await pickDate(page, '任职日期', appointed);
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记')).toBeVisible();

  // 教育培训: nothing yet
  await page.getByRole('menuitem', { name: '教育培训' }).click();
  await expect(page.getByTestId('class-list')).toContainText('还没有培训班');
  await screenshot(page, 'training-empty');

  // a new class; a validation error keeps what was typed
  await page.getByRole('button', { name: '新增培训班' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('培训类别')).toHaveValue('党员教育培训'); // a default from the list
  await dialog.getByLabel('培训形式').fill('专题讲座');
  await dialog.getByLabel('培训地点').fill('三楼会议室');
  await dialog.getByLabel('授课人').fill('市委党校 陈教授');
  await pickDate(page, '开始日期', classDay);
  await expect(dialog.getByLabel('结束日期')).toHaveValue(classDay); // follows the start
  await dialog.getByLabel('计划学时').fill('8');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写培训班名称')).toBeVisible();
  await expect(dialog.getByLabel('培训地点')).toHaveValue('三楼会议室');
  await dialog.getByLabel('培训班名称').fill(`${year}年第一期党员集中轮训`);
  await screenshot(page, 'training-class-form');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增培训班“${year}年第一期党员集中轮训”`)).toBeVisible();

  // its page: enrol 第一党支部 (not 第二)
  const detail = page.getByTestId('class-detail');
  await expect(detail).toContainText('本单位举办');
  await expect(detail).toContainText('本单位·三楼会议室');
  await page.getByRole('button', { name: '报名参训' }).click();
  await page.getByRole('dialog').getByLabel('党组织', { exact: true }).click();
  await pickFromOpenList(page, '第一党支部（党支部）');
  await expect(page.getByTestId('enrol-preview')).toHaveText('将报名 3 人。');
  await screenshot(page, 'training-enrol');
  await page.getByRole('button', { name: '报名（3 人）' }).click();
  await expect(page.getByText('已报名 3 人')).toBeVisible();
  const table = page.getByTestId('enrolment-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('tbody tr').nth(0)).toContainText('李强'); // sign-in order: by branch, then pinyin
  await expect(page.getByTestId('class-counts')).toHaveText('报名 3 人，参训 3 人');

  await expectCoverage(page, `${year}年党员应参训 4 人，已参训 3 人，覆盖率 75%，未达到全员覆盖`, `${year}年党组织书记应参训 1 人，已参训 1 人，覆盖率 100%，达到全员覆盖`);
  await page.goBack();

  // 赵敏 absent (the reason is required), 李强 only half a day; more than planned is refused and kept for correction
  await choose(page, '赵敏的参训情况', '缺训');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog').getByText('请填写缺训原因')).toBeVisible();
  await page.getByRole('dialog').getByLabel('缺训原因').fill('公务出差');
  await page.getByRole('dialog').getByLabel('缺训原因').press('Tab');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记赵敏缺训')).toBeVisible();
  const hours = page.getByLabel('李强的参训学时');
  await hours.fill('9');
  await hours.press('Enter');
  await expect(page.getByText('参训学时（9 学时）不能超过本班计划学时（8 学时），请核对')).toBeVisible();
  await expect(hours).toHaveValue('9.0');
  await hours.fill('4');
  await hours.press('Enter');
  await expect(page.getByTestId('class-counts')).toHaveText('报名 3 人，参训 2 人（部分缺课 1 人，未补训 1 人），缺训 1 人（未补训 1 人）');
  await expect(table.getByRole('row', { name: /赵敏/ })).toContainText('未补训');
  await screenshot(page, 'training-class-absence');

  await expectCoverage(page, `${year}年党员应参训 4 人，已参训 2 人，覆盖率 50%，未达到全员覆盖`);
  const hoursTable = page.getByTestId('member-hours');
  await expect(hoursTable.getByRole('row', { name: /李强/ })).toContainText('4');
  await page.getByText(/^未参训（\d+）$/).click();
  await expect(hoursTable.locator('tbody tr')).toHaveCount(2); // 赵敏 and 孙丽
  await expect(page.getByTestId('new-heads')).toContainText('王芳');
  await screenshot(page, 'training-coverage-untrained');

  // a make-up class today, then 赵敏's make-up from her absence
  await page.getByRole('tab', { name: '培训班' }).click();
  await page.getByRole('button', { name: '新增培训班' }).click();
  await dialog.getByLabel('培训班名称').fill(`${year}年党员集中轮训补训班`);
  await pickDate(page, '开始日期', makeUpDay);
  await dialog.getByLabel('计划学时').fill('4');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增培训班“${year}年党员集中轮训补训班”`)).toBeVisible();
  await page.getByRole('tab', { name: '培训班' }).click();
  await page.getByRole('button', { name: `${year}年第一期党员集中轮训` }).click();
  await page.getByRole('button', { name: '登记赵敏的补训' }).click();
  await chooseShown(page, '补训班', `${year}年党员集中轮训补训班（${dayjs(makeUpDay).format('YYYY年M月D日')}，4 学时）`);
  await expect(page.getByRole('dialog').getByLabel('补训学时')).toHaveValue('4.0');
  await screenshot(page, 'training-make-up');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记赵敏补训')).toBeVisible();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(table.getByRole('row', { name: /赵敏/ })).toContainText('已补训');
  await expect(page.getByTestId('class-counts')).toHaveText('报名 3 人，参训 2 人（部分缺课 1 人，未补训 1 人），缺训 1 人（均已补训）');
  await screenshot(page, 'training-class-detail');

  await expectCoverage(page, `${year}年党员应参训 4 人，已参训 3 人，覆盖率 75%，未达到全员覆盖`);
  await expect(page.getByTestId('member-hours').getByRole('row', { name: /赵敏/ })).toContainText('4');
  await screenshot(page, 'training-coverage');
  await page.goBack();

  // the sign-in sheet of the class
  await page.getByRole('button', { name: '签到表' }).click();
  await expect(page.getByTestId('sign-in-title')).toHaveText(`${year}年第一期党员集中轮训签到表`);
  await expect(page.getByTestId('sign-in-rows').locator('tbody tr.ant-table-row')).toHaveCount(3);
  await expect(page.getByRole('dialog')).toContainText('市委党校 陈教授');
  await screenshot(page, 'training-sign-in');
  await page.keyboard.press('Escape');

  // the first class cannot go while its absence is made up elsewhere
  await page.getByTestId('class-detail').getByRole('button', { name: '删除' }).first().click();
  await confirmInDialog(page, '删除');
  await expect(page.getByText(/赵敏缺训本班后已在《.*补训班》补训/)).toBeVisible();

  // the workbench: the new secretary without induction training
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('todo-list')).toContainText('新任第一党支部书记王芳：尚未参加任职培训');
  if (today.month() + 1 >= 10) await expect(page.getByTestId('todo-list')).toContainText(`${year}年党员教育培训尚未全员覆盖`);
  await screenshot(page, 'training-workbench');

  // delete the make-up class (confirmed): the absence is open again, coverage drops back
  await page.getByRole('menuitem', { name: '教育培训' }).click();
  await page.getByRole('row', { name: /补训班/ }).getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('dialog')).toContainText('该班的 1 条参训记录将一并删除，相关学时不再计入；其中 1 人在本班补训其他培训班');
  await confirmInDialog(page, '删除');
  await expect(page.getByText('已删除')).toBeVisible();
  await expect(page.getByTestId('class-count')).toHaveText('共 1 个培训班');
  await screenshot(page, 'training-class-list');
  await expectCoverage(page, `${year}年党员应参训 4 人，已参训 2 人，覆盖率 50%，未达到全员覆盖`);

  // reload: it is all still there
  await reopen(page);
  await expect(page.getByTestId('coverage-members-reason')).toHaveText(`${year}年党员应参训 4 人，已参训 2 人，覆盖率 50%，未达到全员覆盖`);
  await page.getByRole('tab', { name: '培训班' }).click();
  await page.getByRole('button', { name: `${year}年第一期党员集中轮训` }).click();
  await expect(page.getByTestId('class-counts')).toHaveText('报名 3 人，参训 2 人（部分缺课 1 人，未补训 1 人），缺训 1 人（未补训 1 人）');
});

async function pickDateIn(dialog: Locator, label: string, date: string): Promise<void> {
  const input = dialog.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

test('a two-day class kept per day: a missed day, its make-up in a class created from the make-up dialog, hours per member', async ({ page }) => {
  test.setTimeout(180_000);
  const today = dayjs();
  const year = today.year();
  const dayOfYear = today.diff(today.startOf('year'), 'day');
  const start = dayOfYear > 12 ? today.subtract(10, 'day') : today.startOf('year');
  const day1 = start.format('YYYY-MM-DD');
  const day2 = start.add(1, 'day').format('YYYY-MM-DD');
  const d2 = `${start.add(1, 'day').month() + 1}月${start.add(1, 'day').date()}日`;
  const title = `${year}年党员集中轮训（两天）`;

  await page.goto('/');
  await setUpAsUnit(page, '市财政局', 180);
  await organisationsAndRoster(page);

  // the class: two days, 16 hours, attendance per day
  await page.getByRole('menuitem', { name: '教育培训' }).click();
  await page.getByRole('button', { name: '新增培训班' }).click();
  const form = page.getByRole('dialog', { name: '新增培训班' });
  await form.getByLabel('培训班名称').fill(title);
  await pickDateIn(form, '开始日期', day1);
  await pickDateIn(form, '结束日期', day2);
  await form.getByLabel('计划学时').fill('16');
  await form.getByText('分次登记考勤').click();
  const sessions = form.getByTestId('sessions-editor');
  await expect(sessions.getByLabel('第1次课日期')).toHaveValue(day1);
  await expect(sessions.getByLabel('第2次课日期')).toHaveValue(day2);
  await expect(sessions.getByLabel('第1次课学时')).toHaveValue('8.0');
  await expect(form.getByLabel('计划学时')).toBeDisabled();
  // a third session, then removed again: the planned hours follow the sum
  await sessions.getByRole('button', { name: '添加一次课' }).click();
  await expect(form.getByLabel('计划学时')).toHaveValue('24.0');
  await sessions.getByRole('button', { name: '删除第3次课' }).click();
  await expect(form.getByLabel('计划学时')).toHaveValue('16.0');
  await screenshot(page, 'training-sessions-form');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增培训班“${title}”`)).toBeVisible();
  await expect(page.getByTestId('class-sessions')).toContainText(`第2次（${d2}） 8 学时`);

  // enrol 第一党支部: every day ticked, 16 hours each
  await page.getByRole('button', { name: '报名参训' }).click();
  await page.getByRole('dialog').getByLabel('党组织', { exact: true }).click();
  await pickFromOpenList(page, '第一党支部（党支部）');
  await page.getByRole('button', { name: '报名（3 人）' }).click();
  await expect(page.getByText('已报名 3 人')).toBeVisible();
  const table = page.getByTestId('enrolment-table');
  await expect(page.getByLabel(`李强第2次（${d2}）出勤`)).toBeChecked();
  await expect(page.getByTestId('hours-李强')).toHaveText('16');

  // 李强 missed day 2
  await page.getByLabel(`李强第2次（${d2}）出勤`).uncheck();
  await expect(page.getByTestId('hours-李强')).toContainText('8');
  await expect(page.getByTestId('hours-李强')).toContainText('缺 1 次');
  await expect(page.getByTestId('class-counts')).toHaveText('报名 3 人，参训 3 人（部分缺课 1 人，未补训 1 人）');
  // 赵敏 cannot be left with no day at all while 参训: the app says what to do instead
  await page.getByLabel(`赵敏第1次（${dayjs(day1).month() + 1}月${dayjs(day1).date()}日）出勤`).uncheck();
  await page.getByLabel(`赵敏第2次（${d2}）出勤`).click(); // refused: the tick comes back
  await expect(page.getByText('赵敏一次课都没有参加，请将参训情况改为“缺训”并填写原因')).toBeVisible();
  await expect(page.getByLabel(`赵敏第2次（${d2}）出勤`)).toBeChecked();
  await page.getByLabel(`赵敏第1次（${dayjs(day1).month() + 1}月${dayjs(day1).date()}日）出勤`).check();
  await expect(page.getByTestId('hours-赵敏')).toHaveText('16');
  await screenshot(page, 'training-sessions-attendance');

  await page.getByRole('tab', { name: '学时与覆盖率' }).click();
  await expect(page.getByTestId('member-hours').getByRole('row', { name: /李强/ })).toContainText('8');
  await page.goBack();

  // the make-up of day 2, in a make-up class created right from the make-up dialog
  await page.getByRole('button', { name: '登记李强的补训' }).click();
  const makeUp = page.getByRole('dialog', { name: '登记补训：李强' });
  await expect(makeUp.getByTestId('make-up-miss')).toContainText(`李强《${title}》缺第2次（${d2}），共 8 学时`);
  await makeUp.getByRole('button', { name: '新建补训班' }).click();
  const newClass = page.getByRole('dialog', { name: '新增培训班' });
  await expect(newClass.getByLabel('培训班名称')).toHaveValue(`${title}补训班`);
  await pickDateIn(newClass, '开始日期', today.format('YYYY-MM-DD'));
  await newClass.getByLabel('计划学时').fill('8');
  await newClass.getByRole('button', { name: '保存' }).click();
  await expect(newClass).toBeHidden();
  await expect(makeUp.getByText(`${title}补训班（${today.format('YYYY年M月D日')}，8 学时）`)).toBeVisible();
  await expect(makeUp.getByLabel('补训学时')).toHaveValue('8.0');
  await screenshot(page, 'training-sessions-make-up');
  await makeUp.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记李强补训')).toBeVisible();
  await expect(table.getByRole('row', { name: /李强/ })).toContainText('缺课已补训');
  await expect(page.getByTestId('class-counts')).toHaveText('报名 3 人，参训 3 人（部分缺课 1 人，均已补训）');

  // coverage: day 1 and the make-up of day 2 make the planned 16 hours
  await page.getByRole('tab', { name: '学时与覆盖率' }).click();
  await expect(page.getByTestId('member-hours').getByRole('row', { name: /李强/ })).toContainText('16');
  await expect(page.getByTestId('coverage-members-reason')).toHaveText(`${year}年党员应参训 4 人，已参训 3 人，覆盖率 75%，未达到全员覆盖`);
  await page.goBack();

  // turning the sessions off warns that who-came-which-day would be reduced to totals
  await page.getByTestId('class-detail').getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: `编辑培训班：${title}` });
  await edit.getByText('分次登记考勤').click();
  await expect(edit.getByTestId('sessions-dropped-warning')).toContainText('3 人的按次出勤将只保留参训学时总数');
  await edit.getByRole('button', { name: '取消' }).click();

  // after a reload it is all still there
  await reopen(page);
  await expect(page.getByLabel(`李强第2次（${d2}）出勤`)).not.toBeChecked();
  await expect(page.getByTestId('class-counts')).toHaveText('报名 3 人，参训 3 人（部分缺课 1 人，均已补训）');
  await screenshot(page, 'training-sessions-detail');
});
