/**
 * 批量导入 and 批量生成回执 as a committee's cadre would do them, with three units on three "PCs"
 * (browser contexts): enrolment by name and 统一社会信用代码 (a wrong code and a repeated one refused
 * on the form; a unit refuses another unit's .tze); the three first bundles picked together with a
 * file meant for another committee — refused in words, the first contacts confirmed one by one in the
 * table; the next bundles (one of them picked twice) applied in one go; the return bundles of the
 * batch downloaded as one .zip, and a unit takes its receipt from it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { chooseFile, confirmInDialog, creditCode, download, enrolAtCommittee, screenshot, setUpAsCommittee, setUpAsUnit, tick } from './helpers';

const UNITS = ['市财政局', '市审计局', '市统计局'] as const;
/** A frozen unit bundle addressed to the fixture committee (test/fixtures/bundles/v1): for us, another committee's file. */
const FOREIGN = path.join('test/fixtures/bundles/v1/unit-snapshot.tzb');

async function chooseFiles(page: Page, button: string, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(files);
}

/** The unit imports its enrolment file (fingerprint confirmed) and exports its first bundle. */
async function enrolAndExport(unit: Page, enrolmentFile: string): Promise<string> {
  await unit.getByRole('menuitem', { name: '同步' }).click();
  await chooseFile(unit, '导入登记文件', enrolmentFile);
  await tick(unit, '已与工委电话核对，密钥指纹一致');
  await unit.getByRole('button', { name: '确认登记' }).click();
  await expect(unit.getByTestId('export-card')).toBeVisible();
  return download(unit, () => unit.getByRole('button', { name: '导出同步包' }).click());
}

/** The summary table's row of a file (by its 文件 cell: another row may name it in its reason). */
function batchRow(page: Page, fileName: string) {
  return page.getByTestId('batch-rows').getByRole('row').filter({ has: page.getByRole('cell', { name: fileName, exact: true }) });
}

