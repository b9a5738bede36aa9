/**
 * 批量生成回执 (committee): the return bundle (`exportReturnBundle`: the unit's receipt and the
 * committee's records for it) of several units in one go — the units of an import batch, or every
 * active unit. Each unit gets a result: its file, or why none could be made. Saving them together
 * (a folder in Electron, one .zip in the browser) is the screen's, through the platform bridge.
 */
import type { FileToSave } from '../../../shared/ipc/contract';
import type { TaizhangDb } from '../db';
import type { WriteContext } from '../writeContext';
import { exportReturnBundle } from './exportBundle';
import { compareChinese } from '../../../shared/rules/collation';

export type ReturnResult =
  | { readonly unitId: string; readonly unitName: string; readonly ok: true; readonly file: FileToSave; readonly records: number }
  | { readonly unitId: string; readonly unitName: string; readonly ok: false; readonly reason: string };

export interface ReturnProgress {
  readonly done: number;
  readonly total: number;
  readonly percent: number;
  /** e.g. "第 2/5 个：市审计局", then "完成". */
  readonly label: string;
}

/** `回执_YYYY-MM-DD` of this PC's calendar: the folder (web: the .zip) the return bundles are saved as. */
export function returnFolderName(day: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `回执_${day.getFullYear()}-${p(day.getMonth() + 1)}-${p(day.getDate())}`;
}

/** Every enrolled unit that is active (its key pinned, not revoked), in the register's order of names. */
export async function activeUnitIds(db: TaizhangDb): Promise<string[]> {
  const units = (await db.enrolledUnit.toArray()).filter((u) => !u.deleted && u.status === 'active');
  return units.sort((a, b) => compareChinese(String(a.name), String(b.name))).map((u) => u.id);
}

export async function exportReturnBundles(
  ctx: WriteContext,
  unitIds: readonly string[],
  options: { onProgress?: (p: ReturnProgress) => void; shouldStop?: () => boolean } = {},
): Promise<ReturnResult[]> {
  const results: ReturnResult[] = [];
  const total = unitIds.length;
  for (const [i, unitId] of unitIds.entries()) {
    if (options.shouldStop?.()) break;
    const entry = await ctx.db.enrolledUnit.get(unitId);
    const unitName = entry ? String(entry.name) : unitId;
    options.onProgress?.({ done: i, total, percent: Math.floor((i / total) * 100), label: `第 ${i + 1}/${total} 个：${unitName}` });
    try {
      const r = await exportReturnBundle(ctx, unitId);
      results.push(
        r.ok
          ? { unitId, unitName, ok: true, file: { name: r.value.fileName, bytes: r.value.bytes }, records: r.value.totalRecords }
          : { unitId, unitName, ok: false, reason: r.error.message },
      );
    } catch {
      results.push({ unitId, unitName, ok: false, reason: '生成回执失败：本机数据存储出错。请重试；如仍失败，请重新启动程序。' });
    }
  }
  options.onProgress?.({ done: results.length, total, percent: 100, label: '完成' });
  return results;
}
