/**
 * The 公文 page (党政机关公文格式, GB/T 9704-2012) for pdfmake: geometry, the grid the body text is
 * set on, and the pieces every report is made of (title, 主送, headings 一、（一）1.（1）, paragraphs,
 * 附件说明, signature and date, attachments with tables, page numbers).
 *
 * Geometry (GB/T 9704 §5.2.1, §7.5): A4 (210 × 297 mm); top margin 37 mm, left 28 mm; text block
 * 156 × 225 mm, so the right margin is 26 mm and the bottom 35 mm. Body 3号 (16 pt), 22 lines of
 * 28 characters: line pitch 225 mm / 22 = 28.99 pt; 28 characters of 16 pt on 156 mm means the
 * characters start 15.785 pt apart, 0.215 pt closer than their em (see gridText.ts). Title 2号
 * (22 pt). Page numbers 4号 (14 pt) "— N —", the line 7 mm below the text block, odd pages right and
 * even pages left, one character in from the block's edge.
 */
import type { IsoDate } from '../rules/dates';
import { chineseDate } from '../rules/text';
import { naturalLineHeight, widthOf, type FontMetrics } from './fontMetrics';
import { BUNDLED_FONT_SET, describeFontSet, familyOf, type FontRole, type ReportFontSet } from './fonts';
import { lineHeightFor, setOnGrid, type GridRun, type GridSpec } from './gridText';
import { withoutOrphan } from './cellText';
import type { PdfAlignment, PdfContent, PdfDocumentDefinition, PdfStack, PdfTable, PdfTableLayout, PdfText } from './pdfTypes';


/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;
export const mm = (millimetres: number): number => millimetres * PT_PER_MM;

/** Rounds down to 1/10000 pt, so that n lines or characters never exceed the block by rounding. */
const floor4 = (x: number): number => Math.floor(x * 10000) / 10000;

export interface GongwenGeometry {
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly marginLeft: number;
  readonly marginTop: number;
  readonly marginRight: number;
  readonly marginBottom: number;
  readonly blockWidth: number;
  readonly blockHeight: number;
  readonly bodyFontSize: number;
  readonly linesPerPage: number;
  readonly charsPerLine: number;
  /** Baseline-to-baseline distance of body lines, pt. */
  readonly linePitch: number;
  /** Distance between the starts of neighbouring body characters, pt. */
  readonly charPitch: number;
  /** charPitch − bodyFontSize: the letter spacing of a grid line, pt. */
  readonly charSpacing: number;
  readonly titleFontSize: number;
  readonly titleLinePitch: number;
  readonly pageNumberFontSize: number;
  /** From the bottom of the text block to the top of the page-number line, pt. */
  readonly pageNumberGap: number;
  readonly tableFontSize: number;
}

export function gongwenGeometry(): GongwenGeometry {
  const pageWidth = mm(210);
  const pageHeight = mm(297);
  const marginLeft = mm(28);
  const marginTop = mm(37);
  const blockWidth = mm(156);
  const blockHeight = mm(225);
  const bodyFontSize = 16;
  const linesPerPage = 22;
  const charsPerLine = 28;
  const linePitch = floor4(blockHeight / linesPerPage);
  const charPitch = floor4((blockWidth - bodyFontSize) / (charsPerLine - 1));
  return {
    pageWidth,
    pageHeight,
    marginLeft,
    marginTop,
    marginRight: pageWidth - marginLeft - blockWidth,
    marginBottom: pageHeight - marginTop - blockHeight,
    blockWidth,
    blockHeight,
    bodyFontSize,
    linesPerPage,
    charsPerLine,
    linePitch,
    charPitch,
    charSpacing: charPitch - bodyFontSize,
    titleFontSize: 22,
    titleLinePitch: floor4(linePitch * 1.25),
    pageNumberFontSize: 14,
    pageNumberGap: mm(7),
    tableFontSize: 12,
  };
}

