/** How figures are written in reports: Arabic numerals (GB/T 9704), '—' where nothing was due. Dates and money in words: shared/rules/text.ts. */
import { percent } from '../rules/text';

export const NONE = '—';

/** 0.965 → 96.5%; null → — */
export function pct(share: number | null): string {
  return share === null ? NONE : percent(share);
}

/** met/due as "11/12", or — when nothing was due. */
export function ofDue(met: number, due: number): string {
  return due === 0 ? NONE : `${met}/${due}`;
}

/** Hours with at most one decimal: 12 → 12, 12.25 → 12.3. */
export function hours(h: number | null): string {
  if (h === null) return NONE;
  return String(Math.round(h * 10) / 10);
}

/** 一是, 二是, … for enumerated points in a paragraph. */
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function ordinalIs(i: number): string {
  return `${ORDINALS[i] ?? String(i + 1)}是`;
}

/** A name in quotation marks, its own quotation marks turned into single ones (“‘清廉机关’建设”). */
export function quoted(name: string): string {
  return `“${name.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}

const CJK = '[\\u2e80-\\u9fff\\uff00-\\uffef（）《》“”、，。；：]';
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=${CJK}) +| +(?=${CJK})`, 'g');

/**
 * A rule's explanation as running 公文 text: the screens put spaces around numbers inside Chinese
 * ("应到 23 人"), print does not ("应到23人").
 */
export function tidy(text: string): string {
  return text.replace(SPACE_NEXT_TO_CJK, '');
}
