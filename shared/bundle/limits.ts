/**
 * Every size bound of the sync-bundle reader (docs/bundle-format.md §8), in one place. They are
 * checked BEFORE the work they guard: the file size before reading the header, the header length
 * before parsing it, the zip's declared entry sizes before inflating anything, each NDJSON line's
 * byte length before JSON.parse. The encoder refuses to write a bundle the reader would refuse.
 *
 * Chosen for a unit of a few thousand members with years of meetings and scanned attachments,
 * opened in one Chromium renderer: everything here fits in memory at once, with room to spare.
 */
const KiB = 1024;
const MiB = 1024 * KiB;

export interface BundleLimits {
  /** Whole `.tzb` file. */
  readonly maxFileBytes: number;
  /** The plain JSON header. */
  readonly maxHeaderBytes: number;
  /** Entries in the payload zip (manifest + record parts + attachments). */
  readonly maxEntries: number;
  /** `manifest.json`, uncompressed. */
  readonly maxManifestBytes: number;
  /** One `records/<table>.ndjson`, uncompressed. */
  readonly maxRecordsPartBytes: number;
  /** One `attachments/<sha256>`, uncompressed. */
  readonly maxAttachmentBytes: number;
  /** Sum of every entry, uncompressed. */
  readonly maxTotalUncompressedBytes: number;
  /** Inflated / compressed size of one entry, checked for entries larger than `ratioFloorBytes`. */
  readonly maxCompressionRatio: number;
  /** Entries at most this large are exempt from the ratio check (tiny files compress well and are harmless). */
  readonly ratioFloorBytes: number;
  /** One NDJSON line (one record), in bytes, without its newline. */
  readonly maxRecordBytes: number;
  /** Records in the whole bundle. */
  readonly maxRecords: number;
  /** Attachment files in the bundle. */
  readonly maxAttachments: number;
  /** Nesting depth of a record's JSON (objects and arrays). */
  readonly maxJsonDepth: number;
}

export const BUNDLE_LIMITS: BundleLimits = Object.freeze({
  maxFileBytes: 256 * MiB,
  maxHeaderBytes: 16 * KiB,
  maxEntries: 5_100,
  maxManifestBytes: 2 * MiB,
  maxRecordsPartBytes: 128 * MiB,
  maxAttachmentBytes: 32 * MiB,
  maxTotalUncompressedBytes: 512 * MiB,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1 * MiB,
  maxRecordBytes: 1 * MiB,
  maxRecords: 1_000_000,
  maxAttachments: 5_000,
  maxJsonDepth: 16,
});

/** Limits of the passphrase-sealed secret box (key backup files). */
export const PASSPHRASE_LIMITS = Object.freeze({
  /** The whole sealed file. */
  maxFileBytes: 64 * KiB,
  /** The secret inside. */
  maxSecretBytes: 16 * KiB,
  minPassphraseLength: 8,
  maxPassphraseLength: 1024,
  /** scrypt cost bounds accepted when opening (log2 N); outside them the file is refused, unread. */
  minLogN: 15,
  maxLogN: 18,
});
