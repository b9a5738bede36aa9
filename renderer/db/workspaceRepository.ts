/**
 * First-start setup: records what this installation is (单位 or 工委) and creates the device
 * identity, in one transaction — either both are there after a crash or neither is.
 *
 * The app sets up a committee through committeeSetup.ts, which makes the keys so that they can be
 * backed up and passes them in as `prepared`; without it this makes fresh keys that can never be
 * backed up (fine for a unit, and for tests of a committee).
 */
import { ExpectedFailure, expectedError, fail, ok, type ExpectedError, type Result } from '../../shared/errors/errors';
import { newId } from '../../shared/ids/uuidv7';
import { isIsoDate } from '../../shared/model/primitives';
import { setupInputSchema, unitInfoSchema, type SetupFormInput, type UnitInfoFormInput } from '../../shared/setup/setupInput';
import { createDeviceIdentity } from '../identity/deviceIdentity';
import type { TaizhangDb } from './db';
import type { DeviceRow, WorkspaceRow } from './localTypes';
import { auditAction, createRecord, updateRecord, type WriteError } from './recordRepository';
import { makeWriteContext, type WriteContext } from './writeContext';
import { runWrite } from './runWrite';

export async function getWorkspace(db: TaizhangDb): Promise<WorkspaceRow | null> {
  return (await db.workspace.get('workspace')) ?? null;
}

export type SetupError = ExpectedError<'validation' | 'already-set-up'>;

export const ALREADY_SET_UP_MESSAGE = '本机已完成初始设置，不能重复设置。如需更改单位信息，请到“设置”中修改。';

/** A device identity made by the caller, with the owner id it belongs to (a committee restored from its key backup keeps its id). */
export interface PreparedIdentity {
  readonly ownerId: string;
  readonly device: DeviceRow;
}

export async function completeSetup(
  db: TaizhangDb,
  input: SetupFormInput,
  now: Date = new Date(),
  prepared?: PreparedIdentity,
): Promise<Result<WorkspaceRow, SetupError>> {
  const parsed = setupInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(expectedError('validation', issue?.message ?? '填写的内容不完整', issue?.path as (string | number)[]));
  }
  const setup = parsed.data;
  const device: DeviceRow = prepared?.device ?? { key: 'device', ...(await createDeviceIdentity(now)), lastRev: null };
  const row: WorkspaceRow = {
    key: 'workspace',
    mode: setup.mode,
    ownerId: prepared?.ownerId ?? newId(),
    name: setup.name,
    creditCode: setup.mode === 'unit' ? setup.creditCode : null,
    staffCount: setup.mode === 'unit' ? setup.staffCount : null,
    partyGroupKind: setup.mode === 'unit' ? setup.partyGroupKind : null,
    operatorName: setup.operatorName,
    createdAt: now.toISOString(),
  };
  return runWrite(db, [db.workspace, db.device, db.unit, db.changes, db.audit], async () => {
    if (await db.workspace.get('workspace')) {
      return fail(expectedError('already-set-up', ALREADY_SET_UP_MESSAGE));
    }
    await db.device.put(device);
    await db.workspace.put(row);
    if (setup.mode === 'unit') {
      // The unit's own record (synced to the committee): its id is the unitId of everything it owns.
      const ctx = makeWriteContext(db, row, device, () => now);
      const unit = await createRecord(
        ctx,
        'unit',
        { name: setup.name, creditCode: setup.creditCode, staffCount: setup.staffCount, partyGroupKind: setup.partyGroupKind },
        { id: row.ownerId },
      );
      if (!unit.ok) throw new ExpectedFailure(unit.error); // rolls the whole setup back
    }
    return ok(row);
  });
}

export type UnitInfoError = WriteError | ExpectedError<'validation' | 'wrong-mode' | 'credit-code-locked'>;

/**
 * 设置 → 修改单位信息: the unit corrects its name, 统一社会信用代码, 机关工作人员总数 or 党组/党委
 * (issue 16: today only set at first start). The workspace row and the unit's own record (which
 * travels to the 工委) change together in one transaction. The credit code is what the 工委
 * checks a unit's enrolment and first bundle against, so once the unit has imported its
 * enrolment file it stays as enrolled: a wrong code is put right by a new enrolment at the 工委.
 */
export async function updateUnitInfo(ctx: WriteContext, input: UnitInfoFormInput): Promise<Result<WorkspaceRow, UnitInfoError>> {
  if (ctx.mode !== 'unit') return fail(expectedError('wrong-mode', '单位信息只能在单位端修改。'));
  const parsed = unitInfoSchema.safeParse({ ...input, staffCount: input.staffCount ?? undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(expectedError('validation', issue?.message ?? '填写的内容不完整', issue?.path as (string | number)[]));
  }
  const info = parsed.data;
  const { db } = ctx;
  return runWrite<WorkspaceRow, UnitInfoError>(db, [db.workspace, db.syncPeer, db.unit, db.changes, db.audit, db.device], async () => {
    const workspace = await db.workspace.get('workspace');
    if (!workspace || workspace.mode !== 'unit') return fail(expectedError('wrong-mode', '单位信息只能在单位端修改。'));
    if (info.creditCode !== workspace.creditCode) {
      const committee = (await db.syncPeer.toArray()).find((p) => p.role === 'committee');
      if (committee) {
        return fail(
          expectedError(
            'credit-code-locked',
            `本单位已向“${committee.name}”办理纳管登记，统一社会信用代码（${workspace.creditCode ?? '未填写'}）是工委核对本单位身份的依据，不能在本机修改。如登记时代码有误，请联系工委核对后重新办理纳管登记。`,
            ['creditCode'],
          ),
        );
      }
    }
    const unit = await updateRecord(ctx, 'unit', workspace.ownerId, info);
    if (!unit.ok) return unit;
    const next: WorkspaceRow = { ...workspace, name: info.name, creditCode: info.creditCode, staffCount: info.staffCount, partyGroupKind: info.partyGroupKind };
    await db.workspace.put(next);
    return ok(next);
  });
}

export type LedgerStartError = ExpectedError<'wrong-mode' | 'validation'>;

/**
 * Sets (or clears, with null) the unit's 台账起始日期: a real day, not after `today` and not before
 * 2000. Audited under the unit record.
 */
export async function setLedgerStart(ctx: WriteContext, date: string | null, today: string): Promise<Result<WorkspaceRow, LedgerStartError>> {
  if (ctx.mode !== 'unit') return fail(expectedError('wrong-mode', '台账起始日期只能在单位端设置。'));
  if (date !== null) {
    if (!isIsoDate(date)) return fail(expectedError('validation', '请选择有效的日期', ['ledgerStartedOn']));
    if (date > today) return fail(expectedError('validation', '台账起始日期不能晚于今天', ['ledgerStartedOn']));
    if (date < '2000-01-01') return fail(expectedError('validation', '台账起始日期不能早于2000年', ['ledgerStartedOn']));
  }
  const { db } = ctx;
  return runWrite<WorkspaceRow, LedgerStartError>(db, [db.workspace, db.audit], async () => {
    const workspace = await db.workspace.get('workspace');
    if (!workspace || workspace.mode !== 'unit') return fail(expectedError('wrong-mode', '台账起始日期只能在单位端设置。'));
    const next: WorkspaceRow = { ...workspace, ledgerStartedOn: date };
    await db.workspace.put(next);
    await auditAction(ctx, 'update', 'unit', workspace.ownerId, date === null ? '清除台账起始日期（各期待办均提示）' : `台账起始日期设为 ${date}`);
    return ok(next);
  });
}
