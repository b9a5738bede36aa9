/**
 * The bridge in a plain browser (the local fallback of `npm start`, and e2e tests):
 * saving is a download, opening is an <input type=file>.
 */
import { ExpectedFailure, expectedError } from '../../shared/errors/errors';
import { selectBatchFiles } from '../../shared/ipc/batchFiles';
import { BATCH_FILE_LIMITS, MAX_IPC_FILE_BYTES, type FileFilter, type OpenedFile } from '../../shared/ipc/contract';
import type { PlatformBridge } from '../../shared/platform';
import { zipFiles } from './zipFiles';

function acceptAttribute(filters?: readonly FileFilter[]): string {
  if (!filters) return '';
  return filters
    .flatMap((f) => f.extensions)
    .filter((e) => e !== '*')
    .map((e) => `.${e}`)
    .join(',');
}

/** A browser download of `bytes` under `name`. */
function download(doc: Document, name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function extensionsOf(filters?: readonly FileFilter[]): string[] {
  return filters ? filters.flatMap((f) => f.extensions) : ['*'];
}

/** An <input type=file> clicked for the user: the files chosen, or null when they cancel. */
function pickFiles(doc: Document, options: { accept: string; multiple: boolean; folder: boolean }): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = options.accept;
    input.multiple = options.multiple;
    input.webkitdirectory = options.folder;
    input.style.display = 'none';
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const files = input.files ? [...input.files] : [];
      input.remove();
      resolve(files.length > 0 ? files : null);
    });
    doc.body.appendChild(input);
    input.click();
  });
}

async function readAll(files: readonly File[]): Promise<OpenedFile[]> {
  const out: OpenedFile[] = [];
  for (const file of files) {
    try {
      out.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch {
      throw new ExpectedFailure(expectedError('file-read-failed', `文件“${file.name}”读取失败，请确认文件没有被其他程序占用、U盘没有拔出后重试。`));
    }
  }
  return out;
}

export function createWebBridge(doc: Document = document): PlatformBridge {
  return {
    kind: 'web',
    async openSaved(_saved, bytes, mime) {
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
      const opened = window.open(url, '_blank');
      setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
      if (!opened) throw new ExpectedFailure(expectedError('file-not-openable', '浏览器阻止了新窗口。请允许本页面打开新窗口，或打开下载的文件后打印。'));
    },
    async saveFile(suggestedName, bytes) {
      download(doc, suggestedName, bytes);
      return { saved: true, fileName: suggestedName };
    },
    openFile(filters) {
      return new Promise((resolve, reject) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.accept = acceptAttribute(filters);
        input.style.display = 'none';
        input.addEventListener('cancel', () => {
          input.remove();
          resolve(null);
        });
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          input.remove();
          if (!file) return resolve(null);
          if (file.size > MAX_IPC_FILE_BYTES) {
            return reject(new ExpectedFailure(expectedError('file-too-large', '文件超过 512 MB，不是本程序能处理的文件。请确认选择的文件是否正确。')));
          }
          file.arrayBuffer().then(
            (buf) => resolve({ name: file.name, bytes: new Uint8Array(buf) }),
            () => reject(new ExpectedFailure(expectedError('file-read-failed', '文件读取失败，请确认文件没有被其他程序占用后重试。'))),
          );
        });
        doc.body.appendChild(input);
        input.click();
      });
    },
    async openFiles(filters) {
      const picked = await pickFiles(doc, { accept: acceptAttribute(filters), multiple: true, folder: false });
      if (!picked) return { files: [], skipped: [] };
      const entries = picked.map((file) => ({ name: file.name, size: file.size, isFile: true, file }));
      const { take, skipped } = selectBatchFiles(entries, extensionsOf(filters), BATCH_FILE_LIMITS);
      return { files: await readAll(take.map((e) => e.file)), skipped };
    },
    async openFolder(extensions) {
      const picked = await pickFiles(doc, { accept: '', multiple: true, folder: true });
      if (!picked) return null;
      // webkitRelativePath is "<folder>/<name>" for a file directly in the folder
      const parts = picked.map((file) => ({ file, path: file.webkitRelativePath.split('/') }));
      const entries = parts.map(({ file, path }) => ({ name: file.name, size: file.size, isFile: path.length === 2, file }));
      const { take, skipped } = selectBatchFiles(entries, extensions, BATCH_FILE_LIMITS, { quietOthers: true });
      return { folderName: parts[0]?.path[0] ?? '', files: await readAll(take.map((e) => e.file)), skipped };
    },
    async saveFilesToFolder(folderName, files) {
      const zipName = `${folderName}.zip`;
      download(doc, zipName, zipFiles(files));
      return { saved: true, place: zipName, files: files.map((f) => ({ name: f.name, saved: true })) };
    },
    async appInfo() {
      return {
        name: '机关党建台账',
        version: __APP_VERSION__,
        platform: navigator.platform,
        shell: 'web',
        electronVersion: null,
        chromeVersion: /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? null,
        userDataPath: null,
      };
    },
    /** A browser cannot read the host's font files: the reports use the bundled fonts. */
    listSystemFonts: () => Promise.resolve([]),
    readSystemFont: () =>
      Promise.reject(new ExpectedFailure(expectedError('font-unavailable', '浏览器中无法读取本机字体，报表使用内置字体。'))),
    /** A browser has no OS keystore: the data key is protected by the 开机口令 instead. */
    dataKeyProtection: () => Promise.resolve({ available: false, reason: '浏览器版不能使用系统密钥保管，请设置开机口令' }),
    protectDataKey: () => Promise.resolve(null),
    unprotectDataKey: () => Promise.resolve(null),
    /** A browser keeps no backup folder: automatic backups need the desktop app. */
    automaticBackups: null,
  };
}
