import { describe, expect, it } from 'vitest';
import { SavedFiles } from './savedFiles';

describe('saved files by token', () => {
  it('finds a path only by the token it handed out, and forgets the oldest past the limit', () => {
    const files = new SavedFiles(2);
    const a = files.remember('/home/u/报告.pdf');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(files.lookup(a)).toBe('/home/u/报告.pdf');
    expect(files.lookup('/home/u/报告.pdf')).toBeNull();
    expect(files.lookup('00000000-0000-4000-8000-000000000000')).toBeNull();
    const b = files.remember('/b.pdf');
    files.remember('/c.pdf');
    expect(files.lookup(a)).toBeNull();
    expect(files.lookup(b)).toBe('/b.pdf');
  });
});
