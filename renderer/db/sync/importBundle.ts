/**
 * Import, both sides (docs/sync.md): bounded read → header → sender key and signature → decrypt →
 * manifest hashes → every record (the codec, shared/bundle) → a preview of what would change →
 * the user confirms → ONE strict-durability transaction that writes the records, keeps conflicts,
 * pins a first key, writes the receipt and the import log. Any failure leaves the database as it was.
 *
 * Re-admission (重新纳入, committee side): after the committee restored its keys from a backup its
 * register is empty. A unit bundle addressed to THIS committee (its id and its X25519 key) from a
 * unit id with no register entry at all is then treated like a first contact: self-signed by the
 * header's key, decrypted with our key, only a full snapshot (it names the unit and carries all its
 * data), confirmed by fingerprint over the phone, and applied together with a new register entry
 * under the unit's existing id — all in the one import transaction.
 */
import {
  BUNDLE_LIMITS,
  bundleError,
  publicKeyFromBase64,
  readHeader,
  type BundleHeader,
  type OpenedBundle,
  type SenderTrust,
} from '../../../shared/bundle';
import { compareRev, encodeRev } from '../../../shared/clock/hlc';
import { ExpectedFailure, fail, ok, type ExpectedError, type Result } from '../../../shared/errors/errors';
import type { Attachment } from '../../../shared/model/attachment';
import { RECORD_TABLES, type RecordTable } from '../../../shared/model/tables';
import { Dexie, type Collection } from 'dexie';
import type { StoredRecord, TaizhangDb } from '../db';
import type { ImportLogRow, SyncPeerRow } from '../localTypes';
import { createRecord, updateRecord } from '../recordRepository';
import { RECORD_TABLE_NAMES } from '../schema';
import { runWrite } from '../runWrite';
import { readUnitRecords, storeUnitSummary, withWritten } from '../unitSummaries';
import type { WriteContext } from '../writeContext';
import { defaultBundleOpener, type BundleOpener, type OpenSteps } from './bundleOpener';
import { committeePeer } from './enrolment';
import { progressReporter, type ImportProgress } from './importProgress';
import { findKeyCard, type KeyCard } from './keyCard';
import { mergeAction, type MergeAction } from './merge';
import { READMIT_NO_UNIT_RECORD, syncError } from './syncErrors';
import { creditCodeRefusal, otherCommitteeRefusal, senderUnitRecord } from './unitIdentity';
import { writeSlices } from './writeSlices';

export type TableCounts = Record<MergeAction, number>;

export interface ConflictPreview {
  readonly table: RecordTable;
  readonly id: string;
  readonly action: 'update-conflict' | 'older-conflict';
}

export interface ImportPreview {
  readonly opened: OpenedBundle;
  readonly header: BundleHeader;
  readonly senderName: string;
  readonly senderFingerprint: string;
  /** First bundle of an invited unit: the user must confirm the fingerprint before it is pinned. */
  readonly firstContact: boolean;
  /**
   * Committee: the sender has no register entry (e.g. after the committee's keys were restored from
   * a backup) but the bundle is addressed to us. Confirming re-admits it under its existing id.
   * Always also a `firstContact`; `senderName` is then the name in the unit's own `unit` record.
   */
  readonly readmit: boolean;
  /** Per table present in the bundle: how many records would be new, updated, unchanged… */
  readonly tables: ReadonlyMap<RecordTable, TableCounts>;
  readonly conflicts: readonly ConflictPreview[];
  readonly attachmentCount: number;
  /** Committee side: the unit device's key card (its encryption key for the return bundle). */
  readonly keyCard: KeyCard | null;
  /** What the preview found stored for the bundle's records, reused by the write when nothing changed since (see `StoredLookups`). */
  readonly lookups: StoredLookups;
}

