/**
 * pdfmake's browser build (most of the worker's code), loaded when a report is first rendered:
 * preparing the annual report's text, the first thing the 报表 page asks, does not wait for it.
 */
import type { PdfMakeBrowser } from 'taizhang:pdfmake';

let loading: Promise<PdfMakeBrowser> | null = null;

export function pdfmake(): Promise<PdfMakeBrowser> {
  loading ??= import('taizhang:pdfmake').then((m) => m.default);
  return loading;
}