export const GONGWEN = gongwenGeometry();

export interface TableColumn {
  readonly header: string;
  /** pt, '*' (share the rest) or 'auto'. */
  readonly width: number | '*' | 'auto';
  readonly align?: PdfAlignment;
}

export interface TableSpec {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  /** Table font size (default 12 pt, 小四). */
  readonly fontSize?: number;
  /** Minimum row height, pt (sign-in sheets leave room to sign). */
  readonly rowHeight?: number;
  /** Extra header rows above the column headers, e.g. a group heading spanning all columns. */
  readonly caption?: string;
  /** Narrow cell padding (2 pt) for tables with many columns. */
  readonly compact?: boolean;
}

/** A table row: cells, or a section heading spanning the whole row (in 黑体). */
export type TableRow = readonly (string | number)[] | { readonly section: string };

export interface DocumentSpec {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly keywords?: string;
  readonly content: PdfContent[];
}

/** A paragraph's text: plain body text, or runs of different roles (e.g. a （一） heading run-in). */
export type ParagraphText = string | readonly { readonly text: string; readonly role: FontRole }[];

export interface Gongwen {
  readonly geometry: GongwenGeometry;
  readonly fonts: ReportFontSet;
  /** pdfmake family of a role. */
  font(role: FontRole): string;
  /** 2号 title, centred; `lines` lets the caller break a long title by meaning (a line too long is broken further). */
  title(text: string | readonly string[]): PdfContent;
  /** A smaller centred title (attachment titles, sub-titles). */
  subtitle(text: string, fontSize?: number): PdfText;
  /** 主送机关 (顶格, ending with a full-width colon). */
  addressee(text: string): PdfStack;
  /** 一、 in the heading1 font (黑体), indented two characters. */
  heading1(text: string): PdfStack;
  /** （一） in the heading2 font (楷体); `rest` continues the paragraph in the body font. */
  heading2(heading: string, rest?: string): PdfStack;
  /** Body paragraph, first line indented two characters (or `indentChars`). */
  paragraph(text: ParagraphText, indentChars?: number): PdfStack;
  /** A body line set flush left (顶格), e.g. 会议记录 fields. */
  flush(text: ParagraphText): PdfStack;
  /** Empty grid lines. */
  blank(lines?: number): PdfContent;
  /** 附件说明: 附件：1. … under the body, names aligned. */
  attachmentNote(titles: readonly string[]): PdfContent[];
  /** 发文机关署名 centred over the date, the date four characters in from the right. */
  signature(signer: string, date: IsoDate): PdfContent;
  /** The start of an attachment page: 附件 / 附件1 (黑体, 顶格) and its centred title. */
  attachmentHeader(index: number | null, title: string): PdfContent[];
  /** A note under a table (注：…), in the table's size. */
  note(text: string, fontSize?: number): PdfText;
  /** A table in the reports' one style (0.5 pt lines, header in 黑体, header repeated on each page). */
  table(spec: TableSpec): PdfTable;
  /** Keeps a heading with the first line of what follows, so no heading ends a page. */
  keepWithNext(first: PdfStack, next: PdfStack): PdfContent[];
  /**
   * The end of the body kept on one page: its last paragraph (特此报告。), 附件说明, signature and
   * date, so that the signature never stands on a page without body text (GB/T 9704 §7.3.5).
   */
  closing(parts: readonly PdfContent[]): PdfStack;
  /**
   * The last `lines` lines of a paragraph kept on one page with what follows it (a record's
   * 主持人（签字）/记录人（签字） line never stands alone at the top of a page).
   */
  keepWithTail(previous: PdfStack, tail: readonly PdfContent[], lines?: number): PdfContent[];
  /** The whole document: page, margins, footer with page numbers, metadata naming the fonts. */
  document(spec: DocumentSpec): PdfDocumentDefinition;
}

