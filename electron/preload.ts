/**
 * Runs sandboxed, with context isolation. Exposes exactly one function per IPC channel on
 * `window.taizhang` — never ipcRenderer itself, never the event object.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcArgs, PreloadApi } from '../shared/ipc/contract';

const api: PreloadApi = {
  saveFile: (args: IpcArgs<'file:save'>) => ipcRenderer.invoke('file:save', args),
  openSaved: (args: IpcArgs<'file:open-saved'>) => ipcRenderer.invoke('file:open-saved', args),
  openFile: (args: IpcArgs<'file:open'>) => ipcRenderer.invoke('file:open', args),
  openFiles: (args: IpcArgs<'file:open-many'>) => ipcRenderer.invoke('file:open-many', args),
  openFolder: (args: IpcArgs<'file:open-folder'>) => ipcRenderer.invoke('file:open-folder', args),
  saveFiles: (args: IpcArgs<'file:save-many'>) => ipcRenderer.invoke('file:save-many', args),
  appInfo: () => ipcRenderer.invoke('app:info', {}),
  listFonts: () => ipcRenderer.invoke('fonts:list', {}),
  readFont: (args: IpcArgs<'fonts:read'>) => ipcRenderer.invoke('fonts:read', args),
  dataKeyProtection: () => ipcRenderer.invoke('datakey:protection', {}),
  protectDataKey: (args: IpcArgs<'datakey:protect'>) => ipcRenderer.invoke('datakey:protect', args),
  unprotectDataKey: (args: IpcArgs<'datakey:unprotect'>) => ipcRenderer.invoke('datakey:unprotect', args),
  writeAutomaticBackup: (args: IpcArgs<'autobackup:write'>) => ipcRenderer.invoke('autobackup:write', args),
  listAutomaticBackups: () => ipcRenderer.invoke('autobackup:list', {}),
  readAutomaticBackup: (args: IpcArgs<'autobackup:read'>) => ipcRenderer.invoke('autobackup:read', args),
};

contextBridge.exposeInMainWorld('taizhang', api);
