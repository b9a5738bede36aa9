/**
 * The arguments `verify` and `inspect` share: exactly one bundle file, the recipient's private key
 * file (`--key`, to decrypt; its role says which direction it opens) and the sender's key
 * (`--sender-key`, to pin; otherwise the key the header names is used and its fingerprint must be
 * compared by a person).
 */
import type { BundleError, BundleHeader, SenderTrust } from '../../shared/bundle';
import { parseCommandArgs, usageError } from './args';
import { checkRecipientKeyFile, checkSenderKeyFile } from './direction';
import type { PartyRole } from './direction';
import { readPrivateKeyFile } from './keyFiles';
import { resolveSenderKey } from './senderKey';

export interface BundleCommandArgs {
  readonly file: string;
  readonly trust: SenderTrust;
  /** The party of a `--sender-key` key file (null for a bare base64 key or none). */
  readonly senderParty: { role: PartyRole; id: string } | null;
  readonly keys: Extract<ReturnType<typeof readPrivateKeyFile>, { ok: true }> | null;
}

/** The parsed arguments, or the exit code of a usage error already printed. */
export function parseBundleCommandArgs(args: readonly string[], usage: string): BundleCommandArgs | number {
  const parsed = parseCommandArgs(args, { key: { type: 'string' }, 'sender-key': { type: 'string' } });
  if (!parsed.ok) return usageError(parsed.message, usage);
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) return usageError('需要且只需要一个同步包文件 (exactly one bundle file)', usage);
  let trust: SenderTrust = { status: 'unpinned' };
  let senderParty: BundleCommandArgs['senderParty'] = null;
  const senderKeyArg = parsed.values['sender-key'];
  if (typeof senderKeyArg === 'string') {
    const senderKey = resolveSenderKey(senderKeyArg);
    if (!senderKey.ok) return usageError(senderKey.message, usage);
    trust = { status: 'pinned', publicKey: senderKey.key };
    senderParty = senderKey.party;
  }
  const keyArg = parsed.values.key;
  const keys = typeof keyArg === 'string' ? readPrivateKeyFile(keyArg) : null;
  if (keys && !keys.ok) return usageError(keys.message, usage);
  return { file, trust, senderParty, keys };
}

/** The bundle's claimed direction and sender against the key files given (null: they fit). */
export function checkKeyFiles(header: BundleHeader, args: Pick<BundleCommandArgs, 'keys' | 'senderParty'>): BundleError | null {
  if (args.keys !== null) {
    const problem = checkRecipientKeyFile(header, args.keys.value);
    if (problem !== null) return problem;
  }
  return args.senderParty === null ? null : checkSenderKeyFile(header, args.senderParty);
}
