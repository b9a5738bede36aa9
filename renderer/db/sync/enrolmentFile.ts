/**
 * The enrolment file (纳管登记文件, `.tze`) the committee gives a unit on a USB stick: who the
 * committee is, its public keys, and the id it assigns to the unit. Canonical JSON (the bundle's
 * rules), checked strictly on reading. It is not signed — a signature by a key inside the same file
 * proves nothing — so the unit's user confirms the committee's key fingerprint on import.
 *
 * Version 2 adds `unitCreditCode`, the 统一社会信用代码 the committee enrolled the unit under: a unit
 * whose own code differs refuses the file before anything is re-keyed (a file handed to the wrong
 * unit). Version 1 files (no code: entries made before it was asked for) are still read.
 */
import { z } from 'zod';
import { canonicalBytes, KEY_BASE64_PATTERN_FOR_FILES, parseEnrolmentJson } from './enrolmentJson';
import { isUuidV7 } from '../../../shared/ids/uuidv7';
import { isIsoInstant } from '../../../shared/model/primitives';
import { isValidCreditCode } from '../../../shared/model/creditCode';
import { fail, ok, type Result } from '../../../shared/errors/errors';
import { syncError, type SyncError } from './syncErrors';

export const ENROLMENT_FORMAT = 'taizhang-enrolment';
export const ENROLMENT_EXTENSION = 'tze';
const MAX_ENROLMENT_BYTES = 16 * 1024;

const uuid = z.string().refine(isUuidV7);
const key = z.string().regex(KEY_BASE64_PATTERN_FOR_FILES);

export const EnrolmentFileSchema = z
  .strictObject({
    format: z.literal(ENROLMENT_FORMAT),
    version: z.union([z.literal(1), z.literal(2)]),
    committeeId: uuid,
    committeeName: z.string().min(1).max(200),
    /** The committee's raw Ed25519 key (base64): return bundles must be signed by it. */
    committeeSigningPublicKey: key,
    /** The committee's raw X25519 key (base64): unit bundles are encrypted to it. */
    committeeEncryptionPublicKey: key,
    /** The id the committee knows the unit by; the unit's records carry it as `unitId`. */
    unitId: uuid,
    unitName: z.string().min(1).max(200),
    /** Version 2: the unit's 统一社会信用代码 as enrolled (18 characters, checked). */
    unitCreditCode: z.string().refine(isValidCreditCode).optional(),
    issuedAt: z.string().refine(isIsoInstant),
  })
  .refine((f) => (f.version === 2) === (f.unitCreditCode !== undefined));
export type EnrolmentFile = z.infer<typeof EnrolmentFileSchema>;

export function encodeEnrolmentFile(file: EnrolmentFile): Uint8Array {
  return canonicalBytes(EnrolmentFileSchema.parse(file));
}

export function parseEnrolmentFile(bytes: Uint8Array): Result<EnrolmentFile, SyncError> {
  if (bytes.length > MAX_ENROLMENT_BYTES) return fail(syncError('not-an-enrolment'));
  const value = parseEnrolmentJson(bytes);
  if (value === null) return fail(syncError('not-an-enrolment'));
  const parsed = EnrolmentFileSchema.safeParse(value);
  if (!parsed.success) return fail(syncError('not-an-enrolment'));
  if (parsed.data.committeeId === parsed.data.unitId) return fail(syncError('not-an-enrolment'));
  return ok(parsed.data);
}
