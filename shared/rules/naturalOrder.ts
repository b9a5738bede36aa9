/**
 * Orders names the way people read them: 第一党支部, 第二党支部, … 第十党支部, 第十一党支部 — not by
 * pinyin (which would put 第二 before 第一) and not 1, 10, 2.
 */
import { compareChinese } from './collation';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Value of a Chinese numeral below 1000 (一, 十二, 二十, 一百零五), or null. */
export function chineseNumeralValue(s: string): number | null {
  if (s === '') return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in DIGITS) current = DIGITS[ch]!;
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return null;
  }
  return total + current;
}

/** Sort keys already made: a sort compares each name about log₂(n) times (bounded: names of one ledger). */
const keys = new Map<string, string>();

function sortKey(name: string): string {
  const known = keys.get(name);
  if (known !== undefined) return known;
  if (keys.size >= 100_000) keys.clear();
  const key = makeSortKey(name);
  keys.set(name, key);
  return key;
}

function makeSortKey(name: string): string {
  return name
    .replace(/[零〇一二两三四五六七八九十百]+/g, (m) => {
      const v = chineseNumeralValue(m);
      return v === null ? m : String(v).padStart(6, '0');
    })
    .replace(/\d+/g, (m) => m.padStart(6, '0'));
}

export function compareNames(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return compareChinese(ka, kb) || compareChinese(a, b);
}
