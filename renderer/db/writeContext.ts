/**
 * Who is writing, from which device, with which clock. Opened once per session from the
 * workspace and device rows; the hybrid logical clock resumes from the last rev this device
 * issued, so revisions keep increasing across restarts even when the PC clock is set back.
 */
import { createHlc, type Hlc } from '../../shared/clock/hlc';
import { ExpectedFailure, expectedError } from '../../shared/errors/errors';
import type { WorkspaceMode } from '../../shared/model/vocabulary';
import type { TaizhangDb } from './db';
import type { DeviceRow, WorkspaceRow } from './localTypes';

export interface WriteContext {
  readonly db: TaizhangDb;
  readonly mode: WorkspaceMode;
  /** The workspace owner's id: the unit's id (unit mode) or the committee's (committee mode). */
  readonly ownerId: string;
  readonly deviceId: string;
  /** Shown as `updatedBy` and in the audit trail. */
  readonly actor: string;
  readonly hlc: Hlc;
  readonly now: () => Date;
}

export async function openWriteContext(db: TaizhangDb, now: () => Date = () => new Date()): Promise<WriteContext> {
  const [workspace, device] = await Promise.all([db.workspace.get('workspace'), db.device.get('device')]);
  if (!workspace || !device) {
    throw new ExpectedFailure(expectedError('not-set-up', '本机尚未完成初始设置，请先完成设置。'));
  }
  return makeWriteContext(db, workspace, device, now);
}

export function makeWriteContext(db: TaizhangDb, workspace: WorkspaceRow, device: DeviceRow, now: () => Date = () => new Date()): WriteContext {
  return {
    db,
    mode: workspace.mode,
    ownerId: workspace.ownerId,
    deviceId: device.deviceId,
    actor: workspace.operatorName || `设备 ${device.deviceId.slice(-6)}`,
    hlc: createHlc(device.deviceId, () => now().getTime(), { seed: device.lastRev }),
    now,
  };
}
