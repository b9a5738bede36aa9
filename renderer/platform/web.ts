/**
 * The bridge in a plain browser (the local fallback of `npm start`, and e2e tests):
 * saving is a download, opening is an <input type=file>.
 */
import { ExpectedFailure, expectedError } from '../../shared/errors/errors';
import { MAX_IPC_FILE_BYTES, type FileFilter } from '../../shared/ipc/contract';
import type { PlatformBridge } from '../../shared/platform';

function acceptAttribute(filters?: readonly FileFilter[]): string {
  if (!filters) return '';
  return filters
    .flatMap((f) => f.extensions)
    .filter((e) => e !== '*')
    .map((e) => `.${e}`)
    .join(',');
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
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const a = doc.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.style.display = 'none';
      doc.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
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
  };
}
