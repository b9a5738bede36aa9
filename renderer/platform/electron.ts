/** The bridge inside the Electron shell: calls the preload's one-function-per-channel API. */
import { ExpectedFailure } from '../../shared/errors/errors';
import type { IpcEnvelope, PreloadApi } from '../../shared/ipc/contract';
import type { PlatformBridge } from '../../shared/platform';

function unwrap<T>(envelope: IpcEnvelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ExpectedFailure(envelope.error);
}

export function createElectronBridge(api: PreloadApi): PlatformBridge {
  return {
    kind: 'electron',
    openSaved: async (saved) => {
      if (!saved.openToken) throw new ExpectedFailure({ kind: 'file-not-openable', message: '该文件无法直接打开，请到保存的位置用 PDF 阅读器打开后打印。' });
      unwrap(await api.openSaved({ token: saved.openToken }));
    },
    saveFile: async (suggestedName, bytes, filters) =>
      unwrap(await api.saveFile({ suggestedName, bytes, ...(filters ? { filters: [...filters] } : {}) })),
    openFile: async (filters) => unwrap(await api.openFile(filters ? { filters: [...filters] } : {})),
    openFiles: async (filters) => unwrap(await api.openFiles(filters ? { filters: [...filters] } : {})),
    openFolder: async (extensions) => unwrap(await api.openFolder({ extensions: [...extensions] })),
    saveFilesToFolder: async (folderName, files) => unwrap(await api.saveFiles({ folderName, files: [...files] })),
    appInfo: async () => unwrap(await api.appInfo()),
    listSystemFonts: async () => unwrap(await api.listFonts()),
    readSystemFont: async (id) => unwrap(await api.readFont({ id })).bytes,
    dataKeyProtection: async () => unwrap(await api.dataKeyProtection()),
    protectDataKey: async (dataKey) => unwrap(await api.protectDataKey({ dataKey })),
    unprotectDataKey: async (wrapped) => unwrap(await api.unprotectDataKey({ wrapped })),
    automaticBackups: {
      write: async (kind, createdAt, bytes) => unwrap(await api.writeAutomaticBackup({ kind, createdAt, bytes })),
      list: async () => unwrap(await api.listAutomaticBackups()),
      read: async (id) => unwrap(await api.readAutomaticBackup({ id })).bytes,
    },
  };
}
