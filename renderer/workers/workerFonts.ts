/**
 * The PDF worker's fonts, loaded once per session: the bundled Noto fonts fetched from the app's
 * own origin (fonts/*.ttf beside index.html) when a report first needs them, the host's 公文 fonts
 * measured once when the page hands them over.
 */
import { fontMetricsOf } from '../../shared/reports/fontMetrics';
import { BUNDLED_FONT_FILES, BUNDLED_FONT_SET, chooseReportFonts, fontFilesOf, type ReportFontSet, type SystemFontCandidate } from '../../shared/reports/fonts';
import { pdfmake } from './pdfmakeModule';
import type { HostFont } from './pdfProtocol';

/** The font set for this session: the bundled one until the host's fonts have been measured. */
let fontSet: Promise<ReportFontSet> = Promise.resolve(BUNDLED_FONT_SET);
/** Host font bytes by id (kept for the session). */
const hostBytes = new Map<string, Uint8Array>();
/** Bundled font bytes being fetched or fetched, by file name. */
const fetched = new Map<string, Promise<Uint8Array>>();

async function measureHostFonts(fonts: readonly HostFont[]): Promise<ReportFontSet> {
  if (fonts.length === 0) return BUNDLED_FONT_SET;
  const fontkit = await import('fontkit');
  const candidates: SystemFontCandidate[] = [];
  for (const f of fonts) {
    try {
      const font = fontkit.create(f.bytes);
      hostBytes.set(f.id, f.bytes);
      candidates.push({ file: f.id, names: [f.family, font.familyName].filter((n) => typeof n === 'string' && n !== ''), metrics: fontMetricsOf(font) });
    } catch {
      // not a font fontkit can read: that role keeps the bundled face
    }
  }
  return chooseReportFonts(candidates);
}

/** The page handed over the host's fonts: the session's set is chosen from them. */
export function takeHostFonts(fonts: readonly HostFont[]): void {
  fontSet = measureHostFonts(fonts).catch(() => BUNDLED_FONT_SET);
}

export function sessionFontSet(): Promise<ReportFontSet> {
  return fontSet;
}

function fontBytes(file: string, base: string): Promise<Uint8Array> {
  const host = hostBytes.get(file);
  if (host !== undefined) return Promise.resolve(host);
  if (!(BUNDLED_FONT_FILES as readonly string[]).includes(file)) return Promise.reject(new Error(`未知字体 ${file}`));
  let p = fetched.get(file);
  if (p === undefined) {
    p = fetch(new URL(file, base)).then(async (r) => {
      if (!r.ok) throw new Error(`内置字体 ${file} 无法读取（${r.status}），请重新安装程序`);
      return new Uint8Array(await r.arrayBuffer());
    });
    p.catch(() => fetched.delete(file)); // try again next time
    fetched.set(file, p);
  }
  return p;
}

/** Puts the set's font files into pdfmake's virtual file system (each file once per session). */
export async function loadFonts(set: ReportFontSet, base: string, progress: (fraction: number) => void): Promise<void> {
  const pdfMake = await pdfmake();
  const files = fontFilesOf(set).filter((f) => !pdfMake.virtualfs.existsSync(f));
  let done = 0;
  await Promise.all(
    files.map(async (file) => {
      const bytes = await fontBytes(file, base);
      if (!pdfMake.virtualfs.existsSync(file)) pdfMake.virtualfs.writeFileSync(file, bytes);
      progress(++done / files.length);
    }),
  );
}
