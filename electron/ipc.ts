/**
 * The only place that touches ipcMain. Every channel of the contract gets one handler; each
 * call is checked by `checkInvoke` (channel, sender frame, payload) before it runs, and the
 * answer is an envelope `{ ok, value } | { ok: false, error }` so that expected failures reach
 * the renderer as Chinese messages rather than as stack traces.
 */
import path from 'node:path';
import { app, ipcMain, safeStorage, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS, type IpcChannel, type IpcEnvelope } from '../shared/ipc/contract';
import { isExpectedFailure } from '../shared/errors/errors';
import { checkInvoke, type CheckedInvoke, type SenderFrameFacts } from './ipcGuard';
import { appInfo, openFile, openFiles, openFolder, openSaved, saveFile, saveFiles } from './fileHandlers';
import { listSystemFonts, readSystemFont } from './systemFonts';
import { dataKeyProtection, protectDataKey, unprotectDataKey } from './dataKeyProtection';
import { createAutomaticBackupStore } from './automaticBackups';
import type { AutomaticBackupStore } from '../shared/platform';

let backupStore: AutomaticBackupStore | null = null;
/** The one store of automatic backups, `<userData>/backups` (userData is known once the app is ready). */
function automaticBackups(): AutomaticBackupStore {
  return (backupStore ??= createAutomaticBackupStore(path.join(app.getPath('userData'), 'backups')));
}

function frameFacts(event: IpcMainInvokeEvent): SenderFrameFacts | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return { url: frame.url, isTopFrame: frame.parent === null };
}

async function run(call: CheckedInvoke, win: BrowserWindow): Promise<unknown> {
  switch (call.channel) {
    case 'file:save':
      return saveFile(win, call.args);
    case 'file:open-saved':
      return openSaved(call.args);
    case 'file:open':
      return openFile(win, call.args);
    case 'file:open-many':
      return openFiles(win, call.args);
    case 'file:open-folder':
      return openFolder(win, call.args);
    case 'file:save-many':
      return saveFiles(win, call.args);
    case 'app:info':
      return appInfo();
    case 'fonts:list':
      return listSystemFonts();
    case 'fonts:read':
      return readSystemFont(call.args.id);
    // safeStorage may be used only after app 'ready'; handlers are registered and run after it
    case 'datakey:protection':
      return dataKeyProtection(safeStorage, process.platform);
    case 'datakey:protect':
      return protectDataKey(safeStorage, process.platform, call.args.dataKey);
    case 'datakey:unprotect':
      return unprotectDataKey(safeStorage, process.platform, call.args.wrapped);
    case 'autobackup:write':
      return automaticBackups().write(call.args.kind, call.args.createdAt, call.args.bytes);
    case 'autobackup:list':
      return automaticBackups().list();
    case 'autobackup:read':
      return { id: call.args.id, bytes: await automaticBackups().read(call.args.id) };
  }
}

export function registerIpc(getWindow: () => BrowserWindow | null): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcEnvelope<unknown>> => {
      const checked = checkInvoke(channel satisfies IpcChannel, frameFacts(event), payload);
      if (!checked.ok) return { ok: false, error: checked.error };
      const win = getWindow();
      if (!win || event.sender !== win.webContents) {
        return { ok: false, error: { kind: 'ipc-untrusted-sender', message: '请求来自不受信任的窗口，已拒绝。' } };
      }
      try {
        return { ok: true, value: await run(checked.value, win) };
      } catch (e) {
        if (isExpectedFailure(e)) return { ok: false, error: e.error };
        throw e;
      }
    });
  }
}
