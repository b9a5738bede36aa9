/**
 * `records/<table>.ndjson` (docs/bundle-format.md §7): one record per line, each line the
 * `JSON.stringify` of the checked record followed by one LF (0x0A), the file ending with that LF;
 * UTF-8, no BOM, no blank lines. An empty table has no file at all.
 *
 * The reader splits on LF bytes and checks each line's byte length BEFORE decoding or parsing it.
 */
import { parseUntrustedJson } from './json';
import { decodeUtf8, encodeUtf8 } from './utf8';

const LF = 0x0a;

export function formatNdjson(records: readonly unknown[]): Uint8Array {
  let text = '';
  for (const r of records) text += `${JSON.stringify(r)}\n`;
  return encodeUtf8(text);
}

/** One record's line (without its newline) if its UTF-8 form is at most `maxBytes` long, else null. */
export function ndjsonLine(record: unknown, maxBytes: number): string | null {
  const line = JSON.stringify(record);
  // A UTF-16 code unit is at most 3 UTF-8 bytes and at least 1: only lines in between need measuring.
  if (line.length * 3 <= maxBytes) return line;
  if (line.length > maxBytes) return null;
  return encodeUtf8(line).length <= maxBytes ? line : null;
}

/** NDJSON bytes from lines made by `ndjsonLine`. */
export function joinNdjsonLines(lines: readonly string[]): Uint8Array {
  return encodeUtf8(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
}

export interface NdjsonLimits {
  readonly maxRecordBytes: number;
  readonly maxJsonDepth: number;
  /** Stop after this many lines (the count the manifest declares); one more line is an error. */
  readonly maxLines: number;
}

export type NdjsonProblem =
  | { readonly kind: 'too-large'; readonly line: number; readonly detail: string }
  | { readonly kind: 'too-many-lines'; readonly line: number; readonly detail: string }
  | { readonly kind: 'invalid'; readonly line: number; readonly detail: string };

export type NdjsonResult = { readonly ok: true; readonly values: unknown[] } | { readonly ok: false; readonly problem: NdjsonProblem };

/**
 * Parse NDJSON bytes into untrusted values (lines are 1-based in problems). The lines are found and
 * measured on the bytes first; the text of those lines is then decoded in ONE call (LF never occurs
 * inside a UTF-8 sequence, so this splits exactly as decoding line by line would) and parsed line
 * by line. Problems come in line order, as if each line were measured, decoded and parsed in turn.
 */
export function parseNdjson(bytes: Uint8Array, limits: NdjsonLimits): NdjsonResult {
  // 1. line ends, up to the first line refused for its bytes (that problem waits for the lines before it)
  const ends: number[] = [];
  let stop: NdjsonProblem | null = null;
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    line += 1;
    if (line > limits.maxLines) {
      stop = { kind: 'too-many-lines', line, detail: `more than the ${limits.maxLines} records declared` };
      break;
    }
    const searchEnd = Math.min(bytes.length, start + limits.maxRecordBytes + 1);
    let end = bytes.subarray(start, searchEnd).indexOf(LF);
    if (end < 0) {
      stop =
        searchEnd - start > limits.maxRecordBytes
          ? { kind: 'too-large', line, detail: `line longer than ${limits.maxRecordBytes} bytes` }
          : { kind: 'invalid', line, detail: 'last line has no terminating newline' };
      break;
    }
    end += start;
    if (end === start) {
      stop = { kind: 'invalid', line, detail: 'blank line' };
      break;
    }
    ends.push(end);
    start = end + 1;
  }
  // 2. the text of the measured lines at once; invalid UTF-8 somewhere: line by line, to name the line
  const measured = ends.length === 0 ? 0 : ends[ends.length - 1]! + 1;
  const text = measured === 0 ? '' : decodeUtf8(bytes.subarray(0, measured));
  const values: unknown[] = [];
  let from = 0;
  for (let i = 0; i < ends.length; i++) {
    let lineText: string | null;
    if (text !== null) {
      const cut = text.indexOf('\n', from);
      lineText = text.slice(from, cut);
      from = cut + 1;
    } else lineText = decodeUtf8(bytes.subarray(i === 0 ? 0 : ends[i - 1]! + 1, ends[i]!));
    if (lineText === null) return { ok: false, problem: { kind: 'invalid', line: i + 1, detail: 'not valid UTF-8' } };
    const parsed = parseUntrustedJson(lineText, limits.maxJsonDepth);
    if (!parsed.ok) return { ok: false, problem: { kind: 'invalid', line: i + 1, detail: parsed.reason } };
    values.push(parsed.value);
  }
  return stop === null ? { ok: true, values } : { ok: false, problem: stop };
}