/**
 * The preview's look-ups, handed to the write so that it need not read every record again.
 *
 * - `marker` is read BEFORE the look-ups: the last change-log sequence (every local record write
 *   goes through recordRepository and logs a change), the number of imports (every import logs
 *   one) and, per table, how many rows of the sender's unit it holds. The write reads it again
 *   inside its transaction; anything different (a write in between) and it looks every record up
 *   again, as if there had been no preview.
 * - `stored[table]`: the stored row of each incoming record (same order), or null when the table
 *   held no row of the sender's unit: then nothing was looked up, the records count as new, and
 *   the write ADDS them (IndexedDB `add`, never `put`), so that a row with the same id under
 *   another unit cannot be overwritten unseen: the add fails, the transaction rolls back, and the
 *   write runs again with every record looked up.
 */
export interface StoredLookups {
  readonly marker: WriteMarker;
  readonly stored: ReadonlyMap<RecordTable, readonly (StoredRecord | undefined)[] | null>;
}

interface WriteMarker {
  readonly changeSeq: number | null;
  readonly imports: number;
  readonly held: ReadonlyMap<RecordTable, number | null>;
}

export interface ImportSummary {
  readonly written: number;
  readonly unchanged: number;
  readonly older: number;
  readonly conflicts: number;
  readonly protectedCount: number;
  readonly pinned: boolean;
  /** The unit was taken back into the register (re-admission) in this import. */
  readonly readmitted: boolean;
  /** A clock warning (the sender's date looks wrong); the records were still applied. */
  readonly clockWarning: string | null;
}

const emptyCounts = (): TableCounts => ({ new: 0, update: 0, 'update-conflict': 0, unchanged: 0, older: 0, 'older-conflict': 0, protected: 0 });

function expectedKind(ctx: WriteContext): BundleHeader['kind'] {
  return ctx.mode === 'committee' ? 'unit-to-committee' : 'committee-to-unit';
}

type Trust = { trust: SenderTrust; name: string; readmit: boolean };

/**
 * Committee: may a sender with no register entry at all be offered re-admission? Only when the
 * bundle is addressed to this committee (id and X25519 key) and does not claim to be the committee
 * itself. Anything else stays `unknown-sender`, as before.
 */
async function readmitCandidate(ctx: WriteContext, header: BundleHeader): Promise<boolean> {
  if (header.senderUnitId === ctx.ownerId || header.recipientId !== ctx.ownerId) return false;
  const device = await ctx.db.device.get('device');
  return device !== undefined && header.recipientPublicKey === device.encryptionPublicKey;
}

async function senderTrust(ctx: WriteContext, header: BundleHeader): Promise<Trust> {
  if (ctx.mode === 'committee') {
    const unit = await ctx.db.enrolledUnit.get(header.senderUnitId);
    // No entry at all (a deleted entry stays refused: the committee removed that unit on purpose).
    if (!unit) {
      return (await readmitCandidate(ctx, header))
        ? { trust: { status: 'unpinned' }, name: '', readmit: true }
        : { trust: { status: 'unknown' }, name: '', readmit: false };
    }
    if (unit.deleted) return { trust: { status: 'unknown' }, name: '', readmit: false };
    const name = unit.name as string;
    if (unit.status === 'revoked') return { trust: { status: 'revoked' }, name, readmit: false };
    const key = unit.publicKey ? publicKeyFromBase64(unit.publicKey) : null;
    return { trust: key ? { status: 'pinned', publicKey: key } : { status: 'unpinned' }, name, readmit: false };
  }
  const peer = await committeePeer(ctx.db);
  if (!peer || peer.peerId !== header.senderUnitId || !peer.signingPublicKey) return { trust: { status: 'unknown' }, name: '', readmit: false };
  const key = publicKeyFromBase64(peer.signingPublicKey);
  return { trust: key ? { status: 'pinned', publicKey: key } : { status: 'unknown' }, name: peer.name, readmit: false };
}

