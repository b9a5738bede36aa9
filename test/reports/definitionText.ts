/**
 * The text of a report's pdfmake definition without rendering it: every text node in document
 * order (a grid line of body text is one node, a table cell another). Fast enough to check the
 * wording of every report the fixtures make; the PDF read back (pdfReader.ts) checks what prints.
 */
import type { PdfContent, PdfDocumentDefinition } from '../../shared/reports/pdfTypes';

function walk(node: unknown, out: string[]): void {
  if (typeof node === 'string') {
    if (node !== '') out.push(node);
    return;
  }
  if (Array.isArray(node)) {
    for (const n of node) walk(n, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  if ('text' in o) {
    const t = o.text;
    if (typeof t === 'string') out.push(t);
    else if (Array.isArray(t)) out.push(t.map((s) => (typeof s === 'string' ? s : typeof s === 'object' && s !== null && 'text' in s ? String((s as { text: unknown }).text) : '')).join(''));
    return;
  }
  if ('stack' in o) walk(o.stack, out);
  if ('columns' in o) walk(o.columns, out);
  if ('table' in o && typeof o.table === 'object' && o.table !== null) walk((o.table as { body: unknown }).body, out);
}

/** Each text node of the content, in order. */
export function textNodes(definition: PdfDocumentDefinition | PdfContent): string[] {
  const out: string[] = [];
  const isDocument = typeof definition === 'object' && !Array.isArray(definition) && 'content' in definition;
  walk(isDocument ? definition.content : definition, out);
  return out;
}

/** The content's text run together with no white space (as `compact` does to a PDF's text). */
export function definitionText(definition: PdfDocumentDefinition): string {
  return textNodes(definition).join('').replace(/\s+/g, '');
}
