/**
 * The PDF checks of the report tests, read with pdf.js (`pdfjs-dist`, its legacy build for Node): what
 * a reader of the printed report would see — its text, where each word sits on the page, the page
 * sizes, which fonts are embedded (as subsets) and whether any character was drawn without a glyph in
 * its font (a box on paper). Plain npm: no poppler, no system tools, the same on Windows.
 *
 * Positions follow poppler's `pdftotext -bbox`, which these tests used before: points from the page's
 * top-left corner; a glyph runs from its origin for its advance (character and word spacing are
 * gaps, not part of the glyph); its box goes from the baseline up by the font's ascent and down by
 * its descent; glyphs on one baseline with less than a tenth of the font size between them form a
 * word, and white space ends one.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

let dir: string | null = null;

/** Writes PDF bytes into this run's temporary directory and returns the path. */
export function writePdf(name: string, bytes: Uint8Array): string {
  dir ??= mkdtempSync(path.join(tmpdir(), 'taizhang-reports-'));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Text with all white space removed (titles and paragraphs are broken into lines). */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

export interface Word {
  readonly page: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

export interface PageBox {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly words: readonly Word[];
}

export interface FontRow {
  /** As written in the PDF, with the subset tag, e.g. `BZZZZZ+NotoSerifSC-Bold`. */
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
  /** The name carries a subset tag (six capitals and a plus), as pdffonts decides it. */
  readonly subset: boolean;
}

export interface PdfInfo {
  readonly pages: number;
  readonly pageSizes: readonly { readonly width: number; readonly height: number }[];
  /** The document information dictionary: Title, Author, … and custom entries such as `reportFonts`. */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * A character drawn without a glyph of its own: the font's .notdef (glyph 0, where pdfkit puts a
 * character its font lacks — a blank or a box on paper, and no text for a reader), or a code pdf.js
 * finds no glyph for. `after` is the text drawn just before it on the page, to find it.
 */
export interface MissingGlyph {
  readonly page: number;
  readonly font: string;
  readonly charCode: number;
  readonly after: string;
}

export interface PdfFacts {
  readonly info: PdfInfo;
  readonly fonts: readonly FontRow[];
  readonly pages: readonly PageBox[];
  /** Each page's text in reading order: lines separated by newlines. */
  readonly pageTexts: readonly string[];
  readonly missingGlyphs: readonly MissingGlyph[];
}

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const FONT_TYPES: Readonly<Record<string, string>> = {
  CIDFontType2: 'CID TrueType',
  CIDFontType0: 'CID Type 0',
  CIDFontType0C: 'CID Type 0C',
  TrueType: 'TrueType',
  Type1: 'Type 1',
  Type1C: 'Type 1C',
  Type3: 'Type 3',
  OpenType: 'OpenType',
};

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 then m2: PDF's row-vector product m1 × m2 (`cm` prepends: CTM' = M × CTM). */
function multiply(m1: ArrayLike<number>, m2: ArrayLike<number>): Matrix {
  const [a1 = 0, b1 = 0, c1 = 0, d1 = 0, e1 = 0, f1 = 0] = Array.from(m1);
  const [a2 = 0, b2 = 0, c2 = 0, d2 = 0, e2 = 0, f2 = 0] = Array.from(m2);
  return [a2 * a1 + c2 * b1, b2 * a1 + d2 * b1, a2 * c1 + c2 * d1, b2 * c1 + d2 * d1, a2 * e1 + c2 * f1 + e2, b2 * e1 + d2 * f1 + f2];
}

function toMatrix(values: ArrayLike<unknown>): Matrix {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = Array.from(values, Number);
  return [a, b, c, d, e, f];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** What pdf.js's operator list hands over for a glyph (a number is a TJ adjustment). */
interface OpGlyph {
  readonly originalCharCode: number;
  readonly unicode: string;
  readonly width: number;
  readonly isSpace: boolean;
  readonly isInFont: boolean;
}

interface LoadedFont {
  readonly name: string;
  readonly type: string;
  readonly missingFile: boolean;
  readonly ascent: number;
  readonly descent: number;
  readonly fontMatrix: Matrix;
  readonly vertical: boolean;
  readonly composite: boolean;
}

interface Glyph {
  readonly x0: number;
  readonly x1: number;
  readonly base: number;
  readonly top: number;
  readonly bottom: number;
  readonly size: number;
  readonly text: string;
  readonly space: boolean;
}

interface TextState {
  ctm: Matrix;
  textMatrix: Matrix;
  lineMatrix: Matrix;
  font: LoadedFont | null;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

function loadedFont(page: PDFPageProxy, id: string): LoadedFont {
  const font = page.commonObjs.get(id) as Partial<LoadedFont>;
  return {
    name: font.name ?? id,
    type: font.type ?? '',
    missingFile: font.missingFile ?? true,
    ascent: font.ascent ?? 0,
    descent: font.descent ?? 0,
    fontMatrix: font.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0],
    vertical: font.vertical ?? false,
    composite: font.composite ?? false,
  };
}

/**
 * Runs the page's operator list through the text state (as pdf.js's canvas does) and returns every
 * glyph's box in points from the top-left corner, with the fonts used and any missing glyphs.
 */
async function pageGlyphs(page: PDFPageProxy, pageNumber: number): Promise<{ glyphs: Glyph[]; fonts: LoadedFont[]; missing: MissingGlyph[] }> {
  const list = await page.getOperatorList();
  const viewport = page.getViewport({ scale: 1 });
  const fonts = new Map<string, LoadedFont>();
  const glyphs: Glyph[] = [];
  const missing: MissingGlyph[] = [];
  const fresh = (): TextState => ({
    ctm: toMatrix(viewport.transform),
    textMatrix: IDENTITY,
    lineMatrix: IDENTITY,
    font: null,
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
  });
  let s = fresh();
  const stack: TextState[] = [];
  const moveLine = (tx: number, ty: number): void => {
    s.lineMatrix = multiply([1, 0, 0, 1, tx, ty], s.lineMatrix);
    s.textMatrix = s.lineMatrix;
  };
  const show = (items: readonly (OpGlyph | number)[]): void => {
    const font = s.font;
    if (font === null || s.fontSize === 0) return;
    if (font.vertical) throw new Error(`pdfReader: vertical text (${font.name}) is not supported`);
    const scale = s.fontSize * font.fontMatrix[0];
    let x = 0;
    for (const item of items) {
      if (typeof item === 'number') {
        x -= (item * s.fontSize) / 1000;
        continue;
      }
      const advance = item.width * scale;
      const toPage = multiply(s.textMatrix, s.ctm);
      const at = (gx: number, gy: number) => apply(toPage, gx * s.hScale, gy + s.rise);
      const [x0, base] = at(x, 0);
      const [x1] = at(x + advance, 0);
      const [, top] = at(x, font.ascent * s.fontSize);
      const [, bottom] = at(x, font.descent * s.fontSize);
      const text = item.unicode;
      const blank = item.isSpace || /^\s*$/.test(text);
      // glyph 0 of a CID font is .notdef (pdfkit's CIDs are glyph ids); pdftotext drops it, so do we
      if ((font.composite && item.originalCharCode === 0) || (!item.isInFont && !blank)) {
        const after = glyphs.slice(-12).map((g) => g.text).join('');
        missing.push({ page: pageNumber, font: font.name, charCode: item.originalCharCode, after });
      } else glyphs.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), base, top: Math.min(top, bottom), bottom: Math.max(top, bottom), size: s.fontSize, text, space: blank });
      x += advance + s.charSpacing + (item.isSpace ? s.wordSpacing : 0);
    }
    s.textMatrix = multiply([1, 0, 0, 1, x * s.hScale, 0], s.textMatrix);
  };
  list.fnArray.forEach((fn, i) => {
    const args = (list.argsArray[i] ?? []) as unknown[];
    const num = (k: number): number => Number(args[k]);
    switch (fn) {
      case OPS.save:
        stack.push({ ...s });
        break;
      case OPS.restore:
        s = stack.pop() ?? fresh();
        break;
      case OPS.transform:
        s.ctm = multiply(toMatrix(args), s.ctm);
        break;
      case OPS.beginText:
        s.textMatrix = IDENTITY;
        s.lineMatrix = IDENTITY;
        break;
      case OPS.setTextMatrix:
        s.textMatrix = toMatrix(args.length === 6 ? args : (args[0] as ArrayLike<unknown>));
        s.lineMatrix = s.textMatrix;
        break;
      case OPS.moveText:
        moveLine(num(0), num(1));
        break;
      case OPS.setLeadingMoveText:
        s.leading = -num(1);
        moveLine(num(0), num(1));
        break;
      case OPS.nextLine:
        moveLine(0, -s.leading);
        break;
      case OPS.setLeading:
        s.leading = num(0);
        break;
      case OPS.setFont: {
        const id = String(args[0]);
        const font = fonts.get(id) ?? loadedFont(page, id);
        fonts.set(id, font);
        s.font = font;
        s.fontSize = Math.abs(num(1));
        break;
      }
      case OPS.setCharSpacing:
        s.charSpacing = num(0);
        break;
      case OPS.setWordSpacing:
        s.wordSpacing = num(0);
        break;
      case OPS.setHScale:
        s.hScale = num(0) / 100;
        break;
      case OPS.setTextRise:
        s.rise = num(0);
        break;
      case OPS.showText:
        show(args[0] as (OpGlyph | number)[]);
        break;
      case OPS.showSpacedText:
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText:
        // pdf.js's evaluator turns these into showText (with the moves and spacing before it)
        throw new Error(`pdfReader: unexpected text operator ${fn}`);
    }
  });
  return { glyphs, fonts: [...fonts.values()], missing };
}

