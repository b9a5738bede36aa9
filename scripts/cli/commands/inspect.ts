/**
 * `npx taizhang inspect <file.tzb> [--key committee.private.json] [--sender-key KEY]`
 *
 * Prints the header and (with `--key`) the manifest as JSON on stdout. The signature is verified
 * before anything is decrypted; a refusal is reported in the JSON (`error`) and on stderr, exit 1.
 */
import { decrypterFromSecretKey, keyFingerprintOfBase64, openBundle, readHeader, verifyBundle } from '../../../shared/bundle';
import type { BundleError, SenderTrust } from '../../../shared/bundle';
import { parseCommandArgs, usageError } from '../args';
import { printRefusal, readBundleFile } from '../bundleText';
import { readPrivateKeyFile } from '../keyFiles';
import { resolveSenderKey } from '../senderKey';

export const usage =
  '以 JSON 显示同步包头部和清单 print header and manifest as JSON: inspect <file.tzb> [--key committee.private.json] [--sender-key <base64|key file>]';

function print(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

function errorJson(e: BundleError): { kind: string; message: string; detail: string } {
  return { kind: e.kind, message: e.message, detail: e.detail };
}

export async function run(args: readonly string[]): Promise<number> {
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

  const read = readBundleFile(file);
  if (!read.ok) {
    if ('usage' in read) return usageError(read.usage, usage);
    print({ file, error: errorJson(read.error) });
    return printRefusal(read.error);
  }
  const untrusted = readHeader(read.bytes);
  if (!untrusted.ok) {
    print({ file, bytes: read.bytes.length, header: null, error: errorJson(untrusted.error) });
    return printRefusal(untrusted.error);
  }
  const header = untrusted.value.claimedHeader;
  const base = {
    file,
    bytes: read.bytes.length,
    header,
    senderFingerprint: keyFingerprintOfBase64(header.senderPublicKey),
    recipientFingerprint: keyFingerprintOfBase64(header.recipientPublicKey),
  };
  const verified = verifyBundle(untrusted.value, trust);
  if (!verified.ok) {
    print({ ...base, signature: 'invalid', manifest: null, error: errorJson(verified.error) });
    return printRefusal(verified.error);
  }
  const signed = { ...base, signature: 'valid', trust: verified.value.trust };
  if (keys === null) {
    print({ ...signed, manifest: null, note: 'manifest is inside the encrypted payload: pass --key to read it' });
    return 0;
  }
  const opened = await openBundle(verified.value, decrypterFromSecretKey(keys.value.encryption.secretKey), { recipientId: keys.value.id });
  if (!opened.ok) {
    print({ ...signed, manifest: null, error: errorJson(opened.error) });
    return printRefusal(opened.error);
  }
  print({ ...signed, manifest: opened.value.manifest });
  return 0;
}
