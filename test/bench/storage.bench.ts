/**
 * Writing the ledger: seeding the largest city unit (one transaction, change log included) vs raw
 * Dexie bulkPut of the same rows; and the repository path (validate + meta + change log + audit per
 * record) vs bulkPut of the same members. Runs over fake-indexeddb in Node: the ratios are what
 * matter here; Chromium's IndexedDB on an office disk has its own absolute speed (DESIGN.md §4).
 */
import 'fake-indexeddb/auto';
import { openDatabase } from '../../renderer/db/db';
import { createRecord } from '../../renderer/db/recordRepository';
import { completeSetup } from '../../renderer/db/workspaceRepository';
import { openWriteContext } from '../../renderer/db/writeContext';
import { seedDatabase } from '../fixtures/seedDatabase';
import { recordCount, tableCounts } from '../fixtures/generator';
import { largestCityUnit, ms } from './largestUnit';

let n = 0;

export async function run(): Promise<void> {
  const unit = largestCityUnit();
  const rows = recordCount(tableCounts(unit));
  console.log(`最大单位 (largest unit): ${unit.unit.name}, ${unit.records.member?.length ?? 0} members, ${unit.records.meeting?.length ?? 0} meetings, ${rows} records`);

  // baseline: raw bulkPut of every table in one transaction, no change log
  const base = openDatabase(`bench-base-${++n}`);
  let t = performance.now();
  await base.transaction('rw', base.tables, async () => {
    for (const [table, list] of Object.entries(unit.records)) if (list?.length) await base.table(table).bulkPut(list as object[]);
  });
  const bulk = performance.now() - t;
  await base.delete();

  const seeded = openDatabase(`bench-seed-${++n}`);
  t = performance.now();
  await seedDatabase(seeded, unit);
  const seed = performance.now() - t;
  await seeded.delete();
  console.log(`seedDatabase (records + change log): ${ms(seed)}  vs raw bulkPut: ${ms(bulk)}  → ${(seed / bulk).toFixed(2)}×`);

  // the repository path for 500 members vs bulkPut of the same 500
  const sample = (unit.records.member ?? []).slice(0, 500);
  const repoDb = openDatabase(`bench-repo-${++n}`);
  await completeSetup(repoDb, { mode: 'unit', name: unit.unit.name, creditCode: unit.unit.creditCode, staffCount: unit.unit.staffCount, partyGroupKind: unit.unit.partyGroupKind });
  const ctx = await openWriteContext(repoDb);
  t = performance.now();
  for (const m of sample) {
    const { id: _i, unitId: _u, rev: _r, deleted: _d, updatedBy: _b, createdAt: _c, ...fields } = m;
    const r = await createRecord(ctx, 'member', fields);
    if (!r.ok) throw new Error(r.error.message);
  }
  const repo = performance.now() - t;
  await repoDb.delete();
  const rawDb = openDatabase(`bench-raw-${++n}`);
  t = performance.now();
  await rawDb.member.bulkPut(sample as never[]);
  const raw = performance.now() - t;
  await rawDb.delete();
  console.log(`createRecord × ${sample.length} (validate, meta, change log, audit; one transaction each): ${ms(repo)} (${(repo / sample.length).toFixed(2)} ms/record)  vs bulkPut of the same: ${ms(raw)}  → ${(repo / raw).toFixed(1)}×`);
}
