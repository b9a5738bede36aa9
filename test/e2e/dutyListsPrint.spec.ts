/**
 * 三级五岗 printed as a new unit's cadre would: the default list generated, one item self-checked,
 * then 打印职责清单 and 打印自查表 — each made in the PDF worker, downloaded and read back with pdf.js:
 * the posts with 未明确 where nobody is assigned, the counts, the items not yet self-checked.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { compact, pdfText, readPdf } from '../reports/pdfReader';
import { screenshot, setUpAsUnit } from './helpers';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tz-duties-print-'));

test('print the 三级五岗 list and its self-check from the page', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await setUpAsUnit(page, '市商务局', 120);
  await page.getByRole('menuitem', { name: '三级五岗' }).click();
  // nothing to print before there is a list
  await expect(page.getByTestId('duties-empty')).toBeVisible();
  await expect(page.getByTestId('duties-print')).toHaveCount(0);
  await page.getByRole('button', { name: '按默认清单生成本年度清单' }).click();
  await expect(page.getByTestId('duty-post')).toHaveCount(5);

  const branch = page.getByRole('region', { name: '岗位：党支部书记' });
  const item = '开展谈心谈话，了解掌握党员思想和工作情况';
  await branch.getByRole('button', { name: `自查：${item}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('label.ant-radio-button-wrapper', { hasText: '部分落实' }).click();
  await dialog.getByLabel('自查情况及佐证').fill('谈心谈话覆盖80%党员');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  const year = new Date().getFullYear();

  const save = async (button: string): Promise<string> => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).click();
    const file = await download;
    const saved = path.join(tmp, file.suggestedFilename());
    await file.saveAs(saved);
    await expect(page.getByTestId('pdf-outcome')).toContainText('页');
    return saved;
  };

  const list = await save('打印职责清单');
  expect(path.basename(list)).toBe(`市商务局_三级五岗职责清单_${year}.pdf`);
  const listText = compact(await pdfText(list));
  expect(listText).toContain(`${year}年度“三级五岗”党建工作职责清单`);
  expect(listText).toContain('党支部书记（责任人：未明确；4项）');
  expect(listText).toContain('其中5个岗位尚未明确责任人');
  expect((await readPdf(list)).missingGlyphs).toEqual([]);

  const check = await save('打印自查表');
  expect(path.basename(check)).toBe(`市商务局_三级五岗职责落实情况自查表_${year}.pdf`);
  const checkText = compact(await pdfText(check));
  expect(checkText).toContain('职责清单共5个岗位、19项职责事项，已自查1项：部分落实1项，没有落实、未落实的事项；尚有18项未自查');
  expect(checkText).toContain('以下18项职责事项尚未自查');
  expect(checkText).toContain(`${item}部分落实谈心谈话覆盖80%党员`);
  await screenshot(page, 'duties-printed');
});