/** Glyphs on one baseline, left to right, split into words at white space and gaps of 0.1 em. */
function words(pageNumber: number, glyphs: readonly Glyph[]): Word[] {
  const lines = new Map<number, Glyph[]>();
  for (const g of glyphs) {
    const key = [...lines.keys()].find((b) => Math.abs(b - g.base) < 0.5) ?? g.base;
    lines.set(key, [...(lines.get(key) ?? []), g]);
  }
  const out: Word[] = [];
  for (const base of [...lines.keys()].sort((a, b) => a - b)) {
    let word: Glyph[] = [];
    const flush = (): void => {
      if (word.length === 0) return;
      out.push({
        page: pageNumber,
        xMin: Math.min(...word.map((g) => g.x0)),
        yMin: Math.min(...word.map((g) => g.top)),
        xMax: Math.max(...word.map((g) => g.x1)),
        yMax: Math.max(...word.map((g) => g.bottom)),
        text: word.map((g) => g.text).join(''),
      });
      word = [];
    };
    for (const g of [...(lines.get(base) ?? [])].sort((a, b) => a.x0 - b.x0)) {
      const last = word[word.length - 1];
      if (g.space) {
        flush();
        continue;
      }
      if (last !== undefined && g.x0 - last.x1 > 0.1 * Math.max(g.size, last.size)) flush();
      word.push(g);
    }
    flush();
  }
  return out;
}

