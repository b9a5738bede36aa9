/**
 * Interoperability: a bundle is checked and opened with Node's own `node:crypto` and fflate's
 * stock unzip only, following docs/bundle-format.md step by step — none of the code that wrote it.
 * And the other way round: a signature made by node:crypto is accepted by verifyBundle.
 */
import {
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  sign,
  verify,
} from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readHeader, verifyBundle } from './decode';
import { encodeBundle } from './encode';
import { sampleUnitContent, testParty, unitBundleInput } from './testing/testkit';

const unit = testParty('interop-unit');
const committee = testParty('interop-committee');

async function sampleBundle(): Promise<Buffer> {
  const r = await encodeBundle(unitBundleInput(unit, committee, sampleUnitContent(unit.id, unit.deviceId, 30, 5, 2)), unit.signer);
  if (!r.ok) throw new Error(r.error.detail);
  return Buffer.from(r.value.bytes);
}

/** docs/bundle-format.md §2: split the file. */
function split(file: Buffer): { header: Buffer; signature: Buffer; payload: Buffer } {
  expect(file.subarray(0, 8).toString('latin1')).toBe('TZBUNDLE');
  const h = file.readUInt32BE(8);
  return { header: file.subarray(12, 12 + h), signature: file.subarray(12 + h, 76 + h), payload: file.subarray(76 + h) };
}

/** docs/bundle-format.md §5.1: the signed bytes. */
function signedBytes(header: Buffer, payload: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from('taizhang-bundle/v1 signature', 'ascii'),
    Buffer.from([0]),
    header,
    createHash('sha256').update(payload).digest(),
  ]);
}

describe('interop with node:crypto', () => {
  it('verifies the signature with node:crypto (JWK and SPKI DER forms of the raw key)', async () => {
    const file = await sampleBundle();
    const { header, signature, payload } = split(file);
    const h = JSON.parse(header.toString('utf8'));
    const raw = Buffer.from(h.senderPublicKey, 'base64');
    const fromJwk = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
    const fromDer = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]), format: 'der', type: 'spki' });
    expect(verify(null, signedBytes(header, payload), fromJwk, signature)).toBe(true);
    expect(verify(null, signedBytes(header, payload), fromDer, signature)).toBe(true);
    expect(payload.length).toBe(h.payloadBytes);

    const tampered = Buffer.from(payload);
    tampered[0]! ^= 1;
    expect(verify(null, signedBytes(header, tampered), fromJwk, signature)).toBe(false);
  });

  it('decrypts with node:crypto and checks the manifest with a stock unzip', async () => {
    const file = await sampleBundle();
    const { header, payload } = split(file);
    const h = JSON.parse(header.toString('utf8'));
    const b64url = (b64: string): string => Buffer.from(b64, 'base64').toString('base64url');

    // §5.2: X25519(recipient secret, ephemeral public) → HKDF-SHA256 → AES-256-GCM, AAD = header bytes
    const recipientSecret = createPrivateKey({
      key: { kty: 'OKP', crv: 'X25519', d: Buffer.from(committee.encryption.secretKey).toString('base64url'), x: b64url(h.recipientPublicKey) },
      format: 'jwk',
    });
    const ephemeral = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64url(h.encryption.ephemeralPublicKey) }, format: 'jwk' });
    const shared = diffieHellman({ privateKey: recipientSecret, publicKey: ephemeral });
    const salt = Buffer.concat([Buffer.from(h.encryption.ephemeralPublicKey, 'base64'), Buffer.from(h.recipientPublicKey, 'base64')]);
    const key = Buffer.from(hkdfSync('sha256', shared, salt, Buffer.from('taizhang-bundle/v1 payload key'), 32));
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(h.encryption.nonce, 'base64'));
    decipher.setAAD(header);
    decipher.setAuthTag(payload.subarray(payload.length - 16));
    const zip = Buffer.concat([decipher.update(payload.subarray(0, payload.length - 16)), decipher.final()]);

    // §7: manifest.json lists every other entry with its SHA-256
    const files = unzipSync(zip);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
    expect(manifest.bundleId).toBe(h.bundleId);
    const listed = ['manifest.json'];
    for (const t of manifest.tables) {
      const data = files[`records/${t.table}.ndjson`]!;
      listed.push(`records/${t.table}.ndjson`);
      expect(createHash('sha256').update(data).digest('hex')).toBe(t.sha256);
      expect(Buffer.from(data).toString('utf8').split('\n').length - 1).toBe(t.count);
    }
    for (const a of manifest.attachments) {
      listed.push(`attachments/${a.sha256}`);
      expect(createHash('sha256').update(files[`attachments/${a.sha256}`]!).digest('hex')).toBe(a.sha256);
    }
    expect(Object.keys(files).sort()).toEqual(listed.sort());
  });

  it('accepts a signature made by node:crypto over the same bytes', async () => {
    const file = await sampleBundle();
    const { header, payload } = split(file);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
    const h = JSON.parse(header.toString('utf8'));
    h.senderPublicKey = raw.toString('base64');
    // canonical form: keys sorted, no whitespace (the header has only strings, integers, booleans, null and objects)
    const canonical = (v: unknown): string =>
      v !== null && typeof v === 'object'
        ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
        : JSON.stringify(v);
    const newHeader = Buffer.from(canonical(h), 'utf8');
    const signature = sign(null, signedBytes(newHeader, payload), privateKey);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(newHeader.length);
    const forged = Buffer.concat([Buffer.from('TZBUNDLE'), length, newHeader, signature, payload]);
    const untrusted = readHeader(forged);
    expect(untrusted.ok).toBe(true);
    if (!untrusted.ok) return;
    expect(verifyBundle(untrusted.value, new Uint8Array(raw)).ok).toBe(true);
  });
});
