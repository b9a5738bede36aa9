// Finds Electron's binary, and fetches it once when it is missing and the download host is
// reachable. Electron 45 no longer downloads at `npm ci`; it does so on first launch.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The installed binary's path, or null when it has not been downloaded. */
export function installedElectronBinary() {
  const dir = electronDir();
  if (!dir) return null;
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

/**
 * `{ binary }` when Electron can launch, else `{ binary: null, reason }` with a reason in Chinese
 * and English. Tries the download once (bounded in time) when the binary is missing.
 */
export function ensureElectronBinary({ timeoutMs = 120_000 } = {}) {
  const dir = electronDir();
  if (!dir) return { binary: null, reason: '未安装 electron 依赖包 (electron is not installed; run npm ci)' };
  let binary = installedElectronBinary();
  if (binary) return { binary };
  const major = Number(process.versions.node.split('.')[0]);
  console.log('未找到 Electron 程序文件，正在尝试下载 (Electron binary missing, trying to download it)…');
  const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'pipe', timeout: timeoutMs, encoding: 'utf8' });
  binary = installedElectronBinary();
  if (binary) return { binary };
  // The downloader prints a stack trace; its first non-stack line says what went wrong (e.g. "fetch failed").
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.split('\n').map((l) => l.trim());
  const tail = (lines.find((l) => l !== '' && !l.startsWith('at ') && /error|fail/i.test(l)) ?? lines.find((l) => l !== '') ?? '').slice(0, 200);
  const nodeNote = major < 22 ? `；Electron 的下载工具需要 Node.js ≥ 22.12，本机为 ${process.versions.node}` : '';
  return {
    binary: null,
    reason: `Electron 程序文件无法下载（本机可能无法访问 Electron 下载服务器${nodeNote}）。Electron binary could not be downloaded${result.error ? ` (${result.error.message})` : ''}: ${tail || 'no output'}`,
  };
}
