/**
 * The part of pdfmake's document-definition format the report builders produce, declared here as
 * plain structural types. `@types/pdfmake` references the DOM and Node typings, which shared/ must
 * not see (DESIGN.md §2), so the builders return these types instead; `scripts/cli/renderPdf.ts`
 * assigns them to pdfmake's `TDocumentDefinitions`, so the compiler checks that they stay
 * compatible.
 */

export type PdfMargins = number | [number, number] | [number, number, number, number];

export type PdfAlignment = 'left' | 'right' | 'center' | 'justify';

export interface PdfStyle {
  font?: string;
  fontSize?: number;
  lineHeight?: number;
  bold?: boolean;
  alignment?: PdfAlignment;
  color?: string;
  margin?: PdfMargins;
  characterSpacing?: number;
  leadingIndent?: number;
  noWrap?: boolean;
  preserveLeadingSpaces?: boolean;
  preserveTrailingSpaces?: boolean;
  fillColor?: string;
}

interface PdfContentBase extends PdfStyle {
  style?: string | string[];
  pageBreak?: 'before' | 'after';
  unbreakable?: boolean;
  id?: string;
  /** Table cells only. */
  colSpan?: number;
  rowSpan?: number;
}

export interface PdfText extends PdfContentBase {
  text: string | PdfContent[];
}

export interface PdfStack extends PdfContentBase {
  stack: PdfContent[];
}

export type PdfColumn = PdfContent & { width?: number | string };

export interface PdfColumns extends PdfContentBase {
  columns: PdfColumn[];
  columnGap?: number;
}

/** The table node handed to layout callbacks. */
export interface PdfTableNode {
  table: { body: unknown[][]; headerRows?: number };
}

export interface PdfTableLayout {
  hLineWidth?: (i: number, node: PdfTableNode) => number;
  vLineWidth?: (i: number, node: PdfTableNode) => number;
  hLineColor?: (i: number, node: PdfTableNode) => string;
  vLineColor?: (i: number, node: PdfTableNode) => string;
  paddingLeft?: (i: number, node: PdfTableNode) => number;
  paddingRight?: (i: number, node: PdfTableNode) => number;
  paddingTop?: (i: number, node: PdfTableNode) => number;
  paddingBottom?: (i: number, node: PdfTableNode) => number;
  fillColor?: (rowIndex: number, node: PdfTableNode, columnIndex: number) => string | null;
}

export interface PdfTable extends PdfContentBase {
  table: {
    body: PdfContent[][];
    widths?: (number | string)[];
    heights?: number | ((row: number) => number | 'auto');
    headerRows?: number;
    dontBreakRows?: boolean;
    keepWithHeaderRows?: number;
  };
  layout?: PdfTableLayout;
}

export type PdfContent = string | PdfContent[] | PdfText | PdfStack | PdfColumns | PdfTable;

/** Standard PDF information entries plus our own (custom keys are written as they are). */
export interface PdfInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  /** Which fonts the report used, per role (custom entry). */
  reportFonts?: string;
}

export interface PdfDocumentDefinition {
  pageSize: { width: number; height: number };
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins: [number, number, number, number];
  content: PdfContent[];
  defaultStyle: PdfStyle;
  footer?: (currentPage: number, pageCount: number) => PdfContent | null;
  info: PdfInfo;
  language?: string;
}

/** The pdfmake font dictionary: family → file key of each variant. */
export type PdfFontDictionary = Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>;
