/**
 * Report fonts by role. GB/T 9704-2012 sets a 公文 in four typefaces: the title in 小标宋体, the body
 * in 仿宋体, level-1 headings in 黑体 and level-2 headings in 楷体. Those fonts are commercial and only
 * present on some hosts (Windows, UOS, Kylin); the app bundles Noto Serif SC and Noto Sans SC (SIL
 * OFL) and substitutes them role by role:
 *
 * | role      | 公文 font      | bundled substitute  |
 * | --------- | -------------- | ------------------- |
 * | title     | 方正小标宋简体 | Noto Serif SC Bold  |
 * | body      | 仿宋_GB2312    | Noto Serif SC       |
 * | heading1  | 黑体           | Noto Sans SC Bold   |
 * | heading2  | 楷体_GB2312    | Noto Serif SC Bold  |
 *
 * A `ReportFontSet` names, for each role, the font file the renderer loads (`file`, a key it
 * resolves to bytes) and the metrics the layout needs. `chooseReportFonts` takes the 公文 fonts a
 * host offers and falls back to the bundled face for every role it cannot fill. The set used is
 * written into the PDF's metadata (`describeFontSet`), so a printed report says which fonts it used.
 */
import { BUNDLED_FONT_METRICS } from './bundledFontMetrics';
import type { FontMetrics } from './fontMetrics';
import type { PdfFontDictionary } from './pdfTypes';

export const FONT_ROLES = ['title', 'body', 'heading1', 'heading2'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

export const FONT_ROLE_LABELS: Record<FontRole, string> = {
  title: '标题',
  body: '正文',
  heading1: '一级标题',
  heading2: '二级标题',
};

/** The typeface GB/T 9704 asks for in each role. */
export const GONGWEN_TYPEFACES: Record<FontRole, string> = {
  title: '小标宋体',
  body: '仿宋体',
  heading1: '黑体',
  heading2: '楷体',
};

export type FontSource = 'bundled' | 'system';

export interface ReportFontFace {
  /** The key the renderer resolves to the font's bytes: a bundled file name, or a host's font id. */
  readonly file: string;
  /** The font's name as people know it, e.g. 'Noto Serif SC Bold' or '仿宋_GB2312'. */
  readonly name: string;
  readonly source: FontSource;
  readonly metrics: FontMetrics;
}

export interface ReportFontSet {
  readonly roles: Readonly<Record<FontRole, ReportFontFace>>;
}

export const BUNDLED_FONT_FILES = [
  'NotoSerifSC-Regular.ttf',
  'NotoSerifSC-Bold.ttf',
  'NotoSansSC-Regular.ttf',
  'NotoSansSC-Bold.ttf',
] as const;
export type BundledFontFile = (typeof BUNDLED_FONT_FILES)[number];

const BUNDLED_NAMES: Record<BundledFontFile, string> = {
  'NotoSerifSC-Regular.ttf': 'Noto Serif SC',
  'NotoSerifSC-Bold.ttf': 'Noto Serif SC Bold',
  'NotoSansSC-Regular.ttf': 'Noto Sans SC',
  'NotoSansSC-Bold.ttf': 'Noto Sans SC Bold',
};

export function bundledFace(file: BundledFontFile): ReportFontFace {
  const metrics = BUNDLED_FONT_METRICS[file];
  if (metrics === undefined) throw new Error(`bundledFontMetrics.ts has no entry for ${file}`);
  return { file, name: BUNDLED_NAMES[file], source: 'bundled', metrics };
}

export const BUNDLED_FONT_SET: ReportFontSet = {
  roles: {
    title: bundledFace('NotoSerifSC-Bold.ttf'),
    body: bundledFace('NotoSerifSC-Regular.ttf'),
    heading1: bundledFace('NotoSansSC-Bold.ttf'),
    heading2: bundledFace('NotoSerifSC-Bold.ttf'),
  },
};

/**
 * Names a host's font may carry for each role, best first (Chinese family names as Windows, UOS
 * and Kylin install them, then their English names).
 */
export const SYSTEM_FONT_NAMES: Record<FontRole, readonly string[]> = {
  title: ['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', 'FZXiaoBiaoSong-B05', '小标宋', '华文中宋', 'STZhongsong'],
  body: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', '华文仿宋', 'STFangsong'],
  heading1: ['黑体', 'SimHei', '华文黑体', 'STHeiti'],
  heading2: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', '华文楷体', 'STKaiti'],
};

/** A font the host found, already measured (`fontMetricsOf`). */
export interface SystemFontCandidate {
  /** The id the renderer asks the host for to get the bytes. */
  readonly file: string;
  /** Family names from the font's name table (Chinese and English). */
  readonly names: readonly string[];
  readonly metrics: FontMetrics;
}

const normalise = (name: string): string => name.replace(/\s+/g, '').toLowerCase();

/**
 * The font set for a report: for each role the best-ranked host font of `SYSTEM_FONT_NAMES`, else
 * the bundled face. With no candidates it is `BUNDLED_FONT_SET`.
 */
export function chooseReportFonts(candidates: readonly SystemFontCandidate[]): ReportFontSet {
  const pick = (role: FontRole): ReportFontFace => {
    for (const wanted of SYSTEM_FONT_NAMES[role]) {
      const hit = candidates.find((c) => c.names.some((n) => normalise(n) === normalise(wanted)));
      if (hit !== undefined) return { file: hit.file, name: wanted, source: 'system', metrics: hit.metrics };
    }
    return BUNDLED_FONT_SET.roles[role];
  };
  return { roles: { title: pick('title'), body: pick('body'), heading1: pick('heading1'), heading2: pick('heading2') } };
}

/** The pdfmake family name of a face: one family per file, so a file used in two roles loads once. */
export function familyOf(face: ReportFontFace): string {
  return `tz:${face.file}`;
}

/** The pdfmake font dictionary of a set (every variant points at the same file: roles, not bold). */
export function pdfFontDictionary(set: ReportFontSet): PdfFontDictionary {
  const out: PdfFontDictionary = {};
  for (const role of FONT_ROLES) {
    const face = set.roles[role];
    out[familyOf(face)] = { normal: face.file, bold: face.file, italics: face.file, bolditalics: face.file };
  }
  return out;
}

/** The distinct font files of a set, for the renderer to load. */
export function fontFilesOf(set: ReportFontSet): string[] {
  return [...new Set(FONT_ROLES.map((r) => set.roles[r].file))];
}

/** e.g. "标题=Noto Serif SC Bold（内置，代小标宋体）；正文=仿宋_GB2312（系统）；…" — for metadata and the UI. */
export function describeFontSet(set: ReportFontSet): string {
  return FONT_ROLES.map((role) => {
    const face = set.roles[role];
    const where = face.source === 'system' ? '系统字体' : `内置字体，代${GONGWEN_TYPEFACES[role]}`;
    return `${FONT_ROLE_LABELS[role]}=${face.name}（${where}）`;
  }).join('；');
}
