/**
 * The host's 公文 fonts for the reports (fonts:list, fonts:read). Windows, UOS and Kylin install
 * 仿宋/仿宋_GB2312, 黑体, 楷体/楷体_GB2312 and often 方正小标宋简体 (with WPS or by hand); the reports
 * use them where present and the bundled Noto fonts otherwise (shared/reports/fonts.ts).
 *
 * Only the host's own font directories are looked at, and only files whose name says which 公文
 * family they are (simfang.ttf, FZXBSJW.TTF, 仿宋_GB2312.ttf …). Each is listed under an id made up
 * here; `fonts:read` takes such an id, never a path, and returns the file only when it is still a
 * TrueType/OpenType font of bounded size. The pure parts (directories, file-name matching) are
 * exported for tests.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExpectedFailure, expectedError } from '../shared/errors/errors';
import { MAX_FONT_FILE_BYTES, MAX_LISTED_FONTS, type SystemFont } from '../shared/ipc/contract';
import { SYSTEM_FONT_NAMES } from '../shared/reports/fonts';

/** Where a platform keeps its fonts, system-wide first, then the user's own. */
export function fontDirectories(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>, home: string): string[] {
  if (platform === 'win32') {
    const windows = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const dirs = [path.win32.join(windows, 'Fonts')];
    if (env.LOCALAPPDATA) dirs.push(path.win32.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
    return dirs;
  }
  if (platform === 'darwin') return ['/Library/Fonts', '/System/Library/Fonts', path.posix.join(home, 'Library', 'Fonts')];
  // Linux: UOS and Kylin (and WPS's fonts under /usr/share/fonts/wps-office)
  return ['/usr/share/fonts', '/usr/local/share/fonts', path.posix.join(home, '.local', 'share', 'fonts'), path.posix.join(home, '.fonts')];
}

/** File names (without extension, lower case) of the usual 公文 fonts → the family they install. */
const FILE_FAMILIES: readonly (readonly [RegExp, string])[] = [
  [/^fzxbsjw(-gb1-0)?$/, '方正小标宋简体'],
  [/^fzxbsk$/, '方正小标宋_GBK'],
  [/^(fangsong_gb2312|fs_gb2312|仿宋_gb2312|仿宋gb2312)$/, '仿宋_GB2312'],
  [/^simfang$/, '仿宋'],
  [/^simhei$/, '黑体'],
  [/^(kaiti_gb2312|kt_gb2312|楷体_gb2312|楷体gb2312)$/, '楷体_GB2312'],
  [/^simkai$/, '楷体'],
  [/^stzhongs$/, '华文中宋'],
  [/^stfangso$/, '华文仿宋'],
  [/^stkaiti$/, '华文楷体'],
  [/^stheiti$/, '华文黑体'],
];

const KNOWN_NAMES = new Map(
  Object.values(SYSTEM_FONT_NAMES)
    .flat()
    .map((n) => [n.replace(/\s+/g, '').toLowerCase(), n] as const),
);

/** The 公文 family a font file's name stands for, or null (not a font we use, or not .ttf/.otf). */
export function familyOfFileName(fileName: string): string | null {
  const ext = path.extname(fileName).toLowerCase();
  if (ext !== '.ttf' && ext !== '.otf') return null;
  const stem = fileName.slice(0, fileName.length - ext.length).replace(/\s+/g, '').toLowerCase();
  for (const [pattern, family] of FILE_FAMILIES) if (pattern.test(stem)) return family;
  return KNOWN_NAMES.get(stem) ?? null;
}

/** TrueType (00 01 00 00, 'true') or OpenType/CFF ('OTTO'); collections and anything else are refused. */
export function isFontFile(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  const tag = String.fromCharCode(head[0] ?? 0, head[1] ?? 0, head[2] ?? 0, head[3] ?? 0);
  return tag === '\u0000\u0001\u0000\u0000' || tag === 'true' || tag === 'OTTO';
}

export interface FoundFont {
  readonly family: string;
  readonly file: string;
  readonly size: number;
}

/**
 * Picks one file per family from the files found (in directory order), at most MAX_LISTED_FONTS,
 * and numbers them: the ids the renderer may ask for.
 */
export function catalogue(found: readonly FoundFont[]): { list: SystemFont[]; paths: Map<string, string> } {
  const seen = new Set<string>();
  const list: SystemFont[] = [];
  const paths = new Map<string, string>();
  for (const f of found) {
    if (seen.has(f.family) || f.size <= 0 || f.size > MAX_FONT_FILE_BYTES || list.length >= MAX_LISTED_FONTS) continue;
    seen.add(f.family);
    const id = `font-${list.length}`;
    list.push({ id, family: f.family, fileName: (f.file.split(/[\\/]/).pop() ?? f.file).slice(0, 200), size: f.size });
    paths.set(id, f.file);
  }
  return { list, paths };
}

const MAX_DEPTH = 4;
const MAX_ENTRIES = 20_000;

async function scan(dir: string, depth: number, budget: { entries: number }, out: FoundFont[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return; // missing or unreadable directory
  }
  for (const entry of entries) {
    if (--budget.entries < 0) return;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth < MAX_DEPTH) await scan(full, depth + 1, budget, out);
      continue;
    }
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const family = familyOfFileName(entry.name);
    if (family === null) continue;
    const info = await fs.stat(full).catch(() => null);
    if (info?.isFile()) out.push({ family, file: full, size: info.size });
  }
}

let listed: Promise<{ list: SystemFont[]; paths: Map<string, string> }> | null = null;

/** fonts:list — scanned once per session. */
export async function listSystemFonts(): Promise<SystemFont[]> {
  listed ??= (async () => {
    const found: FoundFont[] = [];
    const budget = { entries: MAX_ENTRIES };
    for (const dir of fontDirectories(process.platform, process.env, os.homedir())) await scan(dir, 0, budget, found);
    return catalogue(found);
  })();
  return (await listed).list;
}

const unavailable = (): ExpectedFailure =>
  new ExpectedFailure(expectedError('font-unavailable', '本机字体无法读取（可能已被卸载或更换），报表将改用内置字体。'));

/** fonts:read — the bytes of a font `listSystemFonts` listed, by its id. */
export async function readSystemFont(id: string): Promise<{ id: string; bytes: Uint8Array }> {
  const file = listed === null ? undefined : (await listed).paths.get(id);
  if (file === undefined) throw unavailable();
  try {
    const info = await fs.stat(file);
    if (!info.isFile() || info.size > MAX_FONT_FILE_BYTES) throw unavailable();
    const bytes = new Uint8Array(await fs.readFile(file));
    if (!isFontFile(bytes.subarray(0, 4))) throw unavailable();
    return { id, bytes };
  } catch (e) {
    if (e instanceof ExpectedFailure) throw e;
    throw unavailable();
  }
}