const TITLE_OPEN = new Set([...'“‘《（(〔']);
const TITLE_CLOSE = new Set([...'”’》）)〕，。、：；']);

/**
 * Breaks a long title into balanced lines (GB/T 9704: 回行时词意完整、排列对称): never inside
 * quotation marks, book-title marks or brackets, nor inside a number; a break right after the
 * name of an organisation (…党组 / 党委 / 党支部 / 工委) or before 关于 is preferred.
 */
export function breakTitle(text: string, metrics: FontMetrics, fontSize: number, width: number): string[] {
  const chars = [...text];
  const w = (from: number, to: number): number => widthOf(metrics, chars.slice(from, to).join(''), fontSize);
  const total = w(0, chars.length);
  if (total <= width) return [text];
  const allowed: boolean[] = chars.map(() => false);
  let depth = 0;
  chars.forEach((c, i) => {
    const prev = chars[i - 1] ?? '';
    const digits = /[0-9A-Za-z.%]/.test(prev) && /[0-9A-Za-z.%]/.test(c);
    allowed[i] = i > 0 && depth === 0 && !digits && !TITLE_CLOSE.has(c) && !TITLE_OPEN.has(prev);
    if (TITLE_OPEN.has(c)) depth++;
    if (TITLE_CLOSE.has(c) && depth > 0 && !'，。、：；'.includes(c)) depth--;
  });
  const preferred = (i: number): boolean =>
    /(党组|党委|党支部|党总支|党小组|工委|局|办公室)$/.test(chars.slice(0, i).join('')) || chars.slice(i, i + 2).join('') === '关于';
  const lines: string[] = [];
  let start = 0;
  let remaining = Math.ceil(total / width);
  while (start < chars.length) {
    if (w(start, chars.length) <= width || remaining <= 1) {
      lines.push(chars.slice(start).join(''));
      break;
    }
    const target = w(start, chars.length) / remaining;
    let best = -1;
    let bestScore = Infinity;
    for (let i = start + 1; i < chars.length; i++) {
      if (!allowed[i]) continue;
      const left = w(start, i);
      if (left > width) break;
      if (w(i, chars.length) > width * (remaining - 1)) continue;
      const score = Math.abs(left - target) - (preferred(i) ? fontSize * 4 : 0);
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0) {
      lines.push(chars.slice(start).join(''));
      break;
    }
    lines.push(chars.slice(start, best).join(''));
    start = best;
    remaining--;
  }
  return lines;
}

/** Narrowest a '*' column may become before the fixed columns give way, pt. */
const MIN_STAR_WIDTH = 36;
const TABLE_LINE = 0.5;

/**
 * Concrete column widths that fit the text block: pdfmake widths exclude the cells' padding and
 * the rules, and fixed widths never shrink, so a table whose fixed columns leave too little for
 * its '*' columns would run past the block's edge. '*' and 'auto' share what the fixed columns
 * leave; when that is less than MIN_STAR_WIDTH each, the fixed columns are narrowed in proportion.
 */
export function fitWidths(widths: readonly (number | '*' | 'auto')[], blockWidth: number, horizontalPadding: number): number[] {
  const n = widths.length;
  const avail = blockWidth - n * horizontalPadding - (n + 1) * TABLE_LINE - 0.01;
  const fixed = widths.reduce<number>((s, w) => s + (typeof w === 'number' ? w : 0), 0);
  const stars = widths.filter((w) => typeof w !== 'number').length;
  let scale = 1;
  let star = stars === 0 ? 0 : (avail - fixed) / stars;
  if (stars > 0 && star < MIN_STAR_WIDTH) {
    scale = (avail - stars * MIN_STAR_WIDTH) / fixed;
    star = MIN_STAR_WIDTH;
  } else if (stars === 0 && fixed > avail) scale = avail / fixed;
  return widths.map((w) => Math.floor((typeof w === 'number' ? w * scale : star) * 100) / 100);
}

