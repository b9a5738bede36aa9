import { describe, expect, it } from 'vitest';
import { hasExtension, selectBatchFiles } from './batchFiles';

const limits = { maxFiles: 3, maxFileBytes: 100, maxTotalBytes: 250 };
const file = (name: string, size = 10) => ({ name, size, isFile: true });

describe('selectBatchFiles', () => {
  it('takes wanted files by name order within count, size and total, naming each left out', () => {
    const { take, skipped } = selectBatchFiles(
      [file('c.tzb', 90), file('a.TZB', 90), file('说明.txt'), { name: '旧', size: 0, isFile: false }, file('b.tzb', 101), file('d.tzb', 90), file('e.tzb', 10), file('f.tzb')],
      ['tzb'],
      limits,
    );
    expect(take.map((e) => e.name)).toEqual(['a.TZB', 'c.tzb', 'e.tzb']);
    expect(skipped).toEqual([
      { name: 'b.tzb', reason: '文件超过 1 MB，不是本程序能处理的文件' },
      { name: 'd.tzb', reason: '所选文件合计超过 1 MB，其余请分批选择' },
      { name: 'f.tzb', reason: '一次最多处理 3 个文件，其余请分批选择' },
      { name: '旧', reason: '不是文件，已跳过' },
      { name: '说明.txt', reason: '不是.tzb文件，已跳过' },
    ]);
  });

  it('in a folder, passes over other files and sub-folders quietly', () => {
    const { take, skipped } = selectBatchFiles([file('a.tzb'), file('说明.txt'), { name: 'sub', size: 0, isFile: false }], ['tzb'], limits, { quietOthers: true });
    expect(take.map((e) => e.name)).toEqual(['a.tzb']);
    expect(skipped).toEqual([]);
  });

  it('matches extensions case-insensitively, and * matches any file with one', () => {
    expect(hasExtension('市财政局_第1号.TZB', ['tzb'])).toBe(true);
    expect(hasExtension('tzb', ['tzb'])).toBe(false);
    expect(hasExtension('x.pdf', ['*'])).toBe(true);
  });
});
