/** Test helpers: an enrolled committee + unit pair and a checked import (not used by the app). */
import { expect } from 'vitest';
import type { TaizhangDb } from '../../db';
import { createRecord } from '../../recordRepository';
import { openWriteContext, type WriteContext } from '../../writeContext';
import { acceptEnrolment, enrolmentFileFor, enrolUnit } from '../enrolment';
import { parseEnrolmentFile } from '../enrolmentFile';
import { applyImport, prepareImport } from '../importBundle';
import type { ImportProgress } from '../importProgress';
import { freshSide, TEST_CREDIT_CODE } from './testSupport';

export async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A fake clock: every call one second later. */
export function testClock(start = '2026-11-28T08:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

/** A committee and a unit enrolled with it (the unit re-keyed and its context reopened, as the app reloads). */
export async function enrolledPair(now: () => Date, opened: TaizhangDb[]): Promise<{ committee: WriteContext; unit: WriteContext; unitId: string; orgId: string }> {
  const committee = await freshSide('committee', now);
  const unitSide = await freshSide('unit', now);
  opened.push(committee.db, unitSide.db);
  const org = await must(
    createRecord(unitSide.ctx, 'organisation', {
      name: '第一党支部',
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
    }),
  );
  const enrolled = await must(enrolUnit(committee.ctx, '市财政局', TEST_CREDIT_CODE));
  const file = parseEnrolmentFile((await must(enrolmentFileFor(committee.ctx, enrolled.id))).bytes);
  if (!file.ok) throw new Error(file.error.message);
  await must(acceptEnrolment(unitSide.db, file.value));
  return { committee: committee.ctx, unit: await openWriteContext(unitSide.db, now), unitId: enrolled.id, orgId: org.id };
}

/** prepare + apply, as the user does with 确认导入. */
export async function importInto(to: WriteContext, bundle: Uint8Array, options: { confirm?: boolean; onProgress?: ImportProgress } = {}) {
  const preview = await must(prepareImport(to, bundle, { onProgress: options.onProgress }));
  const summary = await must(applyImport(to, preview, { fingerprintConfirmed: options.confirm === true, onProgress: options.onProgress }));
  expect(summary).toBeDefined();
  return { preview, summary };
}
