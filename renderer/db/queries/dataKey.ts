/** Reads of how this PC keeps its data key (设置 → 数据加密). Never the key itself. */
import type { TaizhangDb } from '../db';

export interface DataKeyFacts {
  /** 'os': kept by the OS keystore; 'passphrase': by the 开机口令; null: not protected (a ledger being set up). */
  readonly protection: 'os' | 'passphrase' | null;
  readonly createdAt: string | null;
  readonly changedAt: string | null;
  /** The device's secret keys are sealed; false for a device set up before encryption at rest (its keys are stored the old way). */
  readonly deviceKeysSealed: boolean;
  /** A committee's key backup is kept on this PC: its old keys can be sealed with the backup's passphrase. */
  readonly keyBackupHeld: boolean;
  /** A unit replaced its device keys and has not marked the re-enrolment done. */
  readonly rekeyed: { readonly at: string; readonly previousDeviceId: string } | null;
}

export async function dataKeyFacts(db: TaizhangDb): Promise<DataKeyFacts> {
  const [row, device] = await Promise.all([db.keyring.get('dataKey'), db.device.get('device')]);
  return { protection: row?.protection ?? null, createdAt: row?.createdAt ?? null, changedAt: row?.changedAt ?? null, deviceKeysSealed: typeof device?.sealedKeys === 'string', keyBackupHeld: device?.keyBackup !== undefined, rekeyed: device?.rekeyed ?? null };
}
