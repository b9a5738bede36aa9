/**
 * 批量导入 (committee): many unit bundles at once (docs/sync.md, "Bulk import").
 *
 *   1. `checkBatch`: every file goes through `prepareImport` (read, verify, decrypt, check every
 *      record, compare) and becomes a row of the summary table: ready, needs the fingerprint
 *      confirmation (a first contact or a re-admission: these are never pinned in a batch, the
 *      screen offers them one by one with the single-import confirmation), the same bundle as an
 *      earlier row, imported before, or refused in words. Only a small summary of each preview is
 *      kept: a city's worth of decrypted records would not fit in memory.
 *   2. `applyBatch`: the ready rows, one bundle after another, each in its OWN transaction
 *      (`applyImport`), after one confirmation on screen. Each file is prepared again just before
 *      it is applied (the database may have changed since the check, and the records were not
 *      kept); one progress over the whole batch; `shouldStop` is asked between bundles (a bundle
 *      being written is always finished or rolled back as a whole).
 */
import { isExpectedFailure } from '../../../shared/errors/errors';
import type { RecordTable } from '../../../shared/model/tables';
import type { WriteContext } from '../writeContext';
import { applyImport, prepareImport, type ImportPreview, type ImportSummary, type TableCounts } from './importBundle';
import type { ImportProgressEvent } from './importProgress';

export interface BatchFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What a bundle would bring, for one row of the summary table. */
export interface BundleSummary {
  readonly bundleId: string;
  readonly senderId: string;
  /** The register's name (or, for a re-admission, the name in the unit's own record). */
  readonly senderName: string;
  readonly sequence: number;
  readonly snapshot: boolean;
  readonly changeRange: { readonly fromSeq: number; readonly toSeq: number } | null;
  readonly createdAt: string;
  readonly fingerprint: string;
  readonly tables: readonly { readonly table: RecordTable; readonly counts: TableCounts }[];
  readonly records: number;
  readonly conflicts: number;
  readonly firstContact: boolean;
  readonly readmit: boolean;
}

export type BatchCheck =
  | { readonly kind: 'ready'; readonly summary: BundleSummary }
  /** First contact or re-admission: the fingerprint must be confirmed by phone, one bundle at a time. */
  | { readonly kind: 'needs-confirmation'; readonly summary: BundleSummary }
  /** The same bundle (bundle id) as an earlier row of this batch: imported once, with that row. */
  | { readonly kind: 'duplicate'; readonly summary: BundleSummary; readonly sameAs: string }
  | { readonly kind: 'already-imported'; readonly reason: string }
  | { readonly kind: 'refused'; readonly errorKind: string; readonly reason: string };

export interface BatchRow {
  /** Stable within the batch (the file's position as picked). */
  readonly key: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly check: BatchCheck;
}

export type BatchOutcome =
  | { readonly kind: 'applied'; readonly summary: ImportSummary }
  /** Nothing to do: imported meanwhile (or the same bundle as a row applied before). */
  | { readonly kind: 'unchanged'; readonly reason: string }
  | { readonly kind: 'refused'; readonly errorKind: string; readonly reason: string }
  /** Not applied in the batch; the reason says why and what to do. */
  | { readonly kind: 'skipped'; readonly reason: string }
  /** 取消 was pressed before this bundle started. */
  | { readonly kind: 'cancelled'; readonly reason: string };

export interface BatchProgress {
  /** Bundles finished, of `total`. */
  readonly done: number;
  readonly total: number;
  /** The file being worked on, or null at the end. */
  readonly fileName: string | null;
  /** 0–100 over the whole batch. */
  readonly percent: number;
  /** e.g. "第 2/5 个：市财政局_2026-12-04_第1号.tzb · 校验数据（1200/5000）". */
  readonly label: string;
}

export interface BatchOptions {
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Asked before each bundle: true stops the batch there. */
  readonly shouldStop?: () => boolean;
}

const STORAGE_ERROR = '本机数据存储出错，该同步包没有导入（数据库没有任何改动）。请重试；如仍失败，请重新启动程序。';
export const NEEDS_CONFIRMATION =
  '首次接收该单位的同步包（或重新纳入管理），需先与单位电话核对密钥指纹，不随批量导入。请点本行的“核对并导入”逐个确认。';
