import { describe, expect, it } from 'vitest';
import { unrecordedAreas, unrecordedSentence } from './ledgerAreas';

describe('duty areas without records of the year', () => {
  it('names, in report order, only the areas asked about that hold no record', () => {
    const areas = unrecordedAreas({ publicity: 0, funds: 0, careVisit: 0, secretaryProject: 2, dutyList: 5 });
    expect(areas).toEqual(['funds', 'careVisit', 'publicity']);
    expect(unrecordedSentence(areas, 2026)).toBe('本台账未录入2026年度以下方面的记录：经费保障、走访慰问、宣传。');
  });

  it('says nothing when every area has records', () => {
    expect(unrecordedAreas({ funds: 1, careVisit: 3 })).toEqual([]);
    expect(unrecordedSentence([], 2026)).toBe('');
  });
});
