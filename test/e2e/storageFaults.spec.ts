/**
 * Another window opens a newer version of the ledger while this one is in use (issue 17): this
 * window stops saving and says so — it never writes old-format records into the newer database —
 * and what the user typed stays on the screen until they reload.
 */
import { expect, test } from '@playwright/test';
import { screenshot, setUpAsUnit, unlock } from './helpers';

test('a window whose ledger another window upgraded stops saving, says so, and works again after a reload', async ({ page, context }) => {
  await page.goto('/');
  await setUpAsUnit(page);
  await page.getByRole('menuitem', { name: '组织与党员' }).click();
  await page.getByRole('button', { name: '新增党组织' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('党组织名称').fill('第一党支部');

  // the other window: a newer program opens the same database at a higher version
  const other = await context.newPage();
  await other.goto('/not-the-app.txt');
  const version = await other.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('taizhang', 10_000);
        request.onblocked = () => reject(new Error('blocked by the old window'));
        request.onerror = () => reject(request.error ?? new Error('open failed'));
        request.onsuccess = () => {
          const v = request.result.version;
          request.result.close();
          resolve(v);
        };
      }),
  );
  expect(version).toBe(10_000); // not blocked: the old window let go of its connection

  const notice = page.getByTestId('database-closed-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('本窗口已停止保存');
  await expect(notice).toContainText('请先记下本窗口中尚未保存的内容');
  // what the user typed is still there behind the notice, and can be copied out
  const typed = drawer.getByLabel('党组织名称');
  await expect(typed).toHaveValue('第一党支部');
  await typed.selectText();
  expect(await typed.evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0))).toBe('第一党支部');
  await screenshot(page, 'database-closed-notice');
  await page.keyboard.press('Escape'); // the notice cannot be dismissed
  await expect(notice).toBeVisible();

  await page.getByRole('button', { name: '重新加载' }).click();
  await unlock(page);
  await expect(page.getByTestId('workspace-name')).toHaveText('市财政局');
  await expect(notice).toBeHidden();
});
