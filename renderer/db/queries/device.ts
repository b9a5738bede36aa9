/** Reads of this device's row: its identity (keys, fingerprint) and, at a committee, its key backup's state. */
import type { TaizhangDb } from '../db';
import type { DeviceRow } from '../localTypes';

/** This device, or null before setup. */
export async function thisDevice(db: TaizhangDb): Promise<DeviceRow | null> {
  return (await db.device.get('device')) ?? null;
}
