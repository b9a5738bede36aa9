/**
 * The CPU-heavy stages of an import — verify (SHA-256 of the payload, Ed25519), then open (decrypt,
 * bounded unzip, the manifest's hashes, every record checked) — behind one small interface, so that
 * the 同步 page can run them in a Web Worker (renderer/workers/importOpenClient.ts) while
 * `prepareImport` keeps the look-ups between the two stages (already imported? this device's keys)
 * on its side, in the same order as before. `openInProcess` runs them here (Node, tests, the CLI).
 */
import { deviceDecrypter } from './deviceKeys';
import { openBundle, readHeader, verifyBundleAsync, type BundleHeader, type OpenedBundle, type SenderTrust, type VerifiedBundle } from '../../../shared/bundle';
import type { BundleError } from '../../../shared/bundle/errors';
import type { BundleKind } from '../../../shared/bundle/header';
import { BugError, ok, type Result } from '../../../shared/errors/errors';
import type { DeviceRow } from '../localTypes';

/** What the decrypter needs of this device's row (its X25519 key pair; the private key is a non-extractable CryptoKey). */
export type DeviceDecryptionKeys = Pick<DeviceRow, 'encryptionPublicKey' | 'encryptionPrivateKey'>;

export interface OpenStageOptions {
  readonly recipientId: string;
  readonly kind: BundleKind;
  /** Progress of the record checks, as `OpenOptions.onRecordsChecked`. */
  readonly onRecordsChecked?: (done: number, total: number) => void | Promise<void>;
}

/** One import's stages, in this order: verify, then (after the caller's own checks) open; dispose at the end either way. */
export interface OpenSteps {
  /** readHeader + verifyBundle on the file: the verified header, or why not. */
  verify(bytes: Uint8Array, trust: SenderTrust): Promise<Result<BundleHeader, BundleError>>;
  /** openBundle on the bundle verified above. */
  open(device: DeviceDecryptionKeys, options: OpenStageOptions): Promise<Result<OpenedBundle, BundleError>>;
  dispose(): void;
}

export type BundleOpener = () => OpenSteps;

/** The stages run right here (where there is no Worker, and in Node). */
export const openInProcess: BundleOpener = () => {
  let verified: VerifiedBundle | null = null;
  return {
    async verify(bytes, trust) {
      const untrusted = readHeader(bytes);
      if (!untrusted.ok) return untrusted;
      const v = await verifyBundleAsync(untrusted.value, trust);
      if (!v.ok) return v;
      verified = v.value;
      return ok(v.value.header);
    },
    open(device, options) {
      if (verified === null) throw new BugError('open before a successful verify');
      return openBundle(verified, deviceDecrypter(device), options);
    },
    dispose() {
      verified = null;
    },
  };
};

let defaultOpener: BundleOpener = openInProcess;

/** The opener prepareImport uses when its caller names none: the 同步 screens set the import worker's (importOpenClient.ts). */
export function setDefaultBundleOpener(opener: BundleOpener): void {
  defaultOpener = opener;
}

export function defaultBundleOpener(): BundleOpener {
  return defaultOpener;
}
