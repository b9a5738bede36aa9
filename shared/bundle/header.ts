/**
 * The plain header of a bundle (docs/bundle-format.md §4): who sent it to whom, which sequence,
 * what it covers and how the payload is encrypted. It is readable without any key, and trusted only
 * after the signature over its exact bytes has been verified (decode.ts).
 */
import { z } from 'zod';
import { isDeviceId } from '../clock/hlc';
import { isUuidV7 } from '../ids/uuidv7';
import { isIsoInstant } from '../model/primitives';
import { OLDEST_RECORD_SCHEMA_VERSION, RECORD_SCHEMA_VERSION } from '../model/upgrade';
import { PAYLOAD_ALG } from './crypto';
import { KEY_BASE64_PATTERN } from './keys';

export const BUNDLE_FORMAT = 'taizhang-bundle';
/** The container/header format version this program reads and writes. */
export const BUNDLE_VERSION = 1;
/** The record-schema version (shared/model) of the records inside. */
export const BUNDLE_SCHEMA_VERSION = RECORD_SCHEMA_VERSION;

export const BUNDLE_KINDS = ['unit-to-committee', 'committee-to-unit'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

const uuid = z.string().refine(isUuidV7, { message: 'not a lower-case UUIDv7' });
const keyBase64 = z.string().regex(KEY_BASE64_PATTERN, 'not a canonical base64 32-byte key');
const nonceBase64 = z.string().regex(/^[A-Za-z0-9+/]{16}$/, 'not a base64 12-byte nonce');
const positive = z.int().min(1).max(Number.MAX_SAFE_INTEGER);

/**
 * The local change-log sequence numbers a delta bundle covers, both inclusive:
 * fromSeq ≤ seq ≤ toSeq. `toSeq = fromSeq − 1` is an empty range (nothing changed since the last
 * receipt). A snapshot has `changeRange: null`.
 */
export const ChangeRangeSchema = z
  .strictObject({
    fromSeq: positive,
    toSeq: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  })
  .refine((r) => r.toSeq >= r.fromSeq - 1, { message: 'toSeq < fromSeq − 1' });
export type ChangeRange = z.infer<typeof ChangeRangeSchema>;

export const EncryptionInfoSchema = z.strictObject({
  alg: z.literal(PAYLOAD_ALG),
  /** Raw X25519 public key of the one-time sender key, base64. */
  ephemeralPublicKey: keyBase64,
  /** AES-GCM nonce, 12 bytes, base64. */
  nonce: nonceBase64,
});
export type EncryptionInfo = z.infer<typeof EncryptionInfoSchema>;

export const BundleHeaderSchema = z
  .strictObject({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    bundleId: uuid,
    kind: z.enum(BUNDLE_KINDS),
    /** The sending unit's id, or the committee's own id for committee-to-unit bundles. */
    senderUnitId: uuid,
    senderDeviceId: z.string().refine(isDeviceId, { message: 'not a device id' }),
    /** Raw Ed25519 public key of the sending device, base64. */
    senderPublicKey: keyBase64,
    /** Per sender (unit or committee), starting at 1, +1 per bundle. */
    sequence: positive,
    /** The receiving committee's id (unit-to-committee) or unit's id (committee-to-unit). */
    recipientId: uuid,
    /** Raw X25519 public key the payload is encrypted to, base64. */
    recipientPublicKey: keyBase64,
    createdAt: z.string().refine(isIsoInstant, { message: 'not an ISO instant' }),
    /** Record schema of the records inside (shared/model/upgrade.ts); older ones are upgraded on reading. */
    schemaVersion: z.int().min(OLDEST_RECORD_SCHEMA_VERSION).max(BUNDLE_SCHEMA_VERSION),
    /** Version of the rule profile in force at the sender (shared/rules/profile.ts). */
    ruleProfileVersion: positive,
    snapshot: z.boolean(),
    changeRange: ChangeRangeSchema.nullable(),
    /** Length of the payload (ciphertext + tag) that follows the signature: the file ends there. */
    payloadBytes: z.int().min(16).max(Number.MAX_SAFE_INTEGER),
    encryption: EncryptionInfoSchema,
  })
  .refine((h) => h.snapshot === (h.changeRange === null), { message: 'snapshot must be true exactly when changeRange is null' })
  .refine((h) => h.senderUnitId !== h.recipientId, { message: 'sender and recipient are the same' });
export type BundleHeader = z.infer<typeof BundleHeaderSchema>;

