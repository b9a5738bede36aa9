import { describe, it, expect } from 'vitest';
import { basisPointsPercent, chineseDate, chineseMonthDay, chineseNumeral, fractionWords, percent, yuan, yuanAmount, yuanText } from './text';

describe('Chinese wording', () => {
  it.each([
    ['2027-03-01', '2027年3月1日'],
    ['2026-12-31', '2026年12月31日'],
  ])('chineseDate %s', (d, text) => {
    expect(chineseDate(d)).toBe(text);
  });
  it('chineseDate of no date is —; chineseMonthDay leaves the year out', () => {
    expect(chineseDate(null)).toBe('—');
    expect(chineseDate(undefined)).toBe('—');
    expect(chineseDate('')).toBe('—');
    expect(chineseMonthDay('2026-03-05')).toBe('3月5日');
    expect(chineseMonthDay('2026-11-28')).toBe('11月28日');
  });
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [45, '四十五'],
    [100, '100'],
  ])('chineseNumeral %i', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });
  it.each([
    [1, 2, '半数'],
    [2, 4, '半数'],
    [4, 5, '五分之四'],
    [1, 3, '三分之一'],
    [2, 3, '三分之二'],
  ])('fractionWords %i/%i', (a, b, text) => {
    expect(fractionWords(a, b)).toBe(text);
  });
  it.each([
    [0.01, '1%'],
    [1 / 75, '1.33%'],
    [0.015, '1.5%'],
    [2 / 3, '66.67%'],
    [1, '100%'],
    [0, '0%'],
  ])('percent %f', (x, text) => {
    expect(percent(x)).toBe(text);
  });
  it.each([
    [50, '0.5%'],
    [150, '1.5%'],
    [10000, '100%'],
  ])('basisPointsPercent %i', (bp, text) => {
    expect(basisPointsPercent(bp)).toBe(text);
  });
  it.each([
    [0, '0.00元'],
    [20, '0.20元'],
    [150000, '1500.00元'],
    [-5, '-0.05元'],
  ])('yuan %i', (fen, text) => {
    expect(yuan(fen)).toBe(text);
  });
  it.each([
    [1234567, '12,345.67'],
    [100, '1.00'],
    [-123456789, '-1,234,567.89'],
  ])('yuanAmount %i', (fen, text) => {
    expect(yuanAmount(fen)).toBe(text);
  });
  it('yuanText: 万元 from 1万元, else the amount in 元', () => {
    expect(yuanText(2_470_000)).toBe('2.47万元');
    expect(yuanText(123_456)).toBe('1234.56元');
  });
});
