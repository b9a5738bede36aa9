/**
 * 督导检查 as a new committee cadre would use it: with a unit enrolled, the empty page says what to do;
 * a 调研 with two 整改要求 is recorded (a missing field refused in Chinese), corrected into a 座谈; one
 * item is sent to the unit (a notice), the other becomes a yellow card whose 事由 and 依据 name the
 * visit and which is linked to it (依据的督导检查, pre-chosen); on 红黄牌 the card shows the visit, in its
 * row and its detail, as a link that opens that visit alone under 督导检查; after a reload the visit is found again by the unit's pinyin initials, with both uses shown,
 * and 单位 → the unit shows it read-only. With a rule profile that counts 下沉督导调研 (from today), the
 * running quarter's score of the unit loses that indicator's points to the visit, which opens 督导检查;
 * the 日常指导评价 of 80 given at the visit (a score above 100 refused in words) is the unit's
 * 日常指导评价 under the same profile, its 20 points lost behind a link that opens the visit alone.
 * Every step waits on what the app shows.
 */
import dayjs from 'dayjs';
import quarterOfYear from 'dayjs/plugin/quarterOfYear.js';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { confirmInDialog, enrolUnitWithCommittee, pickFromOpenList, reopen, screenshot, setUpAsCommittee, setUpAsUnit } from './helpers';

dayjs.extend(quarterOfYear);

const UNIT = '市财政局';
const ITEM_1 = '补齐第一党支部2026年“三会一课”记录';
const ITEM_2 = '建立支部工作月报制度';

async function pickDate(page: Page, within: Locator, label: string, date: string): Promise<void> {
  const field = within.getByLabel(label);
  await field.click();
  await field.fill(date);
  await field.press('Enter');
}

