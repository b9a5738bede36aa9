/**
 * The font metrics the 公文 layout needs to set text on the character grid itself: the vertical
 * metrics (pdfmake's line height is (ascent − descent) × size, so the line pitch is reached with a
 * multiplier computed from them) and the advance widths of the characters that are not one em wide
 * (Latin letters, digits, a few punctuation marks). Every other character is taken as one em: CJK
 * ideographs and full-width punctuation are, in every 公文 font.
 *
 * The metrics of the bundled fonts are tabulated in bundledFontMetrics.ts; a host that offers a
 * system font measures it with `fontMetricsOf` (any fontkit-like font object will do).
 */

export interface FontMetrics {
  readonly unitsPerEm: number;
  /** hhea ascent, font units (positive). */
  readonly ascent: number;
  /** hhea descent, font units (negative). */
  readonly descent: number;
  /** Advance of every character not listed in `advances`, font units (one em in CJK fonts). */
  readonly defaultAdvance: number;
  /** Flat pairs [codePoint, advance, codePoint, advance, …] of the characters whose advance differs. */
  readonly advances: readonly number[];
}

/** The blocks whose characters can differ from one em and occur in Chinese official text. */
export const MEASURED_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // ASCII
  [0x00a0, 0x00ff], // Latin-1 (×, ·, °)
  [0x2000, 0x206f], // general punctuation (— … ‰ “ ”)
  [0x2100, 0x218f], // letterlike symbols, number forms (℃, №, Ⅰ)
  [0x2190, 0x21ff], // arrows
  [0x2200, 0x22ff], // mathematical operators
  [0x2460, 0x24ff], // enclosed alphanumerics (①)
  [0x2500, 0x25ff], // box drawing, geometric shapes (□, ○, ★ in check lists)
  [0x3000, 0x303f], // CJK symbols and punctuation
  [0xff00, 0xffef], // full-width and half-width forms
];

/** What `fontMetricsOf` reads: the shape of a fontkit font, without depending on fontkit. */
export interface FontkitLikeFont {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { readonly advanceWidth: number };
}

/** Measures a font (e.g. a system 仿宋 offered by the host) the way the bundled table was made. */
export function fontMetricsOf(font: FontkitLikeFont): FontMetrics {
  const cjk = 0x4e2d; // 中
  const defaultAdvance = font.hasGlyphForCodePoint(cjk) ? font.glyphForCodePoint(cjk).advanceWidth : font.unitsPerEm;
  const advances: number[] = [];
  for (const [from, to] of MEASURED_RANGES)
    for (let cp = from; cp <= to; cp++) {
      if (!font.hasGlyphForCodePoint(cp)) continue;
      const advance = font.glyphForCodePoint(cp).advanceWidth;
      if (advance !== defaultAdvance) advances.push(cp, advance);
    }
  return { unitsPerEm: font.unitsPerEm, ascent: font.ascent, descent: font.descent, defaultAdvance, advances };
}

const tables = new WeakMap<FontMetrics, Map<number, number>>();

function advanceTable(metrics: FontMetrics): Map<number, number> {
  let table = tables.get(metrics);
  if (table === undefined) {
    table = new Map();
    for (let i = 0; i + 1 < metrics.advances.length; i += 2) table.set(metrics.advances[i] ?? 0, metrics.advances[i + 1] ?? 0);
    tables.set(metrics, table);
  }
  return table;
}

/** The advance of one character (a code point) at `fontSize`, in pt. */
export function advanceOf(metrics: FontMetrics, codePoint: number, fontSize: number): number {
  const units = advanceTable(metrics).get(codePoint) ?? metrics.defaultAdvance;
  return (units * fontSize) / metrics.unitsPerEm;
}

/** The natural width of a string (no letter spacing), in pt. */
export function widthOf(metrics: FontMetrics, text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += advanceOf(metrics, ch.codePointAt(0) ?? 0, fontSize);
  return w;
}

/** pdfmake's natural line height ((ascent − descent) × size, without the line gap), in pt. */
export function naturalLineHeight(metrics: FontMetrics, fontSize: number): number {
  return ((metrics.ascent - metrics.descent) * fontSize) / metrics.unitsPerEm;
}
