import { describe, expect, it } from 'vitest';
import { matchesName, nameKey } from './nameSearch';

describe('finding a unit by name or pinyin', () => {
  const key = nameKey('市财政局');
  it('matches part of the name, initials anywhere, full pinyin from the start', () => {
    expect(matchesName(key, '财政')).toBe(true);
    expect(matchesName(key, 'sczj')).toBe(true);
    expect(matchesName(key, 'czj')).toBe(true);
    expect(matchesName(key, 'SCZ')).toBe(true);
    expect(matchesName(key, 'shicaizheng')).toBe(true);
    expect(matchesName(key, '')).toBe(true);
  });
  it('does not match other names', () => {
    expect(matchesName(key, '公安')).toBe(false);
    expect(matchesName(key, 'gaj')).toBe(false);
    expect(matchesName(key, 'caizhengju1')).toBe(false);
  });
});
