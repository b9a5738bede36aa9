/** Shared steps of the end-to-end tests, written as a user would do them. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import { expect, type Locator, type Page } from '@playwright/test';
import { creditCodeCheckChar } from '../../shared/model/creditCode';
import { idNumberCheckChar } from '../../shared/model/idNumber';

/** A checksum-valid, made-up ID number (GB 11643) for a birth date; an odd `seq` is a man, even a woman. */
export function idNumber(birth: string, seq: number): string {
  const first17 = `411302${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** A checksum-valid, made-up 统一社会信用代码 (GB 32100). */
export const VALID_CREDIT_CODE = '11410100MB1234567W';

/** Another checksum-valid made-up 统一社会信用代码, one per test unit number `i` (0–99). */
export function creditCode(i: number): string {
  const first17 = `11410100MB12345${String(i).padStart(2, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

export const SCREENSHOT_DIR = 'test-results/screenshots';

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** The first start's setup page: a fresh profile loads the whole renderer, slow on a loaded machine. */
const FIRST_PAINT = { timeout: 30_000 };

/**
 * The 开机口令 of the e2e ledgers. The web build has no OS keystore, so every setup sets one and
 * every reload asks for it (docs/security.md).
 */
export const STARTUP_PASSPHRASE = '台账开机口令2026';

/** Types the 开机口令 twice in the setup or restore form on screen. */
export async function setStartupPassphrase(scope: Page | Locator, passphrase = STARTUP_PASSPHRASE): Promise<void> {
  await scope.getByLabel('开机口令', { exact: true }).fill(passphrase);
  await scope.getByLabel('确认开机口令', { exact: true }).fill(passphrase);
}

/** The start gate of a set-up ledger: the 开机口令 opens it (scrypt, a second or more on a busy machine). */
export async function unlock(page: Page, passphrase = STARTUP_PASSPHRASE): Promise<void> {
  const field = page.getByLabel('开机口令', { exact: true });
  await expect(field).toBeVisible(FIRST_PAINT);
  await field.fill(passphrase);
  await page.getByRole('button', { name: '打开台账' }).click();
  await expect(field).toHaveCount(0, { timeout: 60_000 });
}

/** Reloads the page (a restart of the app) and opens the ledger again with the 开机口令. */
export async function reopen(page: Page, passphrase = STARTUP_PASSPHRASE): Promise<void> {
  await page.reload();
  await unlock(page, passphrase);
}

export async function setUpAsUnit(page: Page, name = '市财政局', staff = 180, code = VALID_CREDIT_CODE): Promise<void> {
  await expect(page.getByText('机关党建台账 · 初始设置')).toBeVisible(FIRST_PAINT);
  await page.getByTestId('mode-unit').click();
  await page.getByLabel('单位名称').fill(name);
  await page.getByLabel('统一社会信用代码').fill(code);
  await page.getByLabel('机关工作人员总数').fill(String(staff));
  await page.getByText('党组', { exact: true }).click();
  await page.getByLabel('操作人姓名（选填）').fill('张敏');
  await setStartupPassphrase(page);
  await page.getByRole('button', { name: '完成设置' }).click();
  // scrypt (N = 2^17) makes the data key's wrapping: a second or more on a busy machine
  await expect(page.getByTestId('title-bar')).toBeVisible({ timeout: 60_000 });
}

/** The key-backup passphrase the e2e committees use. */
export const COMMITTEE_PASSPHRASE = '我们支部2026年去了井冈山';

/**
 * Sets up a committee: name and key-backup passphrase, then the blocking "save your key backup"
 * step (a download in the web build). Returns the saved backup file's path.
 */
export async function setUpAsCommittee(page: Page, name = '中共示范市委直属机关工作委员会', passphrase = COMMITTEE_PASSPHRASE): Promise<string> {
  await expect(page.getByText('机关党建台账 · 初始设置')).toBeVisible(FIRST_PAINT);
  await page.getByTestId('mode-committee').click();
  await page.getByLabel('工委名称').fill(name);
  await page.getByLabel('备份口令', { exact: true }).fill(passphrase);
  await page.getByLabel('确认备份口令').fill(passphrase);
  await setStartupPassphrase(page);
  await page.getByRole('button', { name: '完成设置' }).click();
  // scrypt (N = 2^17) takes a second or more on a busy machine
  await expect(page.getByText('机关党建台账 · 保存工委密钥备份')).toBeVisible({ timeout: 60_000 });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存密钥备份文件' }).click();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tz-keys-')), (await download).suggestedFilename());
  await (await download).saveAs(file);
  await expect(page.getByTestId('title-bar')).toBeVisible();
  return file;
}

