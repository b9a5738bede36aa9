import { describe, expect, it } from 'vitest';
import { recordWeight, writeSlices } from './writeSlices';

const member = (i: number) => ({ id: `m${i}`, name: `党员${i}`, topics: [] as string[] });
const meeting = (i: number, attendees: number) => ({ id: `h${i}`, attendance: Array.from({ length: attendees }, (_, k) => ({ memberId: `m${k}` })), topics: ['学习', '讨论'] });

describe('writeSlices', () => {
  it('weighs a record by its lists', () => {
    expect(recordWeight(member(1))).toBe(1);
    expect(recordWeight(meeting(1, 30))).toBe(33);
  });

  it('keeps small rows 500 to a slice, in order, nothing lost', () => {
    const rows = Array.from({ length: 1234 }, (_, i) => member(i));
    const slices = writeSlices(rows);
    expect(slices.map((s) => s.length)).toEqual([500, 500, 234]);
    expect(slices.flat()).toEqual(rows);
  });

  it('cuts large records into smaller slices, by weight', () => {
    const rows = Array.from({ length: 500 }, (_, i) => meeting(i, 99)); // weight 102 each
    const slices = writeSlices(rows);
    expect(slices.every((s) => s.reduce((n, r) => n + recordWeight(r), 0) <= 4000)).toBe(true);
    expect(slices[0]!.length).toBe(39);
    expect(slices.flat()).toEqual(rows);
  });

  it('puts a record heavier than a slice alone in its slice', () => {
    const rows = [member(1), meeting(2, 5000), member(3)];
    expect(writeSlices(rows).map((s) => s.map((r) => r.id))).toEqual([['m1'], ['h2'], ['m3']]);
  });

  it('gives no slice for no records', () => {
    expect(writeSlices([])).toEqual([]);
  });
});
