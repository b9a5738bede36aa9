/**
 * 全市机关党建情况汇总 printed in the app, as a new committee would: it enrols two units, one of them
 * sends its full bundle and the committee imports it; 报表 says which unit is counted and which has
 * sent nothing, 主送 starts as a placeholder (said on screen) and is written; the PDF is generated
 * in the worker (which reads the units one by one), downloaded and read back. Then 单位 → the unit →
 * 报表: its annual report as the unit would print it, read-only (generated text, said on screen),
 * and the masked roster only.
 */
import { expect, test } from '@playwright/test';
import { compact, pdfText } from '../reports/pdfReader';
import { creditCode, download, enrolAtCommittee, enrolUnitWithCommittee, pickFromOpenList, screenshot, setUpAsCommittee, setUpAsUnit } from './helpers';

const COMMITTEE = '中共示范市委直属机关工作委员会';

test('the committee prints the city report from an imported unit bundle', async ({ browser }) => {
  test.setTimeout(420_000); // the key backup (scrypt) at setup and two PDFs: 4.5 min seen at load 20 on 2 cores
  const committee = await (await browser.newContext()).newPage();
  const unit = await (await browser.newContext()).newPage();
  // the database opens slowly on a loaded machine
  await committee.goto('/');
  await expect(committee.getByText('机关党建台账 · 初始设置')).toBeVisible({ timeout: 60_000 });
  await setUpAsCommittee(committee, COMMITTEE);
  await unit.goto('/');
  await expect(unit.getByText('机关党建台账 · 初始设置')).toBeVisible({ timeout: 60_000 });
  await setUpAsUnit(unit, '市审计局', 90, creditCode(1));

  // unit: a branch
  await unit.getByRole('menuitem', { name: '组织与党员' }).click();
  await unit.getByRole('button', { name: '新增党组织' }).click();
  const dialog = unit.getByRole('dialog');
  await dialog.getByLabel('党组织名称').fill('第一党支部');
  await dialog.getByLabel('类别').click();
  await pickFromOpenList(unit, '党支部');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  // the committee enrols both units; only 市审计局 sends data (its enrolment, a full bundle, imported)
  await enrolUnitWithCommittee(committee, unit, '市审计局', { code: creditCode(1), receipt: false });
  await enrolAtCommittee(committee, '市统计局', creditCode(2));
  await expect(committee.getByTestId('enrolled-units')).toContainText('市统计局');

  // 报表: who is counted, the placeholder 主送, the committee's name as signature
  await committee.getByRole('menuitem', { name: '报表' }).click();
  const page = committee.getByTestId('city-report');
  await expect(page.getByTestId('city-units')).toContainText('纳入统计的单位 1 个');
  await expect(page.getByTestId('city-units')).toContainText('市统计局');
  await expect(page.getByLabel('主送')).toHaveValue('中共××市委');
  await expect(page).toContainText('“××”是占位文字');
  await expect(page.getByTestId('city-signature')).toHaveText(COMMITTEE);
  await page.getByLabel('主送').fill('中共示范市委');
  await expect(page).not.toContainText('“××”是占位文字');

  const file = await download(committee, () => page.getByRole('button', { name: '生成 PDF' }).click());
  expect(file).toMatch(/中共示范市委直属机关工作委员会_全市机关党建情况汇总_\d{4}\.pdf$/);
  await expect(page.getByTestId('pdf-outcome')).toContainText('页');
  await screenshot(committee, 'city-report');

  const text = compact(await pdfText(file));
  expect(text).toContain(`${COMMITTEE}关于`);
  expect(text).toContain('年度全市机关党建工作情况的报告');
  expect(text).toContain('中共示范市委：');
  expect(text).toContain('全市纳入统计的市直机关单位1个');
  expect(text).toContain('市审计局');
  expect(text).not.toContain('市统计局');
  expect(text).toContain(COMMITTEE);

  // 单位 → 市审计局 → 报表: the unit's annual report, read-only, addressed to the committee
  await committee.getByRole('menuitem', { name: '单位' }).click();
  await committee.getByTestId('register-unit-link').filter({ hasText: '市审计局' }).click();
  await committee.getByRole('menu', { name: '单位台账' }).getByRole('menuitem', { name: '报表' }).click();
  await expect(committee.getByTestId('reports-read-only')).toContainText('市审计局的报表');
  await expect(committee.getByTestId('annual-read-only')).toBeVisible({ timeout: 30_000 });
  await expect(committee.getByLabel('二、存在问题及原因')).toBeDisabled();
  await expect(committee.getByLabel('二、存在问题及原因')).toHaveValue(/对照机关党建主体责任要求/);
  await expect(committee.getByLabel('主送')).toHaveValue(COMMITTEE);
  await expect(committee.getByRole('button', { name: '保存草稿' })).toHaveCount(0);
  await screenshot(committee, 'committee-unit-annual');
  const annual = await download(committee, () => committee.getByTestId('annual-report').getByRole('button', { name: '生成 PDF' }).click());
  expect(annual).toMatch(/市审计局_年度落实机关党建主体责任情况报告_\d{4}\.pdf$/);
  const annualText = compact(await pdfText(annual));
  expect(annualText).toContain('中共市审计局党组关于');
  expect(annualText).toContain(`${COMMITTEE}：`);
  await committee.getByRole('tab', { name: '党员花名册' }).click();
  await expect(committee.getByTestId('roster-masked-only')).toBeVisible();
  await expect(committee.getByText('导出完整身份证号')).toHaveCount(0);
});
