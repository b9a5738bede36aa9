/**
 * The sync bundle, format 1 (docs/bundle-format.md): encode, sign and encrypt on export; read,
 * verify, decrypt and check on import. Pure code: the same in the app (renderer or worker), the CLI
 * and the tests.
 */
export { BUNDLE_ERROR_KINDS, BUNDLE_ERROR_MESSAGES, bundleError, isBundleErrorKind } from './errors';
export type { BundleError, BundleErrorKind } from './errors';
export { BUNDLE_LIMITS, PASSPHRASE_LIMITS } from './limits';
export type { BundleLimits } from './limits';
export {
  BUNDLE_FORMAT,
  BUNDLE_KINDS,
  BUNDLE_SCHEMA_VERSION,
  BUNDLE_VERSION,
  BundleHeaderSchema,
  ChangeRangeSchema,
} from './header';
export type { BundleHeader, BundleKind, ChangeRange, EncryptionInfo } from './header';
export { BundleManifestSchema, MANIFEST_PATH } from './manifest';
export type { BundleManifest, ManifestAttachment, ManifestTable } from './manifest';
export type { BundleRecords } from './records';
export {
  bytesEqual,
  generateEncryptionKeyPair,
  generateSigningKeyPair,
  encryptionPublicKeyOf,
  keyFingerprint,
  keyFingerprintOfBase64,
  publicKeyFromBase64,
  publicKeyToBase64,
  signingPublicKeyOf,
} from './keys';
export type { KeyPair } from './keys';
export { decrypterFromSecretKey, PAYLOAD_ALG, signerFromSecretKey } from './crypto';
export type { BundleDecrypter, BundleSigner, RandomSource } from './crypto';
export { encodeBundle } from './encode';
export type { EncodeBundleInput, EncodedBundle, EncodeOptions } from './encode';
export { decodeBundle, openBundle, readHeader, RECORD_PROGRESS_STEP, verifyBundle, verifyBundleAsync } from './decode';
export type { OpenedBundle, OpenOptions, SenderTrust, UntrustedBundle, VerifiedBundle } from './decode';
export { openWithPassphrase, sealWithPassphrase } from './passphrase';
export type { SealOptions } from './passphrase';
export { canonicalBytes, canonicalJson } from './canonical';