/**
 * Picks `option` in the select list that is open now, and makes sure it was taken: on a busy
 * machine antd sometimes leaves the list open after the click (it would then cover the next
 * field), or closes it without taking the click (the list was still animating). So the pick is
 * repeated — reopening the list from its own select — until the list is gone and the choice shows:
 * a single-choice select shows the option, or the choice opened a dialog or drawer, or took the
 * select away.
 */
export async function pickFromOpenList(page: Page, option: string | RegExp): Promise<void> {
  const list = page.locator('.ant-select-dropdown:visible');
  const exact = typeof option === 'string';
  await expect(list.getByText(option, { exact }).first()).toBeVisible();
  const select = await selectJustOpened(page, list);
  const single = select !== null && !(await select.evaluate((el) => el.classList.contains('ant-select-multiple')));
  const overlays = page.locator('.ant-modal-wrap:visible, .ant-drawer-open');
  const overlaysBefore = await overlays.count();
  const taken = async (): Promise<boolean> => {
    if (!single || select === null) return true;
    if ((await select.count()) === 0) return true;
    if ((await overlays.count()) > overlaysBefore) return true;
    const shown = (await select.textContent()) ?? '';
    return typeof option === 'string' ? shown.includes(option) : option.test(shown);
  };
  await expect(async () => {
    if ((await list.count()) === 0) {
      if (await taken()) return;
      if (select !== null) {
        await select.click({ timeout: 3000 });
        await expect(list.getByText(option, { exact }).first()).toBeVisible({ timeout: 3000 });
      }
    }
    if ((await list.count()) > 0) await list.getByText(option, { exact }).first().click({ timeout: 3000 });
    await expect(list).toHaveCount(0, { timeout: 3000 });
    await expect.poll(taken, { timeout: 3000 }).toBe(true);
  }).toPass({ timeout: 20_000 });
}

/**
 * The select whose list the test just opened, found by its combobox: the one antd marks expanded,
 * or else the one that has the focus (a list that closed again on its own, seen under load with a
 * tree select, leaves its combobox focused), or else the one the open list names (`<id>_list`).
 * Null when none can be told, which leaves the pick unchecked.
 */
async function selectJustOpened(page: Page, list: Locator): Promise<Locator | null> {
  const idOf = async (combobox: Locator): Promise<string | null> =>
    (await combobox.count()) === 1 ? combobox.getAttribute('id', { timeout: 3000 }).catch(() => null) : null;
  let id = (await idOf(page.locator('.ant-select [role="combobox"][aria-expanded="true"]'))) ?? (await idOf(page.locator('.ant-select [role="combobox"]:focus')));
  if (id === null) {
    const listbox = list.locator('[role="listbox"]');
    const listId = (await listbox.count()) > 0 ? await listbox.first().getAttribute('id', { timeout: 3000 }).catch(() => null) : null;
    id = listId?.endsWith('_list') ? listId.slice(0, -'_list'.length) : null;
  }
  return id === null ? null : page.locator('.ant-select').filter({ has: page.locator(`[id="${id}"]`) });
}

/**
 * Picks `option` in the select labelled `label` and checks that the select shows it, repeating a
 * pick that a loaded machine lost (the list closed without taking the click). For selects whose
 * choice stays on show (filters, scopes); a choice that opens a dialog uses `pickFromOpenList`.
 */
export async function chooseShown(page: Page, label: string, option: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  const shown = page.locator('.ant-select').filter({ has: select });
  await expect(async () => {
    if (!((await shown.textContent()) ?? '').includes(option)) {
      await select.click({ timeout: 3000 });
      await pickFromOpenList(page, option);
    }
    await expect(shown).toContainText(option, { timeout: 3000 });
  }).toPass({ timeout: 40_000 });
}

