/**
 * The kinds of file the app writes and reads, by extension (DESIGN.md §9, issue 17): the file
 * channels of the bridge carry these and nothing else, and the system viewer is asked to open only
 * the kinds a person reads or prints. A renderer that was taken over can therefore neither write an
 * `.exe`/`.lnk`/`.bat` through 保存 nor have the shell run one through 打开.
 */

/** Extension (lower case, no dot) → what the app calls that kind of file. */
export const APP_FILE_KINDS = {
  pdf: 'PDF 文件',
  xlsx: 'Excel 工作簿',
  tzb: '同步包',
  tze: '纳管登记文件',
  tzkey: '工委密钥备份',
  tzbak: '台账备份',
  jpg: '照片',
  jpeg: '照片',
  png: '图片',
  webp: '图片',
} as const;
export type AppFileExtension = keyof typeof APP_FILE_KINDS;
export const APP_FILE_EXTENSIONS = Object.keys(APP_FILE_KINDS) as readonly AppFileExtension[];

/** The kinds a saved file may be opened as in the system's viewer (to read or print it). */
export const VIEWABLE_EXTENSIONS: readonly AppFileExtension[] = ['pdf', 'xlsx'];

/** `name`'s extension in lower case without the dot; '' when it has none. */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function isAppFileExtension(extension: string): extension is AppFileExtension {
  return Object.hasOwn(APP_FILE_KINDS, extension.toLowerCase());
}

/** A file name (or path) whose extension is one of `allowed` (default: every kind the app uses). */
export function isFileOfKinds(name: string, allowed: readonly string[] = APP_FILE_EXTENSIONS): boolean {
  const ext = extensionOf(name);
  return ext !== '' && isAppFileExtension(ext) && allowed.some((a) => a.toLowerCase() === ext);
}

/** “.pdf、.xlsx”, for messages. */
export function extensionList(allowed: readonly string[]): string {
  return allowed.map((e) => `.${e.toLowerCase()}`).join('、');
}

/**
 * The path to write after a save dialog: the chosen path when its extension is one asked for,
 * otherwise the chosen path with the suggested name's extension added (a name typed without one,
 * or with another, “报告.exe” → “报告.exe.pdf”), so that what is written is always of a kind asked for.
 */
export function savePathOfKind(chosenPath: string, suggestedName: string, allowed: readonly string[]): string {
  if (isFileOfKinds(chosenPath, allowed)) return chosenPath;
  const suggested = extensionOf(suggestedName);
  const ext = isFileOfKinds(suggestedName, allowed) ? suggested : (allowed.find(isAppFileExtension) ?? 'pdf');
  return `${chosenPath}.${ext.toLowerCase()}`;
}
