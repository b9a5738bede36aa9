import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayIso } from './today';

afterEach(() => {
  vi.useRealTimers();
});

describe('todayIso', () => {
  it('is this PC’s calendar day (local time), as an IsoDate', () => {
    vi.useFakeTimers();
    const late = new Date(2026, 11, 31, 23, 59, 30); // 23:59 on 12月31日 by the office's clock
    vi.setSystemTime(late);
    expect(todayIso()).toBe('2026-12-31');
    vi.setSystemTime(new Date(2027, 0, 1, 0, 0, 5));
    expect(todayIso()).toBe('2027-01-01');
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
