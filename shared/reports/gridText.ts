/**
 * Sets a paragraph on the 公文 character grid: 28 characters of 16 pt on a 156 mm line, which is
 * only possible by letting the characters sit 0.21 pt closer than their em (what Word's "文档网格,
 * 每行28字" does). pdfmake measures its CJK text one character at a time and ignores letter spacing
 * when it does, so it would set 27 characters per line; here the lines are broken by us, with the
 * real advance widths (fontMetrics.ts), and each line is handed to pdfmake as one unbreakable run
 * with the letter spacing that makes it fill the line exactly (两端对齐).
 *
 * Line-breaking rules (GB/T 15834 practice, 避头尾):
 * - a break may fall between any two characters, except inside a run of Latin letters, digits and
 *   the marks that hold numbers together (2026, 85.7%, X组〔2026〕12号 breaks only around the
 *   brackets);
 * - closing punctuation (，。、；：？！）》”…— and the like) never starts a line: when it does not fit,
 *   it is squeezed into the line (up to `maxSqueeze` pt less per character) or, failing that, the
 *   character before it moves down with it;
 * - opening punctuation (（《“ and the like) never ends a line.
 * The last line of a paragraph keeps the grid spacing (it is not stretched).
 */
import { advanceOf, naturalLineHeight, type FontMetrics } from './fontMetrics';

/** A stretch of one font inside a paragraph. */
export interface GridRun {
  readonly text: string;
  /** pdfmake font family. */
  readonly font: string;
  readonly metrics: FontMetrics;
  readonly fontSize: number;
}

export interface GridSpec {
  /** Width of the text block, pt. */
  readonly width: number;
  /** Distance between the starts of neighbouring characters on the grid, pt. */
  readonly pitch: number;
  /** Line pitch, pt. */
  readonly linePitch: number;
  /** First-line indent, pt (two characters: 2 × pitch). */
  readonly indent: number;
  /** How much tighter than the grid a line may be set to keep closing punctuation on it, pt per character. */
  readonly maxSqueeze: number;
}

export interface GridSegment {
  readonly text: string;
  readonly run: number;
}

export interface GridLine {
  readonly segments: readonly GridSegment[];
  /** Letter spacing of the line, pt (negative = tighter than the font's advances). */
  readonly characterSpacing: number;
  /** Left offset, pt. */
  readonly indent: number;
  /** Width of the set line as pdfmake measures it, pt. */
  readonly width: number;
}

const NO_LINE_START = new Set([
  ...'，。、；：？！）》」』】〕〉”’…—·‰％%,.;:?!)]}｝～·ー',
  '\u3001', '\u3002', '\uff0c', '\uff0e', '\uff1a', '\uff1b', '\uff1f', '\uff01',
]);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{｛']);
const WORD = /[A-Za-z0-9]/;
const WORD_JOINERS = new Set([...'.,%‰+-/:_\'&@#']);

interface Atom {
  readonly ch: string;
  readonly run: number;
  readonly advance: number;
}

/** May a line break fall between atoms[i-1] and atoms[i]? */
function breakAllowed(atoms: readonly Atom[], i: number): boolean {
  const prev = atoms[i - 1]?.ch ?? '';
  const next = atoms[i]?.ch ?? '';
  if (NO_LINE_START.has(next) || NO_LINE_END.has(prev)) return false;
  const prevWord = WORD.test(prev) || (WORD_JOINERS.has(prev) && WORD.test(atoms[i - 2]?.ch ?? ''));
  const nextWord = WORD.test(next) || (WORD_JOINERS.has(next) && WORD.test(atoms[i + 1]?.ch ?? ''));
  if (prevWord && nextWord) return false;
  return true;
}

/**
 * How many letter spacings pdfmake counts in atoms[from, to): each segment (a run of one font) of
 * UTF-16 length L contributes L − 1 (characters outside the BMP count twice, as in pdfmake).
 */
function gaps(atoms: readonly Atom[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const len = atoms[i]?.ch.length ?? 1;
    n += i === from || atoms[i]?.run !== atoms[i - 1]?.run ? len - 1 : len;
  }
  return n;
}

function naturalWidth(atoms: readonly Atom[], from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += atoms[i]?.advance ?? 0;
  return w;
}

function segmentsOf(atoms: readonly Atom[], from: number, to: number): GridSegment[] {
  const out: { text: string; run: number }[] = [];
  for (let i = from; i < to; i++) {
    const a = atoms[i];
    if (a === undefined) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last.run === a.run) last.text += a.ch;
    else out.push({ text: a.ch, run: a.run });
  }
  return out;
}

