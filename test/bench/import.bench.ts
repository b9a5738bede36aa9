/**
 * Importing a large unit bundle at the committee (5 000 records of the largest city unit): the
 * checks up to the preview (verify, decrypt, inflate, validate every record, compare with the
 * database) WITH the progress callback — reports throttled to every 50 ms, each followed by a yield
 * to the event loop so the bar can paint — against the same import WITHOUT a callback (no reports,
 * no yields), measured alternately in the same run. The target: progress costs at most ~10 %.
 * Then the whole import (preview + the one write transaction) once each way, on fresh databases.
 * Over fake-indexeddb in Node: the ratio is what matters.
 */
import 'fake-indexeddb/auto';
import { bytesToBase64 } from '../../shared/encoding/base64';
import { encodeBundle, signerFromSecretKey } from '../../shared/bundle';
import type { BundleRecords } from '../../shared/bundle/records';
import { base64ToBytes } from '../../shared/encoding/base64';
import { RECORD_TABLES } from '../../shared/model/tables';
import { updateRecord } from '../../renderer/db/recordRepository';
import { enrolUnit } from '../../renderer/db/sync/enrolment';
import { applyImport, prepareImport } from '../../renderer/db/sync/importBundle';
import { yieldToEventLoop, type ImportProgressEvent } from '../../renderer/db/sync/importProgress';
import { freshSide } from '../../renderer/db/sync/testing/testSupport';
import type { WriteContext } from '../../renderer/db/writeContext';
import { largestCityUnit, ms } from './largestUnit';

const RECORDS = 5000;
const RUNS = 9;

/** A committee with the unit enrolled and its key pinned, and the unit's signed bundle for it. */
let source: ReturnType<typeof largestCityUnit> | null = null;

async function committeeAndBundle(): Promise<{ committee: WriteContext; bytes: Uint8Array; total: number }> {
  const { ctx: committee } = await freshSide('committee', () => new Date());
  const enrolled = await enrolUnit(committee, '市大数据管理局', '11410100MB1234567W');
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  const unitId = enrolled.value.id;
  const signer = signerFromSecretKey(new Uint8Array(32).fill(7));
  const pinned = await updateRecord(committee, 'enrolledUnit', unitId, { publicKey: bytesToBase64(signer.publicKey), status: 'active' });
  if (!pinned.ok) throw new Error(pinned.error.message);

  // the largest unit's records, moved to the enrolled id, table by table up to RECORDS (no attachments: they need files)
  source ??= largestCityUnit();
  const records: Record<string, unknown[]> = {};
  let total = 0;
  for (const table of RECORD_TABLES) {
    const list = (source.records as Record<string, { id: string; unitId: string }[] | undefined>)[table];
    if (!list?.length || table === 'attachment' || total >= RECORDS) continue;
    const taken = list.slice(0, RECORDS - total).map((r) => ({ ...r, unitId, ...(table === 'unit' ? { id: unitId } : {}) }));
    records[table] = taken;
    total += taken.length;
  }
  const device = (await committee.db.device.get('device'))!;
  const encoded = await encodeBundle(
    {
      kind: 'unit-to-committee',
      senderUnitId: unitId,
      senderDeviceId: 'bench-unit-device',
      sequence: 1,
      recipientId: committee.ownerId,
      recipientPublicKey: base64ToBytes(device.encryptionPublicKey),
      createdAt: new Date().toISOString(),
      ruleProfileVersion: 1,
      changeRange: null,
      records: records as unknown as BundleRecords,
      attachments: [],
    },
    signer,
  );
  if (!encoded.ok) throw new Error(encoded.error.message);
  return { committee, bytes: encoded.value.bytes, total };
}

async function timePrepare(committee: WriteContext, bytes: Uint8Array, withProgress: boolean): Promise<{ ms: number; events: number }> {
  let events = 0;
  const onProgress = withProgress ? (_: ImportProgressEvent) => void (events += 1) : undefined;
  const t = performance.now();
  const r = await prepareImport(committee, bytes, { onProgress });
  const elapsed = performance.now() - t;
  if (!r.ok) throw new Error(r.error.message);
  return { ms: elapsed, events };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const { committee, bytes, total } = await committeeAndBundle();
  console.log(`同步包 (bundle): ${total} records, ${(bytes.length / 1024).toFixed(0)} KiB`);

  await timePrepare(committee, bytes, false); // warm-up
  await timePrepare(committee, bytes, true);
  const without: number[] = [];
  const withBar: number[] = [];
  let events = 0;
  for (let i = 0; i < RUNS; i++) {
    without.push((await timePrepare(committee, bytes, false)).ms);
    const r = await timePrepare(committee, bytes, true);
    withBar.push(r.ms);
    events = r.events;
  }
  const a = median(withBar);
  const b = median(without);
  console.log(
    `prepareImport with progress (${events} reports, a yield after each), median of ${RUNS}: ${ms(a)}  vs without progress: ${ms(b)}  → ${(a / b).toFixed(3)}× (${(((a - b) / b) * 100).toFixed(1)} %)`,
  );
  const best = Math.min(...withBar) / Math.min(...without);
  console.log(`  fastest of ${RUNS} each: ${ms(Math.min(...withBar))} vs ${ms(Math.min(...without))}  → ${best.toFixed(3)}× (medians drift on a shared machine; the fastest runs are the least disturbed)`);
  // the yields alone, as many as one import makes: what progress can cost at most besides the reports
  const t = performance.now();
  for (let i = 0; i < events * 10; i++) await yieldToEventLoop();
  const perYield = (performance.now() - t) / (events * 10);
  console.log(`  ${events} yields cost ${ms(perYield * events)} (${perYield.toFixed(3)} ms each in Node) = ${(((perYield * events) / b) * 100).toFixed(2)} % of the import without progress`);

  // the whole import once each way, each on a fresh committee (the write transaction never yields)
  const whole = async (withProgress: boolean) => {
    const fresh = await committeeAndBundle();
    const onProgress = withProgress ? () => undefined : undefined;
    const t = performance.now();
    const p = await prepareImport(fresh.committee, fresh.bytes, { onProgress });
    if (!p.ok) throw new Error(p.error.message);
    const s = await applyImport(fresh.committee, p.value, { onProgress });
    if (!s.ok) throw new Error(s.error.message);
    const elapsed = performance.now() - t;
    await fresh.committee.db.delete();
    return elapsed;
  };
  await whole(false); // warm-up
  const wholeWithout: number[] = [];
  const wholeWith: number[] = [];
  for (let i = 0; i < 3; i++) {
    wholeWithout.push(await whole(false));
    wholeWith.push(await whole(true));
  }
  const c = median(wholeWith);
  const d = median(wholeWithout);
  const e = Math.min(...wholeWith);
  const f = Math.min(...wholeWithout);
  console.log(`whole import (preview + write; the write never yields), 3 fresh databases each: median with progress ${ms(c)} vs without ${ms(d)} → ${(c / d).toFixed(3)}×; fastest ${ms(e)} vs ${ms(f)} → ${(e / f).toFixed(3)}×`);
  await committee.db.delete();
}
