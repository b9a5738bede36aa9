/**
 * The zip inside an .xlsx, read within bounds. Every entry's size is read from the central
 * directory and checked — per entry and in total — BEFORE anything is inflated; an entry is then
 * inflated in small slices and stopped as soon as it produces more than it declared. So a 4 MB
 * "workbook" that would inflate to gigabytes is refused at once, whether it declares its real size
 * (refused by the bound) or lies about it (stopped at the size it declared).
 *
 * Lenient where real spreadsheet programs differ (unlike shared/bundle/zip.ts, which reads only
 * the zips this program writes): data descriptors (LibreOffice), an archive comment, extra fields
 * in local headers that differ from the central directory, unused bytes between entries. The
 * central directory's sizes are authoritative. Not read: encrypted entries (a password-protected
 * workbook), zip64, methods other than stored and deflate.
 */
import { Inflate, strFromU8 } from 'fflate';

export interface XlsxZipLimits {
  /** The most bytes one entry may inflate to. */
  readonly maxEntryBytes: number;
  /** The most bytes all entries together may declare. */
  readonly maxTotalBytes: number;
  readonly maxEntries: number;
}

export type XlsxZipProblem =
  | { readonly kind: 'not-zip'; readonly detail: string }
  | { readonly kind: 'encrypted'; readonly detail: string }
  | { readonly kind: 'too-large'; readonly detail: string };

export class XlsxZipError extends Error {
  override readonly name = 'XlsxZipError';
  constructor(readonly problem: XlsxZipProblem) {
    super(problem.detail);
  }
}

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
/** Compressed bytes fed to the inflater at a time: one step can produce at most ~8 MB (deflate's ratio is ≤ 1032). */
const INFLATE_SLICE = 8 * 1024;

const notZip = (detail: string) => new XlsxZipError({ kind: 'not-zip', detail });
const tooLarge = (detail: string) => new XlsxZipError({ kind: 'too-large', detail });

/** The entries of an .xlsx zip, each size checked against the limits; nothing is inflated yet. */
export class XlsxZip {
  private readonly entries = new Map<string, Entry>();
  /** The sum of the declared sizes of every entry. */
  readonly declaredTotal: number;

  constructor(
    private readonly bytes: Uint8Array,
    readonly limits: XlsxZipLimits,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // the end record is the last 22 bytes, or further back by an archive comment of up to 64 KiB
    let eocd = -1;
    for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
      if (view.getUint32(p, true) === EOCD_SIG) {
        eocd = p;
        break;
      }
    }
    if (eocd < 0) throw notZip('no end of central directory');
    const count = view.getUint16(eocd + 10, true);
    const cdOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || cdOffset === 0xffffffff) throw tooLarge('zip64');
    if (count > limits.maxEntries) throw tooLarge(`${count} entries`);
    let p = cdOffset;
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > eocd || view.getUint32(p, true) !== CDH_SIG) throw notZip(`central directory entry ${i}`);
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const compressedSize = view.getUint32(p + 20, true);
      const size = view.getUint32(p + 24, true);
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      const localOffset = view.getUint32(p + 42, true);
      if (p + 46 + nameLength > eocd) throw notZip(`central directory entry ${i} name`);
      const name = strFromU8(bytes.subarray(p + 46, p + 46 + nameLength), (flags & 0x0800) === 0 && !isUtf8Likely(bytes, p + 46, nameLength));
      if ((flags & 0x0001) !== 0) throw new XlsxZipError({ kind: 'encrypted', detail: name });
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) throw tooLarge(`zip64 entry ${name}`);
      if (size > limits.maxEntryBytes) throw tooLarge(`entry ${name} declares ${size} bytes`);
      total += size;
      if (total > limits.maxTotalBytes) throw tooLarge(`entries declare more than ${limits.maxTotalBytes} bytes`);
      if (method !== 0 && method !== 8) throw notZip(`entry ${name}: method ${method}`);
      if (localOffset + 30 > bytes.length) throw notZip(`entry ${name}: local header outside the file`);
      this.entries.set(normaliseName(name), { name, method, compressedSize, size, localOffset });
      p += 46 + nameLength + extraLength + commentLength;
    }
    this.declaredTotal = total;
  }

  has(name: string): boolean {
    return this.entries.has(normaliseName(name));
  }

  /** Declared (inflated) size of an entry, or null when absent. */
  sizeOf(name: string): number | null {
    return this.entries.get(normaliseName(name))?.size ?? null;
  }

  /** The inflated bytes of an entry (never more than it declared), or null when absent. */
  read(name: string): Uint8Array | null {
    const e = this.entries.get(normaliseName(name));
    if (!e) return null;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    if (view.getUint32(e.localOffset, true) !== LFH_SIG) throw notZip(`local header of ${e.name}`);
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    const end = start + e.compressedSize;
    if (end > this.bytes.length) throw notZip(`data of ${e.name} runs past the file`);
    const data = this.bytes.subarray(start, end);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw notZip(`stored entry ${e.name} with two sizes`);
      return data;
    }
    return inflateBounded(data, e.size, e.name);
  }

  /** An entry as UTF-8 text (XML parts), or null when absent. */
  readText(name: string): string | null {
    const bytes = this.read(name);
    return bytes === null ? null : strFromU8(bytes);
  }
}

/** Names compared without a leading slash and case-insensitively (zip writers differ; Excel ignores case). */
function normaliseName(name: string): string {
  return name.replace(/^\/+/, '').replace(/\\/g, '/').toLowerCase();
}

function isUtf8Likely(bytes: Uint8Array, start: number, length: number): boolean {
  for (let i = start; i < start + length; i++) if ((bytes[i] ?? 0) >= 0x80) return true;
  return false;
}

function inflateBounded(compressed: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (overflow) return;
    if (written + chunk.length > size) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    if (compressed.length === 0) inflater.push(compressed, true);
    for (let i = 0; i < compressed.length && !overflow; i += INFLATE_SLICE) {
      const end = Math.min(i + INFLATE_SLICE, compressed.length);
      inflater.push(compressed.subarray(i, end), end === compressed.length);
    }
  } catch {
    if (!overflow) throw notZip(`entry ${name}: damaged deflate data`);
  }
  if (overflow) throw tooLarge(`entry ${name} inflates beyond the ${size} bytes it declares`);
  if (written !== size) throw notZip(`entry ${name} inflates to ${written} bytes, not ${size}`);
  return out;
}
