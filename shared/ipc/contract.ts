/**
 * The one IPC contract between the Electron main process and the renderer.
 *
 * Each channel names its argument schema and its result schema. The preload exposes exactly one
 * function per channel; the main side refuses unknown channels, frames other than the top
 * `app://` frame, and payloads that do not match the argument schema.
 */
import { z } from 'zod';
import type { BatchFileLimits } from './batchFiles';
import { FILE_NAME_FORBIDDEN } from './fileName';
import { APP_FILE_EXTENSIONS, extensionList, isAppFileExtension, isFileOfKinds } from './fileKinds';

/** Upper bound for bytes crossing IPC in one call (a report PDF, a sync bundle, a spreadsheet). */
export const MAX_IPC_FILE_BYTES = 512 * 1024 * 1024;

const fileName = z
  .string()
  .min(1, '文件名不能为空')
  .max(200, '文件名太长')
  .refine((s) => !FILE_NAME_FORBIDDEN.test(s), '文件名含有不允许的字符（\\ / : * ? " < > |）');

const NOT_APP_KIND = `只能读写本程序使用的文件（${extensionList(APP_FILE_EXTENSIONS)}）`;
/** An extension the app writes or reads (./fileKinds.ts); never “*”. */
const appExtension = z.string().regex(/^[A-Za-z0-9]{1,10}$/, NOT_APP_KIND).refine((e): boolean => isAppFileExtension(e), NOT_APP_KIND);
/** A file name ending in an extension the app writes or reads. */
const appFileName = fileName.refine((s) => isFileOfKinds(s), NOT_APP_KIND);

export const fileFilterSchema = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z.array(appExtension).min(1).max(20),
  })
  .strict();
export type FileFilter = z.infer<typeof fileFilterSchema>;

const bytes = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, '文件内容格式不正确')
  .refine((b) => b.byteLength <= MAX_IPC_FILE_BYTES, '文件超过 512 MB，无法处理');

export const saveFileArgs = z
  .object({ suggestedName: appFileName, bytes, filters: z.array(fileFilterSchema).max(10).optional() })
  .strict();
export const saveFileResultSchema = z.discriminatedUnion('saved', [
  // openToken: lets the renderer ask the shell to open THIS saved file (for printing) without ever holding its path
  z.object({ saved: z.literal(true), fileName: z.string(), openToken: z.string().max(64).optional() }).strict(),
  z.object({ saved: z.literal(false) }).strict(),
]);
export type SaveFileResult = z.infer<typeof saveFileResultSchema>;

export const openFileArgs = z.object({ filters: z.array(fileFilterSchema).max(10).optional() }).strict();
export const openedFileSchema = z.object({ name: z.string(), bytes }).strict();
export type OpenedFile = z.infer<typeof openedFileSchema>;
export const openFileResultSchema = openedFileSchema.nullable();

/**
 * Several files at once: a multi-file pick, every file of one extension in a folder (Electron: a
 * USB stick), several files saved together into a folder. Bounded in count and total size
 * (`selectBatchFiles` in ./batchFiles applies the bounds before anything is read).
 */
export const MAX_BATCH_FILES = 500;
export const BATCH_FILE_LIMITS: BatchFileLimits = { maxFiles: MAX_BATCH_FILES, maxFileBytes: MAX_IPC_FILE_BYTES, maxTotalBytes: MAX_IPC_FILE_BYTES };

const totalBytesWithin = (files: readonly { bytes: Uint8Array }[]) => files.reduce((n, f) => n + f.bytes.byteLength, 0) <= MAX_IPC_FILE_BYTES;
const TOO_MUCH = '所选文件合计超过 512 MB，请分批处理';

export const skippedFileSchema = z.object({ name: z.string().max(300), reason: z.string().max(300) }).strict();

export const openFilesArgs = z.object({ filters: z.array(fileFilterSchema).max(10).optional() }).strict();
export const openFilesResultSchema = z
  .object({ files: z.array(openedFileSchema).max(MAX_BATCH_FILES).refine(totalBytesWithin, TOO_MUCH), skipped: z.array(skippedFileSchema).max(10_000) })
  .strict();
