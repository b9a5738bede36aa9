/**
 * Chinese wording of figures, the one home for it: dates, counts, fractions, percentages and
 * money, as the rules' explanations, the screens and the reports write them.
 */
import { parseIsoDate, type IsoDate } from './dates';

/** 2027-03-01 → 2027年3月1日 (Arabic numerals, as GB/T 9704 dates are written); no date → —. */
export function chineseDate(date: IsoDate | null | undefined): string {
  if (!date) return '—';
  const { year, month, day } = parseIsoDate(date);
  return `${year}年${month}月${day}日`;
}

/** 2027-03-01 → 3月1日 (the year said elsewhere). */
export function chineseMonthDay(date: IsoDate): string {
  const { month, day } = parseIsoDate(date);
  return `${month}月${day}日`;
}

/** 2026-03 → 2026年3月 */
export function chineseYearMonth(ym: string): string {
  const { year, month } = parseIsoDate(`${ym}-01`);
  return `${year}年${month}月`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 12 → 十二, 45 → 四十五; other numbers stay Arabic. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 1/2 → 半数, 4/5 → 五分之四, 1/3 → 三分之一. */
export function fractionWords(numerator: number, denominator: number): string {
  if (numerator * 2 === denominator) return '半数';
  return `${chineseNumeral(denominator)}分之${chineseNumeral(numerator)}`;
}

/** A share as a percentage with at most two decimals: 0.013333 → 1.33%, 0.01 → 1%. */
export function percent(share: number): string {
  const text = (Math.round(share * 10000) / 100).toFixed(2).replace(/\.?0+$/, '');
  return `${text}%`;
}

/** Basis points as a percentage: 50 → 0.5%, 150 → 1.5%, 200 → 2%. */
export function basisPointsPercent(bp: number): string {
  return percent(bp / 10000);
}

// Money is integer 分 (fen) everywhere; these are the only places it becomes 元 in words.

/** Fen as 元 with thousands separators and two decimals, for a table's 元 column: 1234567 → 12,345.67. */
export function yuanAmount(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const int = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${int}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen as yuan with two decimals: 150000 → 1500.00元. */
export function yuan(fen: number): string {
  return `${yuanAmount(fen).replace(/,/g, '')}元`;
}

/** Money in running text: 24700.00元 → 2.47万元 (from 1万元), else 1234.56元. */
export function yuanText(fen: number): string {
  if (Math.abs(fen) >= 1_000_000) return `${(Math.round(fen / 10_000) / 100).toFixed(2)}万元`;
  return yuan(fen);
}
