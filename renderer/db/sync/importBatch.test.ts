/**
 * 批量导入 over fake-indexeddb with real keys: three enrolled units and a bundle meant for another
 * committee in one batch; first contacts held back for the one-by-one confirmation; the same bundle
 * twice; 取消 between bundles; the return bundles of a batch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TaizhangDb } from '../db';
import { createRecord } from '../recordRepository';
import { openWriteContext, type WriteContext } from '../writeContext';
import { acceptEnrolment, enrolmentFileFor, enrolUnit } from './enrolment';
import { parseEnrolmentFile } from './enrolmentFile';
import { exportUnitBundle } from './exportBundle';
import { applicableRows, applyBatch, checkBatch, recheckSender, type BatchFile, type BatchProgress, type BatchRow } from './importBatch';
import { applyImport, prepareImport } from './importBundle';
import { exportReturnBundles, returnFolderName } from './returnBatch';
import { importInto, must, testClock } from './testing/syncTestPair';
import { freshSide, testCreditCode } from './testing/testSupport';

const now = testClock();
const opened: TaizhangDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const branch = (name: string) =>
  ({
    name,
    kind: 'branch',
    parentId: null,
    foundedOn: '2015-03-01',
    dissolvedOn: null,
    termStart: '2024-03-01',
    termYears: 3,
    termEnd: null,
    extension: null,
    approvalNo: '',
    approvedOn: null,
  }) as const;

async function committeeSide(name?: string): Promise<WriteContext> {
  const s = await freshSide('committee', now, name);
  opened.push(s.db);
  return s.ctx;
}

/** A unit set up with its own credit code, enrolled at `committee`, with one branch. */
async function enrolledUnit(committee: WriteContext, name: string, i: number): Promise<{ unit: WriteContext; unitId: string }> {
  const s = await freshSide('unit', now, name, testCreditCode(i));
  opened.push(s.db);
  await must(createRecord(s.ctx, 'organisation', branch(`${name}第一党支部`)));
  const enrolled = await must(enrolUnit(committee, name, testCreditCode(i)));
  const file = parseEnrolmentFile((await must(enrolmentFileFor(committee, enrolled.id))).bytes);
  if (!file.ok) throw new Error(file.error.message);
  await must(acceptEnrolment(s.db, file.value));
  return { unit: await openWriteContext(s.db, now), unitId: enrolled.id };
}

async function bundleOf(unit: WriteContext, name: string): Promise<BatchFile> {
  return { name, bytes: (await must(exportUnitBundle(unit))).bytes };
}

/** Three units whose keys the committee has pinned (first bundles confirmed one by one), each with a new branch since. */
async function threePinnedUnits(committee: WriteContext) {
  const units = [];
  for (const [i, name] of ['市财政局', '市审计局', '市统计局'].entries()) {
    const u = await enrolledUnit(committee, name, i);
    await importInto(committee, (await must(exportUnitBundle(u.unit))).bytes, { confirm: true });
    await must(createRecord(u.unit, 'organisation', branch(`${name}第二党支部`)));
    units.push({ ...u, name });
  }
  return units;
}

async function foreignBundle(): Promise<BatchFile> {
  const other = await committeeSide('中共另一市委直属机关工作委员会');
  const { unit } = await enrolledUnit(other, '外市某局', 9);
  return bundleOf(unit, '外市某局_第1号.tzb');
}

