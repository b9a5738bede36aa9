/**
 * Conflicts on the UNIT side, in words, restored and dismissed. A unit imports only committee records
 * (return bundles), and its own records are never overwritten by an import, so a conflict there means
 * a committee record it holds was last written by ANOTHER committee device (e.g. a second committee PC
 * running from the committee's key backup) than the version in the return bundle. The tests put such
 * a version on the unit directly (no app path makes two committee devices edit one record yet).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { decodeRev, encodeRev } from '../../../shared/clock/hlc';
import { newId } from '../../../shared/ids/uuidv7';
import type { Member } from '../../../shared/model/member';
import { compareVersions, recordName, recordTitle } from '../../features/sync/recordText';
import { loadConflictViews } from '../../features/sync/conflictViews';
import type { StoredRecord, TaizhangDb } from '../db';
import { createRecord, updateRecord } from '../recordRepository';
import type { WriteContext } from '../writeContext';
import { dismissConflict, openConflicts, restoreConflict } from './conflicts';
import { exportReturnBundle, exportUnitBundle } from './exportBundle';
import { enrolledPair, importInto, must, testClock } from './testing/syncTestPair';

const now = testClock();
const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** The committee has sent notice N to the unit; returns the notice id. */
async function noticeOnBothSides(committee: WriteContext, unit: WriteContext, unitId: string): Promise<string> {
  await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
  const notice = await must(createRecord(committee, 'notice', { title: '关于开展主题党日活动的通知', body: '请各支部于月底前完成。', issuedOn: '2026-11-20', unitId, batchId: newId(), dueOn: null }));
  await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
  expect(await unit.db.notice.get(notice.id)).toMatchObject({ title: '关于开展主题党日活动的通知' });
  return notice.id;
}

/** On the unit, the notice as another committee device (a second committee PC) wrote it, `offsetMs` after the stored rev. */
async function versionFromOtherCommitteeDevice(unit: WriteContext, id: string, title: string, offsetMs: number): Promise<StoredRecord> {
  const stored = (await unit.db.notice.get(id))!;
  const at = decodeRev(stored.rev);
  if (!at.ok) throw new Error('bad rev');
  const other = { ...stored, title, updatedBy: '王工（笔记本）', rev: encodeRev({ wallMs: at.value.wallMs + offsetMs, counter: 0, deviceId: 'committee-laptop-0001' }) };
  await unit.db.notice.put(other);
  return other;
}

const viewCtx = async (ctx: WriteContext) => ({ mode: ctx.mode, ownerId: ctx.ownerId, deviceId: (await ctx.db.device.get('device'))!.deviceId });

