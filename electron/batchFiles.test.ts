import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolderFiles, readPickedFiles, writeFilesToFolder } from './batchFiles';

const limits = { maxFiles: 2, maxFileBytes: 8, maxTotalBytes: 100 };

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tz-batch-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('reading several files', () => {
  it('reads the wanted files directly in a folder, bounded, without following links or entering sub-folders', async () => {
    const dir = folderWith({ 'a_市财政局_第1号.tzb': 'AAA', 'b_市审计局_第1号.TZB': 'BBBB', '说明.txt': 'x', 'b2_太大了.tzb': '0123456789', 'c_第三个.tzb': 'C' });
    mkdirSync(path.join(dir, '子文件夹'));
    writeFileSync(path.join(dir, '子文件夹', '里面的.tzb'), 'D');
    const outside = folderWith({ '外面的.tzb': 'E' });
    symlinkSync(path.join(outside, '外面的.tzb'), path.join(dir, '链接.tzb'));

    const r = await readFolderFiles(dir, ['tzb'], limits);
    expect(r.folderName).toBe(path.basename(dir));
    expect(r.files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ['a_市财政局_第1号.tzb', 'AAA'],
      ['b_市审计局_第1号.TZB', 'BBBB'],
    ]);
    // the link and the sub-folder are passed over like the .txt: not files of this folder
    expect(r.skipped.map((s) => s.name).sort()).toEqual(['b2_太大了.tzb', 'c_第三个.tzb']);
    expect(r.skipped.find((s) => s.name === 'c_第三个.tzb')?.reason).toContain('一次最多处理 2 个文件');
  });

  it('names each picked file it did not read', async () => {
    const dir = folderWith({ 'a.tzb': 'A', 'b.txt': 'B' });
    const r = await readPickedFiles([path.join(dir, 'a.tzb'), path.join(dir, 'b.txt'), path.join(dir, '不见了.tzb')], ['tzb'], limits);
    expect(r.files.map((f) => f.name)).toEqual(['a.tzb']);
    expect(r.skipped).toEqual([
      { name: 'b.txt', reason: '不是.tzb文件，已跳过' },
      { name: '不见了.tzb', reason: '不是文件，已跳过' },
    ]);
  });
});

describe('writing several files into a folder', () => {
  it('writes each file and never overwrites one already there', async () => {
    const dir = folderWith({ '市财政局_回执.tzb': 'old' });
    const written = await writeFilesToFolder(dir, [
      { name: '市财政局_回执.tzb', bytes: new TextEncoder().encode('new') },
      { name: '市审计局_回执.tzb', bytes: new TextEncoder().encode('two') },
    ]);
    expect(written).toEqual([
      { name: '市财政局_回执.tzb', saved: true, message: '同名文件已存在，另存为“市财政局_回执（2）.tzb”' },
      { name: '市审计局_回执.tzb', saved: true },
    ]);
    expect(readFileSync(path.join(dir, '市财政局_回执.tzb'), 'utf8')).toBe('old');
    expect(readFileSync(path.join(dir, '市财政局_回执（2）.tzb'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['市审计局_回执.tzb', '市财政局_回执.tzb', '市财政局_回执（2）.tzb'].sort());
  });

  it('reports a file it could not write and goes on with the others', async () => {
    const dir = folderWith({});
    const missing = path.join(dir, '不存在的文件夹');
    const written = await writeFilesToFolder(missing, [{ name: 'a.tzb', bytes: new Uint8Array([1]) }]);
    expect(written[0]).toMatchObject({ name: 'a.tzb', saved: false, message: expect.stringContaining('ENOENT') });
    expect(await writeFilesToFolder(dir, [{ name: 'b.tzb', bytes: new Uint8Array([2]) }])).toEqual([{ name: 'b.tzb', saved: true }]);
  });
});
