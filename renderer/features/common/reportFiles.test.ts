import { afterEach, describe, expect, it, vi } from 'vitest';
import { asOfFor, DEFAULT_ADDRESSEE, reportFileName } from './reportFiles';

afterEach(() => {
  vi.useRealTimers();
});

describe('asOfFor', () => {
  it('judges a past year on its 12月31日 and the year in progress on today', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 5, 15, 10, 0, 0));
    expect(asOfFor(2025)).toBe('2025-12-31');
    expect(asOfFor(2026)).toBe('2026-06-15');
    expect(asOfFor(2027)).toBe('2026-06-15'); // a future year has no figures after today either
  });
});

describe('reportFileName', () => {
  it('is <单位>_<报表名>_<year>.pdf', () => {
    expect(reportFileName('市审计局', '年度落实机关党建主体责任情况报告', 2026)).toBe('市审计局_年度落实机关党建主体责任情况报告_2026.pdf');
  });

  it('drops the characters a file name may not hold, and white space', () => {
    expect(reportFileName('市 统计局/办公室', '签到表:第一党支部*主题党日?', 2026)).toBe('市统计局办公室_签到表第一党支部主题党日_2026.pdf');
    expect(reportFileName('a\\b"c<d>e|f', 'x\ty\nz', 2025)).toBe('abcdef_xyz_2025.pdf');
  });

  it('keeps each part to 80 characters', () => {
    const name = reportFileName('单'.repeat(100), '表'.repeat(90), 2026);
    expect(name).toBe(`${'单'.repeat(80)}_${'表'.repeat(80)}_2026.pdf`);
  });
});

describe('DEFAULT_ADDRESSEE', () => {
  it('is a visible placeholder (××), not a real committee’s name', () => {
    expect(DEFAULT_ADDRESSEE).toContain('××');
  });
});
