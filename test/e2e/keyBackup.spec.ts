/**
 * 工委密钥备份 as a cadre would use it: set up the committee with a backup passphrase, save the
 * backup (the ledger stays closed until it is saved), save another copy from 设置; then, on a
 * "new PC" (a fresh browser context), restore from the file — a wrong passphrase is refused in
 * Chinese, the right one brings back the same committee with the same key fingerprint.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { COMMITTEE_PASSPHRASE, reopen, screenshot, setStartupPassphrase } from './helpers';

const NAME = '中共示范市委直属机关工作委员会';

async function fingerprintInSettings(page: Page): Promise<string> {
  await page.getByRole('menuitem', { name: '设置' }).click();
  const fingerprint = page.getByTestId('key-fingerprint');
  await expect(fingerprint).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  return (await fingerprint.textContent()) ?? '';
}

test('set up with a key backup, save it, restore it on a new PC (wrong passphrase refused)', async ({ browser }) => {
  test.setTimeout(180_000);

  // ── the committee's first PC ──
  const first = await browser.newContext();
  const page = await first.newPage();
  await page.goto('/');
  await page.getByTestId('mode-committee').click();
  await page.getByLabel('工委名称').fill(NAME);
  // the passphrase rule is explained, and a short or mismatched one is refused before any key is made
  await expect(page.getByText(/口令至少 10 个字符/)).toBeVisible();
  await page.getByLabel('备份口令', { exact: true }).fill('太短的口令123');
  await page.getByLabel('确认备份口令').fill('另一个口令123456');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('口令太短：至少 10 个字符，现在是 8 个。')).toBeVisible();
  await expect(page.getByText('两次输入的口令不一致，请重新输入确认口令。')).toBeVisible();
  await screenshot(page, 'key-backup-setup-passphrase');

  await page.getByLabel('备份口令', { exact: true }).fill(COMMITTEE_PASSPHRASE);
  await page.getByLabel('确认备份口令').fill(COMMITTEE_PASSPHRASE);
  await setStartupPassphrase(page);
  // scrypt runs for a second or more and its progress is shown. Playwright's own polling waits
  // behind scrypt's yields, so the page itself records the highest percentage the bar showed.
  await page.evaluate(() => {
    const w = window as unknown as { sealingSeen: number };
    w.sealingSeen = -1;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid=sealing-progress]')?.textContent ?? '';
      const percent = /(\d+)%/.exec(text);
      if (percent) w.sealingSeen = Math.max(w.sealingSeen, Number(percent[1]));
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('机关党建台账 · 保存工委密钥备份')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('title-bar')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { sealingSeen: number }).sealingSeen)).toBeGreaterThan(0);
  const shownFingerprint = (await page.getByTestId('backup-fingerprint').textContent()) ?? '';
  expect(shownFingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await screenshot(page, 'key-backup-save-step');

  // the step survives a reload: the ledger stays closed until the backup is saved
  await reopen(page);
  await expect(page.getByText('机关党建台账 · 保存工委密钥备份')).toBeVisible();

  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存密钥备份文件' }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toMatch(/^工委密钥备份_中共示范市委直属机关工作委员会_\d{4}-\d{2}-\d{2}\.tzkey$/);
  const backupFile = path.join(test.info().outputDir, download.suggestedFilename());
  await download.saveAs(backupFile);
  await expect(page.getByTestId('title-bar')).toBeVisible();
  await expect(page.getByTestId('workspace-name')).toHaveText(NAME);

  // the saved file is the sealed JSON of docs/bundle-format.md §9: no key, no name, no passphrase in it
  const text = readFileSync(backupFile, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'taizhang-sealed-secret', purpose: 'committee-key-backup', kdf: { alg: 'scrypt', logN: 17 } });
  expect(text).not.toContain(NAME);
  expect(text).not.toContain(COMMITTEE_PASSPHRASE);

  const fingerprint = await fingerprintInSettings(page);
  expect(fingerprint).toBe(shownFingerprint);
  await expect(page.getByTestId('key-backup-state')).toHaveText('已保存');
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: '另存一份密钥备份' }).click();
  const copy = await again;
  const copyFile = path.join(test.info().outputDir, `copy-${copy.suggestedFilename()}`);
  await copy.saveAs(copyFile);
  expect(readFileSync(copyFile, 'utf8')).toBe(text); // the same sealed file, no passphrase needed
  await screenshot(page, 'key-backup-settings');
  await first.close();

  // ── a new PC ──
  const second = await browser.newContext();
  const fresh = await second.newPage();
  await fresh.goto('/');
  await fresh.getByTestId('mode-committee').click();
  await fresh.getByText('从密钥备份恢复').click();
  await expect(fresh.getByText('密钥备份只包含工委的密钥')).toBeVisible();
  const chooser = fresh.waitForEvent('filechooser');
  await fresh.getByRole('button', { name: '选择密钥备份文件' }).click();
  await (await chooser).setFiles(backupFile);
  await expect(fresh.getByTestId('restore-file-name')).toHaveText(path.basename(backupFile));

  await setStartupPassphrase(fresh);
  await fresh.getByLabel('备份口令').fill(`${COMMITTEE_PASSPHRASE}！`);
  await fresh.getByRole('button', { name: '恢复工委密钥并完成设置' }).click();
  await expect(fresh.getByText(/口令不正确，或备份文件已被改动、损坏/)).toBeVisible({ timeout: 60_000 });
  await screenshot(fresh, 'key-backup-restore-wrong-passphrase');

  await fresh.getByLabel('备份口令').fill(COMMITTEE_PASSPHRASE);
  await fresh.getByLabel('操作人姓名（选填）').fill('王新');
  await fresh.getByRole('button', { name: '恢复工委密钥并完成设置' }).click();
  // restored: straight into the ledger (the user holds the backup already), same name and key
  await expect(fresh.getByTestId('title-bar')).toBeVisible({ timeout: 60_000 });
  await expect(fresh.getByTestId('workspace-name')).toHaveText(NAME);
  await expect(fresh.getByTestId('workspace-mode')).toHaveText('工委');
  expect(await fingerprintInSettings(fresh)).toBe(fingerprint);
  await expect(fresh.getByTestId('key-backup-state')).toHaveText('已保存');
  await screenshot(fresh, 'key-backup-restored-settings');
  await second.close();
});

test('a file that is not a key backup is refused in Chinese', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('mode-committee').click();
  await page.getByText('从密钥备份恢复').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择密钥备份文件' }).click();
  await (await chooser).setFiles({ name: '工委密钥备份_假.tzkey', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
  await setStartupPassphrase(page);
  await page.getByLabel('备份口令').fill(COMMITTEE_PASSPHRASE);
  await page.getByRole('button', { name: '恢复工委密钥并完成设置' }).click();
  await expect(page.getByTestId('restore-error')).toContainText('该文件不是工委密钥备份文件');

  const big = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择密钥备份文件' }).click();
  await (await big).setFiles({ name: '大文件.tzkey', mimeType: 'application/octet-stream', buffer: Buffer.alloc(70 * 1024, 0x20) });
  await expect(page.getByTestId('restore-error')).toContainText('超过 64 KB');
  await expect(page.getByText('机关党建台账 · 初始设置')).toBeVisible();
});
