/**
 * 规则配置 as the two sides would use it: the 工委 raises the cadre-ratio bounds and reweighs the
 * quarterly monitoring's indicators (refused in words until they add up to 100) and edits the 党费
 * brackets (a bracket below the one before refused in words; one added) in a new version of
 * its rule profile, in force from today: the quarter that ended before still scores by the old
 * weights, the running one by the new. The unit, which counted by the national defaults, receives
 * it with its next receipt and from then on its workbench and 设置 count by the committee's rules.
 */
import dayjs from 'dayjs';
import quarterOfYear from 'dayjs/plugin/quarterOfYear.js';
import { expect, test } from '@playwright/test';
import { enrolUnitWithCommittee, pickFromOpenList, screenshot, setUpAsCommittee, setUpAsUnit } from './helpers';

dayjs.extend(quarterOfYear);


test('the committee issues a rule profile; the unit counts by it once the receipt is imported', async ({ browser }) => {
  test.setTimeout(180_000);
  const committee = await (await browser.newContext()).newPage();
  const unit = await (await browser.newContext()).newPage();
  await committee.goto('/');
  await setUpAsCommittee(committee);
  await unit.goto('/');
  await setUpAsUnit(unit, '市财政局', 180);
  await expect(unit.getByTestId('stat-cadre-ratio')).toContainText('低于1%');

  // committee: 设置 → 规则配置 → a new version, in force from today
  await committee.getByRole('menuitem', { name: '设置' }).click();
  const card = committee.getByTestId('rule-profile');
  await expect(card.getByTestId('rule-profile-title')).toContainText('工委尚未下发规则配置');
  await card.getByRole('button', { name: '调整规则配置' }).click();
  const form = committee.getByRole('dialog', { name: '调整规则配置' });
  await form.getByLabel('配置名称').fill('示范市机关党建工作规则');
  const from = form.getByLabel('施行日期');
  await from.click();
  await from.fill(dayjs().format('YYYY-MM-DD'));
  await from.press('Enter');
  await form.getByLabel('下限', { exact: true }).fill('2.5');
  await form.getByLabel('上限', { exact: true }).fill('3');
  await form.getByLabel('调整说明（随配置下发，各单位可见）').fill('依据市委直属机关工委文件调整专职党务干部配备比例');
  // 季度考核指标: 组织生活 down to 15 alone leaves 90 — refused in words, nothing issued
  const weights = form.getByTestId('indicator-weights');
  await expect(form.getByTestId('indicator-weights-sum')).toHaveText('合计 100 分');
  await weights.getByLabel('组织生活完成率权重').fill('15');
  await expect(form.getByTestId('indicator-weights-error')).toHaveText('各项考核指标的权重之和必须为 100 分，现为 90 分，请调高部分指标的权重后再下发。');
  await form.getByRole('button', { name: '下发新版本' }).click();
  await expect(form).toBeVisible();
  await expect(card.getByTestId('rule-profile-title')).toContainText('工委尚未下发规则配置');
  // … the committee's own inputs take the 10 points
  await weights.getByLabel('下沉督导调研发现问题情况权重').fill('5');
  await weights.getByLabel('述职评议权重').fill('5');
  await expect(form.getByTestId('indicator-weights-sum')).toHaveText('合计 100 分');
  // 计分标准: 党员参会率 full marks from 90 %; a zero line above it is refused in words
  await weights.getByLabel('党员参会率满分线').fill('90');
  await weights.getByLabel('党员参会率零分线').fill('95');
  await form.getByRole('button', { name: '下发新版本' }).click();
  await expect(form.getByText('“党员参会率”的零分线（95%）必须低于满分线（90%），请调整。')).toBeVisible();
  await weights.getByLabel('党员参会率零分线').fill('50');
  await expect(form.getByText(/零分线（95%）/)).toHaveCount(0);
  // 会议频次 and 表决比例: 支部党员大会 twice a quarter; an election valid above 2/3 (5/4 refused first)
  await form.getByTestId('meeting-frequencies').getByLabel('支部党员大会（党支部）每季度至少').fill('2');
  const quorum = form.getByTestId('quorum');
  await quorum.getByLabel('选举：到会超过应到会的（分子）').fill('5');
  await quorum.getByLabel('选举：到会超过应到会的（分母）').fill('4');
  await expect(form.getByText('选举的分子（5）不能大于分母（4），请调整。')).toBeVisible();
  await quorum.getByLabel('选举：到会超过应到会的（分子）').fill('2');
  await quorum.getByLabel('选举：到会超过应到会的（分母）').fill('3');
  await expect(form.getByText('选举的分子（5）不能大于分母（4），请调整。')).toHaveCount(0);
  await quorum.scrollIntoViewIfNeeded();
  await screenshot(committee, 'rule-profile-form-quorum');
  // 党费标准: the 在职 second bracket's upper bound below the first is refused in words; then 3500 元 /
  // 1%, and a fifth bracket (20000 元 and above at 2.5 %) added before the open-ended last one
  const dues = form.getByTestId('dues');
  await dues.getByLabel('在职党员第2档月收入上限').fill('2000');
  await form.getByRole('button', { name: '下发新版本' }).click();
  await expect(form.getByText('在职党员第2档的月收入上限（2000元）须高于第1档的上限（3000元）：各档按月收入从低到高排列、首尾相接，请调整。')).toBeVisible();
  await dues.getByLabel('在职党员第1档月收入上限').fill('3500');
  await dues.getByLabel('在职党员第2档月收入上限').fill('5000');
  await dues.getByTestId('dues-inService').getByRole('button', { name: '在最后一档前添加一档' }).click();
  await expect(dues.getByTestId('dues-inService')).toContainText('10000元以上至');
  await dues.getByLabel('在职党员第4档月收入上限').fill('20000');
  await dues.getByLabel('在职党员第4档缴纳比例').fill('2');
  await dues.getByLabel('在职党员第5档缴纳比例').fill('2.5');
  await expect(dues.getByTestId('dues-inService')).toContainText('20000元以上（不设上限）');
  await dues.getByLabel('每月固定党费').fill('0.5');
  await dues.scrollIntoViewIfNeeded();
  await screenshot(committee, 'rule-profile-form-dues');
  await screenshot(committee, 'rule-profile-form');
  await form.getByRole('button', { name: '下发新版本' }).click();
  await expect(committee.getByText('已下发新版规则配置')).toBeVisible();
  await expect(card.getByTestId('rule-profile-title')).toContainText('示范市机关党建工作规则 · 第2版');
  await expect(card).toContainText('占机关工作人员总数的 2.5%—3%');
  await expect(card.getByTestId('rule-profile-versions')).toContainText('依据市委直属机关工委文件调整专职党务干部配备比例');
  await expect(card).toContainText('党员参会率达到 90% 得满分、不高于 50% 得 0 分');
  await expect(card).toContainText('选举须到会超过应到会的 2/3');
  await expect(card).toContainText('在职党员月工资收入3500元以下（含）按 0.5%，3500元以上至5000元（含）按 1%，5000元以上至10000元（含）按 1.5%，10000元以上至20000元（含）按 2%，20000元以上按 2.5%；离退休党员月收入5000元以下（含）按 0.5%，5000元以上按 1%；学生、下岗失业、享受最低生活保障的党员每月 0.50元');
  await expect(card).toContainText('组织生活完成率 15 分、党员参会率 15 分、按期换届 15 分、教育培训覆盖率 15 分、专职党务干部配备 10 分、整改推进 10 分、数据报送及时性 10 分、下沉督导调研发现问题情况 5 分、述职评议 5 分（合计 100 分）');

  // enrol the unit; its first bundle; the receipt carries the profile back
  await enrolUnitWithCommittee(committee, unit, '市财政局', {
    receiptPreview: () => expect(unit.getByTestId('import-counts')).toContainText('规则配置'),
  });

  // 季度考核: the quarter that ended before today by the old weights, the running one by the new
  await committee.getByRole('menuitem', { name: '督责问责' }).click();
  await committee.getByRole('tab', { name: '季度考核' }).click();
  const monitoring = committee.getByTestId('monitoring');
  await expect(monitoring.getByRole('row').filter({ hasText: '市财政局' })).toBeVisible();
  await expect(monitoring.getByRole('columnheader', { name: '组织生活完成率（25）' })).toBeVisible();
  await expect(monitoring.getByRole('columnheader', { name: /述职评议/ })).toHaveCount(0);
  await monitoring.getByRole('combobox', { name: '考核季度' }).click();
  await pickFromOpenList(committee, `${dayjs().year()}年第${dayjs().quarter()}季度`);
  await expect(monitoring.getByRole('columnheader', { name: '组织生活完成率（15）' })).toBeVisible();
  await expect(monitoring.getByRole('columnheader', { name: '述职评议（5）' })).toBeVisible();
  await expect(monitoring.getByRole('columnheader', { name: '下沉督导调研发现问题情况（5）' })).toBeVisible();
  await expect(monitoring).toContainText('依据：示范市机关党建工作规则 第2版');
  const row = monitoring.getByRole('row').filter({ hasText: '市财政局' });
  await row.getByRole('button', { name: /展开/ }).click();
  await expect(monitoring).toContainText('工委未到该单位督导调研，不扣分');
  await expect(monitoring).toContainText(`尚无该单位${dayjs().year() - 1}年度述职评议结果，不扣分`);
  await screenshot(committee, 'rule-profile-monitoring-new-weights');

  // the unit now counts by the committee's rules
  await unit.getByRole('menuitem', { name: '设置' }).click();
  const unitCard = unit.getByTestId('rule-profile');
  await expect(unitCard.getByTestId('rule-profile-title')).toContainText('示范市机关党建工作规则 · 第2版');
  await expect(unitCard).toContainText('本单位不能修改');
  await expect(unitCard.getByRole('button', { name: '调整规则配置' })).toHaveCount(0);
  await screenshot(unit, 'rule-profile-unit');
  await unit.getByRole('menuitem', { name: '工作台' }).click();
  await expect(unit.getByTestId('stat-cadre-ratio')).toContainText('低于2.5%');
});
