import { describe, expect, it } from 'vitest';
import { ABSENCE_REASONS, DEFAULT_CATEGORIES, DEFAULT_FORMATS, DEFAULT_PLACE_KINDS, hoursLabel, suggestions } from './vocabulary';

describe('suggestions', () => {
  it('offers the defaults first, then what the unit already typed, each once, trimmed, in first-use order', () => {
    const used = ['  专题讲座 ', '读书班', '', '   ', '读书班', '党员教育培训', '线上学习'];
    expect(suggestions(['党员教育培训', '专题讲座'], used)).toEqual([{ value: '党员教育培训' }, { value: '专题讲座' }, { value: '读书班' }, { value: '线上学习' }]);
  });

  it('is the defaults alone when nothing has been typed yet', () => {
    expect(suggestions(DEFAULT_PLACE_KINDS, []).map((o) => o.value)).toEqual([...DEFAULT_PLACE_KINDS]);
  });
});

describe('the default lists', () => {
  it('hold distinct, non-empty Chinese entries (they are stored as typed text)', () => {
    for (const list of [DEFAULT_CATEGORIES, DEFAULT_FORMATS, DEFAULT_PLACE_KINDS, ABSENCE_REASONS]) {
      expect(new Set(list).size).toBe(list.length);
      for (const v of list) expect(v).toMatch(/^[\u4e00-\u9fff]+$/);
    }
    // 机关条例: the induction training the rules look for is among the categories
    expect(DEFAULT_CATEGORIES).toContain('新任职党务干部培训');
  });
});

describe('hoursLabel', () => {
  it.each([
    [8, '8'],
    [2.5, '2.5'],
    [0, '0'],
    [1 / 3, '0.33'],
    [0.1 + 0.2, '0.3'],
    [7.999, '8'],
  ])('%d → %s', (hours, label) => {
    expect(hoursLabel(hours)).toBe(label);
  });
});
