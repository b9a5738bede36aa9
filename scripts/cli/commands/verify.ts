/**
 * `npx taizhang verify <file.tzb> [--key private.json] [--sender-key KEY]`
 *
 * The key files' roles decide the direction (scripts/cli/direction.ts): a committee's `--key` opens
 * only unit-to-committee bundles, a unit's only committee-to-unit ones; a `--sender-key` key file
 * must be the party the header names as sender.
 *
 * Checks the structure and the signature (with the sender key given, or else the key the header
 * names, whose fingerprint must then be compared by a person). With `--key` it also decrypts,
 * checks every part against the manifest and every record against its schema, and prints the
 * counts. Exit 0 valid, 1 invalid (the Chinese reason on stderr), 2 usage error.
 */
import { decrypterFromSecretKey, openBundle, readHeader, verifyBundle } from '../../../shared/bundle';
import { usageError } from '../args';
import { checkKeyFiles, parseBundleCommandArgs } from '../bundleArgs';
import { kindReceivedBy } from '../direction';
import { printCounts, printHeader, printRefusal, readBundleFile } from '../bundleText';

export const usage =
  '校验同步包 verify a bundle: verify <file.tzb> [--key <私钥文件 private key file: committee or unit>] [--sender-key <base64|key file>]';

export async function run(args: readonly string[]): Promise<number> {
  const parsedArgs = parseBundleCommandArgs(args, usage);
  if (typeof parsedArgs === 'number') return parsedArgs;
  const { file, trust, keys } = parsedArgs;

  const read = readBundleFile(file);
  if (!read.ok) return 'usage' in read ? usageError(read.usage, usage) : printRefusal(read.error);

  const untrusted = readHeader(read.bytes);
  if (!untrusted.ok) return printRefusal(untrusted.error);
  printHeader(untrusted.value.claimedHeader, read.bytes.length);
  const misfit = checkKeyFiles(untrusted.value.claimedHeader, parsedArgs);
  if (misfit !== null) return printRefusal(misfit);

  const verified = verifyBundle(untrusted.value, trust);
  if (!verified.ok) return printRefusal(verified.error);
  console.log(
    verified.value.trust === 'pinned'
      ? '签名 (signature): 有效，且与指定的发送方公钥一致 (valid, by the given sender key)'
      : `签名 (signature): 有效 (valid)；发送方公钥未经核对，请与发送方核对指纹 ${verified.value.senderFingerprint} (sender key not pinned: compare the fingerprint)`,
  );

  if (keys === null) {
    console.log('未提供 --key，未解密内容 (no --key: payload not decrypted, manifest and records not checked)');
    console.log('结果 (result): 结构和签名有效 (structure and signature valid)');
    return 0;
  }
  const opened = await openBundle(verified.value, decrypterFromSecretKey(keys.value.encryption.secretKey), {
    recipientId: keys.value.id,
    kind: kindReceivedBy(keys.value.role),
  });
  if (!opened.ok) return printRefusal(opened.error);
  console.log('解密 (decryption): 成功 (ok)；清单哈希全部一致 (all manifest hashes match)；每条记录校验通过 (every record valid)');
  printCounts(opened.value);
  console.log('结果 (result): 有效 (valid)');
  return 0;
}
