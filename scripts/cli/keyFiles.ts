/**
 * The CLI's key files (`npx taizhang keys --out DIR`), for tests and benchmarks:
 *
 *   committee.public.json   { format: 'taizhang-public-key', version: 1, role: 'committee', id, name,
 *                             signingPublicKey, signingFingerprint, encryptionPublicKey,
 *                             encryptionFingerprint, createdAt }
 *   committee.private.json  { format: 'taizhang-test-private-key', version: 1, warning, role, id, name,
 *                             signingPublicKey, signingSecretKey, encryptionPublicKey,
 *                             encryptionSecretKey, createdAt }
 *
 * Keys are raw 32-byte values in base64. The private file is PLAIN and says so: it is the only
 * place secret keys are ever written unencrypted. The app keeps its keys as non-extractable
 * WebCrypto keys, and a committee key backup is sealed under a passphrase (shared/bundle/passphrase.ts).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  bytesEqual,
  encryptionPublicKeyOf,
  keyFingerprint,
  publicKeyFromBase64,
  publicKeyToBase64,
  signingPublicKeyOf,
} from '../../shared/bundle';
import type { KeyPair } from '../../shared/bundle';
import { isUuidV7 } from '../../shared/ids/uuidv7';

export const TEST_KEY_WARNING = 'TEST KEY FILE — plain, unencrypted; never use for real data';
export const TEST_KEY_WARNING_ZH = '测试用密钥文件——未加密，切勿用于真实数据';
export const PUBLIC_KEY_FILE = 'committee.public.json';
export const PRIVATE_KEY_FILE = 'committee.private.json';
const MAX_KEY_FILE_BYTES = 64 * 1024;

const key = z.string().refine((s) => publicKeyFromBase64(s) !== null, { message: 'not a base64 32-byte key' });
const id = z.string().refine(isUuidV7, { message: 'not a UUIDv7' });

const PublicKeyFileSchema = z.strictObject({
  format: z.literal('taizhang-public-key'),
  version: z.literal(1),
  role: z.enum(['committee', 'unit']),
  id,
  name: z.string(),
  signingPublicKey: key,
  signingFingerprint: z.string(),
  encryptionPublicKey: key,
  encryptionFingerprint: z.string(),
  createdAt: z.string(),
});

const PrivateKeyFileSchema = z.strictObject({
  format: z.literal('taizhang-test-private-key'),
  version: z.literal(1),
  warning: z.literal(TEST_KEY_WARNING),
  warningZh: z.literal(TEST_KEY_WARNING_ZH),
  role: z.enum(['committee', 'unit']),
  id,
  name: z.string(),
  signingPublicKey: key,
  signingSecretKey: key,
  encryptionPublicKey: key,
  encryptionSecretKey: key,
  createdAt: z.string(),
});

export interface PartyKeys {
  readonly role: 'committee' | 'unit';
  readonly id: string;
  readonly name: string;
  readonly signing: KeyPair;
  readonly encryption: KeyPair;
  readonly createdAt: string;
}

export interface PublicPartyKeys {
  readonly role: 'committee' | 'unit';
  readonly id: string;
  readonly name: string;
  readonly signingPublicKey: Uint8Array;
  readonly encryptionPublicKey: Uint8Array;
}

export function publicKeyFileJson(keys: PartyKeys): string {
  return `${JSON.stringify(
    {
      format: 'taizhang-public-key',
      version: 1,
      role: keys.role,
      id: keys.id,
      name: keys.name,
      signingPublicKey: publicKeyToBase64(keys.signing.publicKey),
      signingFingerprint: keyFingerprint(keys.signing.publicKey),
      encryptionPublicKey: publicKeyToBase64(keys.encryption.publicKey),
      encryptionFingerprint: keyFingerprint(keys.encryption.publicKey),
      createdAt: keys.createdAt,
    },
    null,
    2,
  )}\n`;
}

export function privateKeyFileJson(keys: PartyKeys): string {
  return `${JSON.stringify(
    {
      format: 'taizhang-test-private-key',
      version: 1,
      warning: TEST_KEY_WARNING,
      warningZh: TEST_KEY_WARNING_ZH,
      role: keys.role,
      id: keys.id,
      name: keys.name,
      signingPublicKey: publicKeyToBase64(keys.signing.publicKey),
      signingSecretKey: publicKeyToBase64(keys.signing.secretKey),
      encryptionPublicKey: publicKeyToBase64(keys.encryption.publicKey),
      encryptionSecretKey: publicKeyToBase64(keys.encryption.secretKey),
      createdAt: keys.createdAt,
    },
    null,
    2,
  )}\n`;
}

export type KeyFileResult<T> = { ok: true; value: T } | { ok: false; message: string };

function readJson(path: string): KeyFileResult<unknown> {
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_KEY_FILE_BYTES) return { ok: false, message: `密钥文件过大 (key file too large): ${path}` };
    text = bytes.toString('utf8');
  } catch {
    return { ok: false, message: `无法读取密钥文件 (cannot read key file): ${path}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: `密钥文件不是有效的 JSON (key file is not JSON): ${path}` };
  }
}

const raw = (s: string): Uint8Array => publicKeyFromBase64(s) as Uint8Array;

/** Read a public key file, or the public half of a private key file. */
export function readPublicKeyFile(path: string): KeyFileResult<PublicPartyKeys> {
  const json = readJson(path);
  if (!json.ok) return json;
  const pub = PublicKeyFileSchema.safeParse(json.value);
  if (pub.success) {
    const d = pub.data;
    return { ok: true, value: { role: d.role, id: d.id, name: d.name, signingPublicKey: raw(d.signingPublicKey), encryptionPublicKey: raw(d.encryptionPublicKey) } };
  }
  const priv = readPrivateKeyFile(path);
  if (priv.ok) {
    const d = priv.value;
    return { ok: true, value: { role: d.role, id: d.id, name: d.name, signingPublicKey: d.signing.publicKey, encryptionPublicKey: d.encryption.publicKey } };
  }
  return { ok: false, message: `不是公钥文件 (not a taizhang public key file): ${path}` };
}

/** Read a plain test private key file; the public keys in it must match the secret ones. */
export function readPrivateKeyFile(path: string): KeyFileResult<PartyKeys> {
  const json = readJson(path);
  if (!json.ok) return json;
  const parsed = PrivateKeyFileSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, message: `不是测试私钥文件 (not a taizhang test private key file): ${path}` };
  const d = parsed.data;
  const signing = { secretKey: raw(d.signingSecretKey), publicKey: raw(d.signingPublicKey) };
  const encryption = { secretKey: raw(d.encryptionSecretKey), publicKey: raw(d.encryptionPublicKey) };
  if (!bytesEqual(signingPublicKeyOf(signing.secretKey), signing.publicKey) || !bytesEqual(encryptionPublicKeyOf(encryption.secretKey), encryption.publicKey)) {
    return { ok: false, message: `私钥文件中的公钥与私钥不匹配 (key file public and secret keys do not match): ${path}` };
  }
  return { ok: true, value: { role: d.role, id: d.id, name: d.name, signing, encryption, createdAt: d.createdAt } };
}
