/**
 * The annual report panel on the largest city unit: what it costs to prepare and generate the
 * report, the old way against the new.
 *
 * - before: the panel read the unit's records and computed the snapshot and figures on the main
 *   thread (for the default drafts); 生成 read the records again, posted them to the PDF worker (a
 *   structured clone), and the worker built the snapshot and the figures a second time.
 * - after: the worker reads the records (its own Dexie connection) and computes the snapshot and
 *   figures once, for the default drafts, and keeps them; 生成 builds the document from them. The
 *   main thread only posts two small messages.
 *
 * The Dexie reads run over fake-indexeddb in Node (slower than Chromium's IndexedDB: the ratio is
 * what matters); the clone stands for postMessage. pdfmake's rendering, the same both ways, is
 * not timed (reports.bench.ts has it).
 *
 *     npm run bench -- annualSnapshot
 */
import 'fake-indexeddb/auto';
import { openDatabase } from '../../renderer/db/db';
import { loadUnitRecords } from '../../renderer/db/queries/reports';
import { annualReportDefaults } from '../../shared/reports/annualDutiesText';
import { buildAnnualReport } from '../../shared/reports/annualReport';
import { computeAnnualFigures, unitReportData, type SnapshotOptions, type UnitRecords } from '../../shared/reports/reportData';
import { seedDatabase } from '../fixtures/seedDatabase';
import { largestCityUnit, ms, timeIt } from './largestUnit';

function prepare(records: UnitRecords, options: SnapshotOptions) {
  const data = unitReportData(records, options);
  if (data === null) throw new Error('largest unit without its unit record');
  const figures = computeAnnualFigures(data);
  return { data, figures, drafts: annualReportDefaults(data, figures) };
}

export async function run(): Promise<void> {
  const unit = largestCityUnit();
  const options: SnapshotOptions = { unitId: unit.unit.id, year: 2026, committeeName: '中共市委直属机关工委' };
  const db = openDatabase('bench-annual-snapshot');
  await db.delete();
  await db.open();
  await seedDatabase(db, unit);
  console.log(`${unit.unit.name}: ${unit.records.member?.length ?? 0} members, ${unit.records.meeting?.length ?? 0} meetings, ${unit.records.enrolment?.length ?? 0} enrolments`);

  const read = await timeIt(() => loadUnitRecords(db, unit.unit.id), 3);
  const records = await loadUnitRecords(db, unit.unit.id);
  const compute = await timeIt(() => prepare(records, options));
  const { data, figures, drafts } = prepare(records, options);
  const post = await timeIt(() => structuredClone(records));
  const secondPass = await timeIt(() => {
    const again = unitReportData(records, options);
    if (again === null) throw new Error('no unit');
    return buildAnnualReport(again, { drafts });
  });
  const build = await timeIt(() => buildAnnualReport(data, { drafts, figures }));

  const before = { main: read + compute + read + post, worker: secondPass };
  const after = { main: 0, worker: read + compute + build };
  const total = (x: { main: number; worker: number }): number => x.main + x.worker;
  console.log(`  read the unit's records (fake-indexeddb)         ${ms(read)}`);
  console.log(`  snapshot + figures + default drafts              ${ms(compute)}`);
  console.log(`  post the records to the worker (structuredClone) ${ms(post)}`);
  console.log(`  document, figures computed again                 ${ms(secondPass)}`);
  console.log(`  document from the kept figures                   ${ms(build)}`);
  console.log(`  before: main thread ${ms(before.main)}, worker ${ms(before.worker)}, total ${ms(total(before))}`);
  console.log(`  after:  main thread ${ms(after.main)}, worker ${ms(after.worker)}, total ${ms(total(after))}  → ${(total(after) / total(before)).toFixed(2)}× the work`);
  await db.delete();
}
