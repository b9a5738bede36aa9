/**
 * The write reuses the preview's look-ups only while nothing was written since the preview; a
 * table that held no row of the unit is not looked up at all, and its records are ADDED so that an
 * id already held (under another unit) is caught and the write runs again with every record looked
 * up; the unit's summary is built from the records in hand and equals a re-read of the unit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids/uuidv7';
import { buildUnitSummary } from '../../../shared/rules/committee/unitSummary';
import { organisationFields } from '../../../test/fixtures/recordFields';
import type { TaizhangDb } from '../db';
import { createRecord, deleteRecord, updateRecord } from '../recordRepository';
import { readUnitRecords } from '../unitSummaries';
import { openWriteContext, type WriteContext } from '../writeContext';
import { acceptEnrolment, enrolmentFileFor, enrolUnit } from './enrolment';
import { parseEnrolmentFile } from './enrolmentFile';
import { exportUnitBundle } from './exportBundle';
import { applyImport, prepareImport } from './importBundle';
import { enrolledPair, importInto, must, testClock } from './testing/syncTestPair';
import { freshSide, testCreditCode } from './testing/testSupport';

const opened: TaizhangDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function secondUnit(committee: WriteContext, now: () => Date): Promise<{ unit: WriteContext; unitId: string }> {
  const code = testCreditCode(7);
  const side = await freshSide('unit', now, '市审计局', code);
  opened.push(side.db);
  const enrolled = await must(enrolUnit(committee, '市审计局', code));
  const file = parseEnrolmentFile((await must(enrolmentFileFor(committee, enrolled.id))).bytes);
  if (!file.ok) throw new Error(file.error.message);
  await must(acceptEnrolment(side.db, file.value));
  return { unit: await openWriteContext(side.db, now), unitId: enrolled.id };
}

describe('import look-ups', () => {
  it('a bundle imported between preview and apply is seen: the write looks the records up again', async () => {
    const now = testClock();
    const { committee, unit, orgId } = await enrolledPair(now, opened);
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
    await must(updateRecord(unit, 'organisation', orgId, { name: '改名一次' }));
    const first = (await must(exportUnitBundle(unit, {}))).bytes;
    await must(updateRecord(unit, 'organisation', orgId, { name: '改名两次' }));
    const second = (await must(exportUnitBundle(unit, {}))).bytes;

    const stale = await must(prepareImport(committee, first));
    expect(stale.tables.get('organisation')).toMatchObject({ update: 1 });
    await importInto(committee, second); // meanwhile: the newer bundle
    const applied = await must(applyImport(committee, stale));
    // against what is stored NOW the first bundle's version is older: nothing is overwritten
    expect(applied).toMatchObject({ written: 0, older: 1 });
    expect(await committee.db.organisation.get(orgId)).toMatchObject({ name: '改名两次' });
  });

  it('a local write between preview and apply is seen too (the change log moved)', async () => {
    const now = testClock();
    const { committee, unit, orgId } = await enrolledPair(now, opened);
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
    await must(updateRecord(unit, 'organisation', orgId, { name: '单位改的名称' }));
    const preview = await must(prepareImport(committee, (await must(exportUnitBundle(unit, {}))).bytes));
    // a committee record written meanwhile: the marker differs, the write reads again and still applies the update
    await must(createRecord(committee, 'notice', { unitId: committee.ownerId, title: '关于报送材料的通知', body: '请按时报送。', issuedOn: '2026-11-28', dueOn: null, batchId: newId() }));
    const applied = await must(applyImport(committee, preview));
    expect(applied.written).toBeGreaterThanOrEqual(1);
    expect(await committee.db.organisation.get(orgId)).toMatchObject({ name: '单位改的名称' });
  });

  it('a record id another unit already holds is not overwritten unseen: the add fails and the write looks it up', async () => {
    const now = testClock();
    const { committee, unit, orgId, unitId } = await enrolledPair(now, opened);
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
    const b = await secondUnit(committee, now);
    await must(createRecord(b.unit, 'organisation', organisationFields({ name: '市审计局机关党支部' })));
    const held = (await committee.db.organisation.get(orgId))!;
    await b.unit.db.organisation.put({ ...held, unitId: b.unitId }); // the same id and revision, claimed by unit B
    const bundle = (await must(exportUnitBundle(b.unit, {}))).bytes;

    const preview = await must(prepareImport(committee, bundle));
    expect(preview.tables.get('organisation')).toMatchObject({ new: 2 }); // B held nothing: nothing looked up
    const applied = await must(applyImport(committee, preview, { fingerprintConfirmed: true }));
    // looked up in the second attempt: the same revision is 'unchanged', as before this optimisation
    expect(applied.unchanged).toBeGreaterThanOrEqual(1);
    expect(await committee.db.organisation.get(orgId)).toMatchObject({ unitId, name: '第一党支部' });
    expect(await committee.db.organisation.where('unitId').equals(b.unitId).count()).toBe(1);
  });

  it('the summary built from the records in hand equals the one built from the unit’s records read back', async () => {
    const now = testClock();
    const { committee, unit, unitId, orgId } = await enrolledPair(now, opened);
    const second = await must(createRecord(unit, 'organisation', organisationFields({ name: '第二党支部' })));
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes, { confirm: true });
    await must(updateRecord(unit, 'organisation', orgId, { name: '第一党支部（改）' }));
    await must(deleteRecord(unit, 'organisation', second.id));
    await must(createRecord(unit, 'organisation', organisationFields({ name: '第三党支部' })));
    await importInto(committee, (await must(exportUnitBundle(unit, {}))).bytes);
    const stored = (await committee.db.unitSummary.get(unitId))!;
    const reread = buildUnitSummary(await readUnitRecords(committee.db, unitId), { unitId, builtAt: stored.builtAt });
    expect(stored).toEqual(reread);
    expect(stored.organisations.length).toBe(2);
  });
});
