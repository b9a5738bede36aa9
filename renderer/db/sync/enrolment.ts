/**
 * Enrolment (纳管登记), both sides (docs/sync.md):
 *   - committee: `enrolUnit` assigns the unit's id and writes an `enrolledUnit` (status invited, no
 *     key); `enrolmentFileFor` gives the file to carry to the unit; `reEnrolUnit` forgets the pinned
 *     key (a reinstalled PC) so the next bundle is confirmed again; `revokeUnit` refuses its bundles.
 *   - unit: `acceptEnrolment` stores the committee (its keys, pinned by the user's fingerprint check)
 *     and, the first time, re-keys every own record to the assigned id in ONE transaction.
 */
import { keyFingerprintOfBase64 } from '../../../shared/bundle';
import { expectedError, ExpectedFailure, fail, ok, type ExpectedError, type Result } from '../../../shared/errors/errors';
import { newId } from '../../../shared/ids/uuidv7';
import type { EnrolledUnit } from '../../../shared/model/committee';
import { creditCodeProblem } from '../../../shared/model/creditCode';
import { RECORD_TABLE_NAMES } from '../schema';
import type { TaizhangDb } from '../db';
import type { SyncPeerRow } from '../localTypes';
import { createRecord, updateRecord, type WriteError } from '../recordRepository';
import { runWrite } from '../runWrite';
import type { WriteContext } from '../writeContext';
import { encodeEnrolmentFile, type EnrolmentFile, ENROLMENT_FORMAT } from './enrolmentFile';
import { syncError, type SyncError } from './syncErrors';

// ── committee side ────────────────────────────────────────────────────────────────────────────

function committeeOnly(ctx: WriteContext): SyncError | null {
  return ctx.mode === 'committee' ? null : syncError('wrong-mode', '只有工委端可以办理纳管登记。');
}

/** A 统一社会信用代码 as typed: spaces dropped, letters upper-cased. */
export function normaliseCreditCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/**
 * Enrol a unit under its 统一社会信用代码 (checked, and unique among the entries not deleted: a unit
 * that changed PCs is re-enrolled, not enrolled twice). The code travels in the enrolment file and
 * is compared with the unit's own record when its first bundle arrives.
 */
export async function enrolUnit(ctx: WriteContext, name: string, creditCode: string): Promise<Result<EnrolledUnit, WriteError | SyncError>> {
  const wrong = committeeOnly(ctx);
  if (wrong) return fail(wrong);
  const code = normaliseCreditCode(creditCode);
  const problem = creditCodeProblem(code);
  if (problem) return fail(syncError('credit-code-invalid', problem, ['creditCode']));
  const { db } = ctx;
  return runWrite<EnrolledUnit, WriteError | SyncError>(db, [db.enrolledUnit, db.changes, db.audit, db.device], async () => {
    const taken = (await db.enrolledUnit.toArray()).find((u) => !u.deleted && u.creditCode === code);
    if (taken) {
      const other = taken.name as string;
      return fail(
        syncError(
          'credit-code-taken',
          `统一社会信用代码 ${code} 已登记为“${other}”，同一单位不能重复登记。如该单位更换了电脑或重装了程序，请在列表中对“${other}”点“重新登记”；如代码填错，请核对后重新输入。`,
          ['creditCode'],
        ),
      );
    }
    const unitId = newId();
    return createRecord(ctx, 'enrolledUnit', { name: name.trim(), creditCode: code, publicKey: null, status: 'invited', revokedAt: null, unitId }, { id: unitId });
  });
}

