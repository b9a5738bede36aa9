import { describe, expect, it } from 'vitest';
import { compareChinese, compareCodePoints } from './collation';

describe('collation', () => {
  it('orders Chinese names in 汉语拼音 order, as localeCompare with zh-CN does', () => {
    const names = ['赵强', '王芳', '李明', '张敏', '陈静', '刘洋', '阿依古丽', 'Zhang', '周'];
    expect([...names].sort(compareChinese)).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect([...names].sort(compareChinese).slice(0, 4)).toEqual(['阿依古丽', '陈静', '李明', '刘洋']);
  });

  it('orders ISO dates and instants chronologically, and the same string as equal', () => {
    const dates = ['2026-12-01', '2026-01-31', '2025-12-31', '2026-01-05'];
    expect([...dates].sort(compareCodePoints)).toEqual(['2025-12-31', '2026-01-05', '2026-01-31', '2026-12-01']);
    expect(compareCodePoints('2026-03-01T08:00:00.000Z', '2026-03-01T07:59:59.999Z')).toBe(1);
    expect(compareCodePoints('9999', '9999')).toBe(0);
  });
});
