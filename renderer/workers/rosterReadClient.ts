/**
 * The client of the roster reading worker (rosterRead.worker.ts): `readRosterFile(bytes)` reads the
 * workbook in a Web Worker with progress, and `cancel()` ends the worker at once — the file's work
 * stops with it, however far it had got. Where there is no Worker (unit tests in Node) the same
 * pure reader runs inline.
 */
import type { Result } from '../../shared/errors/errors';
import { readRosterWorkbook, type ReadProgress, type RosterReadError, type RosterWorkbook } from '../../shared/roster/xlsxRead';

export interface RosterReadRequest {
  readonly bytes: Uint8Array;
  readonly sheetIndex?: number;
}

export type RosterReadResponse =
  | { readonly type: 'progress'; readonly progress: ReadProgress }
  | { readonly type: 'result'; readonly result: Result<RosterWorkbook, RosterReadError> }
  | { readonly type: 'crash'; readonly message: string };

/** The reading was cancelled by the user (取消). */
export class RosterReadCancelled extends Error {
  constructor() {
    super('已取消读取花名册');
    this.name = 'RosterReadCancelled';
  }
}

export interface RosterReadJob {
  readonly promise: Promise<Result<RosterWorkbook, RosterReadError>>;
  cancel(): void;
}

export interface RosterReadOptions {
  readonly sheetIndex?: number;
  readonly onProgress?: (p: ReadProgress) => void;
}

export function readRosterFile(bytes: Uint8Array, options: RosterReadOptions = {}): RosterReadJob {
  if (typeof Worker === 'undefined') {
    return { promise: Promise.resolve().then(() => readRosterWorkbook(bytes, options)), cancel: () => undefined };
  }
  const worker = new Worker(new URL('./rosterRead.worker.ts', import.meta.url), { type: 'module', name: 'taizhang-roster-read' });
  let settle: { resolve(r: Result<RosterWorkbook, RosterReadError>): void; reject(e: Error): void } | null = null;
  const promise = new Promise<Result<RosterWorkbook, RosterReadError>>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (then: (s: NonNullable<typeof settle>) => void) => {
    worker.terminate();
    const s = settle;
    settle = null;
    if (s) then(s);
  };
  worker.onmessage = (e: MessageEvent<RosterReadResponse>) => {
    const msg = e.data;
    if (msg.type === 'progress') options.onProgress?.(msg.progress);
    else if (msg.type === 'result') finish((s) => s.resolve(msg.result));
    else finish((s) => s.reject(new Error(msg.message)));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    finish((s) => s.reject(new Error(e.message || '读取程序无法启动')));
  };
  const request: RosterReadRequest = { bytes, ...(options.sheetIndex === undefined ? {} : { sheetIndex: options.sheetIndex }) };
  worker.postMessage(request);
  return { promise, cancel: () => finish((s) => s.reject(new RosterReadCancelled())) };
}