describe('unit-side conflicts', () => {
  it('a newer committee version replaces another committee device’s: the set-aside one is listed in words, restorable on this PC', async () => {
    const { committee, unit, unitId } = await enrolledPair(now, opened);
    const id = await noticeOnBothSides(committee, unit, unitId);
    await versionFromOtherCommitteeDevice(unit, id, '关于开展主题党日活动的通知（笔记本修改）', 1);
    await must(updateRecord(committee, 'notice', id, { body: '请各支部于12月5日前完成，并报送活动记录。' }));
    const back = await must(exportReturnBundle(committee, unitId));
    const { summary } = await importInto(unit, back.bytes);
    expect(summary.conflicts).toBe(1);

    const [row] = await openConflicts(unit.db);
    expect(row).toMatchObject({ table: 'notice', id, bundleId: back.header.bundleId, lostFromBundle: false });
    const [view] = await loadConflictViews(unit.db, await viewCtx(unit));
    expect(view!.title).toBe('通知「关于开展主题党日活动的通知」');
    expect(view!.tableLabel).toBe('通知');
    expect(view!.summary).toContain('采用了同步包中的版本，未采用本机已有的版本');
    expect(view!.summary).toContain('王工（笔记本）（设备尾号 p-0001，');
    expect(view!.source).toBe(`导入“中共示范市委直属机关工作委员会”第 ${back.header.sequence} 号同步包时发现`);
    expect(view!.ownRecord).toBe(false);
    const differing = view!.rows.filter((r) => r.differs).map((r) => r.label);
    expect(differing).toEqual(expect.arrayContaining(['修改时间', '通知标题', '通知正文', '修改人']));
    expect(view!.rows.find((r) => r.field === 'title')).toMatchObject({ current: '关于开展主题党日活动的通知', other: '关于开展主题党日活动的通知（笔记本修改）' });

    // restore: a committee record, so only this PC's copy changes; the displaced version takes its place in the list
    const changesBefore = await unit.db.changes.count();
    expect(await must(restoreConflict(unit, view!.seq))).toEqual({ rewritten: false });
    expect(await unit.db.notice.get(id)).toMatchObject({ title: '关于开展主题党日活动的通知（笔记本修改）' });
    expect(await unit.db.changes.count()).toBe(changesBefore); // nothing of the unit's own to report
    const after = await openConflicts(unit.db);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ bundleId: null, lost: { body: '请各支部于12月5日前完成，并报送活动记录。' } });
    expect((await loadConflictViews(unit.db, await viewCtx(unit)))[0]!.source).toBe('恢复操作');
    expect((await unit.db.conflicts.get(view!.seq))!).toMatchObject({ resolved: true, resolution: 'restored' });
    const again = await restoreConflict(unit, view!.seq);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toBe('该冲突记录不存在或已处理，请刷新后重试。');
  });

  it('an older bundle version loses to this PC’s newer one from another device; 保留现状 settles it and keeps the row', async () => {
    const { committee, unit, unitId } = await enrolledPair(now, opened);
    const id = await noticeOnBothSides(committee, unit, unitId);
    await must(updateRecord(committee, 'notice', id, { title: '关于开展主题党日活动的通知（修订）' }));
    await versionFromOtherCommitteeDevice(unit, id, '笔记本上较新的标题', 60 * 60 * 1000);
    const { summary } = await importInto(unit, (await must(exportReturnBundle(committee, unitId))).bytes);
    expect(summary).toMatchObject({ conflicts: 1, older: 1, written: 0 });
    expect(await unit.db.notice.get(id)).toMatchObject({ title: '笔记本上较新的标题' });
    const [view] = await loadConflictViews(unit.db, await viewCtx(unit));
    expect(view!.summary).toContain('采用了本机已有的版本，未采用同步包中的版本');
    expect(view!.title).toBe('通知「笔记本上较新的标题」');

    await must(dismissConflict(unit, view!.seq));
    expect(await openConflicts(unit.db)).toHaveLength(0);
    expect(await unit.db.conflicts.get(view!.seq)).toMatchObject({ resolved: true, resolution: 'dismissed', lost: { title: '关于开展主题党日活动的通知（修订）' } });
    expect(await unit.db.notice.get(id)).toMatchObject({ title: '笔记本上较新的标题' });
  });

  it('a conflict on a record of the unit’s own is restored as a new revision that travels in the next bundle', async () => {
    const { unit, orgId } = await enrolledPair(now, opened);
    const current = (await unit.db.organisation.get(orgId)) as StoredRecord;
    const other = { ...current, name: '第一党支部（另一台电脑）', updatedBy: '李华', rev: encodeRev({ wallMs: 1, counter: 0, deviceId: 'unit-pc-two' }) };
    const seq = await unit.db.conflicts.add({ table: 'organisation', id: orgId, keptRev: current.rev, lostRev: other.rev, lost: other, at: now().toISOString(), resolved: false, bundleId: null });

    expect(await must(restoreConflict(unit, seq))).toEqual({ rewritten: true });
    const restored = (await unit.db.organisation.get(orgId)) as StoredRecord;
    expect(restored).toMatchObject({ name: '第一党支部（另一台电脑）', updatedBy: '张敏' });
    expect(decodeRev(restored.rev).ok && (decodeRev(restored.rev) as { value: { deviceId: string } }).value.deviceId).toBe(unit.deviceId);
    expect((await unit.db.changes.where('[table+id]').equals(['organisation', orgId]).last())!.rev).toBe(restored.rev);
    expect((await unit.db.audit.toArray()).filter((a) => a.id === orgId).at(-1)).toMatchObject({ action: 'update', actor: '张敏' });
    const [displaced] = await openConflicts(unit.db);
    expect(displaced).toMatchObject({ keptRev: restored.rev, lostRev: current.rev, lost: { name: '第一党支部' } });
  });
});

describe('records in words', () => {
  const member = {
    id: '019bbef3-b000-74cf-a5a5-2806e4d2ef2f',
    unitId: '019bbef3-b000-74ce-b39b-7bc5e1623c74',
    rev: encodeRev({ wallMs: Date.parse('2026-11-28T08:00:00Z'), counter: 0, deviceId: 'pc-a' }),
    deleted: false,
    updatedBy: '张敏',
    createdAt: '2026-01-02T03:04:05.000Z',
    name: '王芳',
    gender: 'female',
    idNumber: '41130219900101002X',
    phone: '13812345678',
    organisationId: 'org-1',
  } as unknown as Member & StoredRecord;

  it('names records as people say them, and masks ID and phone numbers in both versions', () => {
    expect(recordTitle('member', member)).toBe('党员「王芳」');
    expect(recordName('meeting', { date: '2026-03-15', kind: 'branchAssembly', organisationId: 'org-1' }, (t, id) => (t === 'organisation' && id === 'org-1' ? '第一党支部' : undefined))).toMatch(
      /^第一党支部 2026-03-15 \S+$/,
    );
    const rows = compareVersions('member', member, { ...member, phone: '13900001111', rev: encodeRev({ wallMs: 1, counter: 0, deviceId: 'pc-b' }) }, (t, id) =>
      t === 'organisation' && id === 'org-1' ? '第一党支部' : undefined,
    );
    const byField = new Map(rows.map((r) => [r.field, r]));
    expect(byField.get('idNumber')).toMatchObject({ label: '身份证号', current: '4113**********002X', differs: false });
    expect(byField.get('phone')).toMatchObject({ label: '联系电话', current: '138****5678', other: '139****1111', differs: true });
    expect(byField.get('gender')).toMatchObject({ label: '性别', current: '女' });
    expect(byField.get('organisationId')).toMatchObject({ label: '所在党组织', current: '第一党支部' });
    expect(JSON.stringify(rows)).not.toContain('41130219900101002X');
    expect(JSON.stringify(rows)).not.toContain('13812345678');
  });
});
