/**
 * Export, both directions (docs/sync.md):
 *   - unit → committee: every change since the last RECEIPT (not the last export), or a full
 *     snapshot when there is no receipt yet or the user asks; attachments once each; the device key
 *     card rides along (keyCard.ts);
 *   - committee → unit ("return bundle"): the unit's receipt plus the committee-owned records that
 *     concern it (cards, notices with their files, assessments, committee training classes, rule
 *     profiles), always whole.
 * The sequence is taken before encoding (a cancelled save just leaves a gap, which is harmless).
 */
import { encodeBundle, publicKeyFromBase64, type BundleHeader } from '../../../shared/bundle';
import type { BundleRecords } from '../../../shared/bundle/records';
import { fail, ok, type ExpectedError, type Result } from '../../../shared/errors/errors';
import { localIsoDate } from '../../../shared/clock/localDate';
import { fileNamePart } from '../../../shared/ipc/fileName';
import type { Attachment } from '../../../shared/model/attachment';
import type { RecordOf } from '../../../shared/model/registry';
import { recordOwner, RECORD_TABLES, type RecordTable } from '../../../shared/model/tables';
import { ruleProfileInForce } from '../../../shared/rules/profile';
import type { Table } from 'dexie';
import type { TaizhangDb } from '../db';
import type { SentBundle } from '../localTypes';
import type { WriteContext } from '../writeContext';
import { deviceSigner } from './deviceKeys';
import { committeePeer } from './enrolment';
import { blobBytes, ensureKeyCard } from './keyCard';
import { syncError } from './syncErrors';

export type ExportProgress = (percent: number, stage: string) => void;

export interface ExportedBundle {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly header: BundleHeader;
  readonly counts: Partial<Record<RecordTable, number>>;
  readonly totalRecords: number;
  readonly attachmentCount: number;
}

const SENT_KEPT = 200;
export const BUNDLE_FILTERS: { name: string; extensions: string[] }[] = [{ name: '同步包', extensions: ['tzb'] }];

/** `<sender>[suffix]_<YYYY-MM-DD>_第<n>号.tzb`, the sender's name fit for a file name (shared/ipc/fileName.ts). */
export function bundleFileName(senderName: string, date: Date, sequence: number, suffix = ''): string {
  return `${fileNamePart(senderName, { fallback: '同步包' })}${suffix}_${localIsoDate(date)}_第${sequence}号.tzb`;
}

/** Records by table as a bundle carries them, while they are collected. */
type CollectedRecords = { -readonly [T in RecordTable]?: RecordOf<T>[] };

/** One synced table, typed by its record (as db.ts types every table). */
function recordTable<T extends RecordTable>(db: TaizhangDb, table: T): Table<RecordOf<T>, string> {
  return db.table<RecordOf<T>, string>(table);
}

/** Who writes a record (recordOwner), for any record of the table: a 工委 training class or a notice's attachment is the committee's. */
function ownerOf(table: RecordTable, record: { readonly unitId: string; readonly organiser?: unknown; readonly ownerTable?: unknown }) {
  return recordOwner(table, record);
}

function collect<T extends RecordTable>(out: { [K in T]?: RecordOf<K>[] }, table: T, rows: RecordOf<T>[]): void {
  if (rows.length > 0) out[table] = rows;
}

/** Version of the rule profile in force at this workspace on `day` (the header says which rules the sender counted by). */
async function profileVersionInForce(db: TaizhangDb, day: Date): Promise<number> {
  const issued = (await db.ruleProfile.toArray());
  return ruleProfileInForce(issued, localIsoDate(day)).version;
}

async function takeSequence(db: TaizhangDb): Promise<number> {
  return db.transaction('rw', db.syncState, async () => {
    const row = await db.syncState.get('outgoing');
    const next = row?.nextSequence ?? 1;
    await db.syncState.put({ key: 'outgoing', nextSequence: next + 1 });
    return next;
  });
}

