/**
 * The platform bridge: everything the renderer may ask of its host. Declared here, in the
 * domain core, so that renderer/ and electron/ meet only through this interface.
 * `renderer/platform/electron.ts` calls the preload API; `renderer/platform/web.ts` uses browser
 * downloads and `<input type=file>`.
 */
import type {
  AppInfo,
  AutomaticBackupEntry,
  AutomaticBackupKind,
  FileFilter,
  FileToSave,
  OpenedFile,
  OpenedFiles,
  OpenedFolder,
  SaveFileResult,
  SaveFilesResult,
  SystemFont,
} from './ipc/contract';

export type { AppInfo, AutomaticBackupEntry, AutomaticBackupKind, FileFilter, FileToSave, OpenedFile, OpenedFiles, OpenedFolder, SaveFileResult, SaveFilesResult, SystemFont };

/**
 * The automatic (rolling) workspace backups this PC keeps. The caller hands over sealed `.tzbak`
 * bytes; the host stores them under a name of its own (the id), prunes by shared/backup/retention.ts
 * after each write, and gives them back by id. Refusals are `ExpectedFailure`s in Chinese.
 */
export interface AutomaticBackupStore {
  /** Stores one backup made at `createdAt` (ISO instant); returns its id and the ids retention removed. */
  write(kind: AutomaticBackupKind, createdAt: string, bytes: Uint8Array): Promise<{ id: string; removed: string[] }>;
  /** The backups kept, newest first. */
  list(): Promise<AutomaticBackupEntry[]>;
  /** The bytes of one listed backup. */
  read(id: string): Promise<Uint8Array>;
}

export interface PlatformBridge {
  /** 'electron' inside the desktop shell, 'web' in a plain browser (local serve, tests). */
  readonly kind: 'electron' | 'web';
  /** Save bytes under a suggested file name; the user picks the place (dialog or download). */
  saveFile(suggestedName: string, bytes: Uint8Array, filters?: readonly FileFilter[]): Promise<SaveFileResult>;
  /**
   * Opens a file just saved by `saveFile` for reading or printing: the system's PDF viewer in
   * Electron (by the save's token, never by a path), a new browser tab in the web build.
   */
  openSaved(saved: Extract<SaveFileResult, { saved: true }>, bytes: Uint8Array, mime: string): Promise<void>;
  /** Let the user pick one file; `null` when they cancel. */
  openFile(filters?: readonly FileFilter[]): Promise<OpenedFile | null>;
  /**
   * Let the user pick several files at once (bounded: `BATCH_FILE_LIMITS`); no files when they
   * cancel. Files left out (too many, too large, another kind) are in `skipped` with the reason.
   */
  openFiles(filters?: readonly FileFilter[]): Promise<OpenedFiles>;
  /**
   * Let the user pick a folder (e.g. the USB stick) and read every file in it (not in sub-folders)
   * with one of `extensions`, within the same bounds; `null` when they cancel.
   */
  openFolder(extensions: readonly string[]): Promise<OpenedFolder | null>;
  /**
   * Save several files together: into a folder the user picks (Electron; an existing file is never
   * overwritten, the new one gets a numbered name), or as one `<folderName>.zip` download (browser).
   */
  saveFilesToFolder(folderName: string, files: readonly FileToSave[]): Promise<SaveFilesResult>;
  /** Version and platform facts for 设置 and bug reports. */
  appInfo(): Promise<AppInfo>;
  /** The host's 公文 fonts (Windows, UOS, Kylin) for the reports; empty in a browser or when none are installed. */
  listSystemFonts(): Promise<SystemFont[]>;
  /** The bytes of one font `listSystemFonts` named. */
  readSystemFont(id: string): Promise<Uint8Array>;
  /** Whether this host can protect the data key with the OS keystore; `reason` in Chinese when not. */
  dataKeyProtection(): Promise<{ available: true } | { available: false; reason: string }>;
  /** Wraps the data key with the OS keystore; `null` when the host cannot (then the user sets a 开机口令). */
  protectDataKey(dataKey: Uint8Array): Promise<string | null>; // base64 of safeStorage ciphertext
  /** Unwraps what protectDataKey returned; `null` when the OS keystore cannot (another user/PC, keyring reset). */
  unprotectDataKey(wrapped: string): Promise<Uint8Array | null>;
  /** The automatic backups this PC keeps (Electron: a folder under the app's data); null in the web build, which says that automatic backups need the desktop app. */
  readonly automaticBackups: AutomaticBackupStore | null;
}
