/**
 * A unit whose device keys were made before encryption at rest (issue 17): its device row holds the
 * CryptoKeys themselves, as the older program stored them (here put there through IndexedDB). 设置
 * says so; 更换本机密钥, confirmed, gives new keys that are sealed — no CryptoKey is stored any more,
 * the fingerprint changes — and the next steps are shown until marked done.
 */
import { expect, test } from '@playwright/test';
import { deviceOnDisk, reopen, screenshot, setUpAsUnit } from './helpers';

test('a unit with device keys of before encryption at rest replaces them in 设置 and is told how to re-enrol', async ({ page }) => {
  await page.goto('/');
  await setUpAsUnit(page);
  // the device row as a program of before encryption at rest left it: CryptoKeys stored, nothing sealed
  await page.evaluate(async () => {
    const signing = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const encryption = (await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('taizhang');
      request.onerror = () => reject(request.error ?? new Error('open failed'));
      request.onsuccess = () => {
        const tx = request.result.transaction('device', 'readwrite');
        const store = tx.objectStore('device');
        const get = store.get('device');
        get.onsuccess = () => {
          const { sealedKeys: _sealed, ...row } = get.result as Record<string, unknown>;
          store.put({ ...row, signingPrivateKey: signing.privateKey, encryptionPrivateKey: encryption.privateKey });
        };
        tx.oncomplete = () => {
          request.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      };
    });
  });
  expect(await deviceOnDisk(page)).toEqual({ cryptoKeys: 2, sealed: false });

  await reopen(page);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByTestId('key-fingerprint')).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  const oldFingerprint = (await page.getByTestId('key-fingerprint').textContent()) ?? '';
  await expect(page.getByText('本机设备密钥是在加密保存功能之前生成的，仍按旧方式保存')).toBeVisible();
  await screenshot(page, 'settings-legacy-unit-keys');

  await page.getByTestId('replace-unit-keys').click();
  const confirm = page.getByRole('dialog', { name: '更换本机密钥' });
  await expect(confirm).toContainText('工委须对本单位“重新登记”');
  await confirm.getByRole('button', { name: '更换' }).click();
  await expect(page.getByText('已更换本机密钥，请按提示办理重新登记')).toBeVisible();
  const notice = page.getByTestId('rekey-notice');
  await expect(notice).toContainText('本单位尚未与工委办理纳管登记');
  await expect(page.getByText('仍按旧方式保存')).toHaveCount(0);
  await expect(page.getByTestId('key-fingerprint')).not.toHaveText(oldFingerprint);
  await expect(page.getByTestId('key-fingerprint')).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  expect(await deviceOnDisk(page)).toEqual({ cryptoKeys: 0, sealed: true });
  await screenshot(page, 'settings-unit-keys-replaced');

  await notice.getByRole('button', { name: '已办理，不再提示' }).click();
  await expect(notice).toHaveCount(0);
});
