/**
 * 报表 as a new unit's cadre would make them: a branch with five members and one meeting, the
 * annual report's 存在问题及原因 rewritten in the app, the PDF generated (in the worker, with the
 * bundled fonts: a browser offers no host fonts), downloaded and read back with pdf.js; the draft
 * is still there after a reload.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { compact, pdfText, readPdf } from '../reports/pdfReader';
import { chooseFile, idNumber, pickFromOpenList, reopen, screenshot, setUpAsUnit } from './helpers';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tz-reports-'));

async function rosterFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '性别', '民族', '身份证号', '入党时间', '转正时间', '所在支部']);
  const people = [
    ['王芳', '女', '1985-03-12', 22],
    ['李强', '男', '1990-11-05', 13],
    ['赵敏', '女', '1996-01-20', 42],
    ['孙丽', '女', '1988-08-08', 24],
    ['周杰', '男', '1979-04-30', 35],
  ] as const;
  for (const [name, gender, birth, seq] of people) ws.addRow([name, gender, '汉族', idNumber(birth, seq), '2010-07-01', '2011-07-01', '第一党支部']);
  const file = path.join(tmp, '花名册.xlsx');
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

/** Runs of white space (the en spaces around page numbers too) as one space. */
const normalised = (text: string): string => text.replace(/[\s\u2002\u3000]+/g, ' ');

const PROBLEMS = '经自查，我局存在的主要问题是党建台账填报不够及时。原因是专职党务干部力量不足。';

