/**
 * Nothing readable at rest (issue 17, docs/security.md), in real Chromium on a disk profile: a unit
 * sets up (开机口令), imports a 20-member 花名册 with ID numbers and phones and records a 走访慰问
 * with a health reason. The browser is closed and the profile's IndexedDB files (LevelDB) are read
 * byte by byte: no ID number, no phone and no 慰问事由 is in them, in one-byte or in two-byte
 * (UTF-16) form — while the names, organisation and dates, which are not sealed, are (so the scan
 * does see what is stored). The device row holds no CryptoKey, only its sealed keys. Reopened on
 * the same profile, a wrong 开机口令 is refused in words and the right one shows the ledger again;
 * changed in 设置, the next start takes the new one only.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { chooseFile, idNumber, screenshot, setStartupPassphrase, setUpAsUnit, STARTUP_PASSPHRASE, unlock, addFirstOrganisation, deviceOnDisk } from './helpers';

const MEMBERS = Array.from({ length: 20 }, (_, i) => {
  const birth = dayjs('1970-01-15').add(i * 400, 'day').format('YYYY-MM-DD');
  return { name: `党员${String.fromCodePoint(0x7532 + i)}`, birth, id: idNumber(birth, 100 + i), phone: `139${String(20_260_000 + i * 7).padStart(8, '0')}` };
});
const REASON = '术后康复期间行动不便需定期复查';

async function roster(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['序号', '姓名', '性别', '民族', '出生日期', '身份证号', '入党时间', '转正时间', '所在支部', '联系电话']);
  MEMBERS.forEach((m, i) => ws.addRow([i + 1, m.name, Number(m.id.at(-2)) % 2 === 1 ? '男' : '女', '汉族', m.birth, m.id, '2000-07-01', '2001-07-01', '第一党支部', m.phone]));
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tz-at-rest-')), '花名册.xlsx');
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

/** Every file under the profile's IndexedDB folder, concatenated. */
function indexedDbBytes(profile: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else parts.push(readFileSync(full));
    }
  };
  walk(path.join(profile, 'Default', 'IndexedDB'));
  return Buffer.concat(parts);
}

/** Where `text` is in `bytes`, as V8 stores strings: one byte per character, or UTF-16LE. */
function holds(bytes: Buffer, text: string): boolean {
  if (/^[\x20-\x7e]*$/.test(text) && bytes.includes(Buffer.from(text, 'latin1'))) return true;
  return bytes.includes(Buffer.from(text, 'utf16le'));
}

async function setUpLedger(page: Page): Promise<void> {
  await page.goto('/');
  await setUpAsUnit(page, '市档案馆', 120);
  await addFirstOrganisation(page);
  await page.getByRole('button', { name: '导入花名册' }).click();
  await chooseFile(page, '选择花名册文件', await roster());
  const modal = page.getByRole('dialog', { name: '导入花名册' });
  await modal.getByRole('button', { name: '下一步：预览' }).click();
  await expect(modal.getByTestId('roster-counts')).toContainText('新增 20 人');
  await modal.getByRole('button', { name: '确认导入（20 人）' }).click();
  await expect(modal.getByText('新增 20 人，更新 0 人，无变化 0 人，跳过 0 行。')).toBeVisible();
  await modal.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('共 20 人');

  await page.getByRole('menuitem', { name: '关怀激励' }).click();
  await page.getByRole('button', { name: '登记走访慰问' }).first().click();
  const visit = page.getByRole('dialog');
  await expect(visit.getByLabel('慰问对象')).toBeFocused();
  await page.keyboard.type(MEMBERS[0]!.name);
  await visit.getByLabel('慰问事由').fill(REASON);
  await visit.getByLabel('慰问金额').fill('500');
  const date = visit.getByLabel('走访日期', { exact: true });
  await date.click();
  await date.fill(dayjs().format('YYYY-MM-DD'));
  await date.press('Enter');
  await expect(page.getByText(`已登记对“${MEMBERS[0]!.name}”的走访慰问`).last()).toBeVisible();
}

