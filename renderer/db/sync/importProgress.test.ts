/**
 * Import progress: the stages come in order, counts never go back, every counted stage ends at its
 * total, the percentage only grows and ends at 100; the reporter throttles and yields only when it
 * reports; without a callback nothing is reported.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_PROGRESS_STEP } from '../../../shared/bundle';
import { newId } from '../../../shared/ids/uuidv7';
import type { Organisation } from '../../../shared/model/organisation';
import type { TaizhangDb } from '../db';
import { exportUnitBundle } from './exportBundle';
import { applyImport, prepareImport } from './importBundle';
import { IMPORT_STAGES, progressEvent, progressReporter, type ImportProgressEvent } from './importProgress';
import { enrolledPair, importInto, must, testClock } from './testing/syncTestPair';

const now = testClock();
const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('progress events', () => {
  it('maps stages to a growing percentage with Chinese labels', () => {
    expect(progressEvent('read')).toMatchObject({ percent: 0, label: '读取' });
    expect(progressEvent('validate', 1200, 5000)).toMatchObject({ percent: 29, label: '校验数据（1200/5000）' });
    expect(progressEvent('validate', 5000, 5000).percent).toBe(progressEvent('compare').percent);
    expect(progressEvent('write', 10, 10)).toMatchObject({ percent: 100, label: '写入（10/10）' });
  });

  it('throttles counted reports by time, always reports the start and the end, and yields only after a report', async () => {
    let t = 0;
    let yields = 0;
    const events: ImportProgressEvent[] = [];
    const r = progressReporter((e) => events.push(e), { intervalMs: 50, now: () => t, yieldNow: () => Promise.resolve(void yields++) });
    await r.begin('decrypt');
    await r.count('validate', 0, 1000);
    for (let done = 100; done <= 1000; done += 100) {
      t += 20; // 20 ms per slice of 100 records
      await r.count('validate', done, 1000);
    }
    expect(events.map((e) => [e.stage, e.done])).toEqual([
      ['decrypt', 0],
      ['validate', 0],
      ['validate', 300],
      ['validate', 600],
      ['validate', 900],
      ['validate', 1000],
    ]);
    expect(yields).toBe(events.length);
    t += 100;
    r.countInTransaction('write', 1, 2); // inside a transaction: reports, never yields
    expect(events.at(-1)).toMatchObject({ stage: 'write', done: 1 });
    expect(yields).toBe(events.length - 1);
  });

  it('does nothing without a callback', async () => {
    let yields = 0;
    const r = progressReporter(undefined, { yieldNow: () => Promise.resolve(void yields++) });
    await r.begin('read');
    await r.count('validate', 1, 2);
    expect(yields).toBe(0);
  });
});

describe('prepareImport and applyImport report progress', () => {
  it('stages in order, counts monotonic, each counted stage ends at the total, percent ends at 100', async () => {
    const { committee, unit, unitId } = await enrolledPair(now, opened);
    // enough records for several slices of record checks
    const branches = Array.from({ length: RECORD_PROGRESS_STEP * 3 + 7 }, (_, i): Organisation => ({
      id: newId(),
      unitId,
      rev: unit.hlc.tick(),
      deleted: false,
      updatedBy: '张敏',
      createdAt: now().toISOString(),
      name: `第${i + 2}党支部`,
      kind: 'branch',
      parentId: null,
      foundedOn: null,
      dissolvedOn: null,
      termStart: null,
      termYears: null,
      termEnd: null,
      extension: null,
      approvalNo: '',
      approvedOn: null,
    }));
    await unit.db.organisation.bulkPut(branches);
    const bundle = await must(exportUnitBundle(unit, {}));

    const events: ImportProgressEvent[] = [];
    const preview = await must(prepareImport(committee, bundle.bytes, { onProgress: (e) => events.push(e) }));
    const prepared = events.length;
    await must(applyImport(committee, preview, { fingerprintConfirmed: true, onProgress: (e) => events.push(e) }));
    const total = preview.opened.totalRecords;
    expect(total).toBeGreaterThan(RECORD_PROGRESS_STEP * 3);

    // stages in order, each at least once; prepare ends with 比对, apply is all 写入
    const order = events.map((e) => IMPORT_STAGES.indexOf(e.stage));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(events.map((e) => e.stage))).toEqual(new Set(IMPORT_STAGES));
    expect(events.slice(prepared).every((e) => e.stage === 'write')).toBe(true);
    expect(events[prepared - 1]!.stage).toBe('compare');

    for (const stage of ['validate', 'compare', 'write'] as const) {
      const of = events.filter((e) => e.stage === stage);
      expect(of[0]!.done).toBe(0);
      expect(of.every((e) => e.total === total)).toBe(true);
      expect(of.map((e) => e.done)).toEqual([...of.map((e) => e.done)].sort((a, b) => a - b));
      expect(of.at(-1)!.done).toBe(total);
    }
    const percents = events.map((e) => e.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(events.find((e) => e.stage === 'validate' && e.done === total)!.label).toBe(`校验数据（${total}/${total}）`);
  });

  it('a refused file stops the stages where it was refused and writes nothing', async () => {
    const { committee, unit } = await enrolledPair(now, opened);
    const bundle = await must(exportUnitBundle(unit, {}));
    const tampered = Uint8Array.from(bundle.bytes);
    tampered[tampered.length - 5]! ^= 1;
    const events: ImportProgressEvent[] = [];
    const logBefore = await committee.db.importLog.count();
    const r = await prepareImport(committee, tampered, { onProgress: (e) => events.push(e) });
    expect(r.ok).toBe(false);
    expect(events.map((e) => e.stage)).toEqual(['read', 'verify']);
    expect(await committee.db.importLog.count()).toBe(logBefore);

    // the real one afterwards: logged with its counts, the conflict-free import in the history
    await importInto(committee, bundle.bytes, { confirm: true });
    const [log] = await committee.db.importLog.toArray();
    expect(log).toMatchObject({ sequence: 1, snapshot: true, senderName: '市财政局', written: 3, conflicts: 0, protectedCount: 0 });
    expect(log!.counts).toMatchObject({ organisation: 1, unit: 1, attachment: 1 });
  });
});