async function attachmentFiles(db: TaizhangDb, records: readonly Attachment[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    const hash = r.sha256;
    if (r.deleted || seen.has(hash)) continue;
    const bytes = await blobBytes(db, hash);
    if (bytes && bytes.length === r.size) {
      seen.add(hash);
      out.push(bytes);
    }
  }
  return out;
}

function countsOf(records: BundleRecords): Partial<Record<RecordTable, number>> {
  const counts: Partial<Record<RecordTable, number>> = {};
  for (const [t, list] of Object.entries(records) as [RecordTable, readonly unknown[]][]) if (list.length > 0) counts[t] = list.length;
  return counts;
}

/** What the unit's next export would carry (for the page: "since the receipt of …, N changes"). */
export async function pendingChangeCount(db: TaizhangDb): Promise<{ since: number; changes: number; snapshot: boolean }> {
  const peer = await committeePeer(db);
  const since = peer?.lastReceipt?.ackedToSeq ?? 0;
  const rows = await db.changes.where('seq').above(since).toArray();
  return { since, changes: new Set(rows.map((c) => `${c.table}\u0000${c.id}`)).size, snapshot: !peer?.lastReceipt };
}

export async function exportUnitBundle(
  ctx: WriteContext,
  options: { full?: boolean; onProgress?: ExportProgress } = {},
): Promise<Result<ExportedBundle, ExpectedError>> {
  const { db } = ctx;
  const progress = options.onProgress ?? (() => undefined);
  if (ctx.mode !== 'unit') return fail(syncError('wrong-mode', '工委端请在纳管单位列表中为单位生成回执。'));
  const [peer, device, workspace] = await Promise.all([committeePeer(db), db.device.get('device'), db.workspace.get('workspace')]);
  if (!peer || !peer.encryptionPublicKey || !device || !workspace) return fail(syncError('not-enrolled'));
  const recipientKey = publicKeyFromBase64(peer.encryptionPublicKey);
  if (!recipientKey) return fail(syncError('not-enrolled'));

  progress(5, '准备设备密钥');
  const card = await ensureKeyCard(ctx, device);
  if (!card.ok) return card;

  progress(10, '收集变更');
  const snapshot = options.full === true || peer.lastReceipt === null;
  const since = snapshot ? 0 : peer.lastReceipt!.ackedToSeq;
  const { records, toSeq, fromSeq } = await db.transaction('r', [db.changes, ...RECORD_TABLES.map((t) => db.table(t))], async () => {
    const last = await db.changes.orderBy('seq').last();
    const top = last?.seq ?? 0;
    const out: CollectedRecords = {};
    const own = (t: RecordTable, r: { readonly unitId: string }) => r.unitId === ctx.ownerId && ownerOf(t, r) === 'unit';
    const ownRows = <T extends RecordTable>(t: T, rows: readonly (RecordOf<T> | undefined)[]): RecordOf<T>[] => rows.filter((r): r is RecordOf<T> => r !== undefined && own(t, r));
    if (snapshot) {
      for (const t of RECORD_TABLES) collect(out, t, ownRows(t, await recordTable(db, t).toArray()));
    } else {
      const changed = await db.changes.where('seq').between(since, top, false, true).toArray();
      const ids = new Map<RecordTable, Set<string>>();
      for (const c of changed) {
        const set = ids.get(c.table as RecordTable) ?? new Set<string>();
        set.add(c.id);
        ids.set(c.table as RecordTable, set);
      }
      for (const [t, set] of ids) collect(out, t, ownRows(t, await recordTable(db, t).bulkGet([...set])));
    }
    const records: BundleRecords = out;
    return { records, toSeq: top, fromSeq: since + 1 };
  });

  progress(35, '读取附件');
  const attachments = await attachmentFiles(db, records.attachment ?? []);

  progress(55, '签名并加密');
  const sequence = await takeSequence(db);
  const createdAt = ctx.now();
  const encoded = await encodeBundle(
    {
      kind: 'unit-to-committee',
      senderUnitId: ctx.ownerId,
      senderDeviceId: device.deviceId,
      sequence,
      recipientId: peer.peerId,
      recipientPublicKey: recipientKey,
      createdAt: createdAt.toISOString(),
      ruleProfileVersion: await profileVersionInForce(db, createdAt),
      changeRange: snapshot ? null : { fromSeq, toSeq },
      records,
      attachments,
    },
    deviceSigner(device),
  );
  if (!encoded.ok) return encoded;

  progress(90, '记录导出');
  const sent: SentBundle = { sequence, bundleId: encoded.value.header.bundleId, toSeq, snapshot, at: createdAt.toISOString() };
  await db.transaction('rw', db.syncPeer, async () => {
    const current = await db.syncPeer.get(peer.peerId);
    if (current) await db.syncPeer.update(peer.peerId, { sent: [...current.sent, sent].slice(-SENT_KEPT) });
  });
  progress(100, '完成');
  return ok({
    bytes: encoded.value.bytes,
    fileName: bundleFileName(workspace.name, createdAt, sequence),
    header: encoded.value.header,
    counts: countsOf(records),
    totalRecords: encoded.value.manifest.totalRecords,
    attachmentCount: attachments.length,
  });
}

