/**
 * String orders, made once. `localeCompare(b, 'zh-CN')` builds (or looks up) a collator on every
 * call — in a sort of thousands of to-dos or members that alone took hundreds of milliseconds on
 * the main thread (issue 18's profiles) — so Chinese text is compared with ONE `Intl.Collator`.
 * Machine strings (ISO dates, instants, ids) need no collation at all: they compare by code points.
 */

/** 汉语拼音 order of Chinese text (the order `localeCompare(…, 'zh-CN')` gives). */
const chinese = new Intl.Collator('zh-CN');

/** Compares Chinese text (names, titles) in 汉语拼音 order. */
export function compareChinese(a: string, b: string): number {
  return chinese.compare(a, b);
}

/** Compares machine strings of one format (ISO dates and instants, ids) by code points. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
