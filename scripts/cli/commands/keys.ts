/**
 * `npx taizhang keys --out DIR [--id UUID] [--name TEXT] [--force]`
 *
 * Makes a committee key pair for tests and benchmarks: Ed25519 (signing) and X25519 (encryption),
 * written to DIR/committee.public.json and DIR/committee.private.json. The private file is PLAIN
 * (mode 0600) and says so in its `warning` field; never use it for real data.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateEncryptionKeyPair, generateSigningKeyPair, keyFingerprint } from '../../../shared/bundle';
import { isUuidV7, newId } from '../../../shared/ids/uuidv7';
import { parseCommandArgs, usageError } from '../args';
import { PRIVATE_KEY_FILE, privateKeyFileJson, PUBLIC_KEY_FILE, publicKeyFileJson, TEST_KEY_WARNING_ZH } from '../keyFiles';

export const usage = '生成工委测试密钥 make committee test keys: keys --out DIR [--id UUIDv7] [--name 名称] [--force]';

export async function run(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, { out: { type: 'string' }, id: { type: 'string' }, name: { type: 'string' }, force: { type: 'boolean' } });
  if (!parsed.ok) return usageError(parsed.message, usage);
  const { out, id, name, force } = parsed.values;
  if (typeof out !== 'string' || parsed.positionals.length > 0) return usageError('需要 --out DIR (--out DIR is required)', usage);
  if (id !== undefined && (typeof id !== 'string' || !isUuidV7(id))) return usageError('--id 必须是小写 UUIDv7 (--id must be a lower-case UUIDv7)', usage);

  const publicPath = path.join(out, PUBLIC_KEY_FILE);
  const privatePath = path.join(out, PRIVATE_KEY_FILE);
  if (force !== true && (existsSync(publicPath) || existsSync(privatePath))) {
    return usageError(`密钥文件已存在，如需覆盖请加 --force (key files exist in ${out}; pass --force to overwrite)`, usage);
  }
  const keys = {
    role: 'committee' as const,
    id: typeof id === 'string' ? id : newId(),
    name: typeof name === 'string' ? name : '市委直属机关工委（测试）',
    signing: generateSigningKeyPair(),
    encryption: generateEncryptionKeyPair(),
    createdAt: new Date().toISOString(),
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(publicPath, publicKeyFileJson(keys), { mode: 0o644 });
  writeFileSync(privatePath, privateKeyFileJson(keys), { mode: 0o600 });
  console.log(`已生成工委测试密钥 (committee test keys written): ${out}`);
  console.log(`  工委编号 (committee id): ${keys.id}`);
  console.log(`  公钥文件 (public): ${publicPath}`);
  console.log(`  私钥文件 (private, PLAIN): ${privatePath} — ${TEST_KEY_WARNING_ZH}`);
  console.log(`  签名公钥指纹 (signing fingerprint): ${keyFingerprint(keys.signing.publicKey)}`);
  console.log(`  加密公钥指纹 (encryption fingerprint): ${keyFingerprint(keys.encryption.publicKey)}`);
  return 0;
}
