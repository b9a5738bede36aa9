/**
 * The device key card: how the committee learns the X25519 key it must encrypt return bundles to.
 * The bundle header carries the sender's signing key but no encryption key, so each unit device
 * attaches a small canonical-JSON card with both of its public keys to the unit's own `unit` record
 * (an ordinary `attachment` record + file). It travels inside the signed, encrypted bundle; the
 * committee trusts it only when its signing key equals the key that signed the bundle (docs/sync.md).
 */
import { z } from 'zod';
import { bytesToHex } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { isDeviceId } from '../../../shared/clock/hlc';
import { isUuidV7 } from '../../../shared/ids/uuidv7';
import type { Attachment } from '../../../shared/model/attachment';
import { ExpectedFailure, ok, type Result } from '../../../shared/errors/errors';
import type { TaizhangDb } from '../db';
import type { DeviceRow } from '../localTypes';
import { createRecord, type WriteError } from '../recordRepository';
import type { WriteContext } from '../writeContext';
import { canonicalBytes, KEY_BASE64_PATTERN_FOR_FILES, parseEnrolmentJson } from './enrolmentJson';
import { runWrite } from '../runWrite';

export const KEY_CARD_FORMAT = 'taizhang-device-keys';
export const KEY_CARD_MIME = 'application/json';
export const keyCardName = (deviceId: string) => `设备密钥_${deviceId}.json`;

const KeyCardSchema = z.strictObject({
  format: z.literal(KEY_CARD_FORMAT),
  version: z.literal(1),
  unitId: z.string().refine(isUuidV7),
  deviceId: z.string().refine(isDeviceId),
  signingPublicKey: z.string().regex(KEY_BASE64_PATTERN_FOR_FILES),
  encryptionPublicKey: z.string().regex(KEY_BASE64_PATTERN_FOR_FILES),
});
export type KeyCard = z.infer<typeof KeyCardSchema>;

export function keyCardBytes(unitId: string, device: DeviceRow): Uint8Array {
  return canonicalBytes({
    format: KEY_CARD_FORMAT,
    version: 1,
    unitId,
    deviceId: device.deviceId,
    signingPublicKey: device.signingPublicKey,
    encryptionPublicKey: device.encryptionPublicKey,
  });
}

export function parseKeyCard(bytes: Uint8Array): KeyCard | null {
  const parsed = KeyCardSchema.safeParse(parseEnrolmentJson(bytes));
  return parsed.success ? parsed.data : null;
}

/** The key card of this device on the unit record, written once (a normal audited write) when missing. */
export async function ensureKeyCard(ctx: WriteContext, device: DeviceRow): Promise<Result<void, WriteError>> {
  const name = keyCardName(device.deviceId);
  const existing = await ctx.db.attachment.where('[ownerTable+ownerId]').equals(['unit', ctx.ownerId]).toArray();
  if (existing.some((a) => a.name === name && !a.deleted)) return ok(undefined);
  const bytes = keyCardBytes(ctx.ownerId, device);
  const hash = bytesToHex(sha256(bytes));
  const { db } = ctx;
  return runWrite(db, [db.attachmentBlobs, db.attachment, db.changes, db.audit, db.device], async () => {
    await db.attachmentBlobs.put({ sha256: hash, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: KEY_CARD_MIME }), thumbnail: null });
    const created = await createRecord(ctx, 'attachment', { sha256: hash, mime: KEY_CARD_MIME, size: bytes.length, name, ownerTable: 'unit', ownerId: ctx.ownerId });
    if (!created.ok) throw new ExpectedFailure(created.error); // rolls the blob back too
    return ok(undefined);
  });
}

/** The card in an opened bundle whose signing key is the one that signed it, if any. */
export function findKeyCard(
  records: readonly Attachment[],
  files: ReadonlyMap<string, Uint8Array>,
  unitId: string,
  signingPublicKey: string,
): KeyCard | null {
  for (const a of records) {
    if (a.deleted || a.ownerTable !== 'unit' || a.mime !== KEY_CARD_MIME) continue;
    const bytes = files.get(a.sha256);
    if (!bytes) continue;
    const card = parseKeyCard(bytes);
    if (card && card.unitId === unitId && card.signingPublicKey === signingPublicKey) return card;
  }
  return null;
}

/** Bytes of a stored blob (attachments travel as bytes). */
export async function blobBytes(db: TaizhangDb, hash: string): Promise<Uint8Array | null> {
  const row = await db.attachmentBlobs.get(hash);
  return row ? new Uint8Array(await row.blob.arrayBuffer()) : null;
}
