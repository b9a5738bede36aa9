import { describe, expect, it } from 'vitest';
import { attachmentProblem, MAX_ATTACHMENT_BYTES, sniffMime } from './fileKind';

const withHead = (head: number[], size = 64) => {
  const b = new Uint8Array(size);
  b.set(head);
  return b;
};

describe('attachment file kinds', () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
    [[0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50], 'image/webp'],
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'application/pdf'],
    [[0x50, 0x4b, 0x03, 0x04], null], // a zip (or .docx) renamed to .jpg
    [[0x4d, 0x5a], null], // an .exe
  ])('%j → %s', (head, mime) => {
    expect(sniffMime(withHead(head))).toBe(mime);
  });

  it('refuses empty, oversized and unknown files with a Chinese reason', () => {
    expect(attachmentProblem('签到表.jpg', new Uint8Array(0))).toBe('“签到表.jpg”是空文件，请重新选择');
    expect(attachmentProblem('大照片.jpg', withHead([0xff, 0xd8, 0xff], MAX_ATTACHMENT_BYTES + 1))).toMatch(/超过单个附件 20 MB 的上限/);
    expect(attachmentProblem('会议.docx', withHead([0x50, 0x4b, 0x03, 0x04]))).toBe('“会议.docx”不是照片（JPG、PNG、WebP）或 PDF 扫描件，不能作为附件');
    expect(attachmentProblem('照片.jpg', withHead([0xff, 0xd8, 0xff]))).toBeNull();
  });
});