export type OpenedFiles = z.infer<typeof openFilesResultSchema>;

export const openFolderArgs = z.object({ extensions: z.array(appExtension).min(1).max(10) }).strict();
export const openFolderResultSchema = z
  .object({
    folderName: z.string().max(300),
    files: z.array(openedFileSchema).max(MAX_BATCH_FILES).refine(totalBytesWithin, TOO_MUCH),
    skipped: z.array(skippedFileSchema).max(10_000),
  })
  .strict()
  .nullable();
export type OpenedFolder = NonNullable<z.infer<typeof openFolderResultSchema>>;

export const fileToSaveSchema = z.object({ name: appFileName, bytes }).strict();
export type FileToSave = z.infer<typeof fileToSaveSchema>;
export const saveFilesArgs = z
  .object({
    /** The folder's (web: the .zip's) suggested name. */
    folderName: fileName,
    files: z
      .array(fileToSaveSchema)
      .min(1, '没有要保存的文件')
      .max(MAX_BATCH_FILES, `一次最多保存 ${MAX_BATCH_FILES} 个文件`)
      .refine(totalBytesWithin, TOO_MUCH)
      .refine((files) => new Set(files.map((f) => f.name)).size === files.length, '要保存的文件有重名'),
  })
  .strict();
export const savedFileSchema = z.object({ name: z.string().max(300), saved: z.boolean(), message: z.string().max(300).optional() }).strict();
export const saveFilesResultSchema = z.discriminatedUnion('saved', [
  /** `place`: the folder chosen (its name only) or the .zip file; `files`: each file's outcome, in order. */
  z.object({ saved: z.literal(true), place: z.string().max(300), files: z.array(savedFileSchema).max(MAX_BATCH_FILES) }).strict(),
  z.object({ saved: z.literal(false) }).strict(),
]);
export type SaveFilesResult = z.infer<typeof saveFilesResultSchema>;

/** Open a file this session saved (by the token `file:save` returned) in the system's viewer, e.g. to print a PDF. */
export const openSavedArgs = z.object({ token: z.string().regex(/^[0-9a-f-]{36}$/, '文件标识不正确') }).strict();
export const openSavedResultSchema = z.object({ opened: z.literal(true) }).strict();

export const appInfoArgs = z.object({}).strict();
export const appInfoSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    platform: z.string(),
    shell: z.enum(['electron', 'web']),
    electronVersion: z.string().nullable(),
    chromeVersion: z.string().nullable(),
    userDataPath: z.string().nullable(),
  })
  .strict();
export type AppInfo = z.infer<typeof appInfoSchema>;

/**
 * The host's 公文 fonts (仿宋_GB2312, 黑体, 楷体, 方正小标宋简体 …) for the reports. `fonts:list` names
 * the candidate files the main process found in the host's own font directories, each under an id
 * it made up; `fonts:read` returns the bytes of one listed id. The renderer never sends a path.
 */
export const MAX_FONT_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_LISTED_FONTS = 64;
export const fontIdSchema = z.string().regex(/^font-[0-9]{1,3}$/, '字体编号不正确');

export const systemFontSchema = z
  .object({
    id: fontIdSchema,
    /** The family the file name stands for, e.g. simfang.ttf → 仿宋. */
    family: z.string().min(1).max(60),
    fileName: z.string().min(1).max(200),
    size: z.number().int().min(0).max(MAX_FONT_FILE_BYTES),
  })
  .strict();
export type SystemFont = z.infer<typeof systemFontSchema>;

export const fontsListArgs = z.object({}).strict();
export const fontsListResultSchema = z.array(systemFontSchema).max(MAX_LISTED_FONTS);

export const fontsReadArgs = z.object({ id: fontIdSchema }).strict();
export const fontsReadResultSchema = z
  .object({
    id: fontIdSchema,
    bytes: z
      .custom<Uint8Array>((v) => v instanceof Uint8Array, '字体内容格式不正确')
      .refine((b) => b.byteLength <= MAX_FONT_FILE_BYTES, '字体文件超过 64 MB'),
  })
  .strict();

