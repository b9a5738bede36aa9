/**
 * 同步 as two new users would do it, in two browser contexts (two PCs): the committee enrols a unit,
 * the unit imports the file and records a branch, exports; the committee imports (preview, key
 * fingerprint confirmed), returns a receipt; the unit edits, exports again (only the change
 * travels), the committee imports it; a tampered file is refused.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chooseFile, download, enrolAtCommittee, screenshot, setUpAsCommittee, setUpAsUnit, tick } from './helpers';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tz-sync-'));

test('enrol, export, import with preview, receipt, delta export, tampered file refused', async ({ browser }) => {
  test.setTimeout(180_000); // includes the committee's key backup (scrypt, N = 2^17) at setup
  const committee = await (await browser.newContext()).newPage();
  const unit = await (await browser.newContext()).newPage();
  await committee.goto('/');
  await setUpAsCommittee(committee);
  await unit.goto('/');
  await setUpAsUnit(unit, '市财政局', 180);

  // committee: enrol the unit → enrolment file
  await committee.getByRole('menuitem', { name: '同步' }).click();
  const enrolmentFile = await enrolAtCommittee(committee, '市财政局');
  expect(path.basename(enrolmentFile)).toBe('市财政局_纳管登记.tze');
  await expect(committee.getByTestId('enrolled-units')).toContainText('待首次报送');

  // unit: record a branch, import the enrolment file (fingerprint confirmed), export
  await unit.getByRole('menuitem', { name: '组织与党员' }).click();
  await unit.getByRole('button', { name: '新增党组织' }).click();
  const dialog = unit.getByRole('dialog');
  await dialog.getByLabel('党组织名称').fill('第一党支部');
  await dialog.getByLabel('类别').click();
  await unit.locator('.ant-select-dropdown:visible').getByText('党支部', { exact: true }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await unit.getByRole('menuitem', { name: '同步' }).click();
  await chooseFile(unit, '导入登记文件', enrolmentFile);
  await expect(unit.getByTestId('committee-fingerprint')).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await tick(unit, '已与工委电话核对，密钥指纹一致');
  await unit.getByRole('button', { name: '确认登记' }).click();
  await expect(unit.getByTestId('export-card')).toBeVisible();
  await expect(unit.getByTestId('pending-changes')).toContainText('将导出全部数据');
  const first = await download(unit, () => unit.getByRole('button', { name: '导出同步包' }).click());
  expect(path.basename(first)).toMatch(/^市财政局_\d{4}-\d{2}-\d{2}_第1号\.tzb$/);
  await expect(unit.getByTestId('export-result')).toContainText('党组织 1');
  await screenshot(unit, 'sync-unit-exported');

  // committee: import with preview; first contact asks for the fingerprint
  await chooseFile(committee, '选择同步包', first);
  await expect(committee.getByTestId('import-preview')).toContainText('市财政局');
  await expect(committee.getByTestId('import-counts')).toContainText('党组织');
  await expect(committee.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await screenshot(committee, 'sync-committee-preview');
  await tick(committee, '已与单位电话核对，密钥指纹一致');
  await committee.getByRole('button', { name: '确认导入' }).click();
  await expect(committee.getByTestId('import-result')).toContainText('已登记该单位的密钥');
  await expect(committee.getByTestId('enrolled-units')).toContainText('已启用');
  const receipt = await download(committee, () => committee.getByRole('button', { name: '生成回执' }).click());
  expect(path.basename(receipt)).toMatch(/^市财政局_回执_\d{4}-\d{2}-\d{2}_第1号\.tzb$/);
  await screenshot(committee, 'sync-committee-units');

  // unit: import the receipt, edit, export again: only the change travels
  await chooseFile(unit, '选择同步包', receipt);
  await unit.getByRole('button', { name: '确认导入' }).click();
  await expect(unit.getByTestId('import-result')).toBeVisible();
  await expect(unit.getByTestId('enrolment-card')).toContainText('第 1 号同步包已被工委接收');
  await unit.getByRole('menuitem', { name: '组织与党员' }).click();
  await unit.getByText('第一党支部').first().click();
  await unit.getByRole('button', { name: '编辑' }).first().click();
  await unit.getByRole('dialog').getByLabel('党组织名称').fill('机关第一党支部');
  await unit.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await unit.getByRole('menuitem', { name: '同步' }).click();
  await expect(unit.getByTestId('pending-changes')).toContainText('有 1 条记录发生变化');
  const second = await download(unit, () => unit.getByRole('button', { name: '导出同步包' }).click());
  expect(path.basename(second)).toContain('第2号');
  await expect(unit.getByTestId('export-result')).toContainText('变更数据，共 1 条记录');

  await committee.getByRole('button', { name: '继续导入' }).click();
  await chooseFile(committee, '选择同步包', second);
  await expect(committee.getByTestId('import-preview')).toContainText('变更');
  await committee.getByRole('button', { name: '确认导入' }).click();
  await expect(committee.getByTestId('import-result')).toContainText('写入 1 条');

  // the same file again, and a tampered one: refused, in Chinese
  await committee.getByRole('button', { name: '继续导入' }).click();
  await chooseFile(committee, '选择同步包', second);
  await expect(committee.getByTestId('sync-error')).toContainText('此同步包已导入过');
  const bytes = readFileSync(second);
  bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0xff;
  const tampered = path.join(tmp, '被改动的同步包.tzb');
  writeFileSync(tampered, bytes);
  await chooseFile(committee, '选择同步包', tampered);
  await expect(committee.getByTestId('sync-error')).toContainText('签名无效，文件可能被篡改');
  await screenshot(committee, 'sync-committee-tampered');
});
