/**
 * Renders a report's document definition to PDF bytes in Node, with pdfmake 0.3's server-side
 * API and the bundled fonts from resources/fonts/ (copied from their npm packages by
 * `node scripts/copy-fonts.mjs` when missing). Fonts are read once per process and handed to
 * pdfmake through its virtual file system; pdfmake may neither read local files nor fetch URLs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { fontMetricsOf, type FontkitLikeFont, type FontMetrics } from '../../shared/reports/fontMetrics';
import { BUNDLED_FONT_FILES, fontFilesOf, pdfFontDictionary, type ReportFontSet } from '../../shared/reports/fonts';
import type { PdfDocumentDefinition } from '../../shared/reports/pdfTypes';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FONTS_DIR = path.join(ROOT, 'resources', 'fonts');

/** pdfmake's Node instance also carries its virtual file system (not in @types/pdfmake). */
interface PdfmakeNode {
  virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Uint8Array): void };
}
const vfs = (pdfmake as typeof pdfmake & PdfmakeNode).virtualfs;

let policiesSet = false;

/** Copies the bundled fonts into resources/fonts/ when any is missing (`npm run fonts`). */
export function ensureBundledFonts(): void {
  if (BUNDLED_FONT_FILES.every((f) => existsSync(path.join(FONTS_DIR, f)))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'copy-fonts.mjs')], { stdio: 'inherit' });
}

/**
 * Makes the font files of `fonts` available to pdfmake, once per process. Bundled files are read
 * from resources/fonts/; other keys (system fonts) are taken as absolute paths.
 */
export function loadFonts(fonts: ReportFontSet): void {
  if (!policiesSet) {
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    policiesSet = true;
  }
  const files = fontFilesOf(fonts);
  if (files.some((f) => (BUNDLED_FONT_FILES as readonly string[]).includes(f))) ensureBundledFonts();
  for (const file of files) {
    if (vfs.existsSync(file)) continue;
    const full = path.isAbsolute(file) ? file : path.join(FONTS_DIR, file);
    vfs.writeFileSync(file, readFileSync(full));
  }
}

/** The pdfmake definition for our structural one (the assignment is the compile-time check). */
export function toPdfmake(definition: PdfDocumentDefinition): TDocumentDefinitions {
  const def: TDocumentDefinitions = definition;
  return def;
}

export interface RenderOptions {
  /**
   * A warning printed in the top margin of the first page only (red, above the text, so the
   * layout of the report itself is unchanged), e.g. 未核验发送方 for a report from a bundle whose
   * signer nobody has checked.
   */
  readonly firstPageNote?: string;
}

/** The definition with `note` in the top margin of page 1 (nothing else changes). */
export function withFirstPageNote(definition: TDocumentDefinitions, note: string, pageMargins: readonly number[]): TDocumentDefinitions {
  const [left = 0, top = 0, right = 0] = pageMargins;
  return {
    ...definition,
    header: (currentPage: number) =>
      currentPage === 1 ? { text: note, color: '#c00000', fontSize: 10.5, lineHeight: 1.2, margin: [left, Math.max(8, top / 2 - 14), right, 0] } : null,
  };
}

/** Renders with pdfmake; `fonts` must be the set the definition was built with. */
export async function renderPdf(definition: PdfDocumentDefinition, fonts: ReportFontSet, options: RenderOptions = {}): Promise<Uint8Array> {
  loadFonts(fonts);
  pdfmake.setFonts(pdfFontDictionary(fonts));
  const def = options.firstPageNote === undefined ? toPdfmake(definition) : withFirstPageNote(toPdfmake(definition), options.firstPageNote, definition.pageMargins);
  const buffer = await pdfmake.createPdf(def).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Metrics of a font file, measured with the fontkit that pdfkit uses. */
export function measureFontFile(file: string): FontMetrics {
  const requireFromPdfkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'));
  const fontkit = requireFromPdfkit('fontkit') as { openSync(file: string): FontkitLikeFont };
  return fontMetricsOf(fontkit.openSync(file));
}
