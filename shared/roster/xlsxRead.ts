/**
 * Reading a 花名册 .xlsx as Excel, LibreOffice and WPS write it — in bounded work, keeping each
 * cell's kind (shared/roster/sheetCell.ts). Pure: bytes in, rows out; it runs in a Web Worker in
 * the app (renderer/workers/rosterRead.worker.ts) and directly in tests.
 *
 * Order of work: the zip's central directory is checked against ROSTER_LIMITS (per part and in
 * total) before anything is inflated (xlsxZip.ts); then only the parts needed are inflated — the
 * workbook (its sheets and whether each is hidden), its relationships, the shared strings, the
 * styles (which number formats are dates) and the one sheet read; the sheet's rows are counted
 * while they are read, and reading stops at the row limit.
 *
 * The sheet read is the one asked for, else the first VISIBLE sheet: a workbook whose first sheet
 * is a hidden old roster must not import the hidden one.
 */
import { fail, ok, expectedError, type ExpectedError, type Result } from '../errors/errors';
import { MIB, ROSTER_LIMITS } from './limits';
import { numberText, type RosterSheet, type SheetCell, type SheetRow } from './sheetCell';
import { attributes, elements, firstElement, MalformedXml, withoutElements } from './xmlScan';
import { XlsxZip, XlsxZipError } from './xlsxZip';

export interface WorkbookSheetInfo {
  /** Position in the workbook (0-based), as the sheet tabs are ordered. */
  readonly index: number;
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
}

export interface RosterWorkbook {
  readonly sheets: readonly WorkbookSheetInfo[];
  /** The sheet read. */
  readonly sheetIndex: number;
  readonly rows: RosterSheet;
}

export type RosterReadErrorKind = 'roster-too-large' | 'roster-not-xlsx' | 'roster-encrypted' | 'roster-no-sheet';
export type RosterReadError = ExpectedError<RosterReadErrorKind>;

export interface ReadProgress {
  readonly phase: 'unzip' | 'rows';
  /** 0..1 within the phase. */
  readonly fraction: number;
  /** Rows read so far (phase 'rows'). */
  readonly rows: number;
}

export type RosterLimits = { readonly [K in keyof typeof ROSTER_LIMITS]: number };

export interface ReadOptions {
  /** The sheet to read (index in the workbook); default: the first visible one. */
  readonly sheetIndex?: number;
  readonly onProgress?: (p: ReadProgress) => void;
  readonly limits?: Partial<RosterLimits>;
}

const NOT_XLSX = '无法读取该文件：它不是有效的 Excel 工作簿（.xlsx）。如果是 .xls、.et 或 .csv 文件，请在 Excel/WPS 中“另存为”Excel 工作簿（.xlsx）再导入。';

function tooLargeMessage(limits: RosterLimits): string {
  return `文件解压后的内容超过 ${Math.round(limits.maxEntryBytes / MIB)} MB（或与其声明的大小不符），不像是花名册，已停止读取。如确为花名册，请在 Excel/WPS 中删除多余的工作表和图片，另存为 .xlsx 后再导入。`;
}

/** Reads the workbook's sheet list and one sheet. Never throws for a bad file: every refusal is a Chinese message. */
export function readRosterWorkbook(bytes: Uint8Array, options: ReadOptions = {}): Result<RosterWorkbook, RosterReadError> {
  const limits: RosterLimits = { ...ROSTER_LIMITS, ...options.limits };
  if (bytes.byteLength > limits.maxFileBytes) {
    return fail(expectedError('roster-too-large', `文件超过 ${limits.maxFileBytes / MIB} MB，不像是花名册。请确认选择的文件是否正确。`));
  }
  // an OLE compound file: an old .xls, or a password-protected .xlsx (Office encrypts into one)
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return fail(
      expectedError(
        'roster-encrypted',
        '无法读取：这是旧版 Excel（.xls）文件，或设置了打开密码的工作簿。请在 Excel/WPS 中取消密码，并“另存为”Excel 工作簿（.xlsx）后再导入。',
      ),
    );
  }
  try {
    return readZip(bytes, limits, options);
  } catch (e) {
    if (e instanceof XlsxZipError) {
      if (e.problem.kind === 'too-large') return fail(expectedError('roster-too-large', tooLargeMessage(limits)));
      if (e.problem.kind === 'encrypted') {
        return fail(expectedError('roster-encrypted', '无法读取：工作簿的内容已加密。请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入。'));
      }
      return fail(expectedError('roster-not-xlsx', NOT_XLSX));
    }
    if (e instanceof RowLimitError) {
      return fail(expectedError('roster-too-large', `工作表超过 ${limits.maxRows} 行（已读到第 ${e.rowNumber} 行），不像是一个单位的花名册。请检查文件，或分批导入。`));
    }
    if (e instanceof MalformedXlsx || e instanceof MalformedXml) return fail(expectedError('roster-not-xlsx', NOT_XLSX));
    throw e;
  }
}