describe('批量导入', () => {
  it('applies the good bundles each in its own transaction, refuses the one for another committee in words, imports a repeated bundle once', async () => {
    const committee = await committeeSide();
    const units = await threePinnedUnits(committee);
    const files = [
      await bundleOf(units[0]!.unit, '市财政局_第2号.tzb'),
      await foreignBundle(),
      await bundleOf(units[1]!.unit, '市审计局_第2号.tzb'),
      await bundleOf(units[2]!.unit, '市统计局_第2号.tzb'),
    ];
    files.push({ name: '市财政局_第2号（副本）.tzb', bytes: files[0]!.bytes });

    const checks: BatchProgress[] = [];
    const rows = await checkBatch(committee, files, { onProgress: (p) => checks.push(p) });
    expect(rows.map((r) => r.check.kind)).toEqual(['ready', 'refused', 'ready', 'ready', 'duplicate']);
    const refused = rows[1]!.check;
    if (refused.kind !== 'refused') throw new Error('expected a refusal');
    expect(refused.errorKind).toBe('other-committee');
    expect(refused.reason).toMatch(/^此同步包是报送给其他工委的/);
    expect(rows[4]!.check).toMatchObject({ kind: 'duplicate', sameAs: '市财政局_第2号.tzb' });
    const ready = rows[0]!.check;
    if (ready.kind !== 'ready') throw new Error('expected ready');
    expect(ready.summary).toMatchObject({ senderName: '市财政局', sequence: 2, snapshot: true, conflicts: 0 });
    expect(ready.summary.tables.find((t) => t.table === 'organisation')?.counts).toMatchObject({ new: 1, unchanged: 1 });
    expect(checks.at(-1)).toMatchObject({ percent: 100 });
    expect(await committee.db.importLog.count()).toBe(3); // the check wrote nothing

    const progress: BatchProgress[] = [];
    const outcomes = await applyBatch(committee, rows, { onProgress: (p) => progress.push(p) });
    expect(rows.map((r) => outcomes.get(r.key)?.kind)).toEqual(['applied', 'refused', 'applied', 'applied', 'unchanged']);
    expect(outcomes.get(rows[0]!.key)).toMatchObject({ summary: { written: 1, unchanged: expect.any(Number) } });
    expect(outcomes.get(rows[4]!.key)).toMatchObject({ reason: '与“市财政局_第2号.tzb”是同一个同步包，只导入一次。' });
    expect(await committee.db.importLog.count()).toBe(6);
    expect(await committee.db.organisation.count()).toBe(6);
    for (const u of units) expect((await committee.db.syncPeer.get(u.unitId))?.lastBundle?.sequence).toBe(2);
    // one bar over the batch: never going back, ending at 100
    const percents = progress.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ percent: 100, done: 3, total: 3 });
    expect(progress.some((p) => p.label.startsWith('第 2/3 个：市审计局_第2号.tzb · '))).toBe(true);

    // the return bundles of the batch's units, in one go
    const returns = await exportReturnBundles(committee, units.map((u) => u.unitId));
    expect(returns.map((r) => [r.unitName, r.ok])).toEqual([
      ['市财政局', true],
      ['市审计局', true],
      ['市统计局', true],
    ]);
    const names = returns.flatMap((r) => (r.ok ? [r.file.name] : []));
    expect(new Set(names).size).toBe(3);
    expect(names[0]).toMatch(/^市财政局_回执_\d{4}-\d{2}-\d{2}_第\d+号\.tzb$/);
    expect(returnFolderName(new Date(2026, 11, 4))).toBe('回执_2026-12-04');
    // each unit takes its receipt
    const back = returns[1]!;
    if (!back.ok) throw new Error(back.reason);
    await importInto(units[1]!.unit, back.file.bytes);
    expect((await units[1]!.unit.db.syncPeer.toArray())[0]?.lastReceipt).toMatchObject({ highestSequence: 2 });
  }, 120_000);

  it('stops between bundles when cancelled: the bundle being written finishes, the rest are not imported', async () => {
    const committee = await committeeSide();
    const units = await threePinnedUnits(committee);
    const files = [];
    for (const u of units) files.push(await bundleOf(u.unit, `${u.name}_第2号.tzb`));
    const rows = await checkBatch(committee, files);
    let stop = false;
    const outcomes = await applyBatch(committee, rows, {
      shouldStop: () => stop,
      onRowDone: () => {
        stop = true; // 取消 pressed while the first bundle was being written
      },
    });
    expect(rows.map((r) => outcomes.get(r.key)?.kind)).toEqual(['applied', 'cancelled', 'cancelled']);
    expect(outcomes.get(rows[1]!.key)).toMatchObject({ reason: expect.stringContaining('已取消，未导入') });
    expect(await committee.db.importLog.count()).toBe(4);
    expect((await committee.db.syncPeer.get(units[1]!.unitId))?.lastBundle?.sequence).toBe(1);
    // picked again later, the rest import as usual
    const again = await checkBatch(committee, files);
    expect(again.map((r) => r.check.kind)).toEqual(['already-imported', 'ready', 'ready']);
    const rest = await applyBatch(committee, again);
    expect(again.map((r) => rest.get(r.key)?.kind)).toEqual(['unchanged', 'applied', 'applied']);
  }, 120_000);

  it('never pins a key in a batch: first contacts wait for the one-by-one confirmation, then the unit’s other bundles follow', async () => {
    const committee = await committeeSide();
    const a = await enrolledUnit(committee, '市财政局', 0);
    const b = await enrolledUnit(committee, '市审计局', 1);
    const a1 = await bundleOf(a.unit, '市财政局_第1号.tzb');
    await must(createRecord(a.unit, 'organisation', branch('市财政局第二党支部')));
    const a2 = await bundleOf(a.unit, '市财政局_第2号.tzb');
    const b1 = await bundleOf(b.unit, '市审计局_第1号.tzb');

    let rows = await checkBatch(committee, [a1, a2, b1]);
    expect(rows.map((r) => r.check.kind)).toEqual(['needs-confirmation', 'needs-confirmation', 'needs-confirmation']);
    expect(applicableRows(rows)).toEqual([]);
    const outcomes = await applyBatch(committee, rows);
    expect([...outcomes.values()].map((o) => o.kind)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(await committee.db.importLog.count()).toBe(0);
    expect(await committee.db.enrolledUnit.get(a.unitId)).toMatchObject({ status: 'invited', publicKey: null });

    // 核对并导入 on the first row: the single-import confirmation
    const preview = await must(prepareImport(committee, a1.bytes));
    await must(applyImport(committee, preview, { fingerprintConfirmed: true }));
    rows = await recheckSender(committee, rows, a.unitId, new Set([rows[0]!.key]));
    expect(rows.map((r) => r.check.kind)).toEqual(['needs-confirmation', 'ready', 'needs-confirmation']);
    const done = await applyBatch(committee, rows.slice(1));
    expect(done.get(rows[1]!.key)).toMatchObject({ kind: 'applied', summary: { written: 1 } });
    expect(done.get(rows[2]!.key)).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('核对并导入') });
    expect(await committee.db.enrolledUnit.get(b.unitId)).toMatchObject({ status: 'invited' });
  }, 120_000);
});

