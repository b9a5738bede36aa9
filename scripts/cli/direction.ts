/**
 * Which bundles a key file may open or sign (docs/bundle-format.md §13): a committee's key file
 * opens unit-to-committee bundles addressed to it and signs committee-to-unit ones; a unit's the
 * other way round. The header is only a claim at this point, but a claim that does not fit the key
 * file is refused before anything else is done with the bundle.
 */
import { bundleError } from '../../shared/bundle';
import type { BundleError, BundleHeader, BundleKind } from '../../shared/bundle';

export type PartyRole = 'committee' | 'unit';

const ROLE_TEXT: Record<PartyRole, string> = { committee: '工委', unit: '单位' };

/** The direction of the bundles a party with this role receives. */
export function kindReceivedBy(role: PartyRole): BundleKind {
  return role === 'committee' ? 'unit-to-committee' : 'committee-to-unit';
}

/** The direction of the bundles a party with this role sends. */
export function kindSentBy(role: PartyRole): BundleKind {
  return role === 'committee' ? 'committee-to-unit' : 'unit-to-committee';
}

/** `--key`: the recipient's key file. Refuses a bundle of the other direction (the recipient id is checked when opening). */
export function checkRecipientKeyFile(header: BundleHeader, key: { role: PartyRole }): BundleError | null {
  const expected = kindReceivedBy(key.role);
  if (header.kind !== expected) {
    return bundleError(
      'wrong-recipient',
      `bundle kind ${header.kind}, a ${key.role} key file opens ${expected}`,
      header.kind === 'committee-to-unit'
        ? `此同步包是工委发给单位的，而 --key 指定的是${ROLE_TEXT[key.role]}的密钥文件，${ROLE_TEXT[key.role]}只能打开单位报送工委的同步包。请确认选择了正确的同步包和密钥文件。`
        : `此同步包是单位报送工委的，而 --key 指定的是${ROLE_TEXT[key.role]}的密钥文件，${ROLE_TEXT[key.role]}只能打开工委发来的同步包。请确认选择了正确的同步包和密钥文件。`,
    );
  }
  return null;
}

/** `--sender-key` given as a key file: the bundle must come from that party, in its direction. */
export function checkSenderKeyFile(header: BundleHeader, sender: { role: PartyRole; id: string }): BundleError | null {
  const expected = kindSentBy(sender.role);
  if (header.kind !== expected || header.senderUnitId !== sender.id) {
    return bundleError(
      'sender-key-mismatch',
      `bundle ${header.kind} from ${header.senderUnitId}, the sender key file is the ${sender.role} ${sender.id}`,
      `此同步包声明的发送方（${header.kind === 'unit-to-committee' ? '单位' : '工委'}，编号 ${header.senderUnitId}）与 --sender-key 指定的${ROLE_TEXT[sender.role]}（编号 ${sender.id}）不符，可能是他人伪造或选错了文件。请勿使用，并与发送方核对。`,
    );
  }
  return null;
}
