/**
 * Opening a workspace's data key for this window (the start gate, setup, restore): the key is
 * held in memory, the device's sealed keys are imported, and the plain values of a database from
 * before encryption at rest are sealed — once, in one transaction, so that a crash leaves either
 * all of them plain or all of them sealed.
 */
import type { TaizhangDb } from '../db';
import { lockDataKey, unlockDataKey } from '../../identity/dataKeySession';
import { unsealDeviceKeys } from '../../identity/deviceSecrets';

/** The tables whose rows hold sealed fields (sealedFields.ts). */
const SEALED_TABLES = ['member', 'careVisit', 'conflicts'] as const;

export async function installDataKey(db: TaizhangDb, dataKey: Uint8Array): Promise<void> {
  const cipher = unlockDataKey(dataKey);
  try {
    const device = await db.device.get('device');
    if (device?.sealedKeys) await unsealDeviceKeys(cipher, { ...device, sealedKeys: device.sealedKeys });
    const keyring = await db.keyring.get('dataKey');
    if (keyring && !keyring.fieldsSealed) await sealExistingFields(db);
  } catch (e) {
    lockDataKey();
    throw e;
  }
}

/**
 * Rewrites every row of the tables with sealed fields: read, they come opened (a plain value stays
 * as it is); written, the middleware seals them and adds the ID-number look-up. Not a change of any
 * record: no rev, no change log, no audit row.
 */
export async function sealExistingFields(db: TaizhangDb): Promise<number> {
  return db.transaction('rw', [...SEALED_TABLES.map((t) => db.table(t)), db.keyring], async () => {
    let rewritten = 0;
    for (const name of SEALED_TABLES) {
      const rows = await db.table(name).toArray();
      if (rows.length > 0) await db.table(name).bulkPut(rows);
      rewritten += rows.length;
    }
    await db.keyring.where('key').equals('dataKey').modify({ fieldsSealed: true });
    return rewritten;
  });
}
