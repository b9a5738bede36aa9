/**
 * The client of the roster worker (rosterRead.worker.ts): `readRosterFile(bytes)` reads the
 * workbook, `planRosterFile(rows, context, mapping)` plans the import (thousands of rows validated
 * one by one) — each in its own Web Worker, with progress, and `cancel()` ends the worker at once:
 * the work stops with it, however far it had got. Where there is no Worker (unit tests in Node)
 * the same pure functions run inline.
 */
import type { Result } from '../../shared/errors/errors';
import type { ColumnMapping } from '../../shared/roster/rosterColumns';
import { planRosterImport, type RosterContext } from '../../shared/roster/rosterImport';
import type { RosterSheet } from '../../shared/roster/sheetCell';
import { readRosterWorkbook, type ReadProgress, type RosterReadError, type RosterWorkbook } from '../../shared/roster/xlsxRead';

export type RosterReadResult = Result<RosterWorkbook, RosterReadError>;
export type RosterPlanResult = ReturnType<typeof planRosterImport>;

export type RosterJobRequest =
  | { readonly type: 'read'; readonly bytes: Uint8Array; readonly sheetIndex?: number }
  | { readonly type: 'plan'; readonly rows: RosterSheet; readonly context: RosterContext; readonly mapping: ColumnMapping };

export type RosterJobResponse =
  | { readonly type: 'progress'; readonly progress: ReadProgress }
  | { readonly type: 'read'; readonly result: RosterReadResult }
  | { readonly type: 'planned'; readonly result: RosterPlanResult }
  | { readonly type: 'crash'; readonly message: string };

/** The job was cancelled by the user (取消). */
export class RosterReadCancelled extends Error {
  constructor() {
    super('已取消读取花名册');
    this.name = 'RosterReadCancelled';
  }
}

export interface RosterJob<T> {
  readonly promise: Promise<T>;
  cancel(): void;
}

export interface RosterReadOptions {
  readonly sheetIndex?: number;
  readonly onProgress?: (p: ReadProgress) => void;
}

function inWorker<T>(request: RosterJobRequest, answer: (m: RosterJobResponse) => T | undefined, onProgress?: (p: ReadProgress) => void): RosterJob<T> {
  const worker = new Worker(new URL('./rosterRead.worker.ts', import.meta.url), { type: 'module', name: 'taizhang-roster' });
  let settle: { resolve(r: T): void; reject(e: Error): void } | null = null;
  const promise = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (then: (s: NonNullable<typeof settle>) => void) => {
    worker.terminate();
    const s = settle;
    settle = null;
    if (s) then(s);
  };
  worker.onmessage = (e: MessageEvent<RosterJobResponse>) => {
    const msg = e.data;
    if (msg.type === 'progress') onProgress?.(msg.progress);
    else if (msg.type === 'crash') finish((s) => s.reject(new Error(msg.message)));
    else {
      const value = answer(msg);
      if (value !== undefined) finish((s) => s.resolve(value));
    }
  };
  worker.onerror = (e) => {
    e.preventDefault();
    finish((s) => s.reject(new Error(e.message || '读取程序无法启动')));
  };
  worker.postMessage(request);
  return { promise, cancel: () => finish((s) => s.reject(new RosterReadCancelled())) };
}

/** Reads the workbook's sheet list and one sheet (the given one, else the first visible one). */
export function readRosterFile(bytes: Uint8Array, options: RosterReadOptions = {}): RosterJob<RosterReadResult> {
  if (typeof Worker === 'undefined') {
    return { promise: Promise.resolve().then(() => readRosterWorkbook(bytes, options)), cancel: () => undefined };
  }
  const request: RosterJobRequest = { type: 'read', bytes, ...(options.sheetIndex === undefined ? {} : { sheetIndex: options.sheetIndex }) };
  return inWorker(request, (m) => (m.type === 'read' ? m.result : undefined), options.onProgress);
}

/** Plans the import of the rows read (every row validated: seconds for thousands of rows). */
export function planRosterFile(rows: RosterSheet, context: RosterContext, mapping: ColumnMapping): RosterJob<RosterPlanResult> {
  if (typeof Worker === 'undefined') {
    return { promise: Promise.resolve().then(() => planRosterImport(rows, context, mapping)), cancel: () => undefined };
  }
  return inWorker({ type: 'plan', rows, context, mapping }, (m) => (m.type === 'planned' ? m.result : undefined));
}
