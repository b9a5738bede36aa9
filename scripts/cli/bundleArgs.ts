/**
 * The arguments `verify` and `inspect` share: exactly one bundle file, the committee's private key
 * file (`--key`, to decrypt) and the sender's key (`--sender-key`, to pin; otherwise the key the
 * header names is used and its fingerprint must be compared by a person).
 */
import type { SenderTrust } from '../../shared/bundle';
import { parseCommandArgs, usageError } from './args';
import { readPrivateKeyFile } from './keyFiles';
import { resolveSenderKey } from './senderKey';

export interface BundleCommandArgs {
  readonly file: string;
  readonly trust: SenderTrust;
  readonly keys: Extract<ReturnType<typeof readPrivateKeyFile>, { ok: true }> | null;
}

/** The parsed arguments, or the exit code of a usage error already printed. */
export function parseBundleCommandArgs(args: readonly string[], usage: string): BundleCommandArgs | number {
  const parsed = parseCommandArgs(args, { key: { type: 'string' }, 'sender-key': { type: 'string' } });
  if (!parsed.ok) return usageError(parsed.message, usage);
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) return usageError('需要且只需要一个同步包文件 (exactly one bundle file)', usage);
  let trust: SenderTrust = { status: 'unpinned' };
  const senderKeyArg = parsed.values['sender-key'];
  if (typeof senderKeyArg === 'string') {
    const senderKey = resolveSenderKey(senderKeyArg);
    if (!senderKey.ok) return usageError(senderKey.message, usage);
    trust = { status: 'pinned', publicKey: senderKey.key };
  }
  const keyArg = parsed.values.key;
  const keys = typeof keyArg === 'string' ? readPrivateKeyFile(keyArg) : null;
  if (keys && !keys.ok) return usageError(keys.message, usage);
  return { file, trust, keys };
}
