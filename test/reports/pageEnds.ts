/**
 * What a page of a rendered report begins and ends with, read from the words' boxes (pdf.js, as
 * `pdftotext -bbox` gives them): its body rows top to bottom, and the table-cell lines that hold
 * one character carried over from the line above (a name wrapped as “机关第一第一党支/部”).
 */
import type { PageBox, Word } from './pdfReader';
import { BLOCK } from './gongwenChecks';

export interface PageRow {
  readonly y: number;
  readonly text: string;
}

/** The page's body rows (words on one baseline), top to bottom; the page number is not one. */
export function pageRows(page: PageBox): PageRow[] {
  const words = page.words.filter((w) => w.yMin < BLOCK.bottom);
  const rows: { y: number; words: Word[] }[] = [];
  for (const w of [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const row = rows.find((r) => Math.abs(r.y - w.yMin) < 1.5);
    if (row === undefined) rows.push({ y: w.yMin, words: [w] });
    else row.words.push(w);
  }
  return rows.map((r) => ({ y: r.y, text: r.words.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join('') }));
}

/**
 * Table-cell words of one Chinese character right under a word of the same cell (same left edge,
 * one line below: flush left, centred or flush right): the rest of a wrapped cell, one character long. Table text is
 * smaller than the 16 pt body; a line of the same cell sits one line height below, a new row lower
 * by the cell padding and rule.
 */
export function orphanCharacters(page: PageBox): { readonly above: string; readonly word: string }[] {
  const words = page.words.filter((w) => w.yMin < BLOCK.bottom);
  const out: { above: string; word: string }[] = [];
  for (const w of words) {
    const height = w.yMax - w.yMin;
    if ([...w.text].length !== 1 || !/[\u4e00-\u9fff]/.test(w.text) || height > 18) continue;
    // the same cell: lines flush left, centred or flush right
    const sameCell = (a: Word): boolean =>
      Math.abs(a.xMin - w.xMin) < 1 || Math.abs(a.xMax - w.xMax) < 1 || Math.abs(a.xMin + a.xMax - w.xMin - w.xMax) < 2;
    const above = words.find((a) => a !== w && sameCell(a) && w.yMin - a.yMin > 0 && w.yMin - a.yMin < height + 1.5);
    if (above !== undefined) out.push({ above: above.text, word: w.text });
  }
  return out;
}
