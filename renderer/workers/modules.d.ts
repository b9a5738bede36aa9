/**
 * What the PDF worker uses of pdfmake's browser build (aliased to `taizhang:pdfmake` in
 * vite.config.ts) and of fontkit (measuring a host's font). Declared here because @types/pdfmake
 * references Node's typings, which the renderer must not see.
 */
declare module 'taizhang:pdfmake' {
  interface CreatedPdf {
    getBuffer(): Promise<Uint8Array>;
  }
  export interface PdfMakeBrowser {
    virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Uint8Array): void };
    setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
    setProgressCallback(callback: (progress: number) => void): void;
    createPdf(definition: unknown): CreatedPdf;
  }
  const pdfMake: PdfMakeBrowser;
  export default pdfMake;
}

declare module 'fontkit' {
  import type { FontkitLikeFont } from '../../shared/reports/fontMetrics';
  export function create(buffer: Uint8Array): FontkitLikeFont & { readonly familyName: string };
}
