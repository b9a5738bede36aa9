/**
 * 规则配置 as the two sides would use it: the 工委 raises the cadre-ratio bounds in a new version of
 * its rule profile; the unit, which counted by the national defaults, receives it with its next
 * receipt and from then on its workbench and 设置 count by the committee's rules.
 */
import dayjs from 'dayjs';
import { expect, test } from '@playwright/test';
import { enrolUnitWithCommittee, screenshot, setUpAsCommittee, setUpAsUnit } from './helpers';


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
  await form.getByLabel('下限').fill('2.5');
  await form.getByLabel('上限').fill('3');
  await form.getByLabel('调整说明（随配置下发，各单位可见）').fill('依据市委直属机关工委文件调整专职党务干部配备比例');
  await screenshot(committee, 'rule-profile-form');
  await form.getByRole('button', { name: '下发新版本' }).click();
  await expect(committee.getByText('已下发新版规则配置')).toBeVisible();
  await expect(card.getByTestId('rule-profile-title')).toContainText('示范市机关党建工作规则 · 第2版');
  await expect(card).toContainText('占机关工作人员总数的 2.5%—3%');
  await expect(card.getByTestId('rule-profile-versions')).toContainText('依据市委直属机关工委文件调整专职党务干部配备比例');

  // enrol the unit; its first bundle; the receipt carries the profile back
  await enrolUnitWithCommittee(committee, unit, '市财政局', {
    receiptPreview: () => expect(unit.getByTestId('import-counts')).toContainText('规则配置'),
  });

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