describe('the order of a batch', () => {
  it('applies units in the order their first file was picked, and a unit’s bundles by number', () => {
    const row = (key: number, senderId: string, sequence: number): BatchRow => ({
      key,
      fileName: `${senderId}_${sequence}.tzb`,
      bytes: new Uint8Array(),
      check: { kind: 'ready', summary: { bundleId: `${senderId}-${sequence}`, senderId, senderName: senderId, sequence, snapshot: false, changeRange: null, createdAt: '', fingerprint: '', tables: [], records: 0, conflicts: 0, firstContact: false, readmit: false } },
    });
    const order = applicableRows([row(0, 'A', 3), row(1, 'B', 1), row(2, 'A', 1), row(3, 'C', 2), row(4, 'A', 2)]).map((r) => r.fileName);
    expect(order).toEqual(['A_1.tzb', 'A_2.tzb', 'A_3.tzb', 'B_1.tzb', 'C_2.tzb']);
  });
});

describe('批量生成回执', () => {
  it('says per unit why no return bundle could be made', async () => {
    const committee = await committeeSide();
    const pinned = await enrolledUnit(committee, '市财政局', 0);
    await importInto(committee, (await must(exportUnitBundle(pinned.unit))).bytes, { confirm: true });
    const invited = await must(enrolUnit(committee, '市审计局', testCreditCode(1)));
    const seen: string[] = [];
    const results = await exportReturnBundles(committee, [pinned.unitId, invited.id], { onProgress: (p) => seen.push(p.label) });
    expect(results[0]).toMatchObject({ ok: true, unitName: '市财政局' });
    expect(results[1]).toMatchObject({ ok: false, unitName: '市审计局', reason: expect.stringContaining('还没有收到该单位的同步包') });
    expect(seen).toEqual(['第 1/2 个：市财政局', '第 2/2 个：市审计局', '完成']);
  }, 60_000);
});
