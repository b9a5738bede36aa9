/**
 * Progress of an import, for the bar on the 同步 page: the stages in order (读取 → 校验签名 → 解密 →
 * 校验数据 n/N → 比对本机数据, then, after the user confirms the preview, 写入 n/N), a percentage over
 * the whole import, and a Chinese label. Mirrors the export's `(percent, stage)` reports, with the
 * stage key and record counts added so that callers (and tests) need not parse the label.
 *
 * The reporter is throttled (a counted stage is reported at most every `intervalMs`, and always at
 * its start and end) and, outside a database transaction, yields to the event loop after each report
 * so that the browser can paint the bar between two slices of record checks. Without a callback it
 * does nothing at all: no reports, no yields.
 */

export type ImportStage = 'read' | 'verify' | 'decrypt' | 'validate' | 'compare' | 'write';

export const IMPORT_STAGES: readonly ImportStage[] = ['read', 'verify', 'decrypt', 'validate', 'compare', 'write'];

export const IMPORT_STAGE_LABELS: Record<ImportStage, string> = {
  read: '读取',
  verify: '校验签名',
  decrypt: '解密',
  validate: '校验数据',
  compare: '比对本机数据',
  write: '写入',
};

export interface ImportProgressEvent {
  readonly stage: ImportStage;
  /** Records done in this stage so far, of `total`; both 0 for the stages that are not counted. */
  readonly done: number;
  readonly total: number;
  /** 0–100 over the whole import (the preview waits at the start of 写入). */
  readonly percent: number;
  /** e.g. "校验数据（1200/5000）". */
  readonly label: string;
}

export type ImportProgress = (event: ImportProgressEvent) => void;

/** Where each stage starts on the 0–100 scale (it ends where the next one starts; 写入 ends at 100). */
const STAGE_START: Record<ImportStage, number> = { read: 0, verify: 3, decrypt: 8, validate: 15, compare: 75, write: 85 };

function stageEnd(stage: ImportStage): number {
  const next = IMPORT_STAGES[IMPORT_STAGES.indexOf(stage) + 1];
  return next === undefined ? 100 : STAGE_START[next];
}

export function progressEvent(stage: ImportStage, done = 0, total = 0): ImportProgressEvent {
  const start = STAGE_START[stage];
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const percent = Math.floor(start + (stageEnd(stage) - start) * fraction);
  const label = total > 0 ? `${IMPORT_STAGE_LABELS[stage]}（${done}/${total}）` : IMPORT_STAGE_LABELS[stage];
  return { stage, done, total, percent, label };
}

/**
 * Lets the browser run other tasks (React's render, then a paint) before continuing. A message on a
 * fresh channel is a task of its own without the 4 ms clamp of nested timers; it queues behind the
 * render task React has just posted the same way.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface ProgressReporter {
  /** A stage begins (always reported), then yields. */
  begin(stage: ImportStage, total?: number): Promise<void>;
  /** Records done in a counted stage: reported when `intervalMs` passed since the last report, or at the end; yields after a report. */
  count(stage: ImportStage, done: number, total: number): Promise<void>;
  /** The same inside a database transaction, where awaiting anything but the database would end it: never yields. */
  countInTransaction(stage: ImportStage, done: number, total: number): void;
}

export interface ReporterOptions {
  readonly intervalMs?: number;
  readonly now?: () => number;
  readonly yieldNow?: () => Promise<void>;
}

const SILENT: ProgressReporter = {
  begin: () => Promise.resolve(),
  count: () => Promise.resolve(),
  countInTransaction: () => undefined,
};

export function progressReporter(onProgress: ImportProgress | undefined, options: ReporterOptions = {}): ProgressReporter {
  if (!onProgress) return SILENT;
  const intervalMs = options.intervalMs ?? 50;
  const now = options.now ?? (() => performance.now());
  const yieldNow = options.yieldNow ?? yieldToEventLoop;
  let last = -Infinity;
  const emit = (stage: ImportStage, done: number, total: number): boolean => {
    const t = now();
    if (done < total && done > 0 && t - last < intervalMs) return false;
    last = t;
    onProgress(progressEvent(stage, done, total));
    return true;
  };
  return {
    async begin(stage, total = 0) {
      last = now();
      onProgress(progressEvent(stage, 0, total));
      await yieldNow();
    },
    async count(stage, done, total) {
      if (emit(stage, done, total)) await yieldNow();
    },
    countInTransaction(stage, done, total) {
      emit(stage, done, total);
    },
  };
}