/** Re-admission: the unit's own record in the bundle, which names it. */
function ownUnitRecord(opened: OpenedBundle): { name: string } | null {
  const unit = (opened.records.unit ?? []).find((u) => u.id === opened.header.senderUnitId && !u.deleted);
  return unit ? { name: unit.name } : null;
}

/** The bundle's records by table, seen by their common shape (every record is a StoredRecord). */
function recordsOf(opened: OpenedBundle): [RecordTable, readonly StoredRecord[]][] {
  return RECORD_TABLES.flatMap((t): [RecordTable, readonly StoredRecord[]][] => {
    const rows: readonly StoredRecord[] | undefined = opened.records[t];
    return rows === undefined ? [] : [[t, rows]];
  });
}

/** The sender's rows of a table by an index on unitId; null for a table without one (`unit`: its key is the unit's id). */
function unitRows(db: TaizhangDb, table: RecordTable, unitId: string): Collection | null {
  const store = db.table(table);
  if (store.schema.idxByName.unitId !== undefined) return store.where('unitId').equals(unitId);
  if (store.schema.idxByName['[unitId+date]'] !== undefined) return store.where('[unitId+date]').between([unitId, Dexie.minKey], [unitId, Dexie.maxKey]);
  return null;
}

async function readMarker(db: TaizhangDb, tables: readonly RecordTable[], unitId: string): Promise<WriteMarker> {
  const [changeSeq, imports, counts] = await Promise.all([
    db.changes.orderBy(':id').lastKey() as Promise<number | undefined>,
    db.importLog.count(),
    Promise.all(tables.map((t) => unitRows(db, t, unitId)?.count() ?? null)),
  ]);
  return { changeSeq: changeSeq ?? null, imports, held: new Map(tables.map((t, i) => [t, counts[i] ?? null])) };
}

function sameMarker(a: WriteMarker, b: WriteMarker): boolean {
  if (a.changeSeq !== b.changeSeq || a.imports !== b.imports || a.held.size !== b.held.size) return false;
  for (const [t, n] of a.held) if (b.held.get(t) !== n) return false;
  return true;
}

/** Each incoming record's stored row, or null (nothing looked up) for a table that holds no row of the sender's unit. */
async function lookUp(db: TaizhangDb, table: RecordTable, records: readonly StoredRecord[], held: number | null | undefined): Promise<(StoredRecord | undefined)[] | null> {
  if (held === 0) return null;
  return (await db.table(table).bulkGet(records.map((r) => r.id))) as (StoredRecord | undefined)[];
}

/** Everything up to the preview; nothing is written. `onProgress`: 读取 → 校验签名 → 解密 → 校验数据 n/N → 比对本机数据. */
export async function prepareImport(
  ctx: WriteContext,
  bytes: Uint8Array,
  options: { onProgress?: ImportProgress; opener?: BundleOpener } = {},
): Promise<Result<ImportPreview, ExpectedError>> {
  const steps = (options.opener ?? defaultBundleOpener())();
  try {
    return await prepareWith(ctx, bytes, options.onProgress, steps);
  } finally {
    steps.dispose();
  }
}

