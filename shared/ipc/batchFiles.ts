/**
 * Which files of a multi-file pick or a folder are read, within bounds (the Electron main process
 * and the browser bridge apply the same rule): only regular files with one of the wanted
 * extensions, at most `maxFiles`, none larger than `maxFileBytes`, together at most `maxTotalBytes`.
 * Files left out are named with the reason, in Chinese, so that the screen can list them.
 */
export interface BatchFileLimits {
  readonly maxFiles: number;
  readonly maxFileBytes: number;
  readonly maxTotalBytes: number;
}

export interface BatchEntry {
  readonly name: string;
  readonly size: number;
  /** False for folders, links and devices. */
  readonly isFile: boolean;
}

export interface SkippedFile {
  readonly name: string;
  readonly reason: string;
}

export interface BatchSelection<E extends BatchEntry> {
  readonly take: E[];
  readonly skipped: SkippedFile[];
}

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`;
}

export function hasExtension(name: string, extensions: readonly string[]): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  const ext = name.slice(dot + 1).toLowerCase();
  return extensions.some((e) => e === '*' || e.toLowerCase() === ext);
}

/**
 * Sorted by name (the order a user sees in a folder). Entries that are not wanted files at all
 * (other extensions, sub-folders) are left out silently when `quietOthers`, as in a folder on a USB
 * stick; in a pick of files the user chose each one, so each is named.
 */
export function selectBatchFiles<E extends BatchEntry>(
  entries: readonly E[],
  extensions: readonly string[],
  limits: BatchFileLimits,
  options: { quietOthers?: boolean } = {},
): BatchSelection<E> {
  const take: E[] = [];
  const skipped: SkippedFile[] = [];
  let total = 0;
  const wanted = extensions.map((e) => `.${e}`).join('、');
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!entry.isFile || !hasExtension(entry.name, extensions)) {
      if (!options.quietOthers) skipped.push({ name: entry.name, reason: entry.isFile ? `不是${wanted}文件，已跳过` : '不是文件，已跳过' });
      continue;
    }
    if (take.length >= limits.maxFiles) {
      skipped.push({ name: entry.name, reason: `一次最多处理 ${limits.maxFiles} 个文件，其余请分批选择` });
      continue;
    }
    if (entry.size > limits.maxFileBytes) {
      skipped.push({ name: entry.name, reason: `文件超过 ${megabytes(limits.maxFileBytes)}，不是本程序能处理的文件` });
      continue;
    }
    if (total + entry.size > limits.maxTotalBytes) {
      skipped.push({ name: entry.name, reason: `所选文件合计超过 ${megabytes(limits.maxTotalBytes)}，其余请分批选择` });
      continue;
    }
    total += entry.size;
    take.push(entry);
  }
  return { take, skipped };
}
