/**
 * The 工委's city view as a new committee would use it, with two units on two more "PCs" (browser
 * contexts): the committee enrols 市财政局 and 市审计局 by name and 统一社会信用代码; 市财政局 builds a
 * branch whose term has run out (红色) and registers a member, 市审计局 a healthy tree with two
 * members; both send their first bundle and the committee imports them (fingerprints confirmed).
 * Then: 单位 shows the two units as separate rows with each unit's own counts, and the search by
 * pinyin initials narrows to one; 全市概况 says 纳管单位 2/2 and lists 市财政局's red branch; its link
 * opens that unit's organisation tree on the branch, read-only (banner, no write button); the
 * roster shows that unit's members only, masked, with no way to reveal them; the other unit's
 * roster shows its own members only.
 */
import dayjs from 'dayjs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseFile, chooseShown, creditCode, download, enrolAtCommittee, idNumber, pickFromOpenList, screenshot, setUpAsCommittee, setUpAsUnit, tick } from './helpers';

const FINANCE = { name: '市财政局', initials: 'sczj', staff: 150, code: creditCode(21) };
const AUDIT = { name: '市审计局', initials: 'ssjj', staff: 90, code: creditCode(22) };
const MASKED_ID = /^4113\*{10}\d{3}[\dX]$/;

async function newPage(page: Promise<Page>): Promise<Page> {
  const p = await page;
  await p.goto('/');
  // the database opens slowly on a loaded machine
  await expect(p.getByText('机关党建台账 · 初始设置')).toBeVisible({ timeout: 60_000 });
  return p;
}

async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Fills the open 党组织 dialog and saves it. */
async function addOrganisation(page: Page, o: { name: string; kind?: string; termStart: string; years: number }): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('党组织名称').fill(o.name);
  if (o.kind) {
    await dialog.getByLabel('类别').click();
    await pickFromOpenList(page, o.kind);
  }
  await pickDate(page, '本届任期开始', o.termStart);
  await dialog.getByLabel('任期（年）').fill(String(o.years));
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增“${o.name}”`)).toBeVisible();
  await expect(dialog).toBeHidden();
}

/** 党员花名册 → 登记党员, by hand, into `organisation` (as the select lists it). */
async function registerMember(page: Page, m: { name: string; id: string; joined: string; full: string; organisation: string }): Promise<void> {
  await page.getByRole('button', { name: '登记党员' }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('姓名').fill(m.name);
  await drawer.getByLabel('身份证号').fill(m.id);
  await pickDate(page, '入党时间', m.joined);
  await pickDate(page, '转正时间', m.full);
  await drawer.getByLabel('所在党组织').click();
  await pickFromOpenList(page, m.organisation);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已登记党员${m.name}`)).toBeVisible();
}

/** The unit takes its enrolment file (fingerprint confirmed) and exports its first bundle. */
async function enrolAndExport(unit: Page, enrolmentFile: string): Promise<string> {
  await unit.getByRole('menuitem', { name: '同步' }).click();
  await chooseFile(unit, '导入登记文件', enrolmentFile);
  await tick(unit, '已与工委电话核对，密钥指纹一致');
  await unit.getByRole('button', { name: '确认登记' }).click();
  await expect(unit.getByTestId('export-card')).toBeVisible();
  return download(unit, () => unit.getByRole('button', { name: '导出同步包' }).click());
}

