/**
 * 红黄牌 and 通知 as the two cadres would use them, each on their own PC: the 工委 issues a yellow card
 * and a notice to a unit and writes its return bundle; the unit imports it, sees both on its
 * workbench, marks the notice read and answers the card with a rectification item; the committee
 * imports the unit's next bundle and sees the answer on the card and the read mark on the notice.
 * The notice carries a PDF (通知附件): the unit sees it under the notice and saves it, byte for byte.
 * Every step waits on what the app shows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import quarterOfYear from 'dayjs/plugin/quarterOfYear.js';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { compact, pdfText } from '../reports/pdfReader';
import { chooseFile, download, enrolUnitWithCommittee, pickFromOpenList, screenshot, setUpAsCommittee, setUpAsUnit } from './helpers';

dayjs.extend(quarterOfYear);

const UNIT = '市财政局';
const TRIGGER = '第三季度两个党支部未召开党员大会';
const NOTICE = '关于报送2026年度抓基层党建工作述职材料的通知';
const NOTICE_PDF = '述职报告模板.pdf';
const NOTICE_PDF_BYTES = Buffer.from('%PDF-1.4\n% 述职报告模板\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'utf8');

function noticePdf(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tz-e2e-notice-')), NOTICE_PDF);
  writeFileSync(file, NOTICE_PDF_BYTES);
  return file;
}

async function pickDate(page: Page, label: string, date: string, within = page.locator('body')): Promise<void> {
  const field = within.getByLabel(label);
  await field.click();
  await field.fill(date);
  await field.press('Enter');
}

test('工委 issues a yellow card and a notice; the unit reads and answers; the committee sees both', async ({ browser }) => {
  test.setTimeout(240_000);
  const committee = await (await browser.newContext()).newPage();
  const unit = await (await browser.newContext()).newPage();
  await committee.goto('/');
  await setUpAsCommittee(committee);
  await unit.goto('/');
  await setUpAsUnit(unit, UNIT, 180);
  await enrolUnitWithCommittee(committee, unit, UNIT);

  // the committee: 督责问责 → 红黄牌, empty at first
  await committee.getByRole('menuitem', { name: '督责问责' }).click();
  await expect(committee.getByText('尚未发出红黄牌')).toBeVisible();
  await committee.getByRole('button', { name: '亮牌' }).click();
  const drawer = committee.getByRole('dialog', { name: '亮牌' });
  await drawer.getByRole('combobox', { name: '单位' }).click();
  await drawer.getByRole('combobox', { name: '单位' }).fill('scz'); // pinyin initials of 市财政局
  await pickFromOpenList(committee, UNIT);
  await drawer.getByLabel('亮牌事由').fill(TRIGGER);
  await drawer.getByLabel('亮牌依据').fill('季度监控：第一、第二党支部2026年第三季度无党员大会记录');
  const fixBy = dayjs().add(20, 'day').format('YYYY-MM-DD');
  await pickDate(committee, '整改期限', fixBy, drawer);
  await screenshot(committee, 'accountability-issue-card');
  await drawer.getByRole('button', { name: '发出' }).click();
  await committee.getByRole('button', { name: '确认发出' }).click();
  await expect(committee.getByText(`已向${UNIT}发出黄牌`)).toBeVisible();
  const cardRow = committee.getByRole('row').filter({ hasText: TRIGGER });
  await expect(cardRow).toContainText('黄牌');
  await expect(cardRow).toContainText('单位未回应');
  await expect(cardRow).toContainText('剩余 20 天');

  // … and a notice to all enrolled units (one here)
  await committee.getByRole('tab', { name: '通知' }).click();
  await committee.getByRole('button', { name: '发通知' }).click();
  const noticeDrawer = committee.getByRole('dialog', { name: '发通知' });
  await noticeDrawer.getByRole('button', { name: /全部纳管单位/ }).click();
  await noticeDrawer.getByLabel('通知标题').fill(NOTICE);
  await noticeDrawer.getByLabel('通知正文').fill('请各单位于12月20日前报送党组(党委)书记述职报告。');
  await chooseFile(committee, '添加附件', noticePdf());
  await expect(noticeDrawer.getByTestId('notice-draft-attachments')).toContainText(NOTICE_PDF);
  await screenshot(committee, 'accountability-notice-attachment');
  await noticeDrawer.getByRole('button', { name: '发出' }).click();
  await expect(committee.getByText('含 1 个附件。发出后不能撤回。')).toBeVisible();
  await committee.getByRole('button', { name: '确认发出' }).click();
  await expect(committee.getByText('通知及 1 个附件已发给 1 个单位')).toBeVisible();
  const noticeRow = committee.getByRole('row').filter({ hasText: NOTICE });
  await expect(noticeRow).toContainText('0/1 个单位');

  // 季度考核: the quarter's scores computed from what the unit sent, published (frozen)
  await committee.getByRole('tab', { name: '季度考核' }).click();
  await expect(committee.getByText('预览（未发布）')).toBeVisible();
  const scoreRow = committee.getByRole('row').filter({ hasText: UNIT });
  await expect(scoreRow).toBeVisible(); // scored unit by unit; the row appears once all are done
  const total = (await scoreRow.getByRole('cell').nth(3).innerText()).trim();
  expect(total).toMatch(/^\d+(\.\d+)?$/);
  await screenshot(committee, 'accountability-monitoring-preview');
  // the live table printed and exported before publication: marked 未发布（预览） with the day it was computed
  const monitoring = committee.getByTestId('monitoring');
  const computedOn = /按(\d{4}年\d{1,2}月\d{1,2}日)已收到的记录计算/.exec(await committee.getByTestId('monitoring-preview-note').innerText())![1]!;
  const previewPdf = await download(committee, () => monitoring.getByRole('button', { name: '打印 PDF' }).click());
  expect(previewPdf).toMatch(/第\d季度考核计分表（未发布预览）\.pdf$/);
  await expect(monitoring.getByTestId('pdf-outcome')).toContainText('页');
  const previewText = compact(await pdfText(previewPdf));
  expect(previewText).toContain('机关党建考核计分表（未发布预览）');
  expect(previewText).toContain(`未发布（预览），按${computedOn}已收到的记录计算`);
  expect(previewText).toContain(`1${UNIT}${total}`);
  const previewSheet = await download(committee, () => monitoring.getByRole('button', { name: '导出 Excel' }).click());
  const previewBook = new ExcelJS.Workbook();
  await previewBook.xlsx.readFile(previewSheet);
  const previewRows = previewBook.worksheets[0]!;
  expect(previewRows.getRow(1).getCell(1).value).toMatch(/考核计分表【未发布（预览）】$/);
  expect(String(previewRows.getRow(2).getCell(1).value)).toContain(`按${computedOn}已收到的记录计算`);
  expect((previewRows.getRow(5).values as unknown[]).slice(1, 4)).toEqual([1, UNIT, Number(total)]);
  await committee.getByRole('button', { name: '发布考核结果' }).click();
  await committee.getByRole('button', { name: '确认发布' }).click();
  await expect(committee.getByText(/考核结果已发布，将随各单位的下一个回执送达/)).toBeVisible();
  await expect(committee.getByText('已发布', { exact: true })).toBeVisible();
  await expect(committee.getByRole('button', { name: '发布考核结果' })).toHaveCount(0);

  // 年度汇总: the published quarter counts for the year, the others are named; the table as .xlsx
  await committee.getByRole('tab', { name: '年度汇总' }).click();
  const yearView = committee.getByTestId('year-view');
  const yearRow = yearView.getByRole('row').filter({ hasText: UNIT });
  // the quarter published above is the newest that has ended (the page's default)
  const judged = dayjs().subtract(1, 'quarter');
  if (judged.year() !== dayjs().year()) {
    await yearView.getByLabel('年度').click();
    await pickFromOpenList(committee, `${judged.year()}年`);
  }
  const quarterColumn = 1 + judged.quarter(); // 名次, 单位, then Q1–Q4
  await expect(yearRow.getByRole('cell').nth(quarterColumn)).toHaveText(total);
  await expect(yearRow.getByRole('cell').nth(0)).toHaveText('1');
  await expect(committee.getByTestId('year-view-note')).toContainText('年度参考分按已发布的 1 个季度计算');
  await screenshot(committee, 'accountability-year-view');
  const sheetFile = await download(committee, () => yearView.getByRole('button', { name: '导出 Excel' }).click());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(sheetFile);
  const values = workbook.worksheets[0]!.getRow(2).values as unknown[]; // ExcelJS rows and values are 1-based
  expect(values.slice(1, 3)).toEqual([1, UNIT]);
  expect(values[1 + quarterColumn]).toBe(Number(total));
  expect(values[8]).toBe(Number(total)); // 平均分 over the one published quarter

  // 述职评议 of this year: rated 较好, two problems found
  await committee.getByRole('tab', { name: '述职评议' }).click();
  const reviewRow = committee.getByRole('row').filter({ hasText: UNIT });
  await expect(reviewRow).toContainText('未评议');
  await reviewRow.getByRole('button', { name: '评议' }).click();
  const review = committee.getByRole('dialog', { name: `${UNIT} · ${dayjs().year()}年度述职评议` });
  await review.getByLabel('述职书记').fill('李明');
  await review.getByText('较好', { exact: true }).click();
  await review.getByLabel('评议意见').fill('落实主体责任较好，基层督促检查有待加强');
  await review.getByLabel('发现的问题').fill('对下属支部督促检查不够\n党建与业务融合不深');
  await review.getByRole('button', { name: '保存' }).click();
  await expect(committee.getByText(`已保存${UNIT}的${dayjs().year()}年度述职评议`)).toBeVisible();
  await expect(reviewRow).toContainText('较好');
  await expect(reviewRow).toContainText('2 个');

  // the return bundle carries the card, the notice, the score and the review to the unit
  await committee.getByRole('menuitem', { name: '同步' }).click();
  const unitRow = committee.getByTestId('enrolled-units').getByRole('row').filter({ hasText: UNIT });
  const back = await download(committee, () => unitRow.getByRole('button', { name: '生成回执' }).click());
  await unit.getByRole('menuitem', { name: '同步' }).click();
  await unit.getByRole('button', { name: '继续导入' }).click(); // the enrolment's receipt import is still shown
  await chooseFile(unit, '选择同步包', back);
  await expect(unit.getByTestId('import-counts')).toContainText('红黄牌');
  await expect(unit.getByTestId('import-counts')).toContainText('通知');
  await expect(unit.getByTestId('import-counts')).toContainText('附件');
  await expect(unit.getByTestId('import-counts')).toContainText('季度考核');
  await unit.getByRole('button', { name: '确认导入' }).click();
  await expect(unit.getByTestId('import-result')).toBeVisible();

  // the unit's workbench: the card with its deadline, the notice unread
  await unit.getByRole('menuitem', { name: '工作台' }).click();
  const card = unit.getByTestId('inbox-card').filter({ hasText: TRIGGER });
  await expect(card).toContainText('黄牌');
  await expect(card).toContainText('剩余 20 天');
  await expect(card).toContainText('单位尚未建立整改事项');
  await expect(unit.getByText('1 条未读')).toBeVisible();
  await expect(unit.getByTestId('inbox-assessment')).toContainText(`季度：${total} 分`);
  const reviewed = unit.getByTestId('inbox-review');
  await expect(reviewed).toContainText('较好');
  await expect(reviewed).toContainText('问题：党建与业务融合不深');
  await reviewed.getByRole('button', { name: '建立整改事项' }).last().click();
  await expect(unit.getByText('已建立整改事项，将随下一个同步包报送工委')).toBeVisible();
  await expect(reviewed.getByText('已建立整改事项', { exact: true })).toHaveCount(1);
  await unit.getByText(NOTICE).click();
  await expect(unit.getByText('请各单位于12月20日前报送党组(党委)书记述职报告。')).toBeVisible();
  // the notice's PDF came with the return bundle: listed under the notice, saved byte for byte
  const attached = unit.getByTestId('notice-attachment').filter({ hasText: NOTICE_PDF });
  await expect(attached).toBeVisible();
  await screenshot(unit, 'accountability-unit-notice-attachment');
  const saved = await download(unit, () => attached.getByRole('button', { name: `保存${NOTICE_PDF}` }).click());
  expect(path.basename(saved)).toBe(NOTICE_PDF);
  expect(readFileSync(saved).equals(NOTICE_PDF_BYTES)).toBe(true);
  await unit.getByRole('button', { name: '标记已读' }).click();
  await expect(unit.getByText('已标记已读，回执将随下一个同步包报送工委')).toBeVisible();
  await expect(unit.getByText('1 条未读')).toHaveCount(0);

  await card.getByRole('button', { name: '建立整改事项' }).click();
  const answer = unit.getByRole('dialog', { name: '建立整改事项' });
  await answer.getByLabel('整改措施').fill('12月10日前两个党支部补开党员大会，支部书记作检讨');
  await answer.getByLabel('责任人').fill('张敏');
  await answer.getByRole('button', { name: '保存' }).click();
  await expect(unit.getByText('整改情况已保存')).toBeVisible();
  await expect(card).toContainText('单位整改事项：整改中：12月10日前两个党支部补开党员大会');
  await expect(card.getByRole('button', { name: '更新整改情况' })).toBeVisible();
  await screenshot(unit, 'accountability-unit-workbench');

  // the unit's next bundle brings the read mark and the answer back
  await unit.getByRole('menuitem', { name: '同步' }).click();
  const next = await download(unit, () => unit.getByRole('button', { name: '导出同步包' }).click());
  await committee.getByRole('menuitem', { name: '同步' }).click();
  await chooseFile(committee, '选择同步包', next);
  await expect(committee.getByTestId('import-preview')).toContainText(UNIT);
  await committee.getByRole('button', { name: '确认导入' }).click();
  await expect(committee.getByTestId('import-result')).toBeVisible();

  await committee.getByRole('menuitem', { name: '督责问责' }).click();
  const answered = committee.getByRole('row').filter({ hasText: TRIGGER });
  await expect(answered).toContainText('单位整改中');
  await expect(answered).toContainText('12月10日前两个党支部补开党员大会');
  await screenshot(committee, 'accountability-card-register');
  await committee.getByRole('tab', { name: '通知' }).click();
  const read = committee.getByRole('row').filter({ hasText: NOTICE });
  await expect(read).toContainText('1/1 个单位');
  await read.getByRole('button', { name: /展开行|Expand row/ }).click();
  await expect(committee.getByText(/^已读 \d{4}年/)).toBeVisible();
  await screenshot(committee, 'accountability-notices');

  // the committee sees the same under 单位 → the unit, read-only
  await committee.getByRole('menuitem', { name: '单位' }).click();
  await committee.getByTestId('register-unit-link').filter({ hasText: UNIT }).click();
  const seen = committee.getByTestId('inbox-card').filter({ hasText: TRIGGER });
  await expect(seen).toContainText('单位整改事项：整改中');
  await expect(seen.getByRole('button')).toHaveCount(0);

  // 单位 → 纳管单位名册: a notice to the units the search shows, chosen for the committee in 发通知
  await committee.getByRole('menuitem', { name: '单位' }).click();
  const register = committee.getByTestId('unit-register');
  await register.getByLabel('查找单位').fill('scz');
  await register.getByRole('button', { name: '向所示单位发通知（1）' }).click();
  const toShown = committee.getByRole('dialog', { name: '发通知' });
  await expect(toShown.getByTestId('notice-preset')).toHaveText('接收单位按纳管单位名册的筛选（全部，查找“scz”）选定：名册所示 1 个单位。发出前可再增减。');
  await expect(toShown.locator('.ant-select-selection-item').filter({ hasText: UNIT })).toBeVisible();
  await toShown.getByLabel('通知标题').fill('关于开展年度党建工作自查的通知');
  await screenshot(committee, 'accountability-notice-to-shown');
  await toShown.getByRole('button', { name: '发出' }).click();
  await committee.getByRole('button', { name: '确认发出' }).click();
  await expect(committee.getByText('通知已发给 1 个单位')).toBeVisible();
  await expect(committee.getByRole('row').filter({ hasText: '关于开展年度党建工作自查的通知' })).toContainText('0/1 个单位');
});
