/**
 * `npx taizhang inspect <file.tzb> [--key private.json] [--sender-key KEY]`
 *
 * The key files' roles decide the direction (scripts/cli/direction.ts): a committee's `--key` opens
 * only unit-to-committee bundles, a unit's only committee-to-unit ones; a `--sender-key` key file
 * must be the party the header names as sender.
 *
 * Prints the header and (with `--key`) the manifest as JSON on stdout. The signature is verified
 * before anything is decrypted; a refusal is reported in the JSON (`error`) and on stderr, exit 1.
 */
import { decrypterFromSecretKey, keyFingerprintOfBase64, openBundle, readHeader, verifyBundle } from '../../../shared/bundle';
import type { BundleError } from '../../../shared/bundle';
import { usageError } from '../args';
import { checkKeyFiles, parseBundleCommandArgs } from '../bundleArgs';
import { kindReceivedBy } from '../direction';
import { printRefusal, readBundleFile } from '../bundleText';

export const usage =
  '以 JSON 显示同步包头部和清单 print header and manifest as JSON: inspect <file.tzb> [--key <私钥文件 private key file: committee or unit>] [--sender-key <base64|key file>]';

function print(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

function errorJson(e: BundleError): { kind: string; message: string; detail: string } {
  return { kind: e.kind, message: e.message, detail: e.detail };
}

export async function run(args: readonly string[]): Promise<number> {
  const parsedArgs = parseBundleCommandArgs(args, usage);
  if (typeof parsedArgs === 'number') return parsedArgs;
  const { file, trust, keys } = parsedArgs;

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
  const misfit = checkKeyFiles(header, parsedArgs);
  if (misfit !== null) {
    print({ ...base, signature: null, manifest: null, error: errorJson(misfit) });
    return printRefusal(misfit);
  }
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
  const opened = await openBundle(verified.value, decrypterFromSecretKey(keys.value.encryption.secretKey), {
    recipientId: keys.value.id,
    kind: kindReceivedBy(keys.value.role),
  });
  if (!opened.ok) {
    print({ ...signed, manifest: null, error: errorJson(opened.error) });
    return printRefusal(opened.error);
  }
  print({ ...signed, manifest: opened.value.manifest });
  return 0;
}
