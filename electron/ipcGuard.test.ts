import { describe, expect, it } from 'vitest';
import { IPC_CONTRACT } from '../shared/ipc/contract';
import { checkInvoke, isTrustedSender } from './ipcGuard';

const TOP = { url: 'app://taizhang/index.html#/settings', isTopFrame: true };

describe('IPC guard', () => {
  it('accepts a contract channel from the top app:// frame with a valid payload', () => {
    const r = checkInvoke('file:save', TOP, { suggestedName: '报告.pdf', bytes: new Uint8Array([1, 2, 3]) });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.channel).toBe('file:save');
  });

  it.each([
    ['an unknown channel', 'shell:open'],
    ['a prototype key', '__proto__'],
    ['a non-string channel', 42],
  ])('refuses %s', (_what, channel) => {
    const r = checkInvoke(channel, TOP, {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('ipc-unknown-channel');
      expect(r.error.message).toMatch(/未知通道/);
    }
  });

  it('accepts fonts:list without arguments and fonts:read with a listed id', () => {
    const list = checkInvoke('fonts:list', TOP, {});
    expect(list.ok && list.value.channel).toBe('fonts:list');
    const read = checkInvoke('fonts:read', TOP, { id: 'font-3' });
    expect(read.ok && read.value.channel === 'fonts:read' && read.value.args.id).toBe('font-3');
  });

  it('accepts the multi-file channels with valid payloads, and bounds what they return', () => {
    const files = [{ name: '市财政局_回执_2026-12-04_第1号.tzb', bytes: new Uint8Array(3) }];
    expect(checkInvoke('file:save-many', TOP, { folderName: '回执_2026-12-04', files }).ok).toBe(true);
    expect(checkInvoke('file:open-folder', TOP, { extensions: ['tzb'] }).ok).toBe(true);
    expect(checkInvoke('file:open-many', TOP, { filters: [{ name: '同步包', extensions: ['tzb'] }] }).ok).toBe(true);
    expect(IPC_CONTRACT['file:open-many'].result.safeParse({ files, skipped: [{ name: 'a.txt', reason: '不是.tzb文件，已跳过' }] }).success).toBe(true);
    const tooMany = Array.from({ length: 501 }, () => files[0]);
    expect(IPC_CONTRACT['file:open-folder'].result.safeParse({ folderName: 'U盘', files: tooMany, skipped: [] }).success).toBe(false);
    expect(IPC_CONTRACT['file:open-folder'].result.safeParse(null).success).toBe(true);
    expect(IPC_CONTRACT['file:save-many'].result.safeParse({ saved: true, place: '回执', files: [{ name: 'a.tzb', saved: false, message: '未能保存' }] }).success).toBe(true);
  });

  it('accepts the data-key channels with a 32-byte key and a base64 wrapped key, and bounds what they return', () => {
    expect(checkInvoke('datakey:protection', TOP, {}).ok).toBe(true);
    const protect = checkInvoke('datakey:protect', TOP, { dataKey: new Uint8Array(32) });
    expect(protect.ok && protect.value.channel).toBe('datakey:protect');
    const unprotect = checkInvoke('datakey:unprotect', TOP, { wrapped: 'djEwAAAA' });
    expect(unprotect.ok && unprotect.value.channel === 'datakey:unprotect' && unprotect.value.args.wrapped).toBe('djEwAAAA');
    const status = IPC_CONTRACT['datakey:protection'].result;
    expect(status.safeParse({ available: true }).success).toBe(true);
    expect(status.safeParse({ available: false, reason: '本机系统未提供密钥保管（钥匙环），请设置开机口令' }).success).toBe(true);
    expect(status.safeParse({ available: false }).success).toBe(false);
    expect(IPC_CONTRACT['datakey:protect'].result.safeParse(null).success).toBe(true);
    expect(IPC_CONTRACT['datakey:protect'].result.safeParse('A'.repeat(4100)).success).toBe(false);
    expect(IPC_CONTRACT['datakey:unprotect'].result.safeParse(new Uint8Array(32)).success).toBe(true);
    expect(IPC_CONTRACT['datakey:unprotect'].result.safeParse(new Uint8Array(16)).success).toBe(false);
    expect(IPC_CONTRACT['datakey:unprotect'].result.safeParse(null).success).toBe(true);
  });

  it('accepts the automatic-backup channels with valid payloads, and bounds what they return', () => {
    const id = 'auto-daily-20261201T020304005Z.tzbak';
    const write = checkInvoke('autobackup:write', TOP, { kind: 'pre-import', createdAt: '2026-12-01T02:03:04.005Z', bytes: new Uint8Array(3) });
    expect(write.ok && write.value.channel === 'autobackup:write' && write.value.args.kind).toBe('pre-import');
    expect(checkInvoke('autobackup:list', TOP, {}).ok).toBe(true);
    const read = checkInvoke('autobackup:read', TOP, { id });
    expect(read.ok && read.value.channel === 'autobackup:read' && read.value.args.id).toBe(id);
    expect(IPC_CONTRACT['autobackup:write'].result.safeParse({ id, removed: [] }).success).toBe(true);
    expect(IPC_CONTRACT['autobackup:write'].result.safeParse({ id: '../x', removed: [] }).success).toBe(false);
    const entry = { id, kind: 'daily', at: '2026-12-01T02:03:04.005Z', bytes: 10 };
    expect(IPC_CONTRACT['autobackup:list'].result.safeParse([entry]).success).toBe(true);
    expect(IPC_CONTRACT['autobackup:list'].result.safeParse([{ ...entry, kind: 'weekly' }]).success).toBe(false);
    expect(IPC_CONTRACT['autobackup:list'].result.safeParse([{ ...entry, path: '/home/x' }]).success).toBe(false);
    expect(IPC_CONTRACT['autobackup:read'].result.safeParse({ id, bytes: new Uint8Array(4) }).success).toBe(true);
    expect(IPC_CONTRACT['autobackup:read'].result.safeParse({ id, bytes: 'AAAA' }).success).toBe(false);
  });

  it('refuses fonts:read from a sub-frame', () => {
    const r = checkInvoke('fonts:read', { url: 'app://taizhang/index.html', isTopFrame: false }, { id: 'font-0' });
    expect(!r.ok && r.error.kind).toBe('ipc-untrusted-sender');
  });

  it('bounds what fonts:list and fonts:read may return', () => {
    const entry = { id: 'font-0', family: '仿宋', fileName: 'simfang.ttf', size: 10 };
    expect(IPC_CONTRACT['fonts:list'].result.safeParse([entry]).success).toBe(true);
    expect(IPC_CONTRACT['fonts:list'].result.safeParse(Array.from({ length: 65 }, () => entry)).success).toBe(false);
    expect(IPC_CONTRACT['fonts:read'].result.safeParse({ id: 'font-0', bytes: new Uint8Array(4) }).success).toBe(true);
    expect(IPC_CONTRACT['fonts:read'].result.safeParse({ id: 'font-0', bytes: 'AAAA' }).success).toBe(false);
  });

  it.each([
    ['a sub-frame of our own origin', { url: 'app://taizhang/index.html', isTopFrame: false }],
    ['a web page', { url: 'https://example.com/', isTopFrame: true }],
    ['a file:// page', { url: 'file:///C:/evil.html', isTopFrame: true }],
    ['a look-alike host', { url: 'app://taizhang.evil/index.html', isTopFrame: true }],
    ['a host that only contains ours', { url: 'https://evil.com/app://taizhang/', isTopFrame: true }],
    ['an unparsable URL', { url: 'not a url', isTopFrame: true }],
  ])('refuses %s as sender', (_what, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
    const r = checkInvoke('app:info', frame, {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('ipc-untrusted-sender');
  });

  it('refuses a missing sender frame (destroyed or navigated away)', () => {
    const r = checkInvoke('app:info', null, {});
    expect(!r.ok && r.error.kind).toBe('ipc-untrusted-sender');
  });

  it.each([
    ['a path in the file name', 'file:save', { suggestedName: '../../etc/passwd', bytes: new Uint8Array(1) }],
    ['bytes that are not bytes', 'file:save', { suggestedName: 'a.pdf', bytes: 'AAAA' }],
    ['an extra field', 'file:save', { suggestedName: 'a.pdf', bytes: new Uint8Array(1), path: '/tmp/x' }],
    ['a bad filter', 'file:open', { filters: [{ name: 'x', extensions: ['../exe'] }] }],
    ['arguments to app:info', 'app:info', { debug: true }],
    ['a path instead of a saved-file token', 'file:open-saved', { token: '/etc/passwd' }],
    ['an extra path beside the token', 'file:open-saved', { token: '123e4567-e89b-42d3-a456-426614174000', path: 'C:/x.exe' }],
    ['arguments to fonts:list', 'fonts:list', { dir: 'C:\\Windows\\Fonts' }],
    ['a path instead of a font id', 'fonts:read', { id: 'C:\\Windows\\Fonts\\simfang.ttf' }],
    ['a relative path as font id', 'fonts:read', { id: '../../etc/passwd' }],
    ['a font id with a path beside it', 'fonts:read', { id: 'font-0', path: '/etc/shadow' }],
    ['a font id that is not a string', 'fonts:read', { id: 0 }],
    ['an overlong font id', 'fonts:read', { id: 'font-1234' }],
    ['no font id', 'fonts:read', {}],
    ['a path in a file to save', 'file:save-many', { folderName: '回执', files: [{ name: '../a.tzb', bytes: new Uint8Array(1) }] }],
    ['a path as the folder name', 'file:save-many', { folderName: 'C:\\Windows', files: [{ name: 'a.tzb', bytes: new Uint8Array(1) }] }],
    ['a folder path to save into', 'file:save-many', { folderName: '回执', folder: '/etc', files: [{ name: 'a.tzb', bytes: new Uint8Array(1) }] }],
    ['no files to save', 'file:save-many', { folderName: '回执', files: [] }],
    ['two files of one name', 'file:save-many', { folderName: '回执', files: [{ name: 'a.tzb', bytes: new Uint8Array(1) }, { name: 'a.tzb', bytes: new Uint8Array(2) }] }],
    ['too many files to save', 'file:save-many', { folderName: '回执', files: Array.from({ length: 501 }, (_, i) => ({ name: `${i}.tzb`, bytes: new Uint8Array(1) })) }],
    ['a folder path to read', 'file:open-folder', { extensions: ['tzb'], folder: '/home' }],
    ['a bad extension for a folder', 'file:open-folder', { extensions: ['../tzb'] }],
    ['no extension for a folder', 'file:open-folder', { extensions: [] }],
    // only the kinds of file the app writes and reads (shared/ipc/fileKinds.ts), never a program or a link
    ['a program to save', 'file:save', { suggestedName: '报告.exe', bytes: new Uint8Array(1) }],
    ['a shortcut to save', 'file:save', { suggestedName: '报告.pdf.lnk', bytes: new Uint8Array(1) }],
    ['a name with no kind to save', 'file:save', { suggestedName: '报告', bytes: new Uint8Array(1) }],
    ['a script in a filter', 'file:save', { suggestedName: 'a.pdf', bytes: new Uint8Array(1), filters: [{ name: 'x', extensions: ['pdf', 'bat'] }] }],
    ['any file to open', 'file:open', { filters: [{ name: '全部文件', extensions: ['*'] }] }],
    ['a program among files to save', 'file:save-many', { folderName: '回执', files: [{ name: 'a.tzb', bytes: new Uint8Array(1) }, { name: 'run.cmd', bytes: new Uint8Array(1) }] }],
    ['any file from a folder', 'file:open-folder', { extensions: ['*'] }],
    ['programs from a folder', 'file:open-folder', { extensions: ['exe'] }],
    ['arguments to datakey:protection', 'datakey:protection', { platform: 'linux' }],
    ['a data key of 31 bytes', 'datakey:protect', { dataKey: new Uint8Array(31) }],
    ['a data key of 33 bytes', 'datakey:protect', { dataKey: new Uint8Array(33) }],
    ['a data key as base64 text', 'datakey:protect', { dataKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }],
    ['no data key', 'datakey:protect', {}],
    ['a data key with a path beside it', 'datakey:protect', { dataKey: new Uint8Array(32), path: '/tmp/key' }],
    ['a wrapped key that is not base64', 'datakey:unprotect', { wrapped: 'not base64!' }],
    ['an empty wrapped key', 'datakey:unprotect', { wrapped: '' }],
    ['an overlong wrapped key', 'datakey:unprotect', { wrapped: 'A'.repeat(4100) }],
    ['a wrapped key as bytes', 'datakey:unprotect', { wrapped: new Uint8Array(64) }],
    ['another kind of automatic backup', 'autobackup:write', { kind: 'weekly', createdAt: '2026-12-01T02:03:04.005Z', bytes: new Uint8Array(1) }],
    ['a backup time that is not an instant', 'autobackup:write', { kind: 'daily', createdAt: '2026-12-01', bytes: new Uint8Array(1) }],
    ['backup bytes as text', 'autobackup:write', { kind: 'daily', createdAt: '2026-12-01T02:03:04.005Z', bytes: 'AAAA' }],
    ['a folder to write a backup into', 'autobackup:write', { kind: 'daily', createdAt: '2026-12-01T02:03:04.005Z', bytes: new Uint8Array(1), dir: '/tmp' }],
    ['no backup bytes', 'autobackup:write', { kind: 'daily', createdAt: '2026-12-01T02:03:04.005Z' }],
    ['arguments to autobackup:list', 'autobackup:list', { dir: '/home' }],
    ['a traversal as backup id', 'autobackup:read', { id: '../../etc/passwd' }],
    ['a Windows path as backup id', 'autobackup:read', { id: 'C:\\Windows\\win.ini' }],
    ['a hidden file as backup id', 'autobackup:read', { id: '.bashrc' }],
    ['an overlong backup id', 'autobackup:read', { id: 'a'.repeat(81) }],
    ['an empty backup id', 'autobackup:read', { id: '' }],
    ['a backup id that is not a string', 'autobackup:read', { id: 7 }],
    ['a path to open many', 'file:open-many', { filters: [{ name: '同步包', extensions: ['tzb'] }], paths: ['/etc/passwd'] }],
  ])('refuses a bad payload: %s', (_what, channel, payload) => {
    const r = checkInvoke(channel, TOP, payload);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('ipc-bad-payload');
      expect(r.error.message).toMatch(/^请求参数不正确/);
    }
  });
});