/**
 * Ticks the checkbox labelled `label` in `scope` and makes sure it is ticked: on a busy machine a
 * click on a checkbox in a dialog that is still animating in was lost (the confirm button then
 * stayed disabled until the test timed out), so the tick is repeated until the box shows it.
 */
export async function tick(scope: Page | Locator, label: string): Promise<void> {
  const box = scope.getByRole('checkbox', { name: label, exact: true });
  await expect(async () => {
    await box.check({ timeout: 3000 });
    await expect(box).toBeChecked({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

let downloadDir: string | null = null;
let downloads = 0;

/** Runs `action`, saves the download it starts (a file the app "saves" in the web build) and returns its path. */
export async function download(page: Page, action: () => Promise<void>): Promise<string> {
  downloadDir ??= mkdtempSync(path.join(os.tmpdir(), 'tz-e2e-downloads-'));
  const pending = page.waitForEvent('download');
  await action();
  const d = await pending;
  // a folder per download keeps two saves of the same name apart and the file its suggested name
  const folder = path.join(downloadDir, String(++downloads));
  mkdirSync(folder);
  const file = path.join(folder, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

/** Clicks the button that opens a file chooser and picks `file` in it. */
export async function chooseFile(page: Page, button: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

/**
 * Clicks `button` in the open confirm dialog until the dialog has gone: on a loaded machine a click
 * that lands while antd is still animating the dialog in is sometimes lost (seen once in CI). A
 * dialog whose action is running shows its button loading, which ignores further clicks.
 */
export async function confirmInDialog(page: Page, button: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: button })).toBeVisible();
  await expect(async () => {
    if ((await dialog.count()) > 0) await dialog.getByRole('button', { name: button }).click({ timeout: 3000 });
    await expect(dialog).toHaveCount(0, { timeout: 5000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Committee, on the 同步 page: enrols a unit by name and 统一社会信用代码 and returns the path of the
 * enrolment file (.tze) the app saves at once.
 */
export async function enrolAtCommittee(page: Page, name: string, code = VALID_CREDIT_CODE): Promise<string> {
  const units = page.getByTestId('enrolled-units');
  const nameInput = units.getByLabel('单位名称');
  const button = units.getByRole('button', { name: '登记新单位并导出登记文件' });
  await nameInput.fill(name);
  await units.getByLabel('统一社会信用代码').fill(code);
  // the form's own checks have passed (an earlier error's text has gone: its collapse moves the button)
  await expect(units.locator('.ant-form-item-explain-error')).toHaveCount(0);
  return download(page, async () => {
    // The enrolment resets the form as it starts the file's download. A click lost on a loaded
    // machine (CI once waited 5 minutes for a download that never started) leaves the form filled
    // and the button idle: click again then, never while the button says the enrolment runs.
    await expect(async () => {
      const idle = !((await button.getAttribute('class')) ?? '').includes('ant-btn-loading');
      if (idle && (await nameInput.inputValue()) !== '') await button.click({ timeout: 5000 });
      await expect(nameInput).toHaveValue('', { timeout: 10_000 });
    }).toPass({ timeout: 90_000 });
  });
}

export interface EnrolUnitOptions {
  /** The unit's 统一社会信用代码 (the one it set up with). */
  readonly code?: string;
  /** Checks on the unit's page right after its first bundle is exported (`bundle` is its path). */
  readonly afterExport?: (bundle: string) => Promise<void>;
  /** Checks on the committee's import preview of that bundle, before the fingerprint is confirmed. */
  readonly preview?: () => Promise<void>;
  /** Checks on the unit's preview of the receipt, before it confirms the import. */
  readonly receiptPreview?: () => Promise<void>;
  /** false: stop once the committee has imported the first bundle (no receipt). */
  readonly receipt?: boolean;
}

export interface EnrolledUnit {
  /** The enrolment file (.tze) the committee saved. */
  readonly enrolment: string;
  /** The unit's first (full) bundle. */
  readonly bundle: string;
  /** The committee's receipt (return bundle), imported by the unit; null with `receipt: false`. */
  readonly receipt: string | null;
}

/**
 * The first contact of a unit with its committee, as both cadres do it on their own PCs (both set up
 * already): the committee enrols the unit on 同步 (name and 统一社会信用代码) and saves the .tze; the
 * unit imports it (工委 fingerprint confirmed) and exports its first bundle; the committee imports
 * that (unit fingerprint confirmed, the key registered) and writes a receipt, which the unit imports
 * (its bundle no. 1 acknowledged). Every step waits on what the app shows, never on time.
 */
export async function enrolUnitWithCommittee(committee: Page, unit: Page, name: string, options: EnrolUnitOptions = {}): Promise<EnrolledUnit> {
  await committee.getByRole('menuitem', { name: '同步' }).click();
  const enrolment = await enrolAtCommittee(committee, name, options.code);
  expect(path.basename(enrolment)).toBe(`${name}_纳管登记.tze`);

  await unit.getByRole('menuitem', { name: '同步' }).click();
  await chooseFile(unit, '导入登记文件', enrolment);
  await tick(unit, '已与工委电话核对，密钥指纹一致');
  await unit.getByRole('button', { name: '确认登记' }).click();
  await expect(unit.getByTestId('export-card')).toBeVisible();
  const bundle = await download(unit, () => unit.getByRole('button', { name: '导出同步包' }).click());
  await expect(unit.getByTestId('export-result')).toContainText('完整数据');
  await options.afterExport?.(bundle);

  await chooseFile(committee, '选择同步包', bundle);
  await expect(committee.getByTestId('import-preview')).toContainText(name);
  await options.preview?.();
  await expect(committee.getByRole('button', { name: '确认导入' })).toBeDisabled(); // until the fingerprint is confirmed
  await tick(committee, '已与单位电话核对，密钥指纹一致');
  await committee.getByRole('button', { name: '确认导入' }).click();
  await expect(committee.getByTestId('import-result')).toContainText('已登记该单位的密钥');
  if (options.receipt === false) return { enrolment, bundle, receipt: null };

  const receipt = await download(committee, () => committee.getByRole('button', { name: '生成回执' }).click());
  expect(path.basename(receipt)).toMatch(new RegExp(`^${name}_回执_\\d{4}-\\d{2}-\\d{2}_第\\d+号\\.tzb$`));
  await chooseFile(unit, '选择同步包', receipt);
  await options.receiptPreview?.();
  await unit.getByRole('button', { name: '确认导入' }).click();
  await expect(unit.getByTestId('import-result')).toBeVisible();
  await expect(unit.getByTestId('enrolment-card')).toContainText('第 1 号同步包已被工委接收');
  return { enrolment, bundle, receipt };
}

/**
 * 组织与党员 → 新增党组织: one organisation named `name` whose term began a year ago, then the
 * 党员花名册 tab (where a roster is imported or a member registered).
 */
export async function addFirstOrganisation(page: Page, name = '第一党支部'): Promise<void> {
  await page.getByRole('menuitem', { name: '组织与党员' }).click();
  await page.getByRole('button', { name: '新增党组织' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('党组织名称').fill(name);
  const termStart = dialog.getByLabel('本届任期开始', { exact: true });
  await termStart.click();
  await termStart.fill(dayjs().subtract(1, 'year').format('YYYY-MM-DD'));
  await termStart.press('Enter');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增“${name}”`)).toBeVisible();
  await page.getByRole('tab', { name: '党员花名册' }).click();
}

/** The device row as IndexedDB holds it (read beneath the app): how many CryptoKeys it stores, whether its keys are sealed. */
export function deviceOnDisk(page: Page): Promise<{ cryptoKeys: number; sealed: boolean }> {
  return page.evaluate(
    () =>
      new Promise<{ cryptoKeys: number; sealed: boolean }>((resolve, reject) => {
        const request = indexedDB.open('taizhang');
        request.onerror = () => reject(request.error ?? new Error('open failed'));
        request.onsuccess = () => {
          const get = request.result.transaction('device').objectStore('device').get('device');
          get.onsuccess = () => {
            const row = get.result as Record<string, unknown>;
            request.result.close();
            resolve({ cryptoKeys: Object.values(row).filter((v) => v instanceof CryptoKey).length, sealed: typeof row.sealedKeys === 'string' && row.sealedKeys.startsWith('tz1:') });
          };
        };
      }),
  );
}
