/**
 * The payload zip (docs/bundle-format.md §7): written with fflate, read by our own strict parser of
 * the central directory so that every size is checked BEFORE anything is inflated, then inflated
 * with fflate's streaming `Inflate` in small slices so that an entry that lies about its size is
 * stopped as soon as it passes the size it declared.
 *
 * Accepted subset of PKZIP (what the writer produces): no archive comment (the end-of-central-
 * directory record is the last 22 bytes), one disk, no zip64, no encryption, no data descriptors
 * (general-purpose flags 0, or bit 11 "UTF-8 names"), methods 0 (stored) and 8 (deflate), local
 * headers agreeing with the central directory, entries back to back from offset 0 with no gaps or
 * overlaps, unique names. CRC-32 is not checked: the manifest's SHA-256 of every entry is.
 */
import { Inflate, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { fail, ok } from '../errors/errors';
import type { Result } from '../errors/errors';
import { bundleError } from './errors';
import type { BundleError } from './errors';
import { decodeUtf8 } from './utf8';

export interface ZipEntryInput {
  readonly name: string;
  readonly data: Uint8Array;
  /** Deflate (text) or store (already-compressed files such as photos). */
  readonly compress: boolean;
}

/** A fixed timestamp (1980-01-01, the DOS epoch) so the zip does not leak when it was made. */
const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);

export function writeZip(entries: readonly ZipEntryInput[]): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) files[e.name] = [e.data, { level: e.compress ? 6 : 0, mtime: ZIP_MTIME }];
  return zipSync(files);
}

export interface ZipReadLimits {
  readonly maxEntries: number;
  readonly maxTotalUncompressedBytes: number;
  readonly maxCompressionRatio: number;
  readonly ratioFloorBytes: number;
  /** The largest uncompressed size allowed for an entry of this name; null: no entry may have this name. */
  maxEntryBytes(name: string): number | null;
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const EOCD_BYTES = 22;
const CDH_BYTES = 46;
const LFH_BYTES = 30;
const UTF8_FLAG = 0x0800;
const ZIP64_MARK = 0xffffffff;
/** Compressed bytes fed to the inflater at a time: bounds what one step can produce to ~16 MiB. */
const INFLATE_SLICE = 16 * 1024;

interface CentralEntry {
  readonly name: string;
  readonly nameBytes: Uint8Array;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const corrupt = (detail: string): { ok: false; error: BundleError } => fail(bundleError('corrupt-payload', detail));
const tooLarge = (detail: string): { ok: false; error: BundleError } => fail(bundleError('too-large', detail));

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Parse the central directory and check every declared size; nothing is inflated here. */
function readCentralDirectory(zip: Uint8Array, limits: ZipReadLimits): Result<{ entries: CentralEntry[]; cdOffset: number }, BundleError> {
  if (zip.length < EOCD_BYTES) return corrupt(`zip of ${zip.length} bytes is shorter than its end record`);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - EOCD_BYTES;
  if (view.getUint32(eocd, true) !== EOCD_SIG) return corrupt('zip end record not found (or an archive comment is present)');
  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const entriesOnDisk = view.getUint16(eocd + 8, true);
  const entryCount = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  const commentLength = view.getUint16(eocd + 20, true);
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== entryCount || commentLength !== 0) {
    return corrupt('multi-disk zip or archive comment');
  }
  if (entryCount > limits.maxEntries) return tooLarge(`zip declares ${entryCount} entries, limit ${limits.maxEntries}`);
  if (cdOffset + cdSize !== eocd) return corrupt('central directory does not end where the end record starts');

