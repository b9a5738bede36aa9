/**
 * The PDF reader the report tests rely on (pdf.js): on a small PDF whose geometry is known, the words
 * sit where pdfmake put them (as poppler's pdftotext -bbox measured them), the fonts are listed as
 * embedded subsets, the metadata is read, and a character the font has no glyph for is reported
 * — the checks of gongwenChecks.ts have teeth.
 */
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../scripts/cli/renderPdf';
import { BUNDLED_FONT_SET, familyOf } from '../../shared/reports/fonts';
import type { PdfDocumentDefinition } from '../../shared/reports/pdfTypes';
import { compact, readPdfBytes } from './pdfReader';

const body = familyOf(BUNDLED_FONT_SET.roles.body);
const A5 = { width: 419.53, height: 595.28 };

async function read(content: PdfDocumentDefinition['content'], info: PdfDocumentDefinition['info'] = {}) {
  const definition: PdfDocumentDefinition = { pageSize: A5, pageMargins: [50, 60, 50, 60], content, defaultStyle: { font: body, fontSize: 20 }, info };
  return readPdfBytes(await renderPdf(definition, BUNDLED_FONT_SET));
}

describe('pdfReader', () => {
  it('reads page sizes, text per page, word boxes from the top-left, fonts and metadata', async () => {
    const pdf = await read([{ text: '第一页 AB' }, { text: '第二页', pageBreak: 'before' }], { title: '标题', reportFonts: '正文=Noto Serif SC' });
    expect(pdf.info.pages).toBe(2);
    for (const size of pdf.info.pageSizes) {
      expect(size.width).toBeCloseTo(A5.width, 2);
      expect(size.height).toBeCloseTo(A5.height, 2);
    }
    expect(pdf.info.fields.Title).toBe('标题');
    expect(pdf.info.fields.reportFonts).toBe('正文=Noto Serif SC');
    expect(pdf.pageTexts.map(compact)).toEqual(['第一页AB', '第二页']);

    const [first, second] = pdf.pages;
    expect(first?.words.map((w) => w.text)).toEqual(['第一页', 'AB']);
    const word = first?.words[0];
    // three full-width characters of 20 pt from the left margin; the box runs from the baseline up
    // by the font's ascent and down by its descent (Noto Serif SC: 1.151 and 0.286 em)
    expect(word?.xMin).toBeCloseTo(50, 2);
    expect(word?.xMax).toBeCloseTo(50 + 3 * 20, 2);
    expect(word?.yMin).toBeCloseTo(60, 2);
    expect((word?.yMax ?? 0) - (word?.yMin ?? 0)).toBeCloseTo(20 * (1.151 + 0.286), 2);
    // the space ends a word, and the next one starts after the space's advance
    expect(first?.words[1]?.xMin).toBeGreaterThan((word?.xMax ?? 0) + 2);
    expect(second?.words.map((w) => w.text)).toEqual(['第二页']);

    expect(pdf.fonts).toHaveLength(1);
    expect(pdf.fonts[0]).toMatchObject({ type: 'CID TrueType', embedded: true, subset: true });
    expect(pdf.fonts[0]?.name).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
    expect(pdf.missingGlyphs).toEqual([]);
  });

  it('reports a character drawn without a glyph of its font, and leaves it out of the text', async () => {
    // Devanagari and an emoji are not in Noto Serif SC: pdfkit draws its .notdef glyph for them
    const pdf = await read([{ text: '姓名：王क芳😀' }]);
    expect(pdf.missingGlyphs.map(({ page, charCode, after }) => ({ page, charCode, after }))).toEqual([
      { page: 1, charCode: 0, after: '姓名：王' },
      { page: 1, charCode: 0, after: '姓名：王芳' },
    ]);
    for (const m of pdf.missingGlyphs) expect(m.font).toMatch(/NotoSerifSC-Regular$/);
    expect(compact(pdf.pageTexts[0] ?? '')).toBe('姓名：王芳');
  });
});
