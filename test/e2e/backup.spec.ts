/**
 * 备份与恢复 as cadres would use it: a unit enrolled with its committee, with a small tree and two
 * members, makes a backup in 设置 (passphrase twice, saved as a .tzbak download, its date and name
 * shown); a fresh browser profile ("the new PC") restores it from the setup screen — a wrong
 * passphrase refused in Chinese, the right one brings back the same unit and members — and is told
 * in 设置 to have the committee re-enrol it, with its NEW key fingerprint. Waits on what the app
 * shows, never on time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseFile, download, enrolUnitWithCommittee, idNumber, pickFromOpenList, screenshot, setUpAsCommittee, setUpAsUnit, setStartupPassphrase, unlock } from './helpers';

const UNIT = '市财政局';
const PASSPHRASE = '财政局支部每周五学习';

async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function addMember(page: Page, name: string, birth: string, seq: number): Promise<void> {
  await page.getByRole('button', { name: '登记党员' }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('姓名').fill(name);
  await drawer.getByLabel('身份证号').fill(idNumber(birth, seq));
  await expect(drawer.getByLabel('出生日期')).toHaveValue(birth);
  await pickDate(page, '入党时间', '2008-07-01');
  await pickDate(page, '转正时间', '2009-07-01');
  await drawer.getByLabel('所在党组织').click();
  await pickFromOpenList(page, '第一党支部（机关党委）');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已登记党员${name}`)).toBeVisible();
}

async function fingerprintInSettings(page: Page): Promise<string> {
  await page.getByRole('menuitem', { name: '设置' }).click();
  const fingerprint = page.getByTestId('key-fingerprint');
  await expect(fingerprint).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  return (await fingerprint.textContent()) ?? '';
}

test('a unit backs up its ledger, a new PC restores it on the setup screen and is told to re-enrol', async ({ browser }) => {
  test.setTimeout(420_000); // four scrypt runs at N = 2^17 and a full enrolment: minutes on a loaded 2-core machine

  // ── the committee and the unit's old PC ──
  const committeeContext = await browser.newContext();
  const committee = await committeeContext.newPage();
  await committee.goto('/');
  await setUpAsCommittee(committee);

  const oldContext = await browser.newContext();
  const unit = await oldContext.newPage();
  await unit.goto('/');
  await setUpAsUnit(unit, UNIT);
  await unit.getByRole('menuitem', { name: '组织与党员' }).click();
  await unit.getByRole('button', { name: '新增党组织' }).click();
  const dialog = unit.getByRole('dialog');
  await dialog.getByLabel('党组织名称').fill('第一党支部');
  await pickDate(unit, '本届任期开始', '2025-03-01');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(unit.getByText('已新增“第一党支部”')).toBeVisible();
  await unit.getByRole('tab', { name: '党员花名册' }).click();
  await addMember(unit, '王芳', '1985-03-12', 22);
  await addMember(unit, '李强', '1990-11-05', 13);
  await expect(unit.getByTestId('member-count')).toHaveText('共 2 人');
  await enrolUnitWithCommittee(committee, unit, UNIT);
  const oldFingerprint = await fingerprintInSettings(unit);

  // ── the workbench reminds the unit that its ledger was never backed up, and leads to 设置 ──
  await unit.getByRole('menuitem', { name: '工作台' }).click();
  const reminder = unit.getByTestId('todo-list').getByText('本机台账还没有备份过');
  await expect(reminder).toBeVisible();
  await expect(unit.getByTestId('todo-group-backup')).toContainText('数据备份');
  await screenshot(unit, 'workbench-backup-reminder');
  await unit.getByTestId('todo-list').locator('.ant-list-item').filter({ hasText: '本机台账还没有备份过' }).getByText('去处理').click();
  await expect(unit.getByTestId('backup-card')).toBeVisible();

  // ── 设置 → 备份与恢复: not yet backed up; a passphrase rule; then a backup saved ──
  const card = unit.getByTestId('backup-card');
  await expect(card.getByTestId('backup-last')).toHaveText('尚未备份');
  await expect(card.getByTestId('backup-restore-pick')).toHaveCount(0); // restore only onto an empty ledger
  await card.getByTestId('backup-passphrase').fill('太短了');
  await card.getByTestId('backup-passphrase-confirmation').fill('太短了');
  await card.getByTestId('backup-make').click();
  await expect(card.getByText('口令太短：至少 10 个字符，现在是 3 个。')).toBeVisible();
  await card.getByTestId('backup-passphrase').fill(PASSPHRASE);
  await card.getByTestId('backup-passphrase-confirmation').fill(PASSPHRASE);
  const backupFile = await download(unit, () => card.getByTestId('backup-make').click());
  expect(path.basename(backupFile)).toMatch(/^台账备份_市财政局_\d{4}-\d{2}-\d{2}\.tzbak$/);
  await expect(card.getByTestId('backup-last')).toContainText(path.basename(backupFile));
  const bytes = readFileSync(backupFile);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('TZBAK');
  expect(bytes.toString('utf8')).not.toContain('王芳'); // sealed: no member, no unit name readable
  expect(bytes.toString('utf8')).not.toContain(UNIT);
  await card.scrollIntoViewIfNeeded();
  await screenshot(unit, 'backup-settings');
  // backed up today: the reminder has gone from the workbench
  await unit.getByRole('menuitem', { name: '工作台' }).click();
  await expect(unit.getByTestId('todo-list')).toBeVisible();
  await expect(unit.getByTestId('todo-group-backup')).toHaveCount(0);
  await oldContext.close();

  // ── the new PC: restore from the setup screen ──
  const newContext = await browser.newContext();
  const fresh = await newContext.newPage();
  await fresh.goto('/');
  await fresh.getByTestId('setup-from-backup').click();
  await chooseFile(fresh, '选择备份文件', backupFile);
  await expect(fresh.getByTestId('backup-restore-file')).toHaveText(path.basename(backupFile));
  await setStartupPassphrase(fresh);
  await fresh.getByTestId('backup-restore-passphrase').fill(`${PASSPHRASE}！`);
  await fresh.getByTestId('backup-restore-submit').click();
  await expect(fresh.getByText(/口令不正确，或备份文件已被改动、损坏/)).toBeVisible({ timeout: 60_000 });
  await expect(fresh.getByTestId('title-bar')).toHaveCount(0); // nothing written
  await fresh.getByTestId('backup-restore-passphrase').fill(PASSPHRASE);
  await fresh.getByTestId('backup-restore-submit').click();

  // restored: the ledger opens on 设置, which says what to do next, with this PC's new key
  await expect(fresh.getByTestId('title-bar')).toBeVisible({ timeout: 60_000 });
  await expect(fresh.getByTestId('workspace-name')).toHaveText(UNIT);
  const notice = fresh.getByTestId('backup-restore-notice');
  await expect(notice).toContainText('本机使用新的设备密钥');
  await expect(fresh.getByTestId('backup-reenrol-steps')).toContainText('重新登记');
  await expect(fresh.getByTestId('backup-reenrol-steps')).toContainText('导出全部数据（不论回执）');
  const newFingerprint = (await fresh.getByTestId('key-fingerprint').textContent()) ?? '';
  expect(newFingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  expect(newFingerprint).not.toBe(oldFingerprint);
  await expect(fresh.getByTestId('backup-new-fingerprint')).toHaveText(newFingerprint);
  await expect(fresh.getByTestId('backup-last')).toContainText(path.basename(backupFile));
  await expect(fresh.getByTestId('backup-restore-pick')).toHaveCount(0); // no longer empty
  await screenshot(fresh, 'backup-restored-settings');

  // the same members
  await fresh.getByRole('menuitem', { name: '组织与党员' }).click();
  await fresh.getByRole('tab', { name: '党员花名册' }).click();
  await expect(fresh.getByTestId('member-count')).toHaveText('共 2 人');
  await expect(fresh.getByRole('cell', { name: '王芳', exact: true })).toBeVisible();
  await expect(fresh.getByRole('cell', { name: '李强', exact: true })).toBeVisible();
  // the receipt came back too: the enrolment card still knows bundle no. 1 was received
  await fresh.getByRole('menuitem', { name: '同步' }).click();
  await expect(fresh.getByTestId('enrolment-card')).toContainText('第 1 号同步包已被工委接收');

  await newContext.close();
  await committeeContext.close();
});

test('设置 offers a restore only while the ledger is empty, and reopens on the restored ledger', async ({ browser }) => {
  test.setTimeout(420_000);
  const oldContext = await browser.newContext();
  const old = await oldContext.newPage();
  await old.goto('/');
  await setUpAsUnit(old, UNIT);
  await old.getByRole('menuitem', { name: '设置' }).click();
  // the web build makes no automatic backups, and says so
  await expect(old.getByTestId('automatic-backups')).toContainText('浏览器版不做自动备份');
  await old.getByTestId('backup-passphrase').fill(PASSPHRASE);
  await old.getByTestId('backup-passphrase-confirmation').fill(PASSPHRASE);
  const file = await download(old, () => old.getByTestId('backup-make').click());
  await oldContext.close();

  // a PC set up a moment ago (another name): its 设置 offers the restore, which replaces the empty ledger
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await setUpAsUnit(page, '临时单位');
  await page.getByRole('menuitem', { name: '设置' }).click();
  const card = page.getByTestId('backup-card');
  await expect(card.getByTestId('backup-restore-pick')).toBeVisible();
  await chooseFile(page, '选择备份文件', file);
  await card.getByTestId('backup-restore-passphrase').fill(PASSPHRASE);
  await card.getByTestId('backup-restore-submit').click();
  // the page reloads on the restored ledger: this PC's 开机口令 opens it (its data key sealed what was restored)
  await unlock(page);
  await expect(page.getByTestId('workspace-name')).toHaveText(UNIT, { timeout: 120_000 });
  await expect(page.getByTestId('backup-restore-notice')).toContainText('尚未与工委办理纳管登记');
  await expect(page.getByTestId('backup-restore-pick')).toHaveCount(0);
  await context.close();
});
