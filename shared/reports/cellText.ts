/**
 * Table cells without a lone character: pdfmake wraps a cell's text greedily, so a name one
 * character too long for its column leaves that character on a line of its own (“机关第一第一党支
 * /部”). `withoutOrphan` wraps the text the same way (Chinese characters break anywhere, runs of
 * Latin letters and digits stay whole, closing punctuation stays with what precedes it) and, when
 * the last line would hold one character, ends the line before one token earlier — before the 党 of
 * 党支部/党总支/党小组/党委 when that is close — with an explicit line break.
 */
import { widthOf, type FontMetrics } from './fontMetrics';

const WORD = /^[A-Za-z0-9.,%*/+\-·()]+$/;
const CLOSING = /^[，。、；：？！）》”’〕%]$/;
const OPENING = /^[（《“‘〔]$/;

/** Units that never break inside: a Latin/digit run, or one character with the punctuation that clings to it. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    const last = out[out.length - 1];
    if (last !== undefined && ((WORD.test(ch) && WORD.test(last)) || CLOSING.test(ch) || OPENING.test(last.slice(-1))))
      out[out.length - 1] = last + ch;
    else out.push(ch);
  }
  return out;
}

/** Lines of tokens as a greedy wrap at `width` fills them. */
function wrap(parts: readonly string[], width: number, measure: (s: string) => number): string[][] {
  const lines: string[][] = [[]];
  let used = 0;
  for (const t of parts) {
    const w = measure(t);
    const line = lines[lines.length - 1] ?? [];
    if (line.length > 0 && used + w > width) {
      lines.push([t]);
      used = w;
    } else {
      line.push(t);
      used += w;
    }
  }
  return lines;
}

export function withoutOrphan(text: string, width: number, metrics: FontMetrics, fontSize: number): string {
  if (text.includes('\n') || width <= 0) return text;
  const measure = (s: string): number => widthOf(metrics, s, fontSize);
  if (measure(text) <= width) return text;
  const lines = wrap(tokens(text), width, measure);
  const last = lines[lines.length - 1] ?? [];
  const previous = lines[lines.length - 2];
  // (a line above of two tokens would itself be left with one: the column is too narrow to help)
  if (lines.length < 2 || previous === undefined || previous.length < 3 || last.length !== 1 || [...(last[0] ?? '')].length !== 1) return text;
  // move one token down, or up to three when that breaks before 党 (党支部, 党总支, 党小组, 党委)
  let cut = previous.length - 1;
  for (let k = previous.length - 1; k >= Math.max(2, previous.length - 3); k--)
    if (previous[k] === '党') {
      cut = k;
      break;
    }
  const head = lines.slice(0, -2).map((l) => l.join(''));
  return [...head, previous.slice(0, cut).join(''), previous.slice(cut).join('') + last.join('')].join('\n');
}
