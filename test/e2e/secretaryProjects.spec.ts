/**
 * 书记项目 as a new unit cadre would use it: the workbench asks for this year's project and the
 * empty page says what a 书记项目 is; a project entered with the keyboard (empty fields refused in
 * Chinese); three milestones, one already past its date (red, counted overdue, urgent on the
 * workbench), one due within two weeks (a reminder); the overdue one ticked done from the keyboard
 * (counts and workbench change); a milestone edited and one deleted after confirmation; 推进情况
 * and 年终自评 written; 证明材料 attached (a photo shown as a picture, a PDF scan), one removed after
 * confirmation; everything still there after a reload. Then the 工委, after the unit's first bundle,
 * sees the project read-only under 单位, its photo included, rates it (好/较好/一般/差 with a comment) and
 * writes its return bundle; the unit imports it and sees the rating on its project.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import dayjs from 'dayjs';
import { expect, test, type Page } from '@playwright/test';
import { chooseFile, confirmInDialog, download, enrolUnitWithCommittee, reopen, screenshot, setUpAsCommittee, setUpAsUnit } from './helpers';

const year = dayjs().year();
const TITLE = '“党建+业务”深度融合提升审批服务质效';
const LATE = '开展专题调研，形成问题清单';
const SOON = '召开项目中期推进会';
const LATER = '形成年度总结';
const PHOTO = '党员先锋岗揭牌现场.png';
const SCAN = '窗口服务满意度测评汇总.pdf';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tz-projects-'));

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A real 240×160 PNG (red and gold bands: a photo of the 先锋岗 plaque, as far as the app is concerned). */
function photoFile(): string {
  const w = 240;
  const h = 160;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      const gold = y > 55 && y < 105 && x > 40 && x < 200;
      raw[o] = gold ? 0xf5 : 0xb7;
      raw[o + 1] = gold ? 0xc5 : 0x1c + Math.round((y / h) * 30);
      raw[o + 2] = gold ? 0x42 : 0x1c;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  const file = path.join(tmp, PHOTO);
  writeFileSync(file, png);
  return file;
}

