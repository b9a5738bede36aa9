/**
 * TEST ONLY. The signing key of a synthetic fixture unit's device, derived from its device id so
 * that fixture files need carry no secrets and tests, benchmarks and the CLI agree on it:
 *
 *     Ed25519 secret key = SHA-256(UTF-8("taizhang-fixture-device-key:" + deviceId))
 *
 * Anyone can derive these keys: they exist for synthetic data and must never sign real data.
 * Real devices make non-extractable WebCrypto keys (renderer/identity/deviceIdentity.ts).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { signerFromSecretKey, signingPublicKeyOf } from '../../shared/bundle';
import type { BundleSigner } from '../../shared/bundle';

export const FIXTURE_DEVICE_KEY_PREFIX = 'taizhang-fixture-device-key:';

export function fixtureDeviceSecretKey(deviceId: string): Uint8Array {
  return sha256(utf8ToBytes(FIXTURE_DEVICE_KEY_PREFIX + deviceId));
}

export function fixtureDeviceSigner(deviceId: string): BundleSigner {
  return signerFromSecretKey(fixtureDeviceSecretKey(deviceId));
}

export function fixtureDevicePublicKey(deviceId: string): Uint8Array {
  return signingPublicKeyOf(fixtureDeviceSecretKey(deviceId));
}
