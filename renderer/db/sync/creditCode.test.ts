/**
 * The unit's 统一社会信用代码 at enrolment (docs/sync.md, "Whom a bundle is for"): checked and unique
 * at the committee, carried in the enrolment file (refused by a unit with another code), compared
 * with the unit's own record at its first bundle; and a bundle for another committee said so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TaizhangDb } from '../db';
import { createRecord } from '../recordRepository';
import { openWriteContext } from '../writeContext';
import { acceptEnrolment, enrolmentFileFor, enrolUnit, previewEnrolment } from './enrolment';
import { encodeEnrolmentFile, parseEnrolmentFile, type EnrolmentFile } from './enrolmentFile';
import { exportUnitBundle } from './exportBundle';
import { applyImport, prepareImport } from './importBundle';
import { must, testClock } from './testing/syncTestPair';
import { freshSide, TEST_CREDIT_CODE, testCreditCode } from './testing/testSupport';

const now = testClock();
const opened: TaizhangDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function side(mode: 'unit' | 'committee', name?: string, code?: string) {
  const s = await freshSide(mode, now, name, code);
  opened.push(s.db);
  return s;
}

async function storeCounts(db: TaizhangDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of db.tables) out[t.name] = await t.count();
  return out;
}

/** The file as an older program wrote it: version 1, no credit code. */
function asVersion1(file: EnrolmentFile): EnrolmentFile {
  const { unitCreditCode: _code, ...rest } = file;
  return { ...rest, version: 1 };
}

describe('enrolment with the credit code', () => {
  it('checks the code, normalises it, and refuses one already enrolled (naming that unit)', async () => {
    const { ctx } = await side('committee');
    const bad = await enrolUnit(ctx, '市财政局', '11410100MB12345670');
    expect(bad).toMatchObject({ ok: false, error: { kind: 'credit-code-invalid', path: ['creditCode'], message: expect.stringContaining('校验位') } });
    const short = await enrolUnit(ctx, '市财政局', '1141');
    expect(short).toMatchObject({ ok: false, error: { path: ['creditCode'], message: expect.stringContaining('18位') } });

    const first = await must(enrolUnit(ctx, ' 市财政局 ', ' 11410100mb1234567w '));
    expect(first).toMatchObject({ name: '市财政局', creditCode: TEST_CREDIT_CODE, status: 'invited' });
    const again = await enrolUnit(ctx, '市财政局（重复）', TEST_CREDIT_CODE);
    expect(again).toMatchObject({ ok: false, error: { kind: 'credit-code-taken', path: ['creditCode'] } });
    if (!again.ok) expect(again.error.message).toContain('已登记为“市财政局”');
    expect(await ctx.db.enrolledUnit.count()).toBe(1);
    await must(enrolUnit(ctx, '市审计局', testCreditCode(2)));
    expect(await ctx.db.enrolledUnit.count()).toBe(2);
  });

  it('writes the code into the enrolment file (version 2); a unit with another code refuses it and stays as it was', async () => {
    const committee = await side('committee');
    const enrolled = await must(enrolUnit(committee.ctx, '市财政局', TEST_CREDIT_CODE));
    const file = parseEnrolmentFile((await must(enrolmentFileFor(committee.ctx, enrolled.id))).bytes);
    if (!file.ok) throw new Error(file.error.message);
    expect(file.value).toMatchObject({ version: 2, unitCreditCode: TEST_CREDIT_CODE, unitName: '市财政局' });

    const wrongUnit = await side('unit', '市审计局', testCreditCode(2));
    const before = await storeCounts(wrongUnit.db);
    const refused = await acceptEnrolment(wrongUnit.db, file.value);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'enrolment-mismatch' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain(TEST_CREDIT_CODE);
      expect(refused.error.message).toContain(testCreditCode(2));
      expect(refused.error.message).toContain('本单位自己的登记文件');
    }
    expect(await storeCounts(wrongUnit.db)).toEqual(before);
    expect((await wrongUnit.db.workspace.get('workspace'))!.ownerId).not.toBe(enrolled.id);

    const rightUnit = await side('unit', '市财政局', TEST_CREDIT_CODE);
    expect(await must(previewEnrolment(rightUnit.db, file.value))).toMatchObject({ rekey: true });
  });

  it('reads a version 1 file (no code) as before, and refuses a mixed-up one', async () => {
    const committee = await side('committee');
    const enrolled = await must(enrolUnit(committee.ctx, '市财政局', TEST_CREDIT_CODE));
    const file = parseEnrolmentFile((await must(enrolmentFileFor(committee.ctx, enrolled.id))).bytes);
    if (!file.ok) throw new Error(file.error.message);
    const v1 = parseEnrolmentFile(encodeEnrolmentFile(asVersion1(file.value)));
    expect(v1).toMatchObject({ ok: true, value: { version: 1 } });
    if (v1.ok) expect(v1.value.unitCreditCode).toBeUndefined();
    const v1WithCode = new TextEncoder().encode(JSON.stringify({ ...file.value, version: 1 }));
    expect(parseEnrolmentFile(v1WithCode)).toMatchObject({ ok: false, error: { kind: 'not-an-enrolment' } });
  });
});