/** "— 3 —" */
export function pageNumberText(page: number): string {
  // en spaces (U+2002): half a character each side, as the 一字线 stand in printed 公文
  return `—\u2002${page}\u2002—`;
}

export function gongwen(fonts: ReportFontSet = BUNDLED_FONT_SET): Gongwen {
  const g = GONGWEN;
  const face = (role: FontRole) => fonts.roles[role];
  const font = (role: FontRole): string => familyOf(face(role));
  const lineHeight = (role: FontRole, size: number, pitch: number): number => lineHeightFor(face(role).metrics, size, pitch);
  const grid: GridSpec = {
    width: g.blockWidth,
    pitch: g.charPitch,
    linePitch: g.linePitch,
    indent: 2 * g.charPitch,
    maxSqueeze: 1.5,
  };

  const runsOf = (text: ParagraphText): GridRun[] =>
    (typeof text === 'string' ? [{ text, role: 'body' as FontRole }] : text).map((r) => ({
      text: r.text,
      font: font(r.role),
      metrics: face(r.role).metrics,
      fontSize: g.bodyFontSize,
    }));

  /** Grid lines of a paragraph as pdfmake text nodes (each an unbreakable single line). */
  const gridLines = (text: ParagraphText, firstIndent: number, restIndent = 0): PdfText[] => {
    const runs = runsOf(text);
    const spec: GridSpec = { ...grid, width: g.blockWidth - restIndent };
    return setOnGrid(runs, spec, firstIndent - restIndent).map((line) => ({
      text: line.segments.map((s) => {
        const run = runs[s.run];
        return {
          text: s.text,
          font: run?.font ?? font('body'),
          lineHeight: lineHeightFor(run?.metrics ?? face('body').metrics, g.bodyFontSize, g.linePitch),
        };
      }),
      fontSize: g.bodyFontSize,
      characterSpacing: line.characterSpacing,
      noWrap: true,
      preserveLeadingSpaces: true,
      margin: [line.indent + restIndent, 0, 0, 0],
    }));
  };

  const stack = (nodes: PdfContent[]): PdfStack => ({ stack: nodes });
  const bodyLineHeight = lineHeight('body', g.bodyFontSize, g.linePitch);

  const emptyLine = (): PdfText => ({ text: ' ', fontSize: g.bodyFontSize, font: font('body'), lineHeight: bodyLineHeight });

  const tableLayout: PdfTableLayout = {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 2,
    paddingBottom: () => 1,
  };

  const compactLayout: PdfTableLayout = { ...tableLayout, paddingLeft: () => 2, paddingRight: () => 2 };

  const api: Gongwen = {
    geometry: g,
    fonts,
    font,

    title(text) {
      // a line given by the caller is kept whole when it fits, and broken like a title when it does not
      const lines = (typeof text === 'string' ? [text] : text).flatMap((t) => breakTitle(t, face('title').metrics, g.titleFontSize, g.blockWidth));
      return {
        stack: lines.map((l) => ({ text: l })),
        font: font('title'),
        fontSize: g.titleFontSize,
        alignment: 'center',
        lineHeight: lineHeight('title', g.titleFontSize, g.titleLinePitch),
      };
    },

    subtitle(text, fontSize = 18) {
      return {
        text,
        font: font('title'),
        fontSize,
        alignment: 'center',
        lineHeight: lineHeight('title', fontSize, g.linePitch * 1.2),
      };
    },

    addressee: (text) => stack(gridLines(text, 0)),
    heading1: (text) => stack(gridLines([{ text, role: 'heading1' }], grid.indent)),
    heading2: (heading, rest) =>
      stack(gridLines(rest ? [{ text: heading, role: 'heading2' }, { text: rest, role: 'body' }] : [{ text: heading, role: 'heading2' }], grid.indent)),
    paragraph: (text, indentChars = 2) => stack(gridLines(text, indentChars * g.charPitch)),
    flush: (text) => stack(gridLines(text, 0)),

    blank(lines = 1) {
      return { stack: Array.from({ length: lines }, emptyLine) };
    },

    attachmentNote(titles) {
      if (titles.length === 0) return [];
      const label = '附件：';
      // names (and their continuation lines) start after 附件：, five characters in
      const hang = 5 * g.charPitch;
      const numbered = titles.length > 1;
      const metrics = face('body').metrics;
      return titles.map((t, i) => {
        const number = numbered ? `${i + 1}.` : '';
        // continuation lines align with the first character of the name, after its number
        const nameStart = hang + widthOf(metrics, number, g.bodyFontSize) + g.charSpacing * number.length;
        const first = i === 0 ? `${label}${number}${t}` : `${number}${t}`;
        return stack(gridLines(first, i === 0 ? grid.indent : hang, nameStart));
      });
    },

    signature(signer, date) {
      const metrics = face('body').metrics;
      const dateText = chineseDate(date);
      const measure = (s: string): number => widthOf(metrics, s, g.bodyFontSize) + g.charSpacing * (s.length - 1);
      const dateRight = 4 * g.charPitch;
      const dateWidth = measure(dateText);
      const signerWidth = measure(signer);
      const signerRight = Math.max(0, dateRight + (dateWidth - signerWidth) / 2);
      const line = (text: string, right: number): PdfText => ({
        text,
        font: font('body'),
        fontSize: g.bodyFontSize,
        lineHeight: bodyLineHeight,
        characterSpacing: g.charSpacing,
        alignment: 'right',
        noWrap: true,
        margin: [0, 0, right, 0],
      });
      return { stack: [line(signer, signerRight), line(dateText, dateRight)], unbreakable: true };
    },

    attachmentHeader(index, title) {
      return [
        {
          text: index === null ? '附件' : `附件${index}`,
          font: font('heading1'),
          fontSize: g.bodyFontSize,
          lineHeight: lineHeight('heading1', g.bodyFontSize, g.linePitch),
          pageBreak: 'before',
        },
        api.blank(1),
        api.subtitle(title),
        api.blank(1),
      ];
    },

    table(spec) {
      const size = spec.fontSize ?? g.tableFontSize;
      const cellLineHeight = 1;
      const padding = spec.compact === true ? 4 : 8;
      const widths = fitWidths(spec.columns.map((c) => c.width), g.blockWidth, padding);
      // no cell leaves one character on a line of its own
      const cellText = (text: string, column: number, role: FontRole): string => withoutOrphan(text, widths[column] ?? 0, face(role).metrics, size);
      const header: PdfContent[] = spec.columns.map((c, i) => ({
        text: cellText(c.header, i, 'heading1'),
        font: font('heading1'),
        fontSize: size,
        alignment: 'center',
        lineHeight: 1,
      }));
      const n = spec.columns.length;
      const span = (text: string): PdfContent[] => [
        { text, font: font('heading1'), fontSize: size, alignment: 'left', lineHeight: 1, colSpan: n },
        ...spec.columns.slice(1).map(() => ''),
      ];
      // rows of a fixed height (sign-in sheets) have their one line of text centred vertically
      const cellTop =
        spec.rowHeight === undefined ? 0 : Math.max(0, (spec.rowHeight - 3 - naturalLineHeight(face('body').metrics, size)) / 2);
      const body: PdfContent[][] = spec.rows.map((row) =>
        'section' in row
          ? span(row.section)
          : spec.columns.map((c, i) => ({
              text: cellText(String(row[i] ?? ''), i, 'body'),
              font: font('body'),
              fontSize: size,
              alignment: c.align ?? 'left',
              lineHeight: cellLineHeight,
              ...(cellTop > 0 ? { margin: [0, cellTop, 0, 0] as [number, number, number, number] } : {}),
            })),
      );
      const layout = spec.compact === true ? compactLayout : tableLayout;
      // A group row never ends a page: it and the row after it are one row of the table (which
      // dontBreakRows keeps whole) holding both in a table of the same columns, drawn over the
      // outer cell's padding and without the lines the outer table draws itself.
      const rowsKept: PdfContent[][] = [];
      for (let i = 0; i < body.length; i++) {
        const row = body[i] ?? [];
        const next = body[i + 1];
        const isGroup = 'section' in (spec.rows[i] ?? []);
        if (!isGroup || next === undefined || 'section' in (spec.rows[i + 1] ?? []) || spec.rowHeight !== undefined) {
          rowsKept.push(row);
          continue;
        }
        const pad = (f: ((i: number, node: never) => number) | undefined): number => f?.(0, undefined as never) ?? 0;
        rowsKept.push([
          {
            colSpan: n,
            margin: [-pad(layout.paddingLeft), -pad(layout.paddingTop), -pad(layout.paddingRight), -pad(layout.paddingBottom)],
            table: { widths, dontBreakRows: true, body: [row, next] },
            layout: {
              ...layout,
              hLineWidth: (k: number) => (k === 1 ? TABLE_LINE : 0),
              vLineWidth: (k: number) => (k === 0 || k === n ? 0 : TABLE_LINE),
            },
          },
          ...spec.columns.slice(1).map(() => ''),
        ]);
        i++;
      }
      const captionRows: PdfContent[][] = spec.caption ? [span(spec.caption)] : [];
      const rowHeight = spec.rowHeight;
      return {
        table: {
          widths,
          headerRows: captionRows.length + 1,
          dontBreakRows: true,
          keepWithHeaderRows: 1,
          body: [...captionRows, header, ...rowsKept],
          ...(rowHeight !== undefined
            ? { heights: (row: number) => (row < captionRows.length + 1 ? 'auto' : rowHeight) }
            : {}),
        },
        layout,
      };
    },

    note(text, fontSize = g.tableFontSize) {
      return { text, font: font('body'), fontSize, lineHeight: 1.2, margin: [0, 4, 0, 0] };
    },

    keepWithNext(first, next) {
      const [head, ...rest] = next.stack;
      if (head === undefined) return [{ ...first, unbreakable: true }];
      return [{ stack: [...first.stack, head], unbreakable: true }, ...(rest.length > 0 ? [stack(rest)] : [])];
    },

    closing(parts) {
      return { stack: [...parts], unbreakable: true };
    },

    keepWithTail(previous, tail, lines = 2) {
      const head = previous.stack.slice(0, Math.max(0, previous.stack.length - lines));
      const last = previous.stack.slice(head.length);
      return [...(head.length > 0 ? [stack(head)] : []), { stack: [...last, ...tail], unbreakable: true }];
    },

    document(spec) {
      return {
        pageSize: { width: g.pageWidth, height: g.pageHeight },
        pageOrientation: 'portrait',
        pageMargins: [g.marginLeft, g.marginTop, g.marginRight, g.marginBottom],
        content: spec.content,
        defaultStyle: { font: font('body'), fontSize: g.bodyFontSize, lineHeight: bodyLineHeight },
        footer: (page: number) => ({
          text: pageNumberText(page),
          font: font('body'),
          fontSize: g.pageNumberFontSize,
          lineHeight: 1,
          alignment: page % 2 === 1 ? 'right' : 'left',
          margin: [g.marginLeft + g.pageNumberFontSize, g.pageNumberGap, g.marginRight + g.pageNumberFontSize, 0],
        }),
        info: {
          title: spec.title,
          subject: spec.subject,
          author: spec.author,
          keywords: spec.keywords ?? '',
          creator: '机关党建台账',
          producer: 'pdfmake',
          reportFonts: describeFontSet(fonts),
        },
        language: 'zh-CN',
      };
    },
  };
  return api;
}
