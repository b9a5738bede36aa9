/**
 * Sets a cadre's draft text (plain text, one paragraph per line) in the 公文 style: a line that
 * starts with 一、 is a level-1 heading; one that starts with （一） has the marker and its first
 * sentence in the level-2 font, run into the paragraph; 1. and （1） stay in the body font, as
 * GB/T 9704 asks. Empty lines are dropped (公文 paragraphs are not separated by blank lines).
 */
import type { Gongwen } from './gongwenLayout';
import type { PdfContent, PdfStack } from './pdfTypes';

const LEVEL1 = /^[一二三四五六七八九十]+、/;
const LEVEL2 = /^（[一二三四五六七八九十]+）/;

/** Splits a level-2 paragraph into its heading (marker and first sentence, if short) and the rest. */
export function splitLevel2(line: string): { heading: string; rest: string } {
  const marker = LEVEL2.exec(line)?.[0] ?? '';
  const stop = line.indexOf('。', marker.length);
  if (stop > 0 && stop <= marker.length + 30) return { heading: line.slice(0, stop + 1), rest: line.slice(stop + 1) };
  return { heading: marker, rest: line.slice(marker.length) };
}

export function draftParagraphs(gw: Gongwen, text: string): PdfContent[] {
  const blocks: { node: PdfStack; heading: boolean }[] = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((line) => {
      if (LEVEL1.test(line)) return { node: gw.heading1(line), heading: true };
      if (LEVEL2.test(line)) {
        const { heading, rest } = splitLevel2(line);
        return { node: gw.heading2(heading, rest === '' ? undefined : rest), heading: rest === '' };
      }
      return { node: gw.paragraph(line), heading: false };
    });
  const out: PdfContent[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const next = blocks[i + 1];
    if (b === undefined) continue;
    if (b.heading && next !== undefined) {
      out.push(...gw.keepWithNext(b.node, next.node));
      i++;
    } else out.push(b.node);
  }
  return out;
}
