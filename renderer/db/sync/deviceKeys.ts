/**
 * The bundle codec's signer and decrypter over this device's non-extractable WebCrypto keys
 * (renderer/identity/deviceIdentity.ts): `crypto.subtle.sign('Ed25519', …)` and
 * `crypto.subtle.deriveBits({ name: 'X25519', public }, …, 256)`. The codec speaks raw 32-byte
 * public keys; the device row stores them in base64.
 */
import type { BundleDecrypter, BundleSigner } from '../../../shared/bundle';
import { publicKeyFromBase64 } from '../../../shared/bundle';
import { BugError } from '../../../shared/errors/errors';
import type { DeviceRow } from '../localTypes';

function rawKey(base64: string, what: string): Uint8Array {
  const raw = publicKeyFromBase64(base64);
  if (raw === null) throw new BugError(`device row: ${what} public key is not a raw 32-byte key`);
  return raw;
}

export function deviceSigner(device: DeviceRow): BundleSigner {
  return {
    publicKey: rawKey(device.signingPublicKey, 'signing'),
    async sign(message) {
      return new Uint8Array(await crypto.subtle.sign('Ed25519', device.signingPrivateKey, message as Uint8Array<ArrayBuffer>));
    },
  };
}

export function deviceDecrypter(device: Pick<DeviceRow, 'encryptionPublicKey' | 'encryptionPrivateKey'>): BundleDecrypter {
  return {
    publicKey: rawKey(device.encryptionPublicKey, 'encryption'),
    async deriveSharedSecret(ephemeralPublicKey) {
      const peer = await crypto.subtle.importKey('raw', ephemeralPublicKey as Uint8Array<ArrayBuffer>, { name: 'X25519' }, false, []);
      const bits = await crypto.subtle.deriveBits({ name: 'X25519', public: peer }, device.encryptionPrivateKey, 256);
      return new Uint8Array(bits);
    },
  };
}