/**
 * A page's text as pdf.js reads it (`getTextContent`): runs in the order the page draws them, a
 * newline where pdf.js sees the line end. pdfmake draws a paragraph line by line and a table cell by
 * cell, so a wrapped cell's lines stay together.
 */
async function pageText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str.replace(/\0/g, '') + (item.hasEOL ? '\n' : ''); // .notdef has no text (as in pdftotext)
  }
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({
    data: bytes,
    cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}${path.sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}${path.sep}`,
    fontExtraProperties: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

function infoFields(info: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries((info ?? {}) as Record<string, unknown>)) {
    if (key === 'Custom' && typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) fields[k] = String((v as { name?: string } | null)?.name ?? v);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = String(value);
  }
  return fields;
}

/** Everything the tests check, read once from a PDF's bytes. */
export async function readPdfBytes(bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await open(bytes);
  try {
    const meta = await doc.getMetadata();
    const pages: PageBox[] = [];
    const pageTexts: string[] = [];
    const fonts = new Map<string, FontRow>();
    const missingGlyphs: MissingGlyph[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const read = await pageGlyphs(page, n);
      pages.push({ page: n, width, height, words: words(n, read.glyphs) });
      pageTexts.push(await pageText(page));
      missingGlyphs.push(...read.missing);
      for (const f of read.fonts)
        fonts.set(f.name, { name: f.name, type: FONT_TYPES[f.type] ?? f.type, embedded: !f.missingFile, subset: /^[A-Z]{6}\+/.test(f.name) });
      page.cleanup();
    }
    const info: PdfInfo = { pages: doc.numPages, pageSizes: pages.map(({ width, height }) => ({ width, height })), fields: infoFields(meta.info) };
    return { info, fonts: [...fonts.values()], pages, pageTexts, missingGlyphs };
  } finally {
    await doc.destroy();
  }
}

const cache = new Map<string, { readonly stamp: string; readonly facts: Promise<PdfFacts> }>();

/** Everything the tests check, read once per file (until the file changes). */
export function readPdf(file: string): Promise<PdfFacts> {
  const st = statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.facts;
  const facts = readPdfBytes(new Uint8Array(readFileSync(file)));
  cache.set(file, { stamp, facts });
  return facts;
}

/** Plain text of the document (or pages first–last), pages ended by a form feed as pdftotext does. */
export async function pdfText(file: string, first?: number, last?: number): Promise<string> {
  const { pageTexts } = await readPdf(file);
  const from = first ?? 1;
  const to = first === undefined ? pageTexts.length : (last ?? first);
  return pageTexts
    .slice(from - 1, to)
    .map((t) => `${t}\f`)
    .join('');
}

/** Word boxes per page, in pt from the top-left corner. */
export async function pdfWords(file: string): Promise<PageBox[]> {
  return [...(await readPdf(file)).pages];
}

/** One row per font the pages draw with. */
export async function pdfFonts(file: string): Promise<FontRow[]> {
  return [...(await readPdf(file)).fonts];
}

/** Page count, every page's size, the information dictionary. */
export async function pdfInfo(file: string): Promise<PdfInfo> {
  return (await readPdf(file)).info;
}

/** Characters drawn without a glyph in their font. */
export async function pdfMissingGlyphs(file: string): Promise<MissingGlyph[]> {
  return [...(await readPdf(file)).missingGlyphs];
}
