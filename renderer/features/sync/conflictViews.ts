/**
 * The open conflicts of this PC in words, for the conflicts card on both sides: which record (its
 * table's Chinese name and its own name), which version is in use and which was set aside, who
 * wrote each on which device and when, in which import it was found, and both versions field by field.
 */
import { compareRev } from '../../../shared/clock/hlc';
import { RECORD_TABLE_LABELS, recordOwner, type RecordTable } from '../../../shared/model/tables';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';
import type { StoredRecord, TaizhangDb } from '../../db/db';
import type { ConflictRow, ImportLogRow } from '../../db/localTypes';
import { openConflicts } from '../../db/sync/conflicts';
import { compareVersions, recordName, recordTitle, REFERENCE_FIELDS, revDevice, revTime, type FieldRow, type NameLookup } from './recordText';

export interface ConflictView {
  readonly seq: number;
  readonly table: RecordTable;
  readonly tableLabel: string;
  /** e.g. 党员「王芳」 */
  readonly title: string;
  /** Which version is in use and which was set aside, who wrote them, on which device, when. */
  readonly summary: string;
  /** In which import it was found, or that a restore displaced it. */
  readonly source: string;
  readonly foundAt: string;
  /** The record changed again after the conflict: the current version is neither of the two. */
  readonly changedSince: boolean;
  /** Restoring writes a new revision that syncs onward (a record of this side's own), or swaps on this PC only. */
  readonly ownRecord: boolean;
  readonly rows: readonly FieldRow[];
}

export interface ViewContext {
  readonly mode: WorkspaceMode;
  readonly ownerId: string;
  /** This PC's device id: its versions are called 本机. */
  readonly deviceId: string;
}

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** Names of the records the conflicting versions point to (党组织, 党员, 培训班…), read in one pass per table. */
async function nameLookup(db: TaizhangDb, records: readonly StoredRecord[]): Promise<NameLookup> {
  const wanted = new Map<RecordTable, Set<string>>();
  for (const r of records) {
    for (const [field, table] of Object.entries(REFERENCE_FIELDS)) {
      const v = r[field];
      for (const id of Array.isArray(v) ? v : [v]) {
        if (typeof id === 'string') (wanted.get(table) ?? wanted.set(table, new Set()).get(table)!).add(id);
      }
    }
  }
  const names = new Map<string, string>();
  for (const [table, ids] of wanted) {
    const found = (await db.table(table).bulkGet([...ids])) as (StoredRecord | undefined)[];
    for (const rec of found) if (rec) names.set(`${table}\u0000${rec.id}`, recordName(table, rec));
  }
  return (table, id) => names.get(`${table}\u0000${id}`);
}

function who(record: StoredRecord, ctx: ViewContext): string {
  const device = revDevice(record.rev);
  const where = device === ctx.deviceId ? '本机' : `设备尾号 ${device.slice(-6)}`;
  return `${record.updatedBy || '未署名'}（${where}，${revTime(record.rev)}修改）`;
}

function bundleWords(log: ImportLogRow | undefined): string {
  if (!log) return '导入同步包时发现';
  const from = log.senderName || (log.kind === 'committee-to-unit' ? '工委' : '单位');
  return `导入“${from}”第 ${log.sequence} 号同步包时发现`;
}

export function describeConflict(row: ConflictRow & { table: RecordTable }, current: StoredRecord | undefined, log: ImportLogRow | undefined, ctx: ViewContext, names?: NameLookup): ConflictView {
  const lost = row.lost as StoredRecord;
  const shown = current ?? lost;
  const displaced = row.bundleId === null;
  const changedSince = current !== undefined && current.rev !== row.keptRev;
  const keptWins = compareRev(row.keptRev, row.lostRev) > 0;
  let summary: string;
  if (displaced) {
    summary = `在本机恢复另一版本时替换下来的版本：${who(lost, ctx)}。`;
  } else {
    const lostWhere = row.lostFromBundle === true ? '同步包中的' : row.lostFromBundle === false ? '本机已有的' : '';
    const keptWhere = row.lostFromBundle === true ? '本机已有的' : row.lostFromBundle === false ? '同步包中的' : '';
    const rule = keptWins ? '按修改时间较新者为准，' : '';
    summary = `两台设备都修改过这条记录，${rule}采用了${keptWhere}版本，未采用${lostWhere}版本：${who(lost, ctx)}。`;
  }
  if (changedSince && current) summary += `此后该记录又有修改，当前版本：${who(current, ctx)}。`;
  else if (!current) summary += '本机已没有该记录的当前版本。';
  const own = (r: StoredRecord) => recordOwner(row.table, r as { organiser?: unknown }) === ctx.mode && r.unitId === ctx.ownerId;
  return {
    seq: row.seq!,
    table: row.table,
    tableLabel: RECORD_TABLE_LABELS[row.table],
    title: recordTitle(row.table, shown, names),
    summary,
    source: displaced ? '恢复操作' : bundleWords(log),
    foundAt: time(row.at),
    changedSince,
    ownRecord: current !== undefined && own(current) && own(lost),
    rows: compareVersions(row.table, current, lost, names),
  };
}

export async function loadConflictViews(db: TaizhangDb, ctx: ViewContext): Promise<ConflictView[]> {
  const rows = (await openConflicts(db)).filter((r): r is ConflictRow & { table: RecordTable } => r.table in RECORD_TABLE_LABELS);
  const currents = await Promise.all(rows.map((r) => db.table(r.table).get(r.id) as Promise<StoredRecord | undefined>));
  const bundleIds = [...new Set(rows.map((r) => r.bundleId).filter((b): b is string => typeof b === 'string'))];
  const logs = new Map((await db.importLog.bulkGet(bundleIds)).filter((l): l is ImportLogRow => l !== undefined).map((l) => [l.bundleId, l]));
  const names = await nameLookup(db, [...rows.map((r) => r.lost as StoredRecord), ...currents.filter((c): c is StoredRecord => c !== undefined)]);
  return rows.map((row, i) => describeConflict(row, currents[i], row.bundleId ? logs.get(row.bundleId) : undefined, ctx, names));
}