async function prepareWith(ctx: WriteContext, bytes: Uint8Array, onProgress: ImportProgress | undefined, steps: OpenSteps): Promise<Result<ImportPreview, ExpectedError>> {
  const options = { onProgress };
  const progress = progressReporter(options.onProgress);
  await progress.begin('read');
  if (bytes.length > BUNDLE_LIMITS.maxFileBytes) return fail(bundleError('too-large', `file is ${bytes.length} bytes`));
  const untrusted = readHeader(bytes);
  if (!untrusted.ok) return untrusted;
  const claimed = untrusted.value.claimedHeader;
  const kind = expectedKind(ctx);
  if (claimed.kind !== kind) {
    return fail(
      bundleError(
        'wrong-recipient',
        `bundle kind ${claimed.kind}, this side imports ${kind}`,
        claimed.kind === 'unit-to-committee'
          ? '此同步包是单位报送工委的，不能在单位端导入。请确认选择了工委发来的同步包。'
          : '此同步包是工委发给单位的，不能在工委端导入。请确认选择了单位报送的同步包。',
      ),
    );
  }
  const foreign = await otherCommitteeRefusal(ctx, claimed);
  if (foreign) return fail(foreign);
  const { trust, name: registeredName, readmit } = await senderTrust(ctx, claimed);
  await progress.begin('verify');
  const verified = await steps.verify(bytes, trust);
  if (!verified.ok) return verified;
  if (await ctx.db.importLog.get(verified.value.bundleId)) return fail(syncError('already-imported'));
  const device = await ctx.db.device.get('device');
  if (!device) return fail(syncError('wrong-mode', '本机尚未完成初始设置，请先完成设置。'));
  await progress.begin('decrypt');
  const opened = await steps.open(device, {
    recipientId: ctx.ownerId,
    kind,
    onRecordsChecked: options.onProgress ? (done, total) => progress.count('validate', done, total) : undefined,
  });
  if (!opened.ok) return opened;

  const o = opened.value;
  let name = registeredName;
  if (readmit) {
    // Only a full snapshot names the unit and carries all its data: after a delta the register
    // would hold part of the unit's records and the receipt would tell the unit the rest arrived.
    if (!o.header.snapshot) return fail(syncError('readmit-needs-snapshot'));
    const unit = ownUnitRecord(o);
    if (!unit) return fail(syncError('readmit-needs-snapshot', READMIT_NO_UNIT_RECORD));
    name = unit.name;
  }
  const wrongUnit = await creditCodeRefusal(ctx, o);
  if (wrongUnit) return fail(wrongUnit);
  const tables = new Map<RecordTable, TableCounts>();
  const conflicts: ConflictPreview[] = [];
  await progress.begin('compare', o.totalRecords);
  let compared = 0;
  const incoming = recordsOf(o);
  const marker = await readMarker(ctx.db, incoming.map(([t]) => t), o.header.senderUnitId);
  const lookups = new Map<RecordTable, (StoredRecord | undefined)[] | null>();
  for (const [table, records] of incoming) {
    const counts = emptyCounts();
    const stored = await lookUp(ctx.db, table, records, marker.held.get(table));
    lookups.set(table, stored);
    records.forEach((r, i) => {
      const action = mergeAction(table, r, stored?.[i], ctx.mode);
      counts[action]++;
      if (action === 'update-conflict' || action === 'older-conflict') conflicts.push({ table, id: r.id, action });
    });
    tables.set(table, counts);
    compared += records.length;
    await progress.count('compare', compared, o.totalRecords);
  }
  const keyCard =
    ctx.mode === 'committee'
      ? findKeyCard((o.records.attachment ?? []) as readonly Attachment[], o.attachments, o.header.senderUnitId, o.header.senderPublicKey)
      : null;
  return ok({
    opened: o,
    header: o.header,
    senderName: name,
    senderFingerprint: o.senderFingerprint,
    firstContact: o.trust === 'unpinned',
    readmit,
    tables,
    conflicts,
    attachmentCount: o.attachments.size,
    keyCard,
    lookups: { marker, stored: lookups },
  });
}

/** The highest rev among the records (to merge into this device's clock). */
function highestRev(opened: OpenedBundle): string | null {
  let top: string | null = null;
  for (const [, records] of recordsOf(opened)) for (const r of records) if (top === null || compareRev(r.rev, top) > 0) top = r.rev;
  return top;
}

/**
 * Apply a previewed bundle in ONE transaction. `fingerprintConfirmed` must be true for a first
 * contact (the user read the fingerprint with the unit on the phone).
 */
export async function applyImport(
  ctx: WriteContext,
  preview: ImportPreview,
  options: { fingerprintConfirmed?: boolean; onProgress?: ImportProgress } = {},
): Promise<Result<ImportSummary, ExpectedError>> {
  try {
    return await applyOnce(ctx, preview, options, false);
  } catch (e) {
    // a record counted as new exists after all (under another unit's rows): rolled back, now with every record looked up
    if (e instanceof StoredRowFound) return applyOnce(ctx, preview, options, true);
    throw e;
  }
}

