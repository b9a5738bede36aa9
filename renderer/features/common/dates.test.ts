import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { fromIso, toIso } from './dates';

describe('IsoDate ↔ dayjs for the date pickers', () => {
  it('reads an IsoDate as that calendar day and writes it back unchanged', () => {
    const day = fromIso('2026-02-28');
    expect(day?.year()).toBe(2026);
    expect(day?.month()).toBe(1);
    expect(day?.date()).toBe(28);
    expect(toIso(day)).toBe('2026-02-28');
    for (const d of ['2024-02-29', '2026-01-01', '2026-12-31']) expect(toIso(fromIso(d))).toBe(d);
  });

  it('an empty field is null both ways', () => {
    for (const blank of [null, undefined, '']) expect(fromIso(blank)).toBeNull();
    expect(toIso(null)).toBeNull();
    expect(toIso(undefined)).toBeNull();
    expect(toIso(dayjs('2026-03-05T23:30:00'))).toBe('2026-03-05');
  });
});