test('a copied profile shows no ID number, phone, 慰问事由 or device key; the 开机口令 opens it again', async ({ baseURL }) => {
  test.setTimeout(240_000); // two starts with scrypt and a roster import, on a loaded machine
  const profile = mkdtempSync(path.join(os.tmpdir(), 'taizhang-at-rest-'));
  const launch = () => chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: CHROMIUM_ARGS, baseURL, locale: 'zh-CN' });
  let context: BrowserContext | null = null;
  try {
    context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await setUpLedger(page);

    // the device row as IndexedDB holds it (read beneath the app): sealed keys, no CryptoKey
    const device = await deviceOnDisk(page);
    expect(device).toEqual({ cryptoKeys: 0, sealed: true });
    await context.close();
    context = null;

    const bytes = indexedDbBytes(profile);
    expect(bytes.length).toBeGreaterThan(0);
    // what is not sealed is there to be seen: the scan reads what the ledger stored
    expect(holds(bytes, '第一党支部')).toBe(true);
    expect(MEMBERS.filter((m) => holds(bytes, m.name)).length).toBeGreaterThan(10);
    expect(MEMBERS.filter((m) => holds(bytes, m.birth)).length).toBeGreaterThan(10);
    // what is sealed is not
    expect(MEMBERS.filter((m) => holds(bytes, m.id)).map((m) => m.name)).toEqual([]);
    expect(MEMBERS.filter((m) => holds(bytes, m.phone)).map((m) => m.name)).toEqual([]);
    expect(holds(bytes, REASON)).toBe(false);
    expect(holds(bytes, '术后康复')).toBe(false);

    // the same profile again: locked until the 开机口令
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await expect(page.getByText('本机台账已加密保存，请输入开机口令打开。')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('title-bar')).toHaveCount(0);
    await page.getByLabel('开机口令', { exact: true }).fill('不是这个口令123');
    await page.getByRole('button', { name: '打开台账' }).click();
    await expect(page.getByText('开机口令不正确，请重新输入')).toBeVisible({ timeout: 60_000 });
    await screenshot(page, 'unlock-wrong-passphrase');
    await unlock(page);
    await page.getByRole('menuitem', { name: '组织与党员' }).click();
    await page.getByRole('tab', { name: '党员花名册' }).click();
    await expect(page.getByTestId('member-count')).toHaveText('共 20 人');
    const first = MEMBERS[0]!;
    await expect(page.getByRole('row', { name: new RegExp(first.name) })).toContainText(`${first.id.slice(0, 4)}**********${first.id.slice(-4)}`);
    await page.getByRole('menuitem', { name: '设置' }).click();
    await expect(page.getByTestId('data-key-protection')).toHaveText('由开机口令保护，每次打开程序时输入');
    await screenshot(page, 'settings-data-encryption');

    // 修改开机口令: the old one first, the new one twice; the next start takes the new one only
    await page.getByTestId('change-startup-passphrase').click();
    const change = page.getByRole('dialog', { name: '修改开机口令' });
    await change.getByLabel('当前开机口令').fill(STARTUP_PASSPHRASE);
    await setStartupPassphrase(change, '新的开机口令2027');
    await change.getByRole('button', { name: '修改' }).click();
    await expect(page.getByText('开机口令已修改，下次打开程序时请输入新的开机口令')).toBeVisible({ timeout: 60_000 });
    await expect(change).toHaveCount(0);
    await page.reload();
    await page.getByLabel('开机口令', { exact: true }).fill(STARTUP_PASSPHRASE);
    await page.getByRole('button', { name: '打开台账' }).click();
    await expect(page.getByText('开机口令不正确，请重新输入')).toBeVisible({ timeout: 60_000 });
    await unlock(page, '新的开机口令2027');
    await expect(page.getByTestId('workspace-name')).toHaveText('市档案馆');
    await context.close();
    context = null;
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