/** Safety margin so that floating-point rounding never makes pdfmake wrap a set line, pt. */
const EPSILON = 0.01;
/** How much wider than the block a line may be on the grid and still be taken (pitch rounding), pt. */
const TOLERANCE = 0.05;

/** Breaks a paragraph into grid lines. */
export function setOnGrid(runs: readonly GridRun[], spec: GridSpec, firstLineIndent = spec.indent): GridLine[] {
  const atoms: Atom[] = [];
  runs.forEach((r, run) => {
    for (const ch of r.text) {
      if (ch === '\n' || ch === '\r') continue;
      atoms.push({ ch, run, advance: advanceOf(r.metrics, ch.codePointAt(0) ?? 0, r.fontSize) });
    }
  });
  const size = runs[0]?.fontSize ?? 16;
  const gridSpacing = spec.pitch - size;
  const lines: GridLine[] = [];
  let start = 0;
  while (start < atoms.length) {
    // no spaces at the start of a continuation line
    if (lines.length > 0) while (start < atoms.length && atoms[start]?.ch === ' ') start++;
    if (start >= atoms.length) break;
    const indent = lines.length === 0 ? firstLineIndent : 0;
    // a line fits when it does on the grid (rounding of the pitch forgiven); it is then set a
    // hair inside the block, so that pdfmake never sees it wider than the column
    const avail = spec.width - indent - EPSILON;
    // On the grid every character boundary takes the spacing; pdfmake's measure leaves it out
    // where the font changes, which the justification below makes up for.
    const fits = (to: number, spacing: number): boolean =>
      naturalWidth(atoms, start, to) + spacing * (to - start - 1) <= spec.width - indent + TOLERANCE;

    let end = start + 1;
    while (end < atoms.length && fits(end + 1, gridSpacing)) end++;
    if (end < atoms.length) {
      // `end` does not fit: keep closing punctuation on this line when it can be squeezed in
      let squeezed = end;
      while (squeezed < atoms.length && NO_LINE_START.has(atoms[squeezed]?.ch ?? '')) squeezed++;
      if (squeezed > end && fits(squeezed, gridSpacing - spec.maxSqueeze)) end = squeezed;
      else {
        let b = end;
        while (b > start && !breakAllowed(atoms, b)) b--;
        // b === start: one unbreakable run longer than the line — break it where it overflows
        if (b > start) end = b;
      }
    }
    let last = end;
    while (last > start + 1 && atoms[last - 1]?.ch === ' ') last--;
    const natural = naturalWidth(atoms, start, last);
    const n = gaps(atoms, start, last);
    const isLast = end >= atoms.length;
    const spacing = isLast || n === 0 ? gridSpacing : (avail - natural) / n;
    const characterSpacing = isLast ? Math.min(gridSpacing, n === 0 ? gridSpacing : (avail - natural) / n) : spacing;
    lines.push({
      segments: segmentsOf(atoms, start, last),
      characterSpacing,
      indent,
      width: natural + characterSpacing * n,
    });
    start = end;
  }
  return lines;
}

/** The pdfmake `lineHeight` multiplier that makes a line of this font exactly `linePitch` high. */
export function lineHeightFor(metrics: FontMetrics, fontSize: number, linePitch: number): number {
  return linePitch / naturalLineHeight(metrics, fontSize);
}