function scanFile(): string {
  const file = path.join(tmp, SCAN);
  writeFileSync(file, '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
  return file;
}

async function count(page: Page, name: string, value: string): Promise<void> {
  await expect(page.getByTestId(`project-count-${name}`).locator('.ant-statistic-content-value')).toHaveText(value);
}

async function addMilestone(page: Page, title: string, due: string): Promise<void> {
  await page.getByRole('button', { name: '添加工作节点' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('节点内容')).toBeFocused();
  await page.keyboard.type(title);
  const date = dialog.getByLabel('计划完成日期');
  await date.click();
  await date.fill(due);
  // Enter picks the date and saves (the date is the form's last field)
  await date.press('Enter');
  await expect(page.getByText(`已添加工作节点“${title}”`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
}

async function addProject(page: Page): Promise<void> {
  await page.getByRole('button', { name: '新增书记项目' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(`新增${year}年书记项目`)).toBeVisible();
  // saving empty says what is missing, in Chinese, on the fields
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写书记项目的名称')).toBeVisible();
  await expect(dialog.getByText('请填写领办项目的党组(党委)书记姓名')).toBeVisible();
  await screenshot(page, 'secretary-projects-form-errors');
  // the keyboard alone: name, Tab, secretary, Tab, problem, Tab, goal, Tab, measures; Enter in the secretary's field saves
  await dialog.getByLabel('项目名称').focus();
  await page.keyboard.type(TITLE);
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('书记姓名')).toBeFocused();
  await page.keyboard.type('王建国');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('针对的问题')).toBeFocused();
  await page.keyboard.type('审批窗口党员示范作用发挥不够，群众反映办事“来回跑”。');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('项目目标')).toBeFocused();
  await page.keyboard.type('年内办件满意率达到98%以上。');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('主要措施')).toBeFocused();
  await page.keyboard.type('设立党员先锋岗3个，推行首问负责和一次告知。');
  await dialog.getByLabel('书记姓名').press('Enter');
  await expect(page.getByText(`已新增书记项目“${TITLE}”`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
}

test('a project with milestones: overdue on the workbench, ticked done, edited, deleted, reload', async ({ page }) => {
  test.setTimeout(180_000);
  const today = dayjs();
  const past = today.subtract(10, 'day').format('YYYY-MM-DD');
  const soon = today.add(7, 'day').format('YYYY-MM-DD');
  const later = today.add(40, 'day').format('YYYY-MM-DD');

  await page.goto('/');
  await setUpAsUnit(page);

  // the workbench asks for this year's project
  const todos = page.getByTestId('todo-list');
  await expect(page.getByTestId('todo-group-projects')).toBeVisible();
  await expect(todos).toContainText(`尚未登记${year}年书记项目`);

  // the empty page says what a 书记项目 is and what to do
  await page.getByRole('menuitem', { name: '书记项目' }).click();
  await expect(page.getByText(`还没有${year}年的书记项目。`)).toBeVisible();
  await expect(page.getByText(/亲自领办、推动解决的一个重点项目/)).toBeVisible();
  await expect(page.getByText('建设中')).toHaveCount(0);
  await screenshot(page, 'secretary-projects-empty');

  await addProject(page);
  const card = page.getByTestId('secretary-project');
  await expect(card).toContainText(TITLE);
  await expect(card).toContainText('王建国');
  await expect(card).toContainText('办件满意率达到98%以上');
  // problem, goal and measures each in its own row
  await expect(card.locator('tr').filter({ hasText: '针对的问题' })).toContainText('群众反映办事“来回跑”');
  await expect(card.locator('tr').filter({ hasText: '主要措施' })).toContainText('设立党员先锋岗3个');
  await expect(card).toContainText('还没有工作节点');

  // a milestone without a title is refused in Chinese
  await page.getByRole('button', { name: '添加工作节点' }).click();
  // the dialog is open and ready (its first field has the focus) before 保存 is pressed
  await expect(page.getByRole('dialog').getByLabel('节点内容')).toBeFocused();
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog').getByText('请填写这个节点要完成的工作')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // three milestones, entered out of order: the table keeps them by date
  await addMilestone(page, LATER, later);
  await addMilestone(page, LATE, past);
  await addMilestone(page, SOON, soon);
  const rows = page.getByTestId('milestones').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(LATE);
  await expect(rows.nth(1)).toContainText(SOON);
  await expect(rows.nth(2)).toContainText(LATER);
  const overdue = page.getByTestId('milestones').locator('tr[data-overdue="true"]');
  await expect(overdue).toHaveCount(1);
  await expect(overdue).toContainText(LATE);
  await expect(overdue).toContainText('已逾期 10 天');
  await expect(rows.nth(1)).toContainText('还有 7 天到期');
  await count(page, 'milestones', '3');
  await count(page, 'done', '0');
  await count(page, 'overdue', '1');
  await count(page, 'share', '0%');
  await screenshot(page, 'secretary-projects-overdue');

  // the workbench: the late milestone urgent, the near one a reminder; no longer asks for a project
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const late = todos.locator('.ant-list-item').filter({ hasText: `书记项目节点逾期：${LATE}` });
  await expect(late).toContainText('紧急');
  await expect(late).toContainText('已逾期 10 天');
  await expect(todos.locator('.ant-list-item').filter({ hasText: `书记项目节点即将到期：${SOON}` })).toContainText('还有 7 天到期');
  await expect(todos).not.toContainText(`尚未登记${year}年书记项目`);
  await expect(page.getByTestId('todo-group-projects')).toContainText('紧急 1');
  await screenshot(page, 'secretary-projects-workbench');
  await late.getByText('去处理').click();
  await expect(page.getByTestId('secretary-project')).toBeVisible();

  // ticked done from the keyboard: counts and the workbench change
  const tick = page.getByRole('checkbox', { name: `“${LATE}”已完成` });
  await tick.focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(`已标记“${LATE}”完成`)).toBeVisible();
  await expect(tick).toBeChecked();
  await expect(overdue).toHaveCount(0);
  await expect(rows.nth(0)).toContainText('已完成');
  await count(page, 'done', '1');
  await count(page, 'overdue', '0');
  await count(page, 'share', '33%');

  // a milestone edited, another deleted after confirmation
  await page.getByRole('button', { name: `编辑节点“${SOON}”` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('节点内容')).toHaveValue(SOON);
  await dialog.getByLabel('节点内容').fill('召开项目中期推进会并通报进度');
  await dialog.getByLabel('节点内容').press('Enter');
  await expect(page.getByText('已保存工作节点')).toBeVisible();
  await expect(rows.nth(1)).toContainText('召开项目中期推进会并通报进度');
  await page.getByRole('button', { name: `删除节点“${LATER}”` }).click();
  await expect(page.getByRole('dialog')).toContainText(`删除工作节点“${LATER}”？`);
  await confirmInDialog(page, '删除');
  await expect(rows).toHaveCount(2);
  await count(page, 'milestones', '2');
  await count(page, 'share', '50%');

  // 推进情况 and 年终自评
  await page.getByRole('button', { name: '编辑项目' }).click();
  await dialog.getByLabel('推进情况').fill('已设立党员先锋岗3个，窗口办件满意率提升至97.6%。');
  await dialog.getByLabel('年终自评').fill('项目目标基本实现，满意率距目标尚差0.4个百分点，明年继续推进。');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  await expect(card).toContainText('窗口办件满意率提升至97.6%');
  await expect(card).toContainText('项目目标基本实现');
  await expect(dialog).toHaveCount(0);
  await screenshot(page, 'secretary-projects-done');

  // 证明材料: a photo (shown as a picture) and a PDF scan; the scan removed after confirmation
  const evidence = card.getByTestId('project-evidence');
  await expect(evidence).toContainText('暂无证明材料');
  await chooseFile(page, '添加证明材料', photoFile());
  await expect(page.getByText(`已添加证明材料：${PHOTO}`)).toBeVisible();
  await expect(evidence.getByAltText(PHOTO)).toBeVisible();
  await chooseFile(page, '添加证明材料', scanFile());
  await expect(page.getByText(`已添加证明材料：${SCAN}`)).toBeVisible();
  await expect(evidence.getByRole('button', { name: `另存${SCAN}` })).toBeVisible();
  await screenshot(page, 'secretary-projects-evidence');
  await evidence.getByRole('button', { name: `移除附件${SCAN}` }).click();
  await expect(page.getByRole('dialog')).toContainText(`移除证明材料“${SCAN}”？`);
  await confirmInDialog(page, '移除');
  await expect(page.getByText('已移除证明材料')).toBeVisible();
  await expect(evidence.getByRole('button', { name: `另存${SCAN}` })).toHaveCount(0);
  await expect(evidence.getByAltText(PHOTO)).toBeVisible();

  // a reload keeps it all
  await reopen(page);
  await expect(page.getByTestId('secretary-project')).toContainText(TITLE);
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('checkbox', { name: `“${LATE}”已完成` })).toBeChecked();
  await count(page, 'done', '1');
  await count(page, 'overdue', '0');
  await expect(card).toContainText('项目目标基本实现');
  await expect(card.getByTestId('project-evidence').getByAltText(PHOTO)).toBeVisible();
  await expect(card.getByTestId('project-evidence')).not.toContainText(SCAN);
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(todos.locator('.ant-list-item').filter({ hasText: '书记项目节点即将到期：召开项目中期推进会并通报进度' })).toBeVisible();
  await expect(todos).not.toContainText('书记项目节点逾期');
});

test('the 工委 sees a unit’s 书记项目 read-only under 单位, rates it, and the unit sees the rating after the return bundle', async ({ browser }) => {
  test.setTimeout(240_000);
  const UNIT = '市财政局';
  const committee = await (await browser.newContext()).newPage();
  const unit = await (await browser.newContext()).newPage();
  await committee.goto('/');
  await setUpAsCommittee(committee);
  await unit.goto('/');
  await setUpAsUnit(unit, UNIT);

  await unit.getByRole('menuitem', { name: '书记项目' }).click();
  await addProject(unit);
  await addMilestone(unit, LATE, dayjs().subtract(3, 'day').format('YYYY-MM-DD'));
  await chooseFile(unit, '添加证明材料', photoFile());
  await expect(unit.getByTestId('project-evidence').getByAltText(PHOTO)).toBeVisible();
  await expect(unit.getByTestId('project-rating')).toContainText('工委尚未评价');

  await enrolUnitWithCommittee(committee, unit, UNIT, { receipt: false });
  await committee.getByRole('menuitem', { name: '单位' }).click();
  await committee.getByTestId('register-unit-link').filter({ hasText: UNIT }).click();
  await committee.getByRole('menu', { name: '单位台账' }).getByRole('menuitem', { name: '书记项目' }).click();
  const card = committee.getByTestId('secretary-project');
  await expect(card).toContainText(TITLE);
  await expect(card).toContainText('王建国');
  await expect(committee.getByTestId('milestones').locator('tr[data-overdue="true"]')).toContainText(LATE);
  await count(committee, 'overdue', '1');
  await expect(committee.getByTestId('read-only-banner')).toBeVisible();
  await expect(committee.getByRole('button', { name: /新增书记项目|编辑|删除|添加工作节点|添加证明材料|移除/ })).toHaveCount(0);
  await expect(committee.getByRole('checkbox')).toHaveCount(0);
  // the unit's photo came with the bundle: shown, not removable
  const evidence = card.getByTestId('project-evidence');
  await expect(evidence.getByAltText(PHOTO)).toBeVisible();
  await expect(evidence.getByRole('button', { name: /添加证明材料|移除附件/ })).toHaveCount(0);
  await screenshot(committee, 'secretary-projects-committee-read-only');

  // the 工委 rates the project: a rating is required, then saved with its comment
  const rating = committee.getByTestId('project-rating');
  await expect(rating).toContainText('尚未评价');
  await rating.getByRole('button', { name: '评价此项目' }).click();
  const dialog = committee.getByRole('dialog');
  await expect(dialog).toContainText(`评价书记项目：${TITLE}`);
  await dialog.getByRole('button', { name: '保存评价' }).click();
  await expect(dialog.getByText('请选择评价等次（好、较好、一般或差）')).toBeVisible();
  await dialog.getByText('较好', { exact: true }).click();
  await dialog.getByLabel('评价意见').fill('先锋岗设立到位，满意率提升明显；调研节点逾期，长效机制有待健全。');
  await screenshot(committee, 'secretary-projects-committee-rating');
  await dialog.getByRole('button', { name: '保存评价' }).click();
  await expect(committee.getByText('已保存评价，将随下次导出的回执同步包发给该单位')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(rating.getByTestId('project-rating-grade')).toHaveText('较好');
  await expect(rating).toContainText('长效机制有待健全');
  await expect(rating.getByRole('button', { name: '修改评价' })).toBeVisible();

  // the return bundle brings it to the unit, read-only on its project
  await committee.getByRole('menuitem', { name: '同步' }).click();
  const unitRow = committee.getByTestId('enrolled-units').getByRole('row').filter({ hasText: UNIT });
  const back = await download(committee, () => unitRow.getByRole('button', { name: '生成回执' }).click());
  await unit.getByRole('menuitem', { name: '同步' }).click();
  await chooseFile(unit, '选择同步包', back);
  await expect(unit.getByTestId('import-counts')).toContainText('书记项目评价');
  await unit.getByRole('button', { name: '确认导入' }).click();
  await expect(unit.getByTestId('import-result')).toBeVisible();
  await unit.getByRole('menuitem', { name: '书记项目' }).click();
  const seen = unit.getByTestId('project-rating');
  await expect(seen.getByTestId('project-rating-grade')).toHaveText('较好');
  await expect(seen).toContainText('先锋岗设立到位，满意率提升明显；调研节点逾期，长效机制有待健全。');
  await expect(seen.getByRole('button')).toHaveCount(0);
  await screenshot(unit, 'secretary-projects-unit-rating');
});
