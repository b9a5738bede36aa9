/** The handlers behind the file channels: native save/open dialogs with bounded reads. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import { readFolderFiles, readPickedFiles, writeFilesToFolder } from './batchFiles';
import { savedFiles } from './savedFiles';
import { APP_FILE_EXTENSIONS, extensionList, extensionOf, isFileOfKinds, savePathOfKind, VIEWABLE_EXTENSIONS } from '../shared/ipc/fileKinds';
import { MAX_IPC_FILE_BYTES, type AppInfo, type IpcArgs, type IpcResult } from '../shared/ipc/contract';
import { ExpectedFailure, expectedError } from '../shared/errors/errors';

/** The extensions a call asked for (its filters'), or every kind the app uses; the contract has checked each is one. */
function askedKinds(filters: IpcArgs<'file:open'>['filters']): readonly string[] {
  return filters && filters.length > 0 ? filters.flatMap((f) => f.extensions) : APP_FILE_EXTENSIONS;
}

export async function saveFile(win: BrowserWindow, args: IpcArgs<'file:save'>): Promise<IpcResult<'file:save'>> {
  const result = await dialog.showSaveDialog(win, {
    title: '保存文件',
    defaultPath: path.join(app.getPath('documents'), args.suggestedName),
    filters: args.filters ? [...args.filters] : [],
  });
  if (result.canceled || !result.filePath) return { saved: false };
  // Whatever the user typed in the dialog, what is written is of a kind asked for (“报告.exe” → “报告.exe.pdf”).
  const target = savePathOfKind(result.filePath, args.suggestedName, [extensionOf(args.suggestedName), ...askedKinds(args.filters)]);
  // Write to a temporary file beside the target and rename, so a full USB stick never leaves half a file.
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await fs.writeFile(tmp, args.bytes);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new ExpectedFailure(
      expectedError('file-write-failed', `文件未能保存：${(e as NodeJS.ErrnoException).code ?? '写入失败'}。请检查磁盘空间或U盘是否已拔出，然后重试。`),
    );
  }
  return { saved: true, fileName: path.basename(target), openToken: savedFiles.remember(target) };
}

/** Opens a file this session saved, in the system's default viewer (to read or print it). */
export async function openSaved(args: IpcArgs<'file:open-saved'>): Promise<IpcResult<'file:open-saved'>> {
  const filePath = savedFiles.lookup(args.token);
  if (!filePath) throw new ExpectedFailure(expectedError('file-not-openable', '找不到刚保存的文件（可能已重新启动程序），请到保存的位置打开后打印。'));
  // only the kinds a person reads or prints go to the system's viewer (never a program or a link)
  if (!isFileOfKinds(filePath, VIEWABLE_EXTENSIONS)) {
    throw new ExpectedFailure(expectedError('file-not-openable', `本程序只直接打开 ${extensionList(VIEWABLE_EXTENSIONS)} 文件。请到保存的位置打开“${path.basename(filePath)}”。`));
  }
  const problem = await shell.openPath(filePath);
  if (problem) throw new ExpectedFailure(expectedError('file-not-openable', `无法打开文件：${problem}。请到保存的位置用 PDF 阅读器打开后打印。`));
  return { opened: true };
}

export async function openFile(win: BrowserWindow, args: IpcArgs<'file:open'>): Promise<IpcResult<'file:open'>> {
  const result = await dialog.showOpenDialog(win, {
    title: '打开文件',
    properties: ['openFile'],
    filters: args.filters ? [...args.filters] : [],
  });
  const filePath = result.filePaths[0];
  if (result.canceled || !filePath) return null;
  const kinds = askedKinds(args.filters);
  if (!isFileOfKinds(filePath, kinds)) {
    throw new ExpectedFailure(expectedError('file-kind-refused', `“${path.basename(filePath)}”不是这里需要的文件。请选择 ${extensionList(kinds)} 文件。`));
  }
  const stat = await fs.stat(filePath);
  if (stat.size > MAX_IPC_FILE_BYTES) {
    throw new ExpectedFailure(expectedError('file-too-large', '文件超过 512 MB，不是本程序能处理的文件。请确认选择的文件是否正确。'));
  }
  const bytes = new Uint8Array(await fs.readFile(filePath));
  return { name: path.basename(filePath), bytes };
}

/** Several files in one dialog (multi-select); each file not read is named with the reason. */
export async function openFiles(win: BrowserWindow, args: IpcArgs<'file:open-many'>): Promise<IpcResult<'file:open-many'>> {
  const result = await dialog.showOpenDialog(win, {
    title: '选择文件（可多选）',
    properties: ['openFile', 'multiSelections'],
    filters: args.filters ? [...args.filters] : [],
  });
  if (result.canceled || result.filePaths.length === 0) return { files: [], skipped: [] };
  return readPickedFiles(result.filePaths, askedKinds(args.filters));
}

/** A folder (e.g. the USB stick): every file of the wanted kinds directly in it, within bounds. */
export async function openFolder(win: BrowserWindow, args: IpcArgs<'file:open-folder'>): Promise<IpcResult<'file:open-folder'>> {
  const result = await dialog.showOpenDialog(win, { title: '选择文件夹（读取其中的全部同步包）', properties: ['openDirectory'] });
  const folder = result.filePaths[0];
  if (result.canceled || !folder) return null;
  try {
    return await readFolderFiles(folder, args.extensions);
  } catch (e) {
    throw new ExpectedFailure(expectedError('file-read-failed', `无法读取该文件夹（${(e as NodeJS.ErrnoException).code ?? '读取失败'}）。请确认U盘没有拔出、文件夹可以打开后重试。`));
  }
}

/** Several files into a folder the user picks; nothing there is overwritten. */
export async function saveFiles(win: BrowserWindow, args: IpcArgs<'file:save-many'>): Promise<IpcResult<'file:save-many'>> {
  const result = await dialog.showOpenDialog(win, {
    title: `选择保存位置（${args.files.length} 个文件）`,
    buttonLabel: '保存到此文件夹',
    defaultPath: app.getPath('documents'),
    properties: ['openDirectory', 'createDirectory'],
  });
  const folder = result.filePaths[0];
  if (result.canceled || !folder) return { saved: false };
  return { saved: true, place: path.basename(folder) || folder, files: await writeFilesToFolder(folder, args.files) };
}

export function appInfo(): AppInfo {
  return {
    name: '机关党建台账',
    version: app.getVersion(),
    platform: `${process.platform}-${process.arch}`,
    shell: 'electron',
    electronVersion: process.versions.electron ?? null,
    chromeVersion: process.versions.chrome ?? null,
    userDataPath: app.getPath('userData'),
  };
}