/**
 * Committee-owned tables a return bundle carries: the unit's receipt, cards, notices, 述职评议 and
 * 书记项目评价, assessments, committee training classes and the rule profiles the committee issued (supervision visits and
 * the enrolment register stay at the committee).
 */
const RETURN_TABLES = ['receipt', 'card', 'notice', 'dutyReview', 'projectRating', 'assessment', 'trainingClass', 'ruleProfile'] as const satisfies readonly RecordTable[];

export async function exportReturnBundle(ctx: WriteContext, unitId: string, options: { onProgress?: ExportProgress } = {}): Promise<Result<ExportedBundle, ExpectedError>> {
  const { db } = ctx;
  const progress = options.onProgress ?? (() => undefined);
  if (ctx.mode !== 'committee') return fail(syncError('wrong-mode', '单位端请使用“导出同步包”。'));
  const [unit, peer, device] = await Promise.all([db.enrolledUnit.get(unitId), db.syncPeer.get(unitId), db.device.get('device')]);
  if (!unit || unit.deleted || !device) return fail(syncError('unit-not-found'));
  if (unit.status === 'revoked') return fail(syncError('unit-revoked'));
  const recipientKey = peer?.encryptionPublicKey ? publicKeyFromBase64(peer.encryptionPublicKey) : null;
  if (!recipientKey) return fail(syncError('no-unit-key'));

  progress(20, '收集回执与通知');
  const records: CollectedRecords = {};
  const committeeRows = async <T extends RecordTable>(t: T): Promise<RecordOf<T>[]> =>
    (await recordTable(db, t).where('unitId').anyOf([unitId, ctx.ownerId]).toArray()).filter((r) => ownerOf(t, r) === 'committee');
  for (const t of RETURN_TABLES) collect(records, t, await committeeRows(t));
  // the files of the unit's notices: their attachment records are the committee's (recordOwner), one per unit
  collect(records, 'attachment', await committeeRows('attachment'));
  progress(35, '读取通知附件');
  const attachments = await attachmentFiles(db, records.attachment ?? []);
  progress(50, '签名并加密');
  const sequence = await takeSequence(db);
  const createdAt = ctx.now();
  const encoded = await encodeBundle(
    {
      kind: 'committee-to-unit',
      senderUnitId: ctx.ownerId,
      senderDeviceId: device.deviceId,
      sequence,
      recipientId: unitId,
      recipientPublicKey: recipientKey,
      createdAt: createdAt.toISOString(),
      ruleProfileVersion: await profileVersionInForce(db, createdAt),
      changeRange: null,
      records,
      attachments,
    },
    deviceSigner(device),
  );
  if (!encoded.ok) return encoded;
  progress(100, '完成');
  return ok({
    bytes: encoded.value.bytes,
    fileName: bundleFileName(unit.name, createdAt, sequence, '_回执'),
    header: encoded.value.header,
    counts: countsOf(records),
    totalRecords: encoded.value.manifest.totalRecords,
    attachmentCount: attachments.length,
  });
}
