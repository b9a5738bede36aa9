/**
 * 重新纳入 after the committee's PC died (docs/sync.md): the committee enrols a unit and they
 * exchange a bundle and a receipt; the committee restores its keys from the backup on a new PC
 * (empty register); the unit's delta is refused with the way to a full export; the full snapshot
 * is previewed as a re-admission, confirmed by fingerprint, and the unit is back under its id; the
 * restored committee's receipt (its bundle no. 1 again) is taken by the unit.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chooseFile, COMMITTEE_PASSPHRASE, download, enrolUnitWithCommittee, screenshot, setUpAsCommittee, setUpAsUnit, tick, setStartupPassphrase } from './helpers';


test('a restored committee re-admits a unit from its full snapshot, under the same id', async ({ browser }) => {
  test.setTimeout(300_000); // scrypt (N = 2^17) at setup and again at the restore

  const committeeContext = await browser.newContext();
  const committee = await committeeContext.newPage();
  const unit = await (await browser.newContext()).newPage();
  await committee.goto('/');
  const backupFile = await setUpAsCommittee(committee);
  await unit.goto('/');
  await setUpAsUnit(unit, '市财政局', 180);

  // enrol, first bundle, receipt — as in sync.spec.ts
  const { receipt } = await enrolUnitWithCommittee(committee, unit, '市财政局');
  expect(path.basename(receipt!)).toContain('第1号');

  // the unit records a branch and sends a delta
  await unit.getByRole('menuitem', { name: '组织与党员' }).click();
  await unit.getByRole('button', { name: '新增党组织' }).click();
  const dialog = unit.getByRole('dialog');
  await dialog.getByLabel('党组织名称').fill('第一党支部');
  await dialog.getByLabel('类别').click();
  await unit.locator('.ant-select-dropdown:visible').getByText('党支部', { exact: true }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await unit.getByRole('menuitem', { name: '同步' }).click();
  await expect(unit.getByTestId('pending-changes')).toContainText('有 1 条记录发生变化');
  const delta = await download(unit, () => unit.getByRole('button', { name: '导出同步包' }).click());
  await expect(unit.getByTestId('export-result')).toContainText('变更数据');

  // the committee's PC dies; a new PC restores the keys from the backup
  await committeeContext.close();
  const restored = await (await browser.newContext()).newPage();
  await restored.goto('/');
  await restored.getByTestId('mode-committee').click();
  await restored.getByText('从密钥备份恢复').click();
  const chooser = restored.waitForEvent('filechooser');
  await restored.getByRole('button', { name: '选择密钥备份文件' }).click();
  await (await chooser).setFiles(backupFile);
  await setStartupPassphrase(restored);
  await restored.getByLabel('备份口令').fill(COMMITTEE_PASSPHRASE);
  await restored.getByRole('button', { name: '恢复工委密钥并完成设置' }).click();
  await expect(restored.getByTestId('title-bar')).toBeVisible({ timeout: 90_000 });
  await restored.getByRole('menuitem', { name: '同步' }).click();
  await expect(restored.getByTestId('enrolled-units')).not.toContainText('市财政局');

  // the delta: refused, saying which button makes a full snapshot
  await chooseFile(restored, '选择同步包', delta);
  await expect(restored.getByTestId('sync-error')).toContainText('本机没有该单位的登记记录');
  await expect(restored.getByTestId('sync-error')).toContainText('导出全部数据（不论回执）');
  await screenshot(restored, 'readmit-delta-refused');

  // the unit exports everything
  await unit.getByText('导出全部数据（不论回执）').click();
  const full = await download(unit, () => unit.getByRole('button', { name: '导出同步包' }).click());
  await expect(unit.getByTestId('export-result')).toContainText('完整数据');
  await unit.getByText('导出全部数据（不论回执）').click(); // back to deltas

  // the restored committee: preview as a re-admission, confirmed by fingerprint
  await chooseFile(restored, '选择同步包', full);
  await expect(restored.getByTestId('readmit-notice')).toContainText('本机没有该单位的登记记录（例如工委密钥从备份恢复后）。该同步包是发给本工委的。');
  await expect(restored.getByTestId('readmit-unit-name')).toHaveText('市财政局');
  await expect(restored.getByTestId('sender-fingerprint')).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await expect(restored.getByTestId('import-counts')).toContainText('党组织');
  await expect(restored.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await screenshot(restored, 'readmit-preview');
  await tick(restored, '已与单位电话核对，密钥指纹一致');
  await restored.getByRole('button', { name: '确认导入' }).click();
  await expect(restored.getByTestId('import-result')).toContainText('已将该单位重新纳入管理');
  await expect(restored.getByTestId('enrolled-units')).toContainText('市财政局');
  await expect(restored.getByTestId('enrolled-units')).toContainText('已启用');

  // its receipt — the restored committee's bundle no. 1 again — is taken by the unit
  const receiptAgain = await download(restored, () => restored.getByRole('button', { name: '生成回执' }).click());
  expect(path.basename(receiptAgain)).toContain('第1号');
  await chooseFile(unit, '选择同步包', receiptAgain);
  await unit.getByRole('button', { name: '确认导入' }).click();
  await expect(unit.getByTestId('import-result')).toBeVisible();
  await expect(unit.getByTestId('enrolment-card')).toContainText('第 3 号同步包已被工委接收');

  // and the unit's next delta imports as usual
  const next = await download(unit, () => unit.getByRole('button', { name: '导出同步包' }).click());
  await expect(unit.getByTestId('export-result')).toContainText('变更数据');
  await restored.getByRole('button', { name: '继续导入' }).click();
  await chooseFile(restored, '选择同步包', next);
  await expect(restored.getByTestId('import-preview')).toBeVisible();
  await expect(restored.getByTestId('readmit-notice')).toHaveCount(0);
  await restored.getByRole('button', { name: '确认导入' }).click();
  await expect(restored.getByTestId('import-result')).toBeVisible();
  await screenshot(restored, 'readmit-done');
});