/**
 * The workspace's data key protected by the OS keystore (Electron `safeStorage`: DPAPI on Windows,
 * the keyring on Linux). `datakey:protection` says whether the host can; `datakey:protect` wraps the
 * 32-byte key and returns the ciphertext as base64 (`null` when the host cannot); `datakey:unprotect`
 * returns the key again (`null` when the keystore cannot: another user or PC, a reset keyring).
 */
export const DATA_KEY_BYTES = 32;
export const MAX_WRAPPED_DATA_KEY_CHARS = 4096;

export const dataKeySchema = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, '数据密钥格式不正确')
  .refine((b) => b.byteLength === DATA_KEY_BYTES, `数据密钥长度应为 ${DATA_KEY_BYTES} 字节`);
/** Canonical base64 (with padding) of the keystore's ciphertext, bounded. */
export const wrappedDataKeySchema = z
  .string()
  .min(1, '受保护的数据密钥为空')
  .max(MAX_WRAPPED_DATA_KEY_CHARS, '受保护的数据密钥太长')
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, '受保护的数据密钥格式不正确');

export const dataKeyProtectionArgs = z.object({}).strict();
export const dataKeyProtectionSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true) }).strict(),
  z.object({ available: z.literal(false), reason: z.string().min(1).max(300) }).strict(),
]);
export type DataKeyProtection = z.infer<typeof dataKeyProtectionSchema>;

export const protectDataKeyArgs = z.object({ dataKey: dataKeySchema }).strict();
export const protectDataKeyResultSchema = wrappedDataKeySchema.nullable();

export const unprotectDataKeyArgs = z.object({ wrapped: wrappedDataKeySchema }).strict();
export const unprotectDataKeyResultSchema = dataKeySchema.nullable();

/**
 * The automatic (rolling) workspace backups the desktop app keeps in a folder under its data
 * (electron/automaticBackups.ts). The renderer makes the sealed `.tzbak` bytes; the main process
 * only stores, lists, reads and prunes them. A backup is named by its file name (its id,
 * shared/backup/automaticBackupName.ts); the renderer never sends a path.
 */
export const AUTOMATIC_BACKUP_KINDS = ['daily', 'pre-import', 'pre-migration'] as const;
/** The same union as shared/backup/retention.ts's (checked in shared/backup/automaticBackupName.ts). */
export const automaticBackupKindSchema = z.enum(AUTOMATIC_BACKUP_KINDS);
export type AutomaticBackupKind = z.infer<typeof automaticBackupKindSchema>;
export const MAX_AUTOMATIC_BACKUP_ID_CHARS = 80;
/** What the folder may list at once (retention keeps about twenty). */
export const MAX_LISTED_AUTOMATIC_BACKUPS = 1000;
/** A file name without a path: letters, digits, `.`, `_`, `-`, not starting with a dot. */
export const automaticBackupIdSchema = z
  .string()
  .min(1, '自动备份编号为空')
  .max(MAX_AUTOMATIC_BACKUP_ID_CHARS, '自动备份编号太长')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, '自动备份编号不正确');

export const automaticBackupEntrySchema = z
  .object({
    id: automaticBackupIdSchema,
    kind: automaticBackupKindSchema,
    /** When it was made (ISO instant, UTC). */
    at: z.iso.datetime(),
    /** Its size on disk. */
    bytes: z.int().min(0).max(MAX_IPC_FILE_BYTES),
  })
  .strict();
export type AutomaticBackupEntry = z.infer<typeof automaticBackupEntrySchema>;

export const autoBackupWriteArgs = z.object({ kind: automaticBackupKindSchema, createdAt: z.iso.datetime(), bytes }).strict();
export const autoBackupWriteResultSchema = z
  .object({ id: automaticBackupIdSchema, removed: z.array(automaticBackupIdSchema).max(MAX_LISTED_AUTOMATIC_BACKUPS) })
  .strict();

export const autoBackupListArgs = z.object({}).strict();
export const autoBackupListResultSchema = z.array(automaticBackupEntrySchema).max(MAX_LISTED_AUTOMATIC_BACKUPS);

export const autoBackupReadArgs = z.object({ id: automaticBackupIdSchema }).strict();
export const autoBackupReadResultSchema = z.object({ id: automaticBackupIdSchema, bytes }).strict();