const CANCELLED = '已取消，未导入。需要时请重新选择该文件导入。';

export function summarise(preview: ImportPreview): BundleSummary {
  const h = preview.header;
  const tables = [...preview.tables].map(([table, counts]) => ({ table, counts }));
  return {
    bundleId: h.bundleId,
    senderId: h.senderUnitId,
    senderName: preview.senderName,
    sequence: h.sequence,
    snapshot: h.snapshot,
    changeRange: h.changeRange,
    createdAt: h.createdAt,
    fingerprint: preview.senderFingerprint,
    tables,
    records: preview.opened.totalRecords,
    conflicts: preview.conflicts.length,
    firstContact: preview.firstContact,
    readmit: preview.readmit,
  };
}

/** The batch's progress while bundle number `done` (from 0) is at `event` (its stages span 0–100: preparing to 85, writing to 100). */
function progressOf(done: number, total: number, fileName: string, event: ImportProgressEvent | null): BatchProgress {
  const within = event ? event.percent / 100 : 0;
  const percent = total === 0 ? 100 : Math.min(100, Math.floor(((done + within) / total) * 100));
  return { done, total, fileName, percent, label: `第 ${done + 1}/${total} 个：${fileName}${event ? ` · ${event.label}` : ''}` };
}

async function checkOne(ctx: WriteContext, file: BatchFile, onProgress?: (e: ImportProgressEvent) => void): Promise<BatchCheck> {
  try {
    const r = await prepareImport(ctx, file.bytes, onProgress ? { onProgress } : {});
    if (!r.ok) return r.error.kind === 'already-imported' ? { kind: 'already-imported', reason: r.error.message } : { kind: 'refused', errorKind: r.error.kind, reason: r.error.message };
    const summary = summarise(r.value);
    return r.value.firstContact ? { kind: 'needs-confirmation', summary } : { kind: 'ready', summary };
  } catch (e) {
    return isExpectedFailure(e) ? { kind: 'refused', errorKind: e.error.kind, reason: e.error.message } : { kind: 'refused', errorKind: 'storage-error', reason: STORAGE_ERROR };
  }
}

/** A later row carrying a bundle id seen in an earlier row becomes a duplicate of it (imported once). */
export function markDuplicates(rows: readonly BatchRow[]): BatchRow[] {
  const first = new Map<string, string>();
  return rows.map((row) => {
    const c = row.check;
    if (c.kind !== 'ready' && c.kind !== 'needs-confirmation' && c.kind !== 'duplicate') return row;
    const seen = first.get(c.summary.bundleId);
    if (seen === undefined) {
      first.set(c.summary.bundleId, row.fileName);
      return row;
    }
    return { ...row, check: { kind: 'duplicate', summary: c.summary, sameAs: seen } };
  });
}

/** Read, verify and preview every file; nothing is written. Rows keep the order of `files`. */
export async function checkBatch(ctx: WriteContext, files: readonly BatchFile[], options: BatchOptions = {}, firstKey = 0): Promise<BatchRow[]> {
  const rows: BatchRow[] = [];
  for (const [i, file] of files.entries()) {
    const report = options.onProgress;
    const check = await checkOne(ctx, file, report ? (e) => report(progressOf(i, files.length, file.name, e)) : undefined);
    rows.push({ key: firstKey + i, fileName: file.name, bytes: file.bytes, check });
  }
  options.onProgress?.({ done: files.length, total: files.length, fileName: null, percent: 100, label: '核对完成' });
  return markDuplicates(rows);
}

/**
 * After a bundle of `senderId` was confirmed and imported one by one: that unit's other rows that
 * waited for the confirmation are checked again (now pinned, they are usually ready).
 */
export async function recheckSender(ctx: WriteContext, rows: readonly BatchRow[], senderId: string, done: ReadonlySet<number>): Promise<BatchRow[]> {
  const out: BatchRow[] = [];
  for (const row of rows) {
    const again = row.check.kind === 'needs-confirmation' && row.check.summary.senderId === senderId && !done.has(row.key);
    out.push(again ? { ...row, check: await checkOne(ctx, { name: row.fileName, bytes: row.bytes }) } : row);
  }
  return markDuplicates(out);
}

