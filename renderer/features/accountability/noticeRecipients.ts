/**
 * 通知 to the units a register filter shows (单位 → 纳管单位名册 → 向所示单位发通知): of the units shown,
 * those that can receive a notice (已启用: their keys are registered, so a return bundle reaches
 * them), and the ones left out, named, with why — an invited unit has not sent its first bundle, a
 * revoked one has no key.
 */
import type { EnrolledUnit } from '../../../shared/model/committee';

export interface NoticeRecipients {
  /** Active units among those shown, in the order shown. */
  readonly unitIds: string[];
  /** Shown but not active: no notice can reach them yet. */
  readonly skipped: string[];
  /** What the drawer says about where the list came from, in Chinese. */
  readonly note: string;
}

/** `filterLabel`: the register's filter in words (e.g. 逾期未报送, or 全部). */
export function noticeRecipients(shownUnitIds: readonly string[], units: readonly EnrolledUnit[], filterLabel: string): NoticeRecipients {
  const byId = new Map(units.map((u) => [u.unitId, u] as const));
  const shown = shownUnitIds.map((id) => byId.get(id)).filter((u): u is EnrolledUnit => u !== undefined);
  const active = shown.filter((u) => u.status === 'active');
  const skipped = shown.filter((u) => u.status !== 'active');
  const leftOut = skipped.length === 0 ? '' : `；其中${skipped.map((u) => `“${u.name}”`).join('、')}尚未启用（未完成首次报送或已吊销），收不到通知，未列入`;
  return {
    unitIds: active.map((u) => u.unitId),
    skipped: skipped.map((u) => u.unitId),
    note: `接收单位按纳管单位名册的筛选（${filterLabel}）选定：名册所示 ${shown.length} 个单位${leftOut}。发出前可再增减。`,
  };
}
