import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prepareAttachment } from './attachmentPrep';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG_HEADER = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('prepareAttachment', () => {
  it('takes a PDF scan as it is: its type from its bytes, its SHA-256, no thumbnail', async () => {
    const a = await prepareAttachment('会议记录扫描件.pdf', PDF);
    expect(a).toMatchObject({ name: '会议记录扫描件.pdf', mime: 'application/pdf', thumbnail: null });
    expect(a.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(a.bytes).toBe(PDF);
  });

  it('judges the type by the bytes, not the name', async () => {
    expect((await prepareAttachment('scan.jpg', PDF)).mime).toBe('application/pdf');
  });

  it('still attaches a photo the engine cannot make a thumbnail of (shown with a file icon)', async () => {
    const a = await prepareAttachment('现场照片.png', PNG_HEADER);
    expect(a.mime).toBe('image/png');
    expect(a.thumbnail).toBeNull();
  });

  it('refuses an empty file or one that is not a photo or PDF, saying why in Chinese', async () => {
    await expect(prepareAttachment('空.pdf', new Uint8Array())).rejects.toMatchObject({ error: { kind: 'attachment-refused', message: '“空.pdf”是空文件，请重新选择' } });
    await expect(prepareAttachment('记录.docx', new TextEncoder().encode('PK\u0003\u0004 word'))).rejects.toMatchObject({
      error: { kind: 'attachment-refused', message: expect.stringContaining('不是照片（JPG、PNG、WebP）或 PDF 扫描件') as unknown },
    });
  });
});
