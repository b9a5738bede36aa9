/** `--sender-key`: a base64 Ed25519 public key, or a public/private key file whose signing key is meant. */
import { publicKeyFromBase64 } from '../../shared/bundle';
import type { PartyRole } from './direction';
import { readPublicKeyFile } from './keyFiles';

export type SenderKeyResult =
  | { ok: true; key: Uint8Array; /** The key file's party, when a file was given. */ party: { role: PartyRole; id: string } | null }
  | { ok: false; message: string };

export function resolveSenderKey(text: string): SenderKeyResult {
  const raw = publicKeyFromBase64(text.trim());
  if (raw !== null) return { ok: true, key: raw, party: null };
  const file = readPublicKeyFile(text);
  if (file.ok) return { ok: true, key: file.value.signingPublicKey, party: { role: file.value.role, id: file.value.id } };
  return { ok: false, message: `--sender-key 既不是 Base64 公钥，也不是公钥文件 (neither a base64 Ed25519 key nor a key file): ${file.message}` };
}
