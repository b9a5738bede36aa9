import { describe, expect, it } from 'vitest';
import { matchesSearch, searchKey } from './memberSearch';

describe('member search', () => {
  const key = searchKey('王芳', '411302198503120224');
  it.each([
    ['王', true],
    ['王芳', true],
    ['wf', true],
    ['w', true],
    ['wangf', true],
    ['WF', true],
    ['0224', true],
    ['120224', true],
    ['李', false],
    ['lf', false],
    ['9999', false],
    ['', true],
  ])('“%s” → %s', (query, expected) => {
    expect(matchesSearch(key, query)).toBe(expected);
  });
});
