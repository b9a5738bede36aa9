/**
 * 同步: what a user sees after imports — the 导入记录 card on both sides (applied bundles, and a
 * refused file of this session), the import progress bar, and a conflict found when a second PC of
 * the same unit sends its data: listed in words at the committee, compared side by side, restored.
 *
 * A conflict on the UNIT side cannot be produced through the app: a unit imports only committee
 * records, its own records are never overwritten by an import, and a return bundle is encrypted to
 * one unit PC only. The unit's (empty) conflicts card is shown here; its conflicts are covered by
 * renderer/db/sync/unitConflicts.test.ts.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseFile, download, enrolAtCommittee, screenshot, setUpAsCommittee, setUpAsUnit, tick } from './helpers';


/** A unit PC: set up, enrolment file imported (fingerprint confirmed), back on 同步 after the reload. */
async function enrolUnitPc(page: Page, enrolmentFile: string, staff: number): Promise<void> {
  await page.goto('/');
  await setUpAsUnit(page, '市财政局', staff);
  await page.getByRole('menuitem', { name: '同步' }).click();
  await chooseFile(page, '导入登记文件', enrolmentFile);
  await tick(page, '已与工委电话核对，密钥指纹一致');
  await page.getByRole('button', { name: '确认登记' }).click();
  await expect(page.getByTestId('export-card')).toBeVisible();
}

test('import history on both sides, progress bar, and a two-PC conflict in words with side-by-side versions and restore', async ({ browser }) => {
  test.setTimeout(180_000);
  const committee = await (await browser.newContext()).newPage();
  const pcOne = await (await browser.newContext()).newPage();
  const pcTwo = await (await browser.newContext()).newPage();
  await committee.goto('/');
  await setUpAsCommittee(committee);
  await committee.getByRole('menuitem', { name: '同步' }).click();
  await expect(committee.getByTestId('import-history')).toContainText('尚未导入任何单位的同步包');
  const enrolmentFile = await enrolAtCommittee(committee, '市财政局');

  // the unit's first PC sends its data; the committee imports it: progress ends at 100 %, history shows it
  await enrolUnitPc(pcOne, enrolmentFile, 180);
  const fromOne = await download(pcOne, () => pcOne.getByRole('button', { name: '导出同步包' }).click());
  await chooseFile(committee, '选择同步包', fromOne);
  await tick(committee, '已与单位电话核对，密钥指纹一致');
  await committee.getByRole('button', { name: '确认导入' }).click();
  await expect(committee.getByTestId('import-result')).toContainText('已登记该单位的密钥');
  await expect(committee.getByTestId('import-progress')).toContainText('100% 完成');
  const history = committee.getByTestId('import-history');
  await expect(history).toContainText('市财政局');
  await expect(history).toContainText('第 1 号（完整数据）');
  await expect(history).toContainText('已导入');

  // a second PC of the same unit (same enrolment file): its bundle is refused until the committee re-enrols
  await enrolUnitPc(pcTwo, enrolmentFile, 181);
  const fromTwo = await download(pcTwo, () => pcTwo.getByRole('button', { name: '导出同步包' }).click());
  await committee.getByRole('button', { name: '继续导入' }).click();
  await chooseFile(committee, '选择同步包', fromTwo);
  await expect(committee.getByTestId('sync-error')).toContainText('不一致');
  await expect(history).toContainText('已拒绝');
  await expect(history).toContainText(path.basename(fromTwo));
  await expect(history).toContainText('被拒绝的文件只在本次运行期间列出，没有写入数据库');
  await committee.getByRole('button', { name: '重新登记' }).click();
  await committee.getByRole('tooltip').getByRole('button', { name: '重新登记' }).click();
  await chooseFile(committee, '选择同步包', fromTwo);
  await tick(committee, '已与单位电话核对，密钥指纹一致');
  await committee.getByRole('button', { name: '确认导入' }).click();
  await expect(committee.getByTestId('import-result')).toContainText('冲突 1 条');

  // the conflict in words: the unit record both PCs wrote at setup, staff count 180 vs 181
  const conflicts = committee.getByTestId('conflicts');
  await expect(conflicts).toContainText('单位「市财政局」');
  await expect(conflicts).toContainText('两台设备都修改过这条记录');
  await expect(conflicts).toContainText('导入“市财政局”第 1 号同步包时发现');
  await expect(history).toContainText('已导入');
  await screenshot(committee, 'sync-history-committee');
  await conflicts.getByRole('button', { name: '对比' }).click();
  const compare = committee.getByTestId('conflict-compare');
  await expect(compare).toContainText('机关工作人员总数');
  await expect(compare.getByRole('row', { name: /机关工作人员总数/ })).toContainText('181');
  await expect(compare.getByRole('row', { name: /机关工作人员总数/ })).toContainText('180');
  await screenshot(committee, 'sync-history-compare');
  await committee.getByRole('dialog').getByRole('button', { name: '恢复此版本' }).click();
  await committee.getByRole('tooltip').getByRole('button', { name: '恢复' }).click();
  await expect(committee.getByText('请通知单位在其电脑上核对并重新保存')).toBeVisible();
  await expect(conflicts).toContainText('恢复操作'); // the displaced version takes its place in the list
  await conflicts.getByRole('button', { name: '保留现状' }).click();
  await committee.getByRole('tooltip').getByRole('button', { name: '保留现状' }).click();
  await expect(conflicts).toContainText('没有冲突');

  // the unit's second PC imports the return bundle: its history shows it; no conflicts on the unit side
  const back = await download(committee, () => committee.getByRole('button', { name: '生成回执' }).click());
  await chooseFile(pcTwo, '选择同步包', back);
  await pcTwo.getByRole('button', { name: '确认导入' }).click();
  await expect(pcTwo.getByTestId('import-result')).toBeVisible();
  await expect(pcTwo.getByTestId('enrolment-card')).toContainText('第 1 号同步包已被工委接收');
  const unitHistory = pcTwo.getByTestId('import-history');
  await expect(unitHistory).toContainText('中共示范市委直属机关工作委员会');
  await expect(unitHistory).toContainText('第 1 号（完整数据）');
  await expect(pcTwo.getByTestId('conflicts')).toContainText('没有冲突');
  await screenshot(pcTwo, 'sync-history-unit');
});
