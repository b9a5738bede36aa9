/**
 * The PDF checks of the report tests, with poppler-utils (pdftotext, pdffonts, pdfinfo): what a
 * reader of the printed report would see — its text, where the text sits on the page, which fonts
 * are embedded. Poppler is required: without it the tests fail (they are never skipped silently).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const INSTALL_HINT = '报告测试需要 poppler-utils（pdftotext、pdffonts、pdfinfo）：请安装，例如 `sudo apt-get install poppler-utils`（install poppler-utils）。';

function run(tool: string, args: readonly string[]): string {
  try {
    return execFileSync(tool, [...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new Error(`${tool} 不可用。${INSTALL_HINT}`);
    throw e;
  }
}

/** Fails (throws) with the install hint when poppler is missing. */
export function requirePoppler(): void {
  for (const tool of ['pdftotext', 'pdffonts', 'pdfinfo']) run(tool, ['-v']);
}

let dir: string | null = null;

/** Writes PDF bytes into this run's temporary directory and returns the path. */
export function writePdf(name: string, bytes: Uint8Array): string {
  dir ??= mkdtempSync(path.join(tmpdir(), 'taizhang-reports-'));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Plain text of the document (or pages first–last). */
export function pdfText(file: string, first?: number, last?: number): string {
  const range = first === undefined ? [] : ['-f', String(first), '-l', String(last ?? first)];
  return run('pdftotext', [...range, file, '-']);
}

/** Text with all white space removed (titles and paragraphs are broken into lines). */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

export interface Word {
  readonly page: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

export interface PageBox {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly words: readonly Word[];
}

function unescapeHtml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Word boxes per page (`pdftotext -bbox`), in pt from the top-left corner. */
export function pdfWords(file: string): PageBox[] {
  const html = run('pdftotext', ['-bbox', file, '-']);
  const pages: PageBox[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const p of html.matchAll(pageRe)) {
    const page = pages.length + 1;
    const words: Word[] = [];
    for (const w of (p[3] ?? '').matchAll(wordRe))
      words.push({ page, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: unescapeHtml(w[5] ?? '') });
    pages.push({ page, width: Number(p[1]), height: Number(p[2]), words });
  }
  return pages;
}

export interface FontRow {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
  readonly subset: boolean;
}

/** `pdffonts`: one row per font. */
export function pdfFonts(file: string): FontRow[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim() !== '');
  return lines.map((l) => {
    // name type encoding emb sub uni object ID — the name has no spaces; the type may ("CID TrueType")
    const cols = l.trim().split(/\s+/);
    const [emb, sub] = cols.slice(-5, -3);
    return { name: cols[0] ?? '', type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes' };
  });
}

export interface PdfInfo {
  readonly pages: number;
  readonly pageSizes: readonly { readonly width: number; readonly height: number }[];
  readonly fields: Readonly<Record<string, string>>;
}

/** `pdfinfo -custom` with every page's size. */
export function pdfInfo(file: string): PdfInfo {
  const fields: Record<string, string> = {};
  // plain pdfinfo for the page count and sizes; -custom for the metadata, our own entries included
  for (const out of [run('pdfinfo', [file]), run('pdfinfo', ['-custom', file])])
    for (const line of out.split('\n')) {
      const m = /^([A-Za-z ]+?):\s+(.*)$/.exec(line);
      if (m?.[1] !== undefined) fields[m[1]] = m[2] ?? '';
    }
  const pages = Number(fields.Pages);
  const sizes = run('pdfinfo', ['-f', '1', '-l', String(pages), file])
    .split('\n')
    .flatMap((l) => {
      const m = /^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/.exec(l);
      return m ? [{ width: Number(m[1]), height: Number(m[2]) }] : [];
    });
  return { pages, pageSizes: sizes, fields };
}
