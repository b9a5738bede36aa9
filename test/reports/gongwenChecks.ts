/**
 * What every report must satisfy on paper (GB/T 9704-2012 as DOMAIN.md states it), checked on the
 * rendered PDF (read with pdf.js, test/reports/pdfReader.ts): A4 pages; fonts embedded as subsets and
 * named in the metadata; every character drawn with a glyph of its font (no boxes); the
 * first text line 37 mm from the top and text starting 28 mm from the left; no text outside the
 * 156 × 225 mm block; page numbers "— N —" 7 mm under the block, odd pages right and even pages
 * left, one character in.
 */
import { expect } from 'vitest';
import { BUNDLED_FONT_SET, describeFontSet } from '../../shared/reports/fonts';
import { mm } from '../../shared/reports/gongwenLayout';
import { pdfText, readPdf, type PageBox, type Word } from './pdfReader';

export const MM1 = mm(1);
export const A4 = { width: 595.28, height: 841.89 };
export const BLOCK = { left: mm(28), top: mm(37), right: mm(28 + 156), bottom: mm(37 + 225) };
const PAGE_NUMBER_CHAR = 14;

/** Words of the text block (the footer's page number is below it). */
export function bodyWords(page: PageBox): Word[] {
  return page.words.filter((w) => w.yMin < BLOCK.bottom);
}

export function footerWords(page: PageBox): Word[] {
  return page.words.filter((w) => w.yMin >= BLOCK.bottom);
}

/** Text with runs of white space (including the en spaces around page numbers) as one space. */
export function normalised(text: string): string {
  return text.replace(/[\s\u2002\u3000]+/g, ' ');
}

export interface CheckedPdf {
  readonly text: string;
  readonly pages: readonly PageBox[];
  readonly pageCount: number;
}

export async function expectGongwen(file: string): Promise<CheckedPdf> {
  const { info, fonts, pages, missingGlyphs } = await readPdf(file);
  expect(info.pages).toBeGreaterThan(0);
  expect(info.pageSizes).toHaveLength(info.pages);
  for (const size of info.pageSizes) {
    expect(Math.abs(size.width - A4.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(size.height - A4.height)).toBeLessThanOrEqual(1);
  }
  expect(info.fields.reportFonts).toBe(describeFontSet(BUNDLED_FONT_SET));

  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) {
    expect(f, `font ${f.name} embedded`).toMatchObject({ embedded: true, subset: true });
    expect(f.name).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans)SC-(Regular|Bold)$/);
  }

  expect(missingGlyphs, 'characters drawn without a glyph of their font').toEqual([]);

  expect(pages).toHaveLength(info.pages);
  const first = bodyWords(pages[0] ?? { page: 1, width: 0, height: 0, words: [] });
  expect(first.length).toBeGreaterThan(0);
  const top = Math.min(...first.map((w) => w.yMin));
  const left = Math.min(...first.map((w) => w.xMin));
  expect(Math.abs(top - BLOCK.top), `first line top ${top} pt, expected ${BLOCK.top} pt (37 mm)`).toBeLessThanOrEqual(MM1);
  expect(Math.abs(left - BLOCK.left), `leftmost text ${left} pt, expected ${BLOCK.left} pt (28 mm)`).toBeLessThanOrEqual(MM1);

  for (const page of pages) {
    for (const w of bodyWords(page)) {
      expect(w.xMin, `"${w.text}" on page ${page.page} starts left of the block`).toBeGreaterThanOrEqual(BLOCK.left - 1);
      expect(w.xMax, `"${w.text}" on page ${page.page} runs past the block's right edge`).toBeLessThanOrEqual(BLOCK.right + 1);
      expect(w.yMin, `"${w.text}" on page ${page.page} is above the block`).toBeGreaterThanOrEqual(BLOCK.top - 1);
    }
    const foot = footerWords(page);
    expect(foot.map((w) => w.text).join(''), `page number of page ${page.page}`).toBe(`—${page.page}—`);
    const footTop = Math.min(...foot.map((w) => w.yMin));
    expect(Math.abs(footTop - (BLOCK.bottom + mm(7))), `page number 7 mm below the block on page ${page.page}`).toBeLessThanOrEqual(MM1);
    if (page.page % 2 === 1) {
      const right = Math.max(...foot.map((w) => w.xMax));
      expect(Math.abs(right - (BLOCK.right - PAGE_NUMBER_CHAR)), `odd page ${page.page}: number on the right`).toBeLessThanOrEqual(MM1);
    } else {
      const leftEdge = Math.min(...foot.map((w) => w.xMin));
      expect(Math.abs(leftEdge - (BLOCK.left + PAGE_NUMBER_CHAR)), `even page ${page.page}: number on the left`).toBeLessThanOrEqual(MM1);
      expect(leftEdge).toBeLessThan(A4.width / 2);
    }
  }

  const text = await pdfText(file);
  expect(normalised(text)).toContain('— 1 —');
  if (pages.length >= 2) expect(normalised(await pdfText(file, 2))).toContain('— 2 —');
  return { text, pages, pageCount: info.pages };
}

/** Distinct line tops of a page's body text (words of one line share their top). */
export function lineTops(page: PageBox): number[] {
  const tops = [...new Set(bodyWords(page).map((w) => Math.round(w.yMin * 100) / 100))].sort((a, b) => a - b);
  return tops;
}