/** The enrolment file for an enrolled unit, and a file name for it. */
export async function enrolmentFileFor(ctx: WriteContext, unitId: string): Promise<Result<{ bytes: Uint8Array; fileName: string; file: EnrolmentFile }, SyncError>> {
  const wrong = committeeOnly(ctx);
  if (wrong) return fail(wrong);
  const [unit, workspace, device] = await Promise.all([ctx.db.enrolledUnit.get(unitId), ctx.db.workspace.get('workspace'), ctx.db.device.get('device')]);
  if (!unit || unit.deleted || !workspace || !device) return fail(syncError('unit-not-found'));
  const creditCode = typeof unit.creditCode === 'string' ? unit.creditCode : null;
  const file: EnrolmentFile = {
    format: ENROLMENT_FORMAT,
    // version 2 names the unit's credit code; entries enrolled before it was asked for have none
    version: creditCode ? 2 : 1,
    committeeId: ctx.ownerId,
    committeeName: workspace.name,
    committeeSigningPublicKey: device.signingPublicKey,
    committeeEncryptionPublicKey: device.encryptionPublicKey,
    unitId,
    unitName: unit.name as string,
    ...(creditCode ? { unitCreditCode: creditCode } : {}),
    issuedAt: ctx.now().toISOString(),
  };
  return ok({ bytes: encodeEnrolmentFile(file), fileName: `${file.unitName}_纳管登记.tze`, file });
}

/** A reinstalled unit PC has a new key: forget the pinned one; its next bundle is confirmed by fingerprint again. */
export async function reEnrolUnit(ctx: WriteContext, unitId: string): Promise<Result<EnrolledUnit, WriteError | SyncError>> {
  const wrong = committeeOnly(ctx);
  if (wrong) return fail(wrong);
  const { db } = ctx;
  return runWrite<EnrolledUnit, WriteError | SyncError>(db, [db.enrolledUnit, db.changes, db.audit, db.device, db.syncPeer], async () => {
    const updated = await updateRecord(ctx, 'enrolledUnit', unitId, { status: 'invited', publicKey: null, revokedAt: null });
    if (!updated.ok) return updated;
    await db.syncPeer.update(unitId, { signingPublicKey: null, encryptionPublicKey: null, deviceId: null });
    return updated;
  });
}

export async function revokeUnit(ctx: WriteContext, unitId: string): Promise<Result<EnrolledUnit, WriteError | SyncError>> {
  const wrong = committeeOnly(ctx);
  if (wrong) return fail(wrong);
  return updateRecord(ctx, 'enrolledUnit', unitId, { status: 'revoked', revokedAt: ctx.now().toISOString() });
}

// ── unit side ─────────────────────────────────────────────────────────────────────────────────

export interface EnrolmentPreview {
  readonly file: EnrolmentFile;
  readonly committeeFingerprint: string;
  /** True when this unit's records will be re-keyed to the assigned id. */
  readonly rekey: boolean;
  readonly recordsToRekey: number;
  /** Re-importing the same committee's file (e.g. new committee keys): just updates the committee's keys. */
  readonly renewal: boolean;
}

export async function previewEnrolment(db: TaizhangDb, file: EnrolmentFile): Promise<Result<EnrolmentPreview, SyncError>> {
  const workspace = await db.workspace.get('workspace');
  if (!workspace || workspace.mode !== 'unit') return fail(syncError('wrong-mode', '纳管登记文件只能在单位端导入。工委端请使用“纳管单位”办理登记。'));
  const peers = await db.syncPeer.toArray();
  const current = peers.find((p) => p.role === 'committee');
  if (current && current.peerId !== file.committeeId) {
    return fail(
      syncError('enrolment-mismatch', `本单位已登记到“${current.name}”，此登记文件来自“${file.committeeName}”，不能同时登记两个工委。请确认选择了正确的文件。`),
    );
  }
  if (current && workspace.ownerId !== file.unitId) {
    return fail(
      syncError('enrolment-mismatch', `此登记文件是发给“${file.unitName}”的，与本单位的登记编号不一致，不能导入。请向工委核实后重新索取本单位的登记文件。`),
    );
  }
  if (file.unitCreditCode !== undefined) {
    const own = await db.unit.get(workspace.ownerId);
    const ownCode = own && typeof own.creditCode === 'string' ? own.creditCode : null;
    if (ownCode !== null && ownCode !== file.unitCreditCode) {
      return fail(
        syncError(
          'enrolment-mismatch',
          `此登记文件是工委发给“${file.unitName}”（统一社会信用代码 ${file.unitCreditCode}）的，本单位的统一社会信用代码是 ${ownCode}，两者不一致，不能导入，本机没有任何改动。请把此文件退还工委，向工委索取本单位自己的登记文件（请工委核对登记时填写的统一社会信用代码）。`,
        ),
      );
    }
  }
  const rekey = workspace.ownerId !== file.unitId;
  let recordsToRekey = 0;
  if (rekey) {
    for (const t of RECORD_TABLE_NAMES) {
      recordsToRekey += t === 'unit' ? await db.unit.where('id').equals(workspace.ownerId).count() : await db.table(t).where('unitId').equals(workspace.ownerId).count();
    }
  }
  return ok({
    file,
    committeeFingerprint: keyFingerprintOfBase64(file.committeeSigningPublicKey) ?? '',
    rekey,
    recordsToRekey,
    renewal: current !== undefined,
  });
}

