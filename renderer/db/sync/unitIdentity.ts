/**
 * Committee side, before a unit bundle is trusted any further: is it addressed to THIS committee,
 * and is its sender the unit the register says? (docs/sync.md, "Whom a bundle is for")
 *
 *   - `otherCommitteeRefusal`: a bundle whose header names another committee, or our id with
 *     another encryption key, cannot be decrypted here. It is refused as such, not as coming from an
 *     unregistered unit (which would send the user to enrol it).
 *   - `creditCodeRefusal`: at a first contact the unit's own `unit` record must carry the
 *     统一社会信用代码 the committee enrolled it under. A wrong `.tze` handed to another unit is thus
 *     caught by code, before its key is pinned, not by a warning one can click past.
 */
import type { BundleHeader, OpenedBundle } from '../../../shared/bundle';
import type { WriteContext } from '../writeContext';
import { syncError, type SyncError } from './syncErrors';

/** The sender's own `unit` record in an opened bundle: its name and credit code, or null when absent. */
export function senderUnitRecord(opened: OpenedBundle): { name: string; creditCode: string } | null {
  const unit = (opened.records.unit ?? []).find((u) => u.id === opened.header.senderUnitId && !u.deleted);
  return unit ? { name: unit.name, creditCode: unit.creditCode } : null;
}

/** Committee: a refusal when the (claimed) header addresses another committee or another key; null when it is ours. */
export async function otherCommitteeRefusal(ctx: WriteContext, header: BundleHeader): Promise<SyncError | null> {
  if (ctx.mode !== 'committee') return null;
  if (header.recipientId !== ctx.ownerId) return syncError('other-committee');
  const device = await ctx.db.device.get('device');
  if (device && header.recipientPublicKey === device.encryptionPublicKey) return null;
  return syncError(
    'other-committee',
    '此同步包是报送给其他工委的：接收方写的是本工委，但加密所用的工委公钥不是本机的，本机无法解密，不能导入。本次没有导入任何数据。可能该单位导入的登记文件不是本机导出的（例如另一台电脑上的工委程序，或本工委更换密钥之前的文件）。请在“纳管单位”中为该单位导出登记文件，交该单位导入后重新导出同步包。',
  );
}

/**
 * Committee, first contact of an enrolled unit (not a re-admission, which has no register entry):
 * the register's credit code against the unit's own record. Entries enrolled before the code was
 * asked for have none and are not checked.
 */
export async function creditCodeRefusal(ctx: WriteContext, opened: OpenedBundle): Promise<SyncError | null> {
  if (ctx.mode !== 'committee' || opened.trust !== 'unpinned') return null;
  const entry = await ctx.db.enrolledUnit.get(opened.header.senderUnitId);
  if (!entry || typeof entry.creditCode !== 'string') return null;
  const enrolledName = entry.name as string;
  const enrolledCode = entry.creditCode;
  const own = senderUnitRecord(opened);
  if (!own) {
    return syncError(
      'credit-code-mismatch',
      `首次接收“${enrolledName}”的同步包，但包中没有该单位的单位信息，无法核对统一社会信用代码（纳管登记为 ${enrolledCode}），不能导入。本次没有导入任何数据。请通知该单位在“同步”页的“报送数据（导出同步包）”中勾选“导出全部数据（不论回执）”，再点“导出同步包”，把导出的全量同步包交工委导入。`,
    );
  }
  if (own.creditCode === enrolledCode) return null;
  return syncError(
    'credit-code-mismatch',
    `此同步包不能导入：纳管登记的“${enrolledName}”统一社会信用代码为 ${enrolledCode}，而同步包中的单位自报为“${own.name}”、统一社会信用代码 ${own.creditCode}，两者不一致。很可能是把发给“${enrolledName}”的登记文件（.tze）交给了其他单位。本次没有导入任何数据，也没有登记它的密钥。请电话核实：若登记文件给错了，请为“${own.name}”另行办理纳管登记（填写代码 ${own.creditCode}），把它自己的登记文件交给它；若登记时代码填错了，请为该单位重新办理纳管登记。`,
  );
}