class RowLimitError extends Error {
  constructor(readonly rowNumber: number) {
    super(`row limit at row ${rowNumber}`);
  }
}
class MalformedXlsx extends Error {}

function readZip(bytes: Uint8Array, limits: RosterLimits, options: ReadOptions): Result<RosterWorkbook, RosterReadError> {
  const zip = new XlsxZip(bytes, { maxEntryBytes: limits.maxEntryBytes, maxTotalBytes: limits.maxInflatedBytes, maxEntries: limits.maxZipEntries });
  const progress = options.onProgress ?? (() => undefined);
  progress({ phase: 'unzip', fraction: 0, rows: 0 });

  const rootRels = zip.readText('_rels/.rels');
  const workbookPath = (rootRels && relationships(rootRels, '').find((r) => r.type.endsWith('/officeDocument'))?.target) ?? 'xl/workbook.xml';
  const workbookXml = zip.readText(workbookPath);
  if (workbookXml === null) throw new MalformedXlsx('no workbook');
  const base = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const relsPath = `${base}_rels/${workbookPath.slice(base.length)}.rels`;
  const rels = relationships(zip.readText(relsPath) ?? '', base);
  const byId = new Map(rels.map((r) => [r.id, r]));

  const sheets: (WorkbookSheetInfo & { path: string | null })[] = [];
  for (const e of elements(workbookXml, 'sheet')) {
    const attrs = attributes(e.attrs);
    const rid = Object.entries(attrs).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? attrs.id ?? '';
    const state = attrs.state === 'hidden' || attrs.state === 'veryHidden' ? attrs.state : 'visible';
    sheets.push({ index: sheets.length, name: decodeXml(attrs.name ?? `Sheet${sheets.length + 1}`), state, path: byId.get(rid)?.target ?? null });
  }
  const wanted = options.sheetIndex ?? sheets.find((s) => s.state === 'visible')?.index;
  const sheet = wanted === undefined ? undefined : sheets[wanted];
  const sheetInfos = sheets.map(({ path: _p, ...s }) => s);
  if (!sheet) {
    return fail(expectedError('roster-no-sheet', sheets.length === 0 ? NOT_XLSX : '工作簿中的工作表都是隐藏的。请在 Excel/WPS 中“取消隐藏”花名册所在的工作表后再导入。'));
  }
  if (sheet.path === null || !zip.has(sheet.path)) throw new MalformedXlsx('sheet part missing');
  const date1904 = ['1', 'true'].includes(attributes(firstElement(workbookXml, 'workbookPr')?.attrs ?? '').date1904 ?? '');

  const sharedPath = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const stylesPath = rels.find((r) => r.type.endsWith('/styles'))?.target;
  const shared = sharedPath ? sharedStrings(zip.readText(sharedPath) ?? '') : [];
  progress({ phase: 'unzip', fraction: 0.5, rows: 0 });
  const dateStyles = stylesPath ? dateStyleIndexes(zip.readText(stylesPath) ?? '') : new Set<number>();
  const sheetXml = zip.readText(sheet.path);
  if (sheetXml === null) throw new MalformedXlsx('sheet part missing');
  progress({ phase: 'unzip', fraction: 1, rows: 0 });

  const rows = readSheetRows(sheetXml, { shared, dateStyles, date1904, limits, progress });
  return ok({ sheets: sheetInfos, sheetIndex: sheet.index, rows });
}

// --- XML helpers (the parts are machine-written; a small scanner reads what is needed) ---

function decodeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
      if (e === 'lt') return '<';
      if (e === 'gt') return '>';
      if (e === 'amp') return '&';
      if (e === 'quot') return '"';
      if (e === 'apos') return "'";
      const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

function relationships(xml: string, base: string): Relationship[] {
  const out: Relationship[] = [];
  for (const e of elements(xml, 'Relationship')) {
    const a = attributes(e.attrs);
    if (a.TargetMode === 'External' || !a.Target) continue;
    out.push({ id: a.Id ?? '', type: a.Type ?? '', target: resolvePath(base, decodeXml(a.Target)) });
  }
  return out;
}

function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The text of every <t> in `xml`, phonetic runs (<rPh>) left out. */
function runText(xml: string): string {
  let text = '';
  for (const e of elements(xml.includes('rPh') ? withoutElements(xml, 'rPh') : xml, 't')) text += e.body ?? '';
  return decodeXml(text);
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const e of elements(xml, 'si')) out.push(e.body === null ? '' : runText(e.body));
  return out;
}