/**
 * Store the committee and (first enrolment) re-key: every own record's `unitId`, the unit record's
 * id, the change log rows of the unit record and the workspace's ownerId move to the assigned id —
 * all in ONE transaction, so a failure leaves the old ids everywhere. Revs are kept: these records
 * have never left this PC (a unit already enrolled is never re-keyed). The caller must reopen the
 * session afterwards (the write context holds the owner id): the screen reloads the app.
 */
export async function acceptEnrolment(db: TaizhangDb, file: EnrolmentFile, now: Date = new Date()): Promise<Result<{ rekeyed: boolean }, SyncError | ExpectedError>> {
  const preview = await previewEnrolment(db, file);
  if (!preview.ok) return preview;
  const tables = [db.workspace, db.syncPeer, db.changes, ...RECORD_TABLE_NAMES.map((t) => db.table(t))];
  return runWrite<{ rekeyed: boolean }, SyncError | ExpectedError>(db, tables, async () => {
    const workspace = await db.workspace.get('workspace');
    if (!workspace) throw new ExpectedFailure(expectedError('not-set-up', '本机尚未完成初始设置，请先完成设置。'));
    const oldId = workspace.ownerId;
    const newIdValue = file.unitId;
    const rekeyed = oldId !== newIdValue;
    if (rekeyed) {
      for (const t of RECORD_TABLE_NAMES) {
        if (t === 'unit') continue;
        await db.table(t).where('unitId').equals(oldId).modify({ unitId: newIdValue });
      }
      const unit = await db.unit.get(oldId);
      if (unit) {
        await db.unit.delete(oldId);
        await db.unit.put({ ...unit, id: newIdValue, unitId: newIdValue });
      }
      await db.changes.where('[table+id]').equals(['unit', oldId]).modify({ id: newIdValue });
      await db.attachment.where('[ownerTable+ownerId]').equals(['unit', oldId]).modify({ ownerId: newIdValue });
      await db.workspace.update('workspace', { ownerId: newIdValue });
    }
    const existing = await db.syncPeer.get(file.committeeId);
    const peer: SyncPeerRow = {
      peerId: file.committeeId,
      role: 'committee',
      name: file.committeeName,
      signingPublicKey: file.committeeSigningPublicKey,
      encryptionPublicKey: file.committeeEncryptionPublicKey,
      deviceId: null,
      enrolledAt: now.toISOString(),
      sent: existing?.sent ?? [],
      // A renewed enrolment (new committee keys, or the committee re-enrolled this PC) starts with a snapshot.
      lastReceipt: null,
      lastBundle: null,
    };
    await db.syncPeer.put(peer);
    return ok({ rekeyed });
  });
}

/** The committee this unit is enrolled with, if any. */
export async function committeePeer(db: TaizhangDb): Promise<SyncPeerRow | null> {
  return (await db.syncPeer.toArray()).find((p) => p.role === 'committee') ?? null;
}
