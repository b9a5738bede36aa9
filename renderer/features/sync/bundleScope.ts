/**
 * What a sync bundle carries, in the words of the export screen: 完整数据 (every record of the unit)
 * or 变更数据 (the changes since the last receipt), with the sender's change-log numbers they span —
 * "变更数据（修改记录第 120–125 号）", never a bare "变更 125–125".
 */
export interface BundleScope {
  readonly snapshot: boolean;
  readonly changeRange: { readonly fromSeq: number; readonly toSeq: number } | null;
}

export function bundleScopeText({ snapshot, changeRange }: BundleScope): string {
  if (snapshot) return '完整数据';
  if (changeRange === null) return '变更数据';
  const { fromSeq, toSeq } = changeRange;
  return fromSeq === toSeq ? `变更数据（修改记录第 ${fromSeq} 号）` : `变更数据（修改记录第 ${fromSeq}–${toSeq} 号）`;
}
