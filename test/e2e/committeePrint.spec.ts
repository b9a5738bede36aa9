/**
 * The 工委 prints, each in the PDF worker, downloaded and read back with pdf.js: the 红黄牌台账 after
 * issuing a card, the 季度考核汇总表 after publishing a quarter, and — under 单位 → a unit, read-only —
 * that unit's 三级五岗 自查表 (the unit generated its list before its first bundle).
 */
import dayjs from 'dayjs';
import quarterOfYear from 'dayjs/plugin/quarterOfYear.js';
import { expect, test, type Page } from '@playwright/test';
import { compact, pdfText } from '../reports/pdfReader';
import ExcelJS from 'exceljs';
import { download, enrolUnitWithCommittee, pickFromOpenList, screenshot, setUpAsCommittee, setUpAsUnit } from './helpers';

dayjs.extend(quarterOfYear);

const UNIT = '市财政局';
const TRIGGER = '第三季度两个党支部未召开党员大会';

async function pickDate(page: Page, label: string, date: string, within = page.locator('body')): Promise<void> {
  const field = within.getByLabel(label);
  await field.click();
  await field.fill(date);
  await field.press('Enter');
}

test('工委 prints the card register, the year’s score table and a unit’s 三级五岗 自查表', async ({ browser }) => {
  test.setTimeout(420_000); // two workspaces and the committee's key backup on a loaded machine
  const committee = await (await browser.newContext()).newPage();
  const unit = await (await browser.newContext()).newPage();
  await committee.goto('/');
  await setUpAsCommittee(committee);
  await unit.goto('/');
  await setUpAsUnit(unit, UNIT, 180);
  await unit.getByRole('menuitem', { name: '三级五岗' }).click();
  await unit.getByRole('button', { name: '按默认清单生成本年度清单' }).click();
  await expect(unit.getByTestId('duty-post')).toHaveCount(5);
  await enrolUnitWithCommittee(committee, unit, UNIT, { receipt: false });

  // 红黄牌: one yellow card, then 打印台账
  await committee.getByRole('menuitem', { name: '督责问责' }).click();
  await committee.getByRole('button', { name: '亮牌' }).click();
  const drawer = committee.getByRole('dialog', { name: '亮牌' });
  await drawer.getByRole('combobox', { name: '单位' }).click();
  await drawer.getByRole('combobox', { name: '单位' }).fill('scz');
  await pickFromOpenList(committee, UNIT);
  await drawer.getByLabel('亮牌事由').fill(TRIGGER);
  await drawer.getByLabel('亮牌依据').fill('季度监控');
  await pickDate(committee, '整改期限', dayjs().add(20, 'day').format('YYYY-MM-DD'), drawer);
  await drawer.getByRole('button', { name: '发出' }).click();
  await committee.getByRole('button', { name: '确认发出' }).click();
  await expect(committee.getByText(`已向${UNIT}发出黄牌`)).toBeVisible();
  const register = await download(committee, () => committee.getByRole('button', { name: '打印台账' }).click());
  await expect(committee.getByTestId('pdf-outcome')).toContainText('页');
  const registerText = compact(await pdfText(register));
  expect(registerText).toContain(`${dayjs().year()}年度红黄牌台账`); // this year's, as the page chose at first
  expect(registerText).toContain('共亮牌1张（均为黄牌），已销牌0张，未销牌1张');
  expect(registerText).toContain(compact(`黄牌${UNIT}${TRIGGER}`));
  expect(registerText).toContain('单位未回应；单位尚未建立整改事项');
  await screenshot(committee, 'committee-card-register-printed');
  // the same register as .xlsx: the same rows
  const sheetFile = await download(committee, () => committee.getByRole('button', { name: '导出 Excel' }).click());
  await expect(committee.getByText(/^已导出“.*红黄牌台账.*\.xlsx”$/)).toBeVisible();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(sheetFile);
  const sheetRows = book.worksheets[0]!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1).map(String).join('') : ''));
  expect(sheetRows.join('|')).toContain('共亮牌1张（均为黄牌），已销牌0张，未销牌1张');
  expect(sheetRows.some((r) => r.startsWith(`1黄牌${UNIT}${TRIGGER}`))).toBe(true);

  // 季度考核 published, then 年度汇总 → 打印 PDF
  await committee.getByRole('tab', { name: '季度考核' }).click();
  const scoreRow = committee.getByRole('row').filter({ hasText: UNIT });
  await expect(scoreRow).toBeVisible();
  const total = (await scoreRow.getByRole('cell').nth(3).innerText()).trim();
  await committee.getByRole('button', { name: '发布考核结果' }).click();
  await committee.getByRole('button', { name: '确认发布' }).click();
  await expect(committee.getByText('已发布', { exact: true })).toBeVisible();
  await committee.getByRole('tab', { name: '年度汇总' }).click();
  const yearView = committee.getByTestId('year-view');
  const judged = dayjs().subtract(1, 'quarter');
  if (judged.year() !== dayjs().year()) {
    await yearView.getByLabel('年度').click();
    await pickFromOpenList(committee, `${judged.year()}年`);
  }
  await expect(yearView.getByRole('row').filter({ hasText: UNIT })).toBeVisible();
  const table = await download(committee, () => yearView.getByRole('button', { name: '打印 PDF' }).click());
  await expect(yearView.getByTestId('pdf-outcome')).toContainText('页');
  const tableText = compact(await pdfText(table));
  expect(tableText).toContain(`${judged.year()}年度机关党建季度考核汇总表`);
  const quarters = [1, 2, 3, 4].map((q) => (q === judged.quarter() ? total : '—')).join('');
  expect(tableText).toContain(`1${UNIT}${quarters}${total}${total}`);

  // 单位 → 市财政局 → 三级五岗: read-only, and its 自查表 prints for that unit
  await committee.getByRole('menuitem', { name: '单位' }).click();
  await committee.getByTestId('register-unit-link').filter({ hasText: UNIT }).click();
  await expect(committee.getByTestId('read-only-banner')).toBeVisible();
  await committee.getByRole('menuitem', { name: '三级五岗' }).click();
  await expect(committee.getByTestId('duty-post')).toHaveCount(5);
  await expect(committee.getByRole('button', { name: '新增岗位' })).toHaveCount(0);
  const selfCheck = await download(committee, () => committee.getByRole('button', { name: '打印自查表' }).click());
  expect(selfCheck).toMatch(new RegExp(`${UNIT}_三级五岗职责落实情况自查表_\\d{4}\\.pdf$`));
  const selfCheckText = compact(await pdfText(selfCheck));
  expect(selfCheckText).toContain(`填报单位：${UNIT}（盖章）`);
  expect(selfCheckText).toContain('以下19项职责事项尚未自查');
  await screenshot(committee, 'committee-duties-printed');
});