export type ReadyRow = BatchRow & { readonly check: Extract<BatchCheck, { kind: 'ready' }> };

/** The rows `applyBatch` would apply: the ready ones, by unit and then by bundle number (the receipt grows in order). */
export function applicableRows(rows: readonly BatchRow[]): ReadyRow[] {
  const ready = rows.filter((r): r is ReadyRow => r.check.kind === 'ready');
  // units in the order their first file was picked; a unit's bundles by number
  const unitOrder = new Map<string, number>();
  for (const r of ready) if (!unitOrder.has(r.check.summary.senderId)) unitOrder.set(r.check.summary.senderId, unitOrder.size);
  const order = (r: ReadyRow) => unitOrder.get(r.check.summary.senderId) ?? 0;
  return ready.sort((a, b) => order(a) - order(b) || a.check.summary.sequence - b.check.summary.sequence || a.key - b.key);
}

async function applyOne(ctx: WriteContext, row: BatchRow, onProgress: (e: ImportProgressEvent) => void): Promise<BatchOutcome> {
  try {
    const prepared = await prepareImport(ctx, row.bytes, { onProgress });
    if (!prepared.ok) {
      if (prepared.error.kind === 'already-imported') return { kind: 'unchanged', reason: prepared.error.message };
      return { kind: 'refused', errorKind: prepared.error.kind, reason: prepared.error.message };
    }
    if (prepared.value.firstContact) return { kind: 'skipped', reason: NEEDS_CONFIRMATION };
    const applied = await applyImport(ctx, prepared.value, { onProgress });
    if (applied.ok) return { kind: 'applied', summary: applied.value };
    if (applied.error.kind === 'already-imported') return { kind: 'unchanged', reason: applied.error.message };
    return { kind: 'refused', errorKind: applied.error.kind, reason: applied.error.message };
  } catch (e) {
    return isExpectedFailure(e) ? { kind: 'refused', errorKind: e.error.kind, reason: e.error.message } : { kind: 'refused', errorKind: 'storage-error', reason: STORAGE_ERROR };
  }
}

/** What happens to a row that is not applied in the batch (its check said so). */
function notApplied(check: BatchCheck): BatchOutcome | null {
  switch (check.kind) {
    case 'ready':
      return null;
    case 'needs-confirmation':
      return { kind: 'skipped', reason: NEEDS_CONFIRMATION };
    case 'duplicate':
      return { kind: 'unchanged', reason: `与“${check.sameAs}”是同一个同步包，只导入一次。` };
    case 'already-imported':
      return { kind: 'unchanged', reason: check.reason };
    case 'refused':
      return { kind: 'refused', errorKind: check.errorKind, reason: check.reason };
  }
}

/**
 * Apply every ready row, each in its own transaction; the others get their outcome from their
 * check. Returns one outcome per row key. `onRowDone` is called as each applied row finishes.
 */
export async function applyBatch(
  ctx: WriteContext,
  rows: readonly BatchRow[],
  options: BatchOptions & { onRowDone?: (key: number, outcome: BatchOutcome) => void } = {},
): Promise<Map<number, BatchOutcome>> {
  const outcomes = new Map<number, BatchOutcome>();
  for (const row of rows) {
    const outcome = notApplied(row.check);
    if (outcome) outcomes.set(row.key, outcome);
  }
  const todo = applicableRows(rows);
  for (const [i, row] of todo.entries()) {
    if (options.shouldStop?.()) {
      for (const rest of todo.slice(i)) {
        outcomes.set(rest.key, { kind: 'cancelled', reason: CANCELLED });
        options.onRowDone?.(rest.key, { kind: 'cancelled', reason: CANCELLED });
      }
      break;
    }
    const report = (e: ImportProgressEvent | null) => options.onProgress?.(progressOf(i, todo.length, row.fileName, e));
    report(null);
    const outcome = await applyOne(ctx, row, report);
    outcomes.set(row.key, outcome);
    options.onRowDone?.(row.key, outcome);
  }
  options.onProgress?.({ done: todo.length, total: todo.length, fileName: null, percent: 100, label: '全部完成' });
  return outcomes;
}