/** Channel → argument and result schemas. Adding a channel here is the only way to add IPC. */
export const IPC_CONTRACT = {
  'file:save': { args: saveFileArgs, result: saveFileResultSchema },
  'file:open': { args: openFileArgs, result: openFileResultSchema },
  'file:open-saved': { args: openSavedArgs, result: openSavedResultSchema },
  'file:open-many': { args: openFilesArgs, result: openFilesResultSchema },
  'file:open-folder': { args: openFolderArgs, result: openFolderResultSchema },
  'file:save-many': { args: saveFilesArgs, result: saveFilesResultSchema },
  'app:info': { args: appInfoArgs, result: appInfoSchema },
  'fonts:list': { args: fontsListArgs, result: fontsListResultSchema },
  'fonts:read': { args: fontsReadArgs, result: fontsReadResultSchema },
  'datakey:protection': { args: dataKeyProtectionArgs, result: dataKeyProtectionSchema },
  'datakey:protect': { args: protectDataKeyArgs, result: protectDataKeyResultSchema },
  'datakey:unprotect': { args: unprotectDataKeyArgs, result: unprotectDataKeyResultSchema },
  'autobackup:write': { args: autoBackupWriteArgs, result: autoBackupWriteResultSchema },
  'autobackup:list': { args: autoBackupListArgs, result: autoBackupListResultSchema },
  'autobackup:read': { args: autoBackupReadArgs, result: autoBackupReadResultSchema },
} as const;

export type IpcChannel = keyof typeof IPC_CONTRACT;
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof IPC_CONTRACT)[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.infer<(typeof IPC_CONTRACT)[C]['result']>;

export const IPC_CHANNELS = Object.keys(IPC_CONTRACT) as IpcChannel[];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(IPC_CONTRACT, value);
}

/** Every answer from the main process: a value, or an expected failure with a Chinese message. */
export type IpcEnvelope<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly kind: string; readonly message: string } };

/** What the preload puts on `window.taizhang`: one function per channel, nothing else. */
export interface PreloadApi {
  saveFile(args: IpcArgs<'file:save'>): Promise<IpcEnvelope<IpcResult<'file:save'>>>;
  openFile(args: IpcArgs<'file:open'>): Promise<IpcEnvelope<IpcResult<'file:open'>>>;
  openSaved(args: IpcArgs<'file:open-saved'>): Promise<IpcEnvelope<IpcResult<'file:open-saved'>>>;
  openFiles(args: IpcArgs<'file:open-many'>): Promise<IpcEnvelope<IpcResult<'file:open-many'>>>;
  openFolder(args: IpcArgs<'file:open-folder'>): Promise<IpcEnvelope<IpcResult<'file:open-folder'>>>;
  saveFiles(args: IpcArgs<'file:save-many'>): Promise<IpcEnvelope<IpcResult<'file:save-many'>>>;
  appInfo(): Promise<IpcEnvelope<IpcResult<'app:info'>>>;
  listFonts(): Promise<IpcEnvelope<IpcResult<'fonts:list'>>>;
  readFont(args: IpcArgs<'fonts:read'>): Promise<IpcEnvelope<IpcResult<'fonts:read'>>>;
  dataKeyProtection(): Promise<IpcEnvelope<IpcResult<'datakey:protection'>>>;
  protectDataKey(args: IpcArgs<'datakey:protect'>): Promise<IpcEnvelope<IpcResult<'datakey:protect'>>>;
  unprotectDataKey(args: IpcArgs<'datakey:unprotect'>): Promise<IpcEnvelope<IpcResult<'datakey:unprotect'>>>;
  writeAutomaticBackup(args: IpcArgs<'autobackup:write'>): Promise<IpcEnvelope<IpcResult<'autobackup:write'>>>;
  listAutomaticBackups(): Promise<IpcEnvelope<IpcResult<'autobackup:list'>>>;
  readAutomaticBackup(args: IpcArgs<'autobackup:read'>): Promise<IpcEnvelope<IpcResult<'autobackup:read'>>>;
}

/** The custom scheme the renderer is served from (stable IndexedDB origin). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'taizhang';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
