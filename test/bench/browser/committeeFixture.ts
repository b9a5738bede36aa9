/**
 * A committee (工委) database with synthetic units enrolled and their first bundles sealed for it,
 * as the units' PCs would send them: the set-up shared by the browser pages that import unit
 * bundles (the city benchmark, the kill test). Runs in the page (real IndexedDB).
 */
import { Dexie } from 'dexie';
import { encodeBundle, signerFromSecretKey } from '../../../shared/bundle';
import type { BundleRecords } from '../../../shared/bundle/records';
import { base64ToBytes } from '../../../shared/encoding/base64';
import { RECORD_TABLES } from '../../../shared/model/tables';
import { openDatabase } from '../../../renderer/db/db';
import { createRecord } from '../../../renderer/db/recordRepository';
import { completeSetup } from '../../../renderer/db/workspaceRepository';
import { openWriteContext, type WriteContext } from '../../../renderer/db/writeContext';
import type { GeneratedUnit } from '../../fixtures/generator';

/** A new committee workspace in the database `name` (deleted first), with its write context on `now`. */
export async function newCommittee(name: string, now: () => Date): Promise<WriteContext> {
  await Dexie.delete(name); // a run stopped half-way leaves its databases behind
  const db = openDatabase(name);
  const r = await completeSetup(db, { mode: 'committee', name: '中共示范市委直属机关工作委员会', operatorName: '李工' }, now());
  if (!r.ok) throw new Error(r.error.message);
  return openWriteContext(db, now);
}

/** The unit's rows by table, in the order the unit's export sends them. */
export function rowsOf(unit: GeneratedUnit): [string, object[]][] {
  const records = unit.records as Record<string, object[] | undefined>;
  return RECORD_TABLES.flatMap((t) => {
    const list = records[t];
    return list !== undefined && list.length > 0 ? [[t, list] as [string, object[]]] : [];
  });
}

export function recordCountOf(unit: GeneratedUnit): number {
  return rowsOf(unit).reduce((n, [, list]) => n + list.length, 0);
}

/** The unit's signing key (made-up, fixed per unit). */
export function unitSigner(index: number) {
  const secret = new Uint8Array(32);
  for (let i = 0; i < 32; i++) secret[i] = (index * 31 + i * 7 + 1) & 0xff;
  return signerFromSecretKey(secret);
}

/** 纳管登记 as enrolUnit writes it, under the unit's own id (the unit took it from the enrolment file). */
export async function enrol(ctx: WriteContext, unit: GeneratedUnit): Promise<void> {
  const { db } = ctx;
  const id = unit.unit.id;
  const r = await db.transaction('rw', [db.enrolledUnit, db.changes, db.audit, db.device], () =>
    createRecord(ctx, 'enrolledUnit', { name: unit.unit.name, creditCode: unit.unit.creditCode, publicKey: null, status: 'invited', revokedAt: null, unitId: id }, { id }),
  );
  if (!r.ok) throw new Error(r.error.message);
}

/** The unit's first bundle (a full snapshot) sealed for this committee, as the unit's PC exports it. */
export async function bundleFor(ctx: WriteContext, unit: GeneratedUnit, index: number, now: () => Date): Promise<Uint8Array> {
  const device = await ctx.db.device.get('device');
  if (device === undefined) throw new Error('committee without a device row');
  const encoded = await encodeBundle(
    {
      kind: 'unit-to-committee',
      senderUnitId: unit.unit.id,
      senderDeviceId: unit.deviceId,
      sequence: 1,
      recipientId: ctx.ownerId,
      recipientPublicKey: base64ToBytes(device.encryptionPublicKey),
      createdAt: now().toISOString(),
      ruleProfileVersion: 1,
      changeRange: null,
      records: Object.fromEntries(rowsOf(unit)) as unknown as BundleRecords,
      attachments: [],
    },
    unitSigner(index),
  );
  if (!encoded.ok) throw new Error(`${unit.unit.name}: ${encoded.error.message}`);
  return encoded.value.bytes;
}