  const entries: CentralEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < entryCount; i++) {
    if (p + CDH_BYTES > eocd || view.getUint32(p, true) !== CDH_SIG) return corrupt(`central directory entry ${i} malformed`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const diskStart = view.getUint16(p + 34, true);
    const localOffset = view.getUint32(p + 42, true);
    const next = p + CDH_BYTES + nameLength + extraLength + commentLen;
    if (next > eocd) return corrupt(`central directory entry ${i} runs past the directory`);
    if ((flags & ~UTF8_FLAG) !== 0) return corrupt(`entry ${i}: unsupported flags 0x${flags.toString(16)} (encryption or data descriptor)`);
    if (method !== 0 && method !== 8) return corrupt(`entry ${i}: unsupported compression method ${method}`);
    if (compressedSize === ZIP64_MARK || size === ZIP64_MARK || localOffset === ZIP64_MARK) return corrupt(`entry ${i}: zip64 is not supported`);
    if (diskStart !== 0) return corrupt(`entry ${i}: on another disk`);
    if (method === 0 && compressedSize !== size) return corrupt(`entry ${i}: stored entry with different sizes`);
    const nameBytes = zip.subarray(p + CDH_BYTES, p + CDH_BYTES + nameLength);
    const name = decodeUtf8(nameBytes);
    if (name === null || name.length === 0) return corrupt(`entry ${i}: name is empty or not UTF-8`);
    if (names.has(name)) return corrupt(`entry name repeated: ${name.slice(0, 80)}`);
    names.add(name);

    const maxEntry = limits.maxEntryBytes(name);
    if (maxEntry === null) {
      return fail(
        bundleError(
          'unknown-entry',
          `unknown zip entry: ${name.slice(0, 80)}`,
          `同步包中有一个不属于同步包格式的文件（${name.slice(0, 40)}），文件可能被改动或不是本系统生成的，已拒绝导入。请向发送方重新索取同步包。`,
        ),
      );
    }
    if (size > maxEntry) return tooLarge(`entry ${name.slice(0, 80)} declares ${size} bytes, limit ${maxEntry}`);
    total += size;
    if (total > limits.maxTotalUncompressedBytes) {
      return tooLarge(`entries declare more than ${limits.maxTotalUncompressedBytes} bytes in total`);
    }
    if (size > limits.ratioFloorBytes && size > limits.maxCompressionRatio * Math.max(compressedSize, 1)) {
      return tooLarge(`entry ${name.slice(0, 80)} would inflate ${size}/${compressedSize} times, limit ${limits.maxCompressionRatio}`);
    }
    entries.push({ name, nameBytes, method, compressedSize, size, localOffset });
    p = next;
  }
  if (p !== eocd) return corrupt('central directory has bytes after its last entry');
  return ok({ entries, cdOffset });
}

/** Locate each entry's data through its local header; entries must tile [0, cdOffset) exactly. */
function locateData(zip: Uint8Array, entries: readonly CentralEntry[], cdOffset: number): Result<Map<CentralEntry, number>, BundleError> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const starts = new Map<CentralEntry, number>();
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const e of byOffset) {
    const p = e.localOffset;
    if (p !== expected) return corrupt(`entry ${e.name.slice(0, 80)} does not start where the previous one ended`);
    if (p + LFH_BYTES > cdOffset || view.getUint32(p, true) !== LFH_SIG) return corrupt(`local header of ${e.name.slice(0, 80)} malformed`);
    const flags = view.getUint16(p + 6, true);
    const method = view.getUint16(p + 8, true);
    const compressedSize = view.getUint32(p + 18, true);
    const size = view.getUint32(p + 22, true);
    const nameLength = view.getUint16(p + 26, true);
    const extraLength = view.getUint16(p + 28, true);
    const dataStart = p + LFH_BYTES + nameLength + extraLength;
    const dataEnd = dataStart + e.compressedSize;
    if ((flags & ~UTF8_FLAG) !== 0 || method !== e.method || compressedSize !== e.compressedSize || size !== e.size) {
      return corrupt(`local header of ${e.name.slice(0, 80)} disagrees with the central directory`);
    }
    if (dataEnd > cdOffset) return corrupt(`data of ${e.name.slice(0, 80)} runs into the central directory`);
    if (!sameBytes(zip.subarray(p + LFH_BYTES, p + LFH_BYTES + nameLength), e.nameBytes)) {
      return corrupt(`local header name of ${e.name.slice(0, 80)} differs from the central directory`);
    }
    starts.set(e, dataStart);
    expected = dataEnd;
  }
  if (expected !== cdOffset) return corrupt('bytes between the last entry and the central directory');
  return ok(starts);
}

/**
 * Names of the entries of a zip WE wrote that a reader with these limits would refuse for their
 * compression ratio (the writer then stores them instead: bigger, but readable).
 */
export function entriesOverRatio(zip: Uint8Array, limits: Pick<ZipReadLimits, 'maxCompressionRatio' | 'ratioFloorBytes'>): string[] {
  const cd = readCentralDirectory(zip, {
    maxEntries: Number.MAX_SAFE_INTEGER,
    maxTotalUncompressedBytes: Number.MAX_SAFE_INTEGER,
    maxCompressionRatio: Number.MAX_SAFE_INTEGER,
    ratioFloorBytes: Number.MAX_SAFE_INTEGER,
    maxEntryBytes: () => Number.MAX_SAFE_INTEGER,
  });
  if (!cd.ok) return [];
  return cd.value.entries
    .filter((e) => e.size > limits.ratioFloorBytes && e.size > limits.maxCompressionRatio * Math.max(e.compressedSize, 1))
    .map((e) => e.name);
}

/** Inflate one deflate stream into exactly `size` bytes, stopping as soon as it produces more. */
function inflateBounded(compressed: Uint8Array, size: number, name: string): Result<Uint8Array, BundleError> {
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
    if (overflow) return tooLarge(`entry ${name.slice(0, 80)} inflates beyond the ${size} bytes it declares`);
    return corrupt(`entry ${name.slice(0, 80)}: damaged deflate data`);
  }
  if (overflow) return tooLarge(`entry ${name.slice(0, 80)} inflates beyond the ${size} bytes it declares`);
  if (written !== size) return corrupt(`entry ${name.slice(0, 80)} inflates to ${written} bytes, not the ${size} it declares`);
  return ok(out);
}

/**
 * Read a zip within `limits`: entry names → contents, in central-directory order. Every declared
 * size is checked before anything is inflated, and every actual size after.
 */
export function readZipBounded(zip: Uint8Array, limits: ZipReadLimits): Result<ReadonlyMap<string, Uint8Array>, BundleError> {
  const cd = readCentralDirectory(zip, limits);
  if (!cd.ok) return cd;
  const located = locateData(zip, cd.value.entries, cd.value.cdOffset);
  if (!located.ok) return located;
  const files = new Map<string, Uint8Array>();
  for (const e of cd.value.entries) {
    const start = located.value.get(e) as number;
    const data = zip.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      files.set(e.name, data.slice());
      continue;
    }
    const inflated = inflateBounded(data, e.size, e.name);
    if (!inflated.ok) return inflated;
    files.set(e.name, inflated.value);
  }
  return ok(files);
}

