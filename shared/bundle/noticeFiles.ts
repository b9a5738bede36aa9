/**
 * How many notice files (通知附件) one unit's return bundle can carry. A return bundle is always
 * whole (docs/sync.md): it carries every notice of the unit with its files, each distinct file
 * (by SHA-256) once, so the files of all the unit's live notices together must stay within the
 * bundle limits (limits.ts), with room left for the records. Checked when the 工委 sends a notice,
 * so that a notice never makes a unit's return bundle impossible to write.
 */
import { BUNDLE_LIMITS, type BundleLimits } from './limits';

const MiB = 1024 * 1024;
/** Room kept in the bundle for the records, the manifest and the container. */
const RECORD_ROOM_BYTES = 32 * MiB;
/** Files kept free for what else a return bundle may carry. */
const RECORD_ROOM_FILES = 100;

export interface NoticeFile {
  readonly sha256: string;
  readonly size: number;
}

export function noticeFilesBudget(limits: BundleLimits = BUNDLE_LIMITS): { readonly bytes: number; readonly files: number } {
  return { bytes: limits.maxFileBytes - RECORD_ROOM_BYTES, files: limits.maxAttachments - RECORD_ROOM_FILES };
}

const mb = (bytes: number) => (bytes / MiB).toFixed(1);

/**
 * Why the files `adding` cannot go to the unit named `unitName` whose return bundle already carries
 * `held` (in Chinese), or null when they fit.
 */
export function noticeFilesProblem(unitName: string, held: readonly NoticeFile[], adding: readonly NoticeFile[], limits: BundleLimits = BUNDLE_LIMITS): string | null {
  const budget = noticeFilesBudget(limits);
  const distinct = new Map<string, number>();
  for (const f of held) distinct.set(f.sha256, f.size);
  const heldBytes = [...distinct.values()].reduce((a, b) => a + b, 0);
  for (const f of adding) distinct.set(f.sha256, f.size);
  const total = [...distinct.values()].reduce((a, b) => a + b, 0);
  if (total > budget.bytes) {
    return (
      `发给“${unitName}”的通知附件合计将达 ${mb(total)} MB（该单位已有通知附件 ${mb(heldBytes)} MB），超过一个回执同步包可容纳的 ${mb(budget.bytes)} MB。` +
      '请删减或压缩本次附件（如分页扫描、降低扫描分辨率）后再发送。'
    );
  }
  if (distinct.size > budget.files) {
    return `发给“${unitName}”的通知附件将达 ${distinct.size} 个，超过一个回执同步包可容纳的 ${budget.files} 个。请减少本次附件后再发送。`;
  }
  return null;
}
