/**
 * What a file really is, from its first bytes (never from its name): the attachments a meeting
 * may carry are photos and scans — JPEG, PNG, WebP, PDF — up to a bounded size.
 */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_RECORD = 50;

export type AttachmentMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export function sniffMime(bytes: Uint8Array): AttachmentMime | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47 && b(4) === 0x0d && b(5) === 0x0a && b(6) === 0x1a && b(7) === 0x0a) return 'image/png';
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) return 'image/webp';
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46 && b(4) === 0x2d) return 'application/pdf';
  return null;
}

/** Why a file cannot be attached (in Chinese), or null when it can. */
export function attachmentProblem(name: string, bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return `“${name}”是空文件，请重新选择`;
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return `“${name}”有 ${mb} MB，超过单个附件 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 的上限。请压缩照片或分页扫描后再添加`;
  }
  if (!sniffMime(bytes)) return `“${name}”不是照片（JPG、PNG、WebP）或 PDF 扫描件，不能作为附件`;
  return null;
}