test('edit the annual report draft, generate the PDF in the worker, read it back, and find the draft again after a reload', async ({ page }) => {
  test.setTimeout(180_000);
  const year = dayjs().year();

  await page.goto('/');
  await setUpAsUnit(page, '市审计局', 90);

  // a branch and its five members
  await page.getByRole('menuitem', { name: '组织与党员' }).click();
  await page.getByRole('button', { name: '新增党组织' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('党组织名称').fill('第一党支部');
  await dialog.getByLabel('类别').click();
  await pickFromOpenList(page, '党支部');
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByRole('tab', { name: '党员花名册' }).click();
  await page.getByRole('button', { name: '导入花名册' }).click();
  await chooseFile(page, '选择花名册文件', await rosterFile());
  await page.getByRole('button', { name: '下一步：预览' }).click();
  await page.getByRole('button', { name: '确认导入（5 人）' }).click();
  await page.getByRole('button', { name: '完成' }).click();

  // one meeting: this month's 主题党日, everyone present
  await page.getByRole('menuitem', { name: '三会一课' }).click();
  await page.getByRole('button', { name: '记录会议' }).click();
  await page.getByLabel('党组织', { exact: true }).click();
  await pickFromOpenList(page, '第一党支部（党支部）');
  await page.getByLabel('会议类型').click();
  await pickFromOpenList(page, '主题党日');
  await page.getByLabel('议题1', { exact: true }).fill('重温入党誓词');
  await page.getByRole('button', { name: '保存会议记录' }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();

  // 报表: the annual report's drafts start from the generated text
  await page.getByRole('menuitem', { name: '报表' }).click();
  const problems = page.getByLabel('二、存在问题及原因');
  await expect(problems).toHaveValue(/对照机关党建主体责任要求/);
  await expect(page.getByLabel('主送')).toHaveValue('中共××市委直属机关工委');
  await expect(page.getByTestId('addressee-hint')).toContainText('“××”是占位文字');
  await page.getByLabel('主送').fill('中共示范市委直属机关工委');
  await expect(page.getByTestId('addressee-hint')).toHaveCount(0);
  await problems.fill(PROBLEMS);
  // 一、履行主体责任情况 is editable too: the generated text, which follows the ledger until rewritten
  const duties = page.getByLabel('一、履行主体责任情况');
  await expect(duties).toHaveValue(/^（一）政治建设和制度落实。/);
  await expect(page.getByText('系统根据台账数据生成，数字随台账更新')).toBeVisible();
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('draft-status')).toContainText('已保存第1版');
  await expect(page.getByTestId('draft-status')).not.toContainText('有未保存的修改');

  // 生成 PDF: progress, then the download
  const download = page.waitForEvent('download');
  // the progress shows while the worker runs; a warm worker can finish between two polls of an
  // expect, so the page itself notes that the progress appeared
  await page.evaluate(() => {
    const w = window as Window & { sawPdfProgress?: boolean };
    w.sawPdfProgress = false;
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="pdf-progress"]')) {
        w.sawPdfProgress = true;
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const started = Date.now();
  await page.getByRole('button', { name: '生成 PDF' }).click();
  const file = await download;
  expect(await page.evaluate(() => (window as Window & { sawPdfProgress?: boolean }).sawPdfProgress)).toBe(true);
  const elapsed = Date.now() - started;
  expect(file.suggestedFilename()).toBe(`市审计局_年度落实机关党建主体责任情况报告_${year}.pdf`);
  const saved = path.join(tmp, file.suggestedFilename());
  await file.saveAs(saved);
  await expect(page.getByTestId('pdf-outcome')).toContainText('页');
  await expect(page.getByTestId('pdf-fonts')).toContainText('正文=Noto Serif SC（内置字体，代仿宋体）');
  console.log(`annual report generated and downloaded in ${elapsed} ms; ${await page.getByTestId('pdf-outcome').innerText()}`);
  await screenshot(page, 'reports-annual');

  // 打开打印: the generated PDF opens in a viewer (a new tab in the web build). A browser without a
  // PDF viewer (the headless shell of @sparticuz/chromium, test/e2e/chromium.ts) saves the PDF the
  // new tab was given instead: then the download names the same blob.
  const hasPdfViewer = await page.evaluate(() => navigator.pdfViewerEnabled);
  const viewer = page.context().waitForEvent('page');
  const savedInstead = hasPdfViewer ? null : page.waitForEvent('download');
  await page.getByTestId('pdf-outcome').getByRole('button', { name: '打开打印' }).click();
  const opened = await viewer;
  const openedUrl = savedInstead === null ? opened.url() : (await savedInstead).url();
  expect(openedUrl).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  await opened.close();

  const pdf = await readPdf(saved);
  const text = await pdfText(saved);
  const flat = compact(text);
  expect(flat).toContain(`中共市审计局党组关于${year}年度落实机关党建主体责任情况的报告`);
  expect(flat).toContain('中共示范市委直属机关工委：');
  expect(flat).toContain('二、存在问题及原因');
  expect(flat).toContain(compact(PROBLEMS));
  expect(normalised(text)).toContain('— 1 —');
  expect(pdf.fonts.length).toBeGreaterThanOrEqual(2);
  for (const font of pdf.fonts) {
    expect(font.name).toMatch(/^[A-Z]{6}\+/); // a subset
    expect(font, font.name).toMatchObject({ embedded: true, subset: true });
  }
  expect(pdf.fonts.map((f) => f.name).join(' ')).toMatch(/NotoSerifSC/);
  expect(pdf.info.fields.reportFonts).toContain('正文=Noto Serif SC（内置字体，代仿宋体）');
  expect(pdf.missingGlyphs, 'characters drawn without a glyph of their font').toEqual([]);

  // reload: the draft is still there
  await reopen(page);
  await page.getByRole('menuitem', { name: '报表' }).click();
  await expect(page.getByLabel('二、存在问题及原因')).toHaveValue(PROBLEMS);
  await expect(page.getByLabel('主送')).toHaveValue('中共示范市委直属机关工委');

  // the sign-in sheet of the meeting (a new session after the reload: the worker fetches the fonts again)
  await page.getByRole('tab', { name: '签到表' }).click();
  await page.getByRole('combobox', { name: '会议' }).click();
  await pickFromOpenList(page, /第一党支部主题党日/);
  const sheet = page.waitForEvent('download');
  await page.getByTestId('signin-report').getByRole('button', { name: '生成 PDF' }).click();
  const sheetFile = path.join(tmp, 'signin.pdf');
  await (await sheet).saveAs(sheetFile);
  expect(compact(await pdfText(sheetFile))).toContain('王芳');
  await expect(page.getByTestId('signin-report').getByTestId('pdf-outcome')).toContainText('页');
  console.log(`sign-in sheet (after the reload): ${await page.getByTestId('signin-report').getByTestId('pdf-outcome').innerText()}`);
  await screenshot(page, 'reports-signin');
});