/** The cell of `row` under the column headed `header` in the same table. */
async function cellUnder(table: Locator, row: Locator, header: string): Promise<Locator> {
  const headers = await table.locator('thead th').allInnerTexts();
  const index = headers.findIndex((h) => h.trim() === header);
  expect(index, `column ${header} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return row.locator('td').nth(index);
}

test('the committee sees the city unit by unit: register, dashboard, a red branch opened read-only, each roster its own', async ({ browser }) => {
  test.setTimeout(480_000); // the committee's key backup (scrypt) and three workspaces on a loaded machine
  const today = dayjs();
  const redStart = today.subtract(4, 'year').format('YYYY-MM-DD'); // 3 years: ran out a year ago
  const greenStart = today.subtract(1, 'year').format('YYYY-MM-DD');

  const committee = await newPage((await browser.newContext()).newPage());
  await setUpAsCommittee(committee);
  await committee.getByRole('menuitem', { name: '同步' }).click();
  const financeEnrolment = await enrolAtCommittee(committee, FINANCE.name, FINANCE.code);
  const auditEnrolment = await enrolAtCommittee(committee, AUDIT.name, AUDIT.code);

  // 市财政局: one branch whose term ran out, one member
  const finance = await newPage((await browser.newContext()).newPage());
  await setUpAsUnit(finance, FINANCE.name, FINANCE.staff, FINANCE.code);
  await finance.getByRole('menuitem', { name: '组织与党员' }).click();
  await finance.getByRole('button', { name: '新增党组织' }).click();
  await addOrganisation(finance, { name: '第一党支部', kind: '党支部', termStart: redStart, years: 3 });
  await expect(finance.getByTestId('term-reason')).toContainText('届满');
  await finance.getByRole('tab', { name: '党员花名册' }).click();
  await registerMember(finance, { name: '王芳', id: idNumber('1985-03-12', 22), joined: '2008-07-01', full: '2009-07-01', organisation: '第一党支部（党支部）' });
  await expect(finance.getByTestId('member-count')).toHaveText('共 1 人');
  const financeBundle = await enrolAndExport(finance, financeEnrolment);

  // 市审计局: 机关党委 → 第一党支部, both terms running, two members
  const audit = await newPage((await browser.newContext()).newPage());
  await setUpAsUnit(audit, AUDIT.name, AUDIT.staff, AUDIT.code);
  await audit.getByRole('menuitem', { name: '组织与党员' }).click();
  await audit.getByRole('button', { name: '新增党组织' }).click();
  await addOrganisation(audit, { name: '机关党委', termStart: greenStart, years: 5 });
  await audit.getByRole('button', { name: '新增下级组织' }).click();
  await addOrganisation(audit, { name: '第一党支部', termStart: greenStart, years: 3 });
  await audit.getByRole('tab', { name: '党员花名册' }).click();
  await registerMember(audit, { name: '李强', id: idNumber('1990-11-05', 13), joined: '2012-06-01', full: '2013-06-01', organisation: '第一党支部（党支部）' });
  await registerMember(audit, { name: '赵敏', id: idNumber('1996-01-20', 42), joined: '2019-03-01', full: '2020-03-01', organisation: '第一党支部（党支部）' });
  await expect(audit.getByTestId('member-count')).toHaveText('共 2 人');
  const auditBundle = await enrolAndExport(audit, auditEnrolment);

  // the committee imports both first bundles, each key confirmed by fingerprint
  for (const [i, bundle] of [financeBundle, auditBundle].entries()) {
    if (i > 0) await committee.getByRole('button', { name: '继续导入' }).click();
    await chooseFile(committee, '选择同步包', bundle);
    await expect(committee.getByTestId('import-preview')).toContainText([FINANCE.name, AUDIT.name][i]!);
    await tick(committee, '已与单位电话核对，密钥指纹一致');
    await committee.getByRole('button', { name: '确认导入' }).click();
    await expect(committee.getByTestId('import-result')).toContainText('已登记该单位的密钥', { timeout: 30_000 });
  }
  await expect(committee.getByTestId('enrolled-units').getByText('已启用')).toHaveCount(2);

  // 单位: one row per unit, each with its own counts (not the city's sums)
  await committee.getByRole('menuitem', { name: /单位$/ }).click();
  const register = committee.getByTestId('unit-register');
  const table = register.locator('table');
  const rowOf = (name: string) => table.locator('tbody tr').filter({ has: committee.getByTestId('register-unit-link').filter({ hasText: name }) });
  await expect(register.getByTestId('register-unit-link')).toHaveCount(2);
  const expected = [
    { unit: FINANCE, members: '1', organisations: '1', red: '1' },
    { unit: AUDIT, members: '2', organisations: '2', red: '0' },
  ];
  for (const e of expected) {
    const row = rowOf(e.unit.name);
    await expect(row).toHaveCount(1);
    await expect(await cellUnder(table, row, '统一社会信用代码')).toHaveText(e.unit.code);
    await expect(await cellUnder(table, row, '状态')).toHaveText('已启用');
    // the figures come from the dashboard worker: wait for them
    await expect(await cellUnder(table, row, '党员')).toHaveText(e.members, { timeout: 60_000 });
    await expect(await cellUnder(table, row, '党组织')).toHaveText(e.organisations);
    await expect(await cellUnder(table, row, '换届红色预警')).toHaveText(e.red);
    await expect(await cellUnder(table, row, '最近同步包')).toContainText('第1号（全量）');
  }
  await screenshot(committee, 'committee-city-register');

  // search by pinyin initials narrows to one unit, and back
  const search = register.getByLabel('查找单位');
  await search.fill(FINANCE.initials);
  await expect(register.getByTestId('register-unit-link')).toHaveCount(1);
  await expect(register.getByTestId('register-unit-link')).toHaveText(FINANCE.name);
  await search.fill(AUDIT.initials);
  await expect(register.getByTestId('register-unit-link')).toHaveCount(1);
  await expect(register.getByTestId('register-unit-link')).toHaveText(AUDIT.name);
  await search.fill('');
  await expect(register.getByTestId('register-unit-link')).toHaveCount(2);

  // the register's link gives the unit's address in the committee's workspace
  await register.getByTestId('register-unit-link').filter({ hasText: FINANCE.name }).click();
  await expect(committee.getByTestId('unit-context-title')).toHaveText(FINANCE.name);
  const financePath = new URL(committee.url()).hash.slice(1);
  expect(financePath).toMatch(/^\/units\/[^/?]+$/);

  // 全市概况: both units reporting, the red branch of 市财政局 listed
  await committee.getByRole('menuitem', { name: /全市概况$/ }).click();
  const headline = committee.getByTestId('city-headline');
  await expect(headline.locator('.ant-card').filter({ hasText: '纳管单位' })).toContainText('2/2', { timeout: 60_000 });
  await expect(headline.locator('.ant-card').filter({ hasText: '换届红色预警' })).toContainText('1');
  await expect(headline.locator('.ant-card').filter({ hasText: /^党员/ })).toContainText('3');
  await expect(committee.getByTestId('completion-heatmap')).toBeVisible();
  const alerts = committee.getByTestId('term-alerts');
  await expect(alerts).toContainText('红色 1 个');
  const alertRows = alerts.locator('tbody tr').filter({ has: committee.getByTestId('term-alert-link') });
  await expect(alertRows).toHaveCount(1);
  await expect(alertRows).toContainText(FINANCE.name);
  await expect(alertRows).toContainText('红色');
  await expect(alertRows.getByTestId('term-alert-link')).toHaveText('第一党支部（党支部）');
  await expect(alerts).not.toContainText(AUDIT.name);
  await screenshot(committee, 'committee-city-dashboard');

  // both units were set up with a 党组: none is led by a 党委, and the 党组 view is the whole city
  await chooseShown(committee, '单位范围', '设党委的单位');
  await expect(committee.getByText('没有设党委的单位')).toBeVisible({ timeout: 60_000 });
  await chooseShown(committee, '单位范围', '设党组的单位');
  await expect(committee.getByTestId('dashboard-basis')).toContainText('范围：设党组的单位', { timeout: 60_000 });
  await expect(headline.locator('.ant-card').filter({ hasText: '纳管单位' })).toContainText('2/2');
  await chooseShown(committee, '单位范围', '全部单位');
  await expect(committee.getByTestId('dashboard-basis')).not.toContainText('范围');

  // the alert opens 市财政局's organisation tree on the branch, read-only
  await alertRows.getByTestId('term-alert-link').click();
  await expect(committee).toHaveURL(new RegExp(`#${financePath}/organisations\\?org=`));
  await expect(committee.getByTestId('unit-context-title')).toHaveText(FINANCE.name);
  await expect(committee.getByTestId('read-only-banner')).toBeVisible();
  await expect(committee.getByTestId('read-only-banner')).toContainText('只读');
  const tree = committee.getByRole('tree', { name: '党组织' });
  await expect(tree.locator('.ant-tree-treenode-selected')).toContainText('第一党支部');
  await expect(tree).not.toContainText('机关党委'); // 市审计局's organisation is not mixed in
  const detail = committee.getByTestId('organisation-detail');
  await expect(detail).toContainText('第一党支部');
  await expect(detail.getByTestId('term-reason')).toContainText('届满');
  for (const button of ['新增党组织', '编辑', '新增下级组织', '记录换届', '延期换届', '撤销']) await expect(committee.getByRole('button', { name: button })).toHaveCount(0);
  // the hint says what is missing, not what the committee should register (the unit does that)
  await expect(detail.getByTestId('setup-hints')).toContainText('尚未配备书记');
  await expect(detail.getByTestId('setup-hints')).not.toContainText('请在');
  await screenshot(committee, 'committee-city-unit-tree');

  // its roster: its own member only, masked, nothing to reveal or write
  await committee.getByRole('tab', { name: '党员花名册' }).click();
  await expect(committee.getByTestId('member-count')).toHaveText('共 1 人');
  await expect(committee.getByRole('cell', { name: '王芳', exact: true })).toBeVisible();
  await expect(committee.getByRole('cell', { name: '李强', exact: true })).toHaveCount(0);
  await expect(committee.getByText(MASKED_ID)).toHaveCount(1);
  await expect(committee.getByText(idNumber('1985-03-12', 22))).toHaveCount(0);
  await expect(committee.getByRole('button', { name: /^显示.*的完整/ })).toHaveCount(0);
  for (const button of ['登记党员', '导入花名册']) await expect(committee.getByRole('button', { name: button })).toHaveCount(0);
  await screenshot(committee, 'committee-city-unit-roster');

  // 单位 → 市审计局: its own members only
  await committee.getByRole('menuitem', { name: /单位$/ }).click();
  await register.getByTestId('register-unit-link').filter({ hasText: AUDIT.name }).click();
  await expect(committee.getByTestId('unit-context-title')).toHaveText(AUDIT.name);
  expect(new URL(committee.url()).hash.slice(1)).not.toBe(financePath);
  await committee.getByRole('menu', { name: '单位台账' }).getByRole('menuitem', { name: '组织与党员' }).click();
  await expect(committee.getByRole('tree', { name: '党组织' })).toContainText('机关党委');
  await committee.getByRole('tab', { name: '党员花名册' }).click();
  await expect(committee.getByTestId('member-count')).toHaveText('共 2 人');
  await expect(committee.getByRole('cell', { name: '李强', exact: true })).toBeVisible();
  await expect(committee.getByRole('cell', { name: '赵敏', exact: true })).toBeVisible();
  await expect(committee.getByRole('cell', { name: '王芳', exact: true })).toHaveCount(0);
  await expect(committee.getByText(MASKED_ID)).toHaveCount(2);
  await expect(committee.getByRole('button', { name: '登记党员' })).toHaveCount(0);
});
