/** Shared helpers of the query modules: tombstones out, reads through the `unitId` index. */
import type { Table } from 'dexie';

/** Records that are not tombstones. */
export function live<T extends { readonly deleted: boolean }>(rows: readonly T[]): T[] {
  return rows.filter((r) => !r.deleted);
}

/** Every row of one unit in a synced table (tombstones included), through the `unitId` index. */
export function ofUnit<T>(table: Table<T, string>, unitId: string): Promise<T[]> {
  return table.where('unitId').equals(unitId).toArray();
}
