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

/** Parse NDJSON bytes into untrusted values (lines are 1-based in problems). */
export function parseNdjson(bytes: Uint8Array, limits: NdjsonLimits): NdjsonResult {
  const values: unknown[] = [];
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    line += 1;
    if (line > limits.maxLines) {
      return { ok: false, problem: { kind: 'too-many-lines', line, detail: `more than the ${limits.maxLines} records declared` } };
    }
    const searchEnd = Math.min(bytes.length, start + limits.maxRecordBytes + 1);
    let end = bytes.subarray(start, searchEnd).indexOf(LF);
    if (end < 0) {
      if (searchEnd - start > limits.maxRecordBytes) {
        return { ok: false, problem: { kind: 'too-large', line, detail: `line longer than ${limits.maxRecordBytes} bytes` } };
      }
      return { ok: false, problem: { kind: 'invalid', line, detail: 'last line has no terminating newline' } };
    }
    end += start;
    if (end === start) return { ok: false, problem: { kind: 'invalid', line, detail: 'blank line' } };
    const text = decodeUtf8(bytes.subarray(start, end));
    if (text === null) return { ok: false, problem: { kind: 'invalid', line, detail: 'not valid UTF-8' } };
    const parsed = parseUntrustedJson(text, limits.maxJsonDepth);
    if (!parsed.ok) return { ok: false, problem: { kind: 'invalid', line, detail: parsed.reason } };
    values.push(parsed.value);
    start = end + 1;
  }
  return { ok: true, values };
}