/** Thrown inside the write when adding a record the look-ups counted as new finds its id taken: the transaction rolls back. */
class StoredRowFound extends Error {
  override readonly name = 'StoredRowFound';
}

async function applyOnce(
  ctx: WriteContext,
  preview: ImportPreview,
  options: { fingerprintConfirmed?: boolean; onProgress?: ImportProgress },
  lookEverythingUp: boolean,
): Promise<Result<ImportSummary, ExpectedError>> {
  const { db } = ctx;
  const { opened, header } = preview;
  // Inside the transaction nothing but the database may be awaited: the reports there never yield.
  const progress = progressReporter(options.onProgress);
  if (preview.firstContact && options.fingerprintConfirmed !== true) return fail(syncError(preview.readmit ? 'readmit-not-confirmed' : 'fingerprint-not-confirmed'));

  // The clock follows the newest incoming rev (unless the sender's date is absurd: then it warns).
  let clockWarning: string | null = null;
  const top = highestRev(opened);
  if (top !== null) {
    const merged = ctx.hlc.receive(top);
    if (!merged.ok) clockWarning = merged.error.message;
  }

  const tables = [
    ...RECORD_TABLE_NAMES.map((t) => db.table(t)),
    db.conflicts,
    db.importLog,
    db.syncPeer,
    db.changes,
    db.audit,
    db.device,
    db.attachmentBlobs,
    db.unitSummary,
  ];
  return runWrite<ImportSummary, ExpectedError>(db, tables, async () => {
    if (await db.importLog.get(header.bundleId)) throw new ExpectedFailure(syncError('already-imported'));
    const at = ctx.now().toISOString();
    let written = 0;
    let unchanged = 0;
    let older = 0;
    let conflictCount = 0;
    let protectedCount = 0;
    const counts: Record<string, number> = {};
    let done = 0;
    progress.countInTransaction('write', 0, opened.totalRecords);

    const incoming = recordsOf(opened);
    const unitId = header.senderUnitId;
    // the preview's look-ups hold when nothing was written since (the marker, read again here)
    const reuse = !lookEverythingUp && sameMarker(await readMarker(db, incoming.map(([t]) => t), unitId), preview.lookups.marker);
    // 工委: the unit's records as they stand before this write, for its summary (rebuilt below with what is written)
    const before = ctx.mode === 'committee' ? await readUnitRecords(db, unitId) : null;
    const writtenRows = new Map<RecordTable, StoredRecord[]>();

    for (const [table, records] of incoming) {
      counts[table] = records.length;
      const store = db.table(table);
      const stored = reuse
        ? (preview.lookups.stored.get(table) ?? null)
        : ((await store.bulkGet(records.map((r) => r.id))) as (StoredRecord | undefined)[]);
      const adds: StoredRecord[] = [];
      const puts: StoredRecord[] = [];
      for (let i = 0; i < records.length; i++) {
        const incomingRecord = records[i]!;
        const current = stored?.[i];
        const action = mergeAction(table, incomingRecord, current, ctx.mode);
        if (action === 'protected') protectedCount++;
        else if (action === 'unchanged') unchanged++;
        else if (action === 'older') older++;
        else if (action === 'new') {
          adds.push(incomingRecord);
          written++;
        } else {
          if (action === 'update-conflict' || action === 'older-conflict') {
            const lost = action === 'update-conflict' ? current! : incomingRecord;
            const kept = action === 'update-conflict' ? incomingRecord : current!;
            const known = await db.conflicts.where('[table+id]').equals([table, incomingRecord.id]).filter((c) => c.lostRev === lost.rev).count();
            if (known === 0) {
              await db.conflicts.add({ table, id: incomingRecord.id, keptRev: kept.rev, lostRev: lost.rev, lost, at, resolved: false, bundleId: header.bundleId, lostFromBundle: action === 'older-conflict' });
              conflictCount++;
            }
          }
          if (action === 'older-conflict') older++;
          else {
            puts.push(incomingRecord);
            written++;
          }
        }
      }
      // in slices: the main thread issues (and clones) one slice's requests per task, then waits for the database
      for (const slice of writeSlices(puts)) await store.bulkPut(slice);
      let added = 0;
      for (const slice of writeSlices(adds)) {
        try {
          await store.bulkAdd(slice);
        } catch (e) {
          if (e instanceof Dexie.BulkError || (e instanceof Error && e.name === 'ConstraintError')) throw new StoredRowFound(`${table}: ${e.message}`);
          throw e;
        }
        added += slice.length;
        progress.countInTransaction('write', done + Math.min(records.length, added), opened.totalRecords);
      }
      if (before !== null && (adds.length > 0 || puts.length > 0)) writtenRows.set(table, adds.length === 0 ? puts : puts.length === 0 ? adds : [...puts, ...adds]);
      done += records.length;
      progress.countInTransaction('write', done, opened.totalRecords);
    }

    for (const [hash, bytes] of opened.attachments) {
      if (!(await db.attachmentBlobs.get(hash))) {
        const mime = ((opened.records.attachment ?? []) as readonly Attachment[]).find((a) => a.sha256 === hash)?.mime ?? 'application/octet-stream';
        await db.attachmentBlobs.put({ sha256: hash, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }), thumbnail: null });
      }
    }

    let pinned = false;
    if (ctx.mode === 'committee' && preview.readmit) await readmitUnit(ctx, preview);
    if (ctx.mode === 'committee') pinned = await afterUnitBundle(ctx, preview, at);
    else await afterReturnBundle(db, ctx.ownerId, opened);
    // 工委: the unit's summary for the city screens, rebuilt with its records (those it held merged
    // with those just written, not read back), never stale after an import
    if (before !== null) await storeUnitSummary(db, unitId, await withWritten(db, before, unitId, writtenRows), new Date(at));

    const device = await db.device.get('device');
    const clock = encodeRev(ctx.hlc.state());
    if (device && (device.lastRev === null || compareRev(clock, device.lastRev) > 0)) await db.device.update('device', { lastRev: clock });

    const log: ImportLogRow = {
      bundleId: header.bundleId,
      at,
      kind: header.kind,
      senderId: header.senderUnitId,
      senderName: preview.senderName,
      sequence: header.sequence,
      snapshot: header.snapshot,
      counts,
      written,
      unchanged,
      older,
      conflicts: conflictCount,
      protectedCount,
      actor: ctx.actor,
    };
    await db.importLog.add(log);
    return ok({ written, unchanged, older, conflicts: conflictCount, protectedCount, pinned, readmitted: preview.readmit, clockWarning });
  });
}