test('工委 records a 联系组 visit, corrects it, sends an item to the unit, issues a card from another, and finds it after a reload', async ({ browser }) => {
  test.setTimeout(240_000);
  const committee = await (await browser.newContext()).newPage();
  const unit = await (await browser.newContext()).newPage();
  await committee.goto('/');
  await setUpAsCommittee(committee);
  await unit.goto('/');
  await setUpAsUnit(unit, UNIT, 120);
  await enrolUnitWithCommittee(committee, unit, UNIT);
  await unit.close();

  // 督责问责 → 督导检查: nothing yet, the empty state says what to do
  await committee.getByRole('menuitem', { name: '督责问责' }).click();
  await committee.getByRole('tab', { name: '督导检查' }).click();
  await expect(committee.getByText(/还没有督导检查记录。联系组到单位调研、座谈、抽查或下沉指导后/)).toBeVisible();
  await screenshot(committee, 'supervision-empty');

  // record a 调研 with two follow-up items; saving without the people is refused on the field
  await committee.getByRole('button', { name: '登记督导检查' }).first().click();
  const drawer = committee.getByRole('dialog', { name: '登记督导检查' });
  const unitField = drawer.getByRole('combobox', { name: '被督导单位' });
  await unitField.click();
  await unitField.fill('scz'); // pinyin initials of 市财政局
  await pickFromOpenList(committee, UNIT);
  const visitDate = dayjs().startOf('month').format('YYYY-MM-DD'); // this month, not after today
  await pickDate(committee, drawer, '督导日期', visitDate);
  await drawer.getByLabel('发现问题').fill('第一党支部2026年“三会一课”记录不全；支部工作无月度小结');
  await drawer.getByRole('textbox', { name: '整改要求第1条' }).fill(ITEM_1);
  await drawer.getByRole('button', { name: '添加一条整改要求' }).click();
  await drawer.getByRole('textbox', { name: '整改要求第2条' }).fill(ITEM_2);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer.getByText('请填写参加督导的联系组成员')).toBeVisible();
  await drawer.getByLabel('联系组成员').fill('张伟、李娜');
  await screenshot(committee, 'supervision-record');
  await drawer.getByLabel('联系组成员').press('Enter'); // the keyboard saves too
  await expect(committee.getByText(`已登记对${UNIT}的调研`)).toBeVisible();
  await expect(drawer).toHaveCount(0);

  const visits = committee.getByTestId('supervision-visits');
  const row = visits.getByRole('row').filter({ hasText: '张伟、李娜' });
  await expect(row).toContainText(UNIT);
  await expect(row).toContainText('调研');
  await expect(row).toContainText('2 条');
  const detail = visits.getByTestId('visit-detail');
  await expect(detail).toContainText(`1. ${ITEM_1}`);
  await expect(detail).toContainText(`2. ${ITEM_2}`);

  // correct it: it was a 座谈, and one more member went
  await row.getByRole('button', { name: /^修改/ }).click();
  const edit = committee.getByRole('dialog', { name: '修改督导检查' });
  const second = edit.getByRole('textbox', { name: '整改要求第2条' });
  await expect(second).toHaveValue(ITEM_2);
  await second.fill(ITEM_1); // the same item twice is refused under the list
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByText(`整改要求“${ITEM_1}”重复，请删除重复项`)).toBeVisible();
  await screenshot(committee, 'supervision-duplicate');
  await second.fill(ITEM_2);
  await edit.getByText('座谈', { exact: true }).click();
  await edit.getByLabel('联系组成员').fill('张伟、李娜、王强');
  // the 联系组's 日常指导评价 of the unit at this visit: 0–100, refused in words above
  await expect(edit.getByText(/联系组对该单位日常党建工作的评价，0–100 分的整数，可不填/)).toBeVisible();
  await edit.getByLabel('日常指导评价').fill('120');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByText('日常指导评价应为 0 至 100 之间的整数分，请核对；本次未评价的请留空')).toBeVisible();
  await screenshot(committee, 'supervision-guidance-refused');
  await edit.getByLabel('日常指导评价').fill('80');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(committee.getByText('已保存督导检查记录')).toBeVisible();
  const edited = visits.getByRole('row').filter({ hasText: '张伟、李娜、王强' });
  await expect(edited).toContainText('座谈');
  await expect(edited).toContainText('2 条');
  await expect(edited).toContainText('80 分');
  await expect(detail).toContainText(`日常指导评价：80 分（规则版本计入日常指导评价的，计入${dayjs().year()}年第${dayjs().quarter()}季度考核）`);

  // item 1 goes to the unit as a rectification requirement (a notice in its return bundle)
  await detail.getByRole('button', { name: `下发单位整改：${ITEM_1}` }).click();
  // (the edit drawer may still be closing: the confirm is named)
  await expect(committee.getByRole('dialog', { name: `向${UNIT}下发这条整改要求？` })).toContainText(`督导整改要求（${dayjs(visitDate).format('YYYY年M月D日')}座谈）：${ITEM_1}`);
  await confirmInDialog(committee, '确认下发');
  await expect(committee.getByText(`已向${UNIT}下发整改要求，将随该单位的下一个回执送达`)).toBeVisible();
  await expect(detail).toContainText('下发单位');
  await expect(edited).toContainText('2 条，已下发 1 条');

  // item 2 is the evidence of a yellow card: the drawer opens with the unit and the visit named
  await detail.getByRole('button', { name: `据此发放红黄牌：${ITEM_2}` }).click();
  const card = committee.getByRole('dialog', { name: '亮牌' });
  await expect(card.locator('.ant-select').first()).toContainText(UNIT);
  await expect(card.getByLabel('亮牌事由')).toHaveValue(`${dayjs(visitDate).format('YYYY年M月D日')}座谈发现：${ITEM_2}`);
  await expect(card.getByLabel('亮牌依据')).toHaveValue(new RegExp(`^工委联系组${dayjs(visitDate).format('YYYY年M月D日')}座谈（督导检查记录），参加人员：张伟、李娜、王强。`));
  const linkedVisit = card.locator('.ant-form-item').filter({ hasText: '依据的督导检查' });
  await expect(linkedVisit.locator('.ant-select-content, .ant-select-selection-item').first()).toContainText(`${dayjs(visitDate).format('YYYY年M月D日')}座谈 · 张伟、李娜、王强`);
  await screenshot(committee, 'supervision-card');
  await card.getByRole('button', { name: '发出' }).click();
  await committee.getByRole('button', { name: '确认发出' }).click();
  await expect(committee.getByText(`已向${UNIT}发出黄牌`)).toBeVisible();
  await expect(edited).toContainText('1 张');
  await screenshot(committee, 'supervision-list');

  // after a reload the visit is still there, found by the unit's pinyin initials
  await reopen(committee);
  await expect(committee.getByRole('tab', { name: '督导检查', selected: true })).toBeVisible();
  await committee.getByLabel('搜索督导检查').fill('scz');
  const found = committee.getByTestId('supervision-visits').getByRole('row').filter({ hasText: '张伟、李娜、王强' });
  await expect(found).toContainText('座谈');
  await expect(found).toContainText('2 条，已下发 1 条');
  await expect(found).toContainText('1 张');
  await expect(committee.getByTestId('visit-count')).toHaveText('共 1 次督导');
  await committee.getByLabel('搜索督导检查').fill('没有这个词');
  await expect(committee.getByText('没有符合筛选条件的督导检查。')).toBeVisible();

  await expect(found).toBeHidden();
  await committee.getByLabel('搜索督导检查').clear();
  await expect(committee.getByTestId('visit-detail').getByText('已据此亮牌')).toBeVisible();

  // the card is in the register, its 事由 naming the visit, the visit linked in its row and its detail
  await committee.getByRole('tab', { name: '红黄牌' }).click();
  const cardRow = committee.getByRole('row').filter({ hasText: `座谈发现：${ITEM_2}` });
  await expect(cardRow).toContainText('黄牌');
  const visitLink = `依据：联系组督导检查（${dayjs(visitDate).format('YYYY年M月D日')}座谈）`;
  await expect(cardRow.getByRole('link', { name: visitLink })).toBeVisible();
  await cardRow.getByRole('button', { name: /展开/ }).click();
  const cardDetail = committee.getByTestId('card-detail');
  await expect(cardDetail).toContainText(`整改要求：${ITEM_2}`);
  await expect(cardDetail).toContainText(`依据的督导检查：联系组督导检查（${dayjs(visitDate).format('YYYY年M月D日')}座谈）`);
  await screenshot(committee, 'supervision-card-register-visit');
  // the link opens that visit alone, opened, with a way back to all
  await cardDetail.getByRole('link', { name: `联系组督导检查（${dayjs(visitDate).format('YYYY年M月D日')}座谈）` }).click();
  await expect(committee.getByRole('tab', { name: '督导检查', selected: true })).toBeVisible();
  await expect(committee.getByTestId('visit-focus')).toContainText(`所查看的督导检查：${UNIT}${dayjs(visitDate).format('YYYY年M月D日')}座谈`);
  const opened = committee.getByTestId('supervision-visits');
  await expect(opened.getByTestId('visit-detail')).toContainText(`2. ${ITEM_2}`);
  await expect(opened.getByTestId('visit-detail').getByText('已据此亮牌')).toBeVisible();
  await screenshot(committee, 'supervision-visit-from-card');
  await committee.getByRole('button', { name: '显示全部督导检查' }).click();
  await expect(committee.getByTestId('visit-focus')).toHaveCount(0);
  await expect(committee.getByTestId('visit-count')).toHaveText('共 1 次督导');

  // 单位 → the unit: its visits, read-only
  await committee.getByRole('menuitem', { name: '单位' }).click();
  await committee.getByTestId('register-unit-link').filter({ hasText: UNIT }).click();
  const panel = committee.getByTestId('unit-supervision');
  await expect(panel).toContainText('联系组督导检查（1）');
  await expect(panel).toContainText(`整改要求：1. ${ITEM_1}；2. ${ITEM_2}`);
  await expect(panel.getByRole('button')).toHaveCount(0);
  await screenshot(committee, 'supervision-unit-context');

  // 设置 → 规则配置: 下沉督导调研 counts 10 points from today (组织生活 down to 15)
  await committee.getByRole('menuitem', { name: '设置' }).click();
  await committee.getByTestId('rule-profile').getByRole('button', { name: '调整规则配置' }).click();
  const profile = committee.getByRole('dialog', { name: '调整规则配置' });
  await profile.getByLabel('配置名称').fill('示范市机关党建工作规则');
  await pickDate(committee, profile, '施行日期', dayjs().format('YYYY-MM-DD'));
  await profile.getByLabel('组织生活完成率权重').fill('15');
  await profile.getByLabel('下沉督导调研发现问题情况权重').fill('10');
  // 日常指导评价 is offered like the others now that the visits hold it: 10 points, 党员参会率 down to 5
  await profile.getByLabel('党员参会率权重').fill('5');
  await profile.getByLabel('日常指导评价权重').fill('10');
  await expect(profile.getByTestId('indicator-weights-sum')).toHaveText('合计 100 分');
  await profile.getByRole('button', { name: '下发新版本' }).click();
  await expect(committee.getByText('已下发新版规则配置')).toBeVisible();

  // 季度考核, this quarter: the 座谈 that asked for two 整改要求 costs the indicator's points, and opens 督导检查
  await committee.getByRole('menuitem', { name: '督责问责' }).click();
  await committee.getByRole('tab', { name: '季度考核' }).click();
  const monitoring = committee.getByTestId('monitoring');
  await monitoring.getByRole('combobox', { name: '考核季度' }).click();
  await pickFromOpenList(committee, `${dayjs().year()}年第${dayjs().quarter()}季度`);
  await expect(monitoring.getByRole('columnheader', { name: '下沉督导调研发现问题情况（10）' })).toBeVisible();
  const scored = monitoring.getByRole('row').filter({ hasText: UNIT });
  await expect(scored).toBeVisible();
  await scored.getByRole('button', { name: /展开/ }).click();
  const visitDay = `${dayjs(visitDate).format('YYYY年M月D日')}座谈`;
  await expect(monitoring).toContainText('本季度督导调研 1 次，其中 1 次提出整改要求（共 2 项）');
  await expect(monitoring).toContainText(`${visitDay}提出整改要求 2 项（`);
  // 日常指导评价: the visit's 80 is the indicator's score, the 20 points lost are the visit's
  await expect(monitoring.getByRole('columnheader', { name: '日常指导评价（10）' })).toBeVisible();
  await expect(monitoring).toContainText('本季度日常指导评价 1 次，80 分');
  const guidanceLost = monitoring.getByRole('listitem').filter({ hasText: `${visitDay}日常指导评价 80 分` });
  await expect(guidanceLost).toContainText('−20');
  await screenshot(committee, 'supervision-monitoring-lost-points');
  await guidanceLost.getByRole('link', { name: visitDay }).click();
  await expect(committee.getByRole('tab', { name: '督导检查', selected: true })).toBeVisible();
  await expect(committee.getByTestId('supervision-visits').getByRole('row').filter({ hasText: '张伟、李娜、王强' })).toBeVisible();
  await expect(committee.getByTestId('visit-focus')).toContainText(`${UNIT}${visitDay}`);
  await expect(committee.getByTestId('visit-detail')).toContainText('日常指导评价：80 分');
  await screenshot(committee, 'supervision-guidance-visit');
});
