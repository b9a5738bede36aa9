/**
 * Turning a chosen file into an attachment: checked by its bytes (shared/attachments), hashed with
 * SHA-256, and for photos a small JPEG thumbnail made in the browser.
 */
import { attachmentProblem, sniffMime } from '../../../shared/attachments/fileKind';
import { ExpectedFailure, expectedError } from '../../../shared/errors/errors';
import type { NewAttachment } from '../../db/meetingRepository';

const THUMB_SIZE = 240;

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function thumbnail(blob: Blob): Promise<Blob | null> {
  try {
    const bitmap = await createImageBitmap(blob);
    const scale = Math.min(1, THUMB_SIZE / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  } catch {
    return null; // a photo the engine cannot decode still attaches, shown with a file icon
  }
}

export async function prepareAttachment(name: string, bytes: Uint8Array): Promise<NewAttachment> {
  const problem = attachmentProblem(name, bytes);
  if (problem) throw new ExpectedFailure(expectedError('attachment-refused', problem));
  const mime = sniffMime(bytes)!;
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
  return {
    name,
    mime,
    sha256: await sha256Hex(bytes),
    bytes,
    thumbnail: mime.startsWith('image/') ? await thumbnail(blob) : null,
  };
}