/** Built-in number formats that show dates (ECMA-376 §18.8.30 and the Chinese locale's 27–36, 50–58). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormatCode(code: string): boolean {
  if (code.length > 200) return false;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]!;
  return /[ymdhse]/i.test(bare.replace(/General/gi, '')) && !/^[#0.,%\s?/E+-]*$/.test(bare);
}

/** Indexes of the cell styles (cellXfs) whose number format is a date. */
function dateStyleIndexes(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const e of elements(xml, 'numFmt')) {
    const a = attributes(e.attrs);
    if (a.numFmtId !== undefined) custom.set(Number(a.numFmtId), decodeXml(a.formatCode ?? ''));
  }
  const out = new Set<number>();
  const xfs = firstElement(xml, 'cellXfs')?.body ?? '';
  let i = 0;
  for (const e of elements(xfs, 'xf')) {
    const id = Number(attributes(e.attrs).numFmtId ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id)) out.add(i);
    i++;
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date serial (days since 1900, with Excel's 1900-02-29; or since 1904) as YYYY-MM-DD, or null. */
export function serialToIsoDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const days = Math.floor(serial);
  let ms: number;
  if (date1904) ms = Date.UTC(1904, 0, 1) + days * 86_400_000;
  else if (days === 60) return null; // Excel's 1900-02-29, a day that never was
  else ms = Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86_400_000;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

interface SheetReadContext {
  readonly shared: readonly string[];
  readonly dateStyles: ReadonlySet<number>;
  readonly date1904: boolean;
  readonly limits: RosterLimits;
  readonly progress: (p: ReadProgress) => void;
}

function childText(body: string, tag: string): string | null {
  const e = firstElement(body, tag);
  return e ? decodeXml(e.body ?? '') : null;
}

function readCell(attrs: Record<string, string>, body: string, ctx: SheetReadContext): SheetCell | null {
  const type = attrs.t ?? 'n';
  if (type === 'inlineStr') {
    const is = firstElement(body, 'is')?.body;
    const text = is ? runText(is) : '';
    return text.trim() === '' ? null : { t: 'text', text };
  }
  const v = childText(body, 'v');
  const f = body.includes('f') ? childText(body, 'f') : null;
  if (v === null) return f !== null ? { t: 'formula', formula: f } : null;
  switch (type) {
    case 's': {
      const text = ctx.shared[Number(v)] ?? '';
      return text.trim() === '' ? null : { t: 'text', text };
    }
    case 'str':
      return v.trim() === '' ? null : { t: 'text', text: v };
    case 'b':
      return { t: 'bool', value: v.trim() === '1' || v.trim().toLowerCase() === 'true' };
    case 'e':
      return { t: 'error', text: v.trim() };
    case 'd': {
      const m = /^(\d{4}-\d{2}-\d{2})/.exec(v.trim());
      return m ? { t: 'date', date: m[1]! } : { t: 'text', text: v };
    }
    default: {
      if (v.trim() === '') return null;
      const value = Number(v);
      if (!Number.isFinite(value)) return { t: 'text', text: v };
      if (attrs.s !== undefined && ctx.dateStyles.has(Number(attrs.s))) {
        const date = serialToIsoDate(value, ctx.date1904);
        if (date) return { t: 'date', date };
      }
      return { t: 'number', value, text: numberText(value) };
    }
  }
}

/** The sheet's non-empty rows; throws RowLimitError as soon as there are more than the limit. */
function readSheetRows(xml: string, ctx: SheetReadContext): SheetRow[] {
  const data = firstElement(xml, 'sheetData')?.body;
  if (!data) return [];
  const rows: SheetRow[] = [];
  const { maxRows, maxColumns } = ctx.limits;
  let nextRow = 1;
  for (const row of elements(data, 'row')) {
    const rowAttrs = attributes(row.attrs);
    const rowNumber = rowAttrs.r !== undefined && Number(rowAttrs.r) >= 1 ? Number(rowAttrs.r) : nextRow;
    nextRow = rowNumber + 1;
    if (!row.body) continue;
    const cells: (SheetCell | null)[] = [];
    let nextCol = 0;
    let any = false;
    for (const c of elements(row.body, 'c')) {
      const attrs = attributes(c.attrs);
      const col = attrs.r !== undefined ? columnIndex(attrs.r) : nextCol;
      nextCol = col + 1;
      if (col < 0 || col >= maxColumns) continue;
      const cell = readCell(attrs, c.body ?? '', ctx);
      if (cell === null) continue;
      while (cells.length < col) cells.push(null);
      cells[col] = cell;
      any = true;
    }
    if (!any) continue;
    rows.push({ rowNumber, cells });
    if (rows.length > maxRows + 10) throw new RowLimitError(rowNumber);
    if (rows.length % 2000 === 0) ctx.progress({ phase: 'rows', fraction: row.end / data.length, rows: rows.length });
  }
  ctx.progress({ phase: 'rows', fraction: 1, rows: rows.length });
  return rows;
}