describe('the first bundle of an enrolled unit', () => {
  it('is refused when the unit’s own record carries another code (a wrong .tze), naming both codes; nothing is written or pinned', async () => {
    const committee = await side('committee');
    const enrolled = await must(enrolUnit(committee.ctx, '市财政局', TEST_CREDIT_CODE));
    const file = parseEnrolmentFile((await must(enrolmentFileFor(committee.ctx, enrolled.id))).bytes);
    if (!file.ok) throw new Error(file.error.message);
    // the 市审计局 runs an older program, which takes the 市财政局's file without a code check
    const other = await side('unit', '市审计局', testCreditCode(2));
    await must(acceptEnrolment(other.db, asVersion1(file.value)));
    const unitCtx = await openWriteContext(other.db, now);
    const bundle = await must(exportUnitBundle(unitCtx));

    const before = await storeCounts(committee.db);
    const refused = await prepareImport(committee.ctx, bundle.bytes);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'credit-code-mismatch' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain(`“市财政局”统一社会信用代码为 ${TEST_CREDIT_CODE}`);
      expect(refused.error.message).toContain(`“市审计局”、统一社会信用代码 ${testCreditCode(2)}`);
      expect(refused.error.message).toContain('登记文件（.tze）交给了其他单位');
    }
    expect(await storeCounts(committee.db)).toEqual(before);
    expect(await committee.db.enrolledUnit.get(enrolled.id)).toMatchObject({ status: 'invited', publicKey: null });
  });

  it('fills in the code of an entry enrolled before codes were asked for, from the unit’s own record', async () => {
    const committee = await side('committee');
    const legacy = await must(
      createRecord(committee.ctx, 'enrolledUnit', { name: '市财政局', publicKey: null, status: 'invited', revokedAt: null, unitId: '01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e0f' }, { id: '01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e0f' }),
    );
    const file = parseEnrolmentFile((await must(enrolmentFileFor(committee.ctx, legacy.id))).bytes);
    if (!file.ok) throw new Error(file.error.message);
    expect(file.value.version).toBe(1);
    const unit = await side('unit', '市财政局', TEST_CREDIT_CODE);
    await must(acceptEnrolment(unit.db, file.value));
    const bundle = await must(exportUnitBundle(await openWriteContext(unit.db, now)));
    const preview = await must(prepareImport(committee.ctx, bundle.bytes));
    await must(applyImport(committee.ctx, preview, { fingerprintConfirmed: true }));
    expect(await committee.db.enrolledUnit.get(legacy.id)).toMatchObject({ status: 'active', creditCode: TEST_CREDIT_CODE });
  });
});

describe('a bundle for another committee', () => {
  it('says so, instead of sending the user to enrol the unit', async () => {
    const ours = await side('committee');
    const theirs = await side('committee', '中共另一市委直属机关工作委员会');
    // the unit is enrolled at the other committee, and the bundle is addressed to it
    const enrolled = await must(enrolUnit(theirs.ctx, '市财政局', TEST_CREDIT_CODE));
    const file = parseEnrolmentFile((await must(enrolmentFileFor(theirs.ctx, enrolled.id))).bytes);
    if (!file.ok) throw new Error(file.error.message);
    const unit = await side('unit');
    await must(acceptEnrolment(unit.db, file.value));
    const bundle = await must(exportUnitBundle(await openWriteContext(unit.db, now)));

    // even with a unit of the same name enrolled here
    await must(enrolUnit(ours.ctx, '市财政局', TEST_CREDIT_CODE));
    const before = await storeCounts(ours.db);
    const refused = await prepareImport(ours.ctx, bundle.bytes);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'other-committee' } });
    if (!refused.ok) {
      expect(refused.error.message).toMatch(/^此同步包是报送给其他工委的/);
      expect(refused.error.message).not.toContain('未登记的单位');
    }
    expect(await storeCounts(ours.db)).toEqual(before);
    // the committee it was meant for takes it
    expect(await must(prepareImport(theirs.ctx, bundle.bytes))).toMatchObject({ firstContact: true, senderName: '市财政局' });
  });
});
