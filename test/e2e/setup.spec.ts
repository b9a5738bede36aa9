/** First start, as a new user: set up as a unit or as the committee, and find it again later. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { screenshot, setUpAsCommittee, setUpAsUnit, VALID_CREDIT_CODE, reopen, setStartupPassphrase, unlock } from './helpers';

test('a unit sets up on first start and finds it again after a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('机关党建台账 · 初始设置')).toBeVisible();
  await screenshot(page, 'setup-screen');
  await setUpAsUnit(page);
  await expect(page.getByTestId('workspace-mode')).toHaveText('单位');
  await expect(page.getByTestId('workspace-name')).toHaveText('市财政局');
  await expect(page).toHaveTitle('机关党建台账 — 市财政局（单位）');
  // every area is in the sidebar, in Chinese
  for (const label of ['工作台', '组织与党员', '三会一课', '教育培训', '书记项目', '整改落实', '经费保障', '同步', '报表', '设置']) {
    await expect(page.getByRole('navigation', { name: '功能区' }).getByText(label, { exact: true })).toBeVisible();
  }
  await screenshot(page, 'frame-workbench');

  await reopen(page);
  await expect(page.getByTestId('workspace-name')).toHaveText('市财政局');
  await page.getByRole('menuitem', { name: '设置' }).click();
  const details = page.getByTestId('settings-workspace');
  await expect(details).toContainText('单位');
  await expect(details).toContainText(VALID_CREDIT_CODE);
  await expect(details).toContainText('180 人');
  await expect(details).toContainText('党组');
  await expect(page.getByTestId('key-fingerprint')).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  // the persistent-storage request has been answered, whatever the answer
  await expect(page.getByTestId('storage-persistence')).not.toHaveAttribute('data-state', 'pending');
  await screenshot(page, 'settings');
});

test('the unit corrects its name, staff count and 党组/党委 in 设置; a wrong code is refused on the field', async ({ page }) => {
  await page.goto('/');
  await setUpAsUnit(page);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '修改单位信息' }).click();
  const dialog = page.getByRole('dialog', { name: '修改单位信息' });
  await expect(dialog.getByLabel('单位名称')).toHaveValue('市财政局');
  await dialog.getByLabel('统一社会信用代码').fill('11410100MB1234567X');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('统一社会信用代码校验位不正确')).toBeVisible();
  await dialog.getByLabel('统一社会信用代码').fill(VALID_CREDIT_CODE);
  await dialog.getByLabel('单位名称').fill('市财政局（市国资委）');
  await dialog.getByLabel('机关工作人员总数').fill('192');
  await dialog.getByText('党委', { exact: true }).click();
  await screenshot(page, 'settings-unit-info');
  await dialog.getByLabel('机关工作人员总数').press('Enter');
  await expect(dialog).toHaveCount(0);
  const details = page.getByTestId('settings-workspace');
  await expect(details).toContainText('192 人');
  await expect(details).toContainText('党委');
  await expect(page.getByTestId('workspace-name')).toHaveText('市财政局（市国资委）');
  await reopen(page);
  await expect(page.getByTestId('workspace-name')).toHaveText('市财政局（市国资委）');
  await expect(page.getByTestId('settings-workspace')).toContainText('192 人');
});

test('every area of a unit opens a page of its own, none says 建设中', async ({ page }) => {
  await page.goto('/');
  await setUpAsUnit(page);
  for (const label of ['书记项目', '三级五岗', '整改落实', '经费保障', '关怀激励']) {
    await page.getByRole('menuitem', { name: label }).click();
    await expect(page.getByRole('menuitem', { name: label })).toHaveClass(/ant-menu-item-selected/);
    await expect(page.getByText('此功能正在建设中')).toHaveCount(0);
  }
});

test('a wrong credit code is refused in Chinese and nothing is saved', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('单位名称').fill('市审计局');
  await page.getByLabel('统一社会信用代码').fill('11410100MB12345670');
  await page.getByLabel('机关工作人员总数').fill('90');
  await setStartupPassphrase(page);
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('统一社会信用代码校验位不正确')).toBeVisible();
  await page.reload(); // nothing was set up: no 开机口令 asked
  await expect(page.getByText('机关党建台账 · 初始设置')).toBeVisible();
});

test('the committee sets up in its own browser context', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await setUpAsCommittee(page);
  await expect(page.getByTestId('workspace-mode')).toHaveText('工委');
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByTestId('settings-workspace')).toContainText('工委名称');
  await screenshot(page, 'frame-committee');
  await context.close();
});

test('setup survives closing and reopening the browser on the same profile', async ({ baseURL }) => {
  // Playwright's default context keeps IndexedDB in memory; a persistent one writes a real profile.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'taizhang-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: CHROMIUM_ARGS, baseURL, locale: 'zh-CN' });
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await setUpAsUnit(page, '市教育局', 240);
    await context.close();

    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    // the ledger is encrypted at rest: the 开机口令 opens it again
    await unlock(page);
    await expect(page.getByTestId('workspace-name')).toHaveText('市教育局');
    await expect(page.getByTestId('workspace-mode')).toHaveText('单位');
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the Content-Security-Policy forbids an inline script', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('机关党建台账 · 初始设置')).toBeVisible();
  const outcome = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.appendChild(script);
    // the browser reports the refused script as an event: waited for, not raced against a timer
    // (an event late on a loaded machine would have read as "none"); no event fails on the test's timeout
    const directive = await violation;
    return { ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, directive };
  });
  expect(outcome.ran).toBe(false);
  expect(outcome.directive).toMatch(/^script-src/);
});

test('the page carries the app’s own icon (the favicon; the installers take resources/icon.png)', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByText('机关党建台账 · 初始设置')).toBeVisible();
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBe('./icon.svg');
  const icon = await request.get(new URL(href!, page.url()).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  expect(await icon.text()).toContain('aria-label="机关党建台账"');
});