/**
 * Re-admission, inside the import transaction: the register entry under the unit's EXISTING id,
 * active, with the key that signed the bundle pinned (the user confirmed its fingerprint);
 * `afterUnitBundle` then writes the syncPeer row with the key card's X25519 key and the receipt, as
 * for any first contact. If an entry appeared since the preview (enrolled meanwhile), nothing is written.
 */
async function readmitUnit(ctx: WriteContext, preview: ImportPreview): Promise<void> {
  const { senderUnitId: unitId, senderPublicKey } = preview.header;
  if (await ctx.db.enrolledUnit.get(unitId)) throw new ExpectedFailure(syncError('readmit-changed'));
  const creditCode = senderUnitRecord(preview.opened)?.creditCode ?? null;
  const created = await createRecord(ctx, 'enrolledUnit', { name: preview.senderName, creditCode, publicKey: senderPublicKey, status: 'active', revokedAt: null, unitId }, { id: unitId });
  if (!created.ok) throw new ExpectedFailure(created.error);
}

/** Committee: pin a first key, remember the unit device's encryption key, write the unit's receipt. */
async function afterUnitBundle(ctx: WriteContext, preview: ImportPreview, at: string): Promise<boolean> {
  const { db } = ctx;
  const { header } = preview;
  const unitId = header.senderUnitId;
  const unit = await db.enrolledUnit.get(unitId);
  let pinned = false;
  if (preview.readmit) pinned = true; // readmitUnit created the entry with the key pinned
  else if (preview.firstContact) {
    // an entry enrolled before credit codes were asked for takes the code of the unit's own record
    const code = typeof unit?.creditCode === 'string' ? {} : { creditCode: senderUnitRecord(preview.opened)?.creditCode ?? null };
    const r = await updateRecord(ctx, 'enrolledUnit', unitId, { publicKey: header.senderPublicKey, status: 'active', revokedAt: null, ...code });
    if (!r.ok) throw new ExpectedFailure(r.error);
    pinned = true;
  }
  const peer = await db.syncPeer.get(unitId);
  const newer = preview.firstContact || !peer?.lastBundle || header.sequence > peer.lastBundle.sequence;
  const row: SyncPeerRow = {
    peerId: unitId,
    role: 'unit',
    name: (unit?.name as string | undefined) ?? preview.senderName,
    signingPublicKey: header.senderPublicKey,
    encryptionPublicKey: preview.keyCard?.encryptionPublicKey ?? (peer?.signingPublicKey === header.senderPublicKey ? (peer?.encryptionPublicKey ?? null) : null),
    deviceId: preview.keyCard?.deviceId ?? header.senderDeviceId,
    enrolledAt: peer?.enrolledAt ?? at,
    sent: [],
    lastReceipt: null,
    lastBundle: newer ? { sequence: header.sequence, bundleId: header.bundleId, at, snapshot: header.snapshot } : (peer?.lastBundle ?? null),
  };
  await db.syncPeer.put(row);

  // The receipt: the highest sequence applied from this unit (one receipt record per unit).
  const receipt = (await db.receipt.where('unitId').equals(unitId).toArray()).find((r) => !r.deleted);
  if (!receipt) {
    const r = await createRecord(ctx, 'receipt', { unitId, highestSequence: header.sequence, bundleId: header.bundleId, receivedAt: at });
    if (!r.ok) throw new ExpectedFailure(r.error);
  } else if (preview.firstContact || header.sequence > (receipt.highestSequence as number)) {
    // A first contact (re-enrolled: another PC of the unit) starts that PC's own sequence numbers afresh.
    const r = await updateRecord(ctx, 'receipt', receipt.id, { highestSequence: header.sequence, bundleId: header.bundleId, receivedAt: at });
    if (!r.ok) throw new ExpectedFailure(r.error);
  }
  return pinned;
}

/** Unit: a receipt from the committee moves the start of the next export. */
async function afterReturnBundle(db: TaizhangDb, ownId: string, opened: OpenedBundle): Promise<void> {
  const peer = await committeePeer(db);
  if (!peer) return;
  const receipts = (opened.records.receipt ?? []).filter((r) => r.unitId === ownId && !r.deleted);
  for (const r of receipts) {
    const highest = r.highestSequence;
    if (peer.lastReceipt && highest <= peer.lastReceipt.highestSequence) continue;
    // The same sequence AND bundle id: another PC of the unit numbers its bundles from 1 too, and a
    // receipt for its bundle must not acknowledge this PC's unsent changes.
    const sent = peer.sent.find((s) => s.sequence === highest && s.bundleId === r.bundleId);
    if (!sent) continue; // a receipt for a bundle this PC did not send (another PC, or before a reinstall): no position to start from
    await db.syncPeer.update(peer.peerId, {
      lastReceipt: { highestSequence: highest, bundleId: r.bundleId, receivedAt: r.receivedAt, ackedToSeq: sent.toSeq },
    });
  }
}