test('a committee imports many bundles at once and writes the return bundles in one go', async ({ browser }) => {
  test.setTimeout(300_000); // the committee's key backup (scrypt) at setup, three units
  const committee = await (await browser.newContext()).newPage();
  await committee.goto('/');
  await setUpAsCommittee(committee);
  const units: Page[] = [];
  for (const [i, name] of UNITS.entries()) {
    const page = await (await browser.newContext()).newPage();
    await page.goto('/');
    await setUpAsUnit(page, name, 120 + i, creditCode(i));
    units.push(page);
  }

  // enrolment: the code is checked on the form, and a code already enrolled is refused
  await committee.getByRole('menuitem', { name: '同步' }).click();
  const form = committee.getByTestId('enrolled-units');
  await form.getByLabel('单位名称').fill('市财政局');
  await form.getByLabel('统一社会信用代码').fill(`${creditCode(0).slice(0, 17)}0`);
  await form.getByRole('button', { name: '登记新单位并导出登记文件' }).click();
  await expect(form).toContainText('统一社会信用代码校验位不正确');
  const files: string[] = [];
  for (const [i, name] of UNITS.entries()) files.push(await enrolAtCommittee(committee, name, creditCode(i)));
  await form.getByLabel('单位名称').fill('市财政局（重复）');
  await form.getByLabel('统一社会信用代码').fill(creditCode(1));
  await form.getByRole('button', { name: '登记新单位并导出登记文件' }).click();
  await expect(form).toContainText(`统一社会信用代码 ${creditCode(1)} 已登记为“市审计局”`);
  await expect(form.getByRole('row')).toHaveCount(4); // header + three units
  await expect(form).toContainText(creditCode(2));
  await screenshot(committee, 'bulk-enrolled');

  // a unit given another unit's file refuses it before anything changes
  await units[2]!.getByRole('menuitem', { name: '同步' }).click();
  await chooseFile(units[2]!, '导入登记文件', files[0]!);
  await expect(units[2]!.getByTestId('sync-page-error')).toContainText(`本单位的统一社会信用代码是 ${creditCode(2)}`);
  await screenshot(units[2]!, 'bulk-unit-wrong-enrolment-file');

  const first: string[] = [];
  for (const [i, unit] of units.entries()) first.push(await enrolAndExport(unit, files[i]!));

  // batch 1: three first bundles and another committee's file
  const batch = committee.getByTestId('batch-import');
  await chooseFiles(committee, '选择多个同步包', [...first, FOREIGN]);
  await expect(batch.getByTestId('batch-rows')).toBeVisible();
  await expect(batchRow(committee, 'unit-snapshot.tzb')).toContainText('不能导入');
  await expect(batchRow(committee, 'unit-snapshot.tzb')).toContainText('此同步包是报送给其他工委的');
  for (const f of first) await expect(batchRow(committee, path.basename(f))).toContainText('需核对指纹');
  await expect(batch.getByRole('button', { name: '全部导入（0 个）' })).toBeDisabled();
  await screenshot(committee, 'bulk-first-contacts');

  // first contacts: one by one, with the single import's fingerprint check
  for (const [i, f] of first.entries()) {
    await batchRow(committee, path.basename(f)).getByRole('button', { name: '核对并导入' }).click();
    const modal = committee.getByRole('dialog');
    await expect(modal.getByTestId('import-preview')).toContainText(UNITS[i]!);
    if (i === 0) await screenshot(committee, 'bulk-confirm-one');
    await tick(modal, '已与单位电话核对，密钥指纹一致');
    await modal.getByRole('button', { name: '确认导入' }).click();
    await expect(modal).toBeHidden();
    await expect(batchRow(committee, path.basename(f))).toContainText('已登记该单位的密钥');
  }
  await expect(committee.getByTestId('enrolled-units').getByText('已启用')).toHaveCount(3);

  // the first unit records a branch; all three send their next bundle
  const finance = units[0]!;
  await finance.getByRole('menuitem', { name: '组织与党员' }).click();
  await finance.getByRole('button', { name: '新增党组织' }).click();
  const dialog = finance.getByRole('dialog');
  await dialog.getByLabel('党组织名称').fill('第一党支部');
  await dialog.getByLabel('类别').click();
  await finance.locator('.ant-select-dropdown:visible').getByText('党支部', { exact: true }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await finance.getByRole('menuitem', { name: '同步' }).click();
  const second: string[] = [];
  for (const unit of units) second.push(await download(unit, () => unit.getByRole('button', { name: '导出同步包' }).click()));
  // the same file twice (copied to the stick twice), and the foreign one again
  const copyDir = mkdtempSync(path.join(os.tmpdir(), 'tz-bulk-copy-'));
  const copy = path.join(copyDir, path.basename(second[0]!).replace(/\.tzb$/, '（副本）.tzb'));
  writeFileSync(copy, readFileSync(second[0]!));

  // batch 2: everything ready applied after ONE confirmation
  await batch.getByRole('button', { name: '清空列表' }).click();
  await chooseFiles(committee, '选择多个同步包', [...second, copy, FOREIGN]);
  await expect(batchRow(committee, path.basename(copy))).toContainText('重复文件');
  await expect(batch.getByRole('button', { name: '全部导入（3 个）' })).toBeEnabled();
  await batch.getByRole('button', { name: '全部导入（3 个）' }).click();
  await confirmInDialog(committee, '全部导入');
  for (const f of second) await expect(batchRow(committee, path.basename(f))).toContainText('已导入');
  await expect(batchRow(committee, path.basename(second[0]!))).toContainText('写入 1 条');
  await expect(batchRow(committee, path.basename(copy))).toContainText('是同一个同步包，只导入一次');
  await expect(batchRow(committee, 'unit-snapshot.tzb')).toContainText('未导入');
  await expect(batchRow(committee, 'unit-snapshot.tzb')).toContainText('此同步包是报送给其他工委的');
  await screenshot(committee, 'bulk-applied');

  // the return bundles of the batch: one .zip in the browser
  const returns = committee.getByTestId('return-batch');
  const zip = await download(committee, () => returns.getByRole('button', { name: '导出本批单位的回执（3 个）' }).click());
  expect(path.basename(zip)).toMatch(/^回执_\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(returns.getByTestId('return-result')).toContainText('内含 3 个回执');
  await expect(returns.getByTestId('return-rows').getByText('已保存')).toHaveCount(3);
  await screenshot(committee, 'bulk-returns');
  const entries = unzipSync(new Uint8Array(readFileSync(zip)));
  expect(Object.keys(entries)).toHaveLength(3);
  for (const u of UNITS) expect(Object.keys(entries).some((n) => new RegExp(`^${u}_回执_\\d{4}-\\d{2}-\\d{2}_第\\d+号\\.tzb$`).test(n))).toBe(true);

  // a unit takes its receipt out of the zip
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'tz-bulk-zip-'));
  const name = Object.keys(entries).find((n) => n.startsWith('市财政局'))!;
  writeFileSync(path.join(outDir, name), entries[name]!);
  await chooseFile(finance, '选择同步包', path.join(outDir, name));
  await finance.getByRole('button', { name: '确认导入' }).click();
  await expect(finance.getByTestId('enrolment-card')).toContainText('第 2 号同步包已被工委接收');
});
