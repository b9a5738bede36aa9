// `npm start`: launches the desktop app (Electron) when its binary is installed or can be
// fetched; otherwise builds the same renderer, serves it on 127.0.0.1, opens it in a local
// Chromium/Chrome app window when there is a display, and says why Electron did not start.
//   node scripts/start.mjs [--web] [--no-browser] [--port N]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinary } from './electronBinary.mjs';
import { serveRenderer } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
// A fixed port keeps the browser origin, and so the IndexedDB data, the same between runs.
const PORT = Number(option('--port', process.env.TAIZHANG_PORT ?? '5180'));

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function isStale(output, inputs) {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  return inputs.some((i) => newestMtime(path.join(ROOT, i)) > built);
}

function run(cmd, cmdArgs) {
  const result = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`构建失败：${cmd} ${cmdArgs.join(' ')}（退出码 ${result.status}）`);
    process.exit(result.status ?? 1);
  }
}

const viteBin = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

function buildRenderer() {
  if (isStale(path.join(ROOT, 'dist/renderer/index.html'), ['renderer', 'shared', 'vite.config.ts', 'package.json'])) {
    console.log('正在构建界面 (building the renderer)…');
    run(process.execPath, [viteBin, 'build', '--logLevel', 'warn']);
  }
}

function findBrowser() {
  const candidates =
    process.platform === 'win32'
      ? [
          `${process.env['PROGRAMFILES(X86)']}\\Microsoft\\Edge\\Application\\msedge.exe`,
          `${process.env.PROGRAMFILES}\\Google\\Chrome\\Application\\chrome.exe`,
          `${process.env.LOCALAPPDATA}\\Google\\Chrome\\Application\\chrome.exe`,
        ]
      : process.platform === 'darwin'
        ? ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium']
        : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge'];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

function hasDisplay() {
  if (process.platform === 'win32' || process.platform === 'darwin') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function startWeb(reason) {
  buildRenderer();
  let served;
  try {
    served = await serveRenderer({ root: path.join(ROOT, 'dist/renderer'), port: PORT });
  } catch (e) {
    console.error(`无法在端口 ${PORT} 提供服务（${e.code ?? e.message}）。可能已有一个台账在运行；请关闭它，或用 --port 指定其他端口（注意：换端口后浏览器里看到的是另一份数据）。`);
    process.exit(1);
  }
  console.log('');
  console.log(`Electron 未启动：${reason}`);
  console.log(`机关党建台账（浏览器版）已在 ${served.url} 提供服务`);
  console.log(`Taizhang is served at ${served.url}`);
  const browser = flag('--no-browser') ? null : findBrowser();
  if (browser && hasDisplay()) {
    const profile = path.join(os.homedir(), '.taizhang-web-profile');
    mkdirSync(profile, { recursive: true });
    const browserArgs = [`--app=${served.url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
    if (process.getuid?.() === 0) browserArgs.push('--no-sandbox');
    spawn(browser, browserArgs, { stdio: 'ignore', detached: true }).unref();
    console.log(`已在本机浏览器窗口中打开 (opened in ${browser}).`);
  } else if (!hasDisplay()) {
    console.log('本机没有图形显示，不打开浏览器窗口；请在浏览器中访问上面的地址。(No display: no window opened.)');
  } else {
    console.log('未找到 Chromium/Chrome/Edge；请在浏览器中访问上面的地址。(No local Chromium found.)');
  }
  console.log('按 Ctrl+C 停止。(Press Ctrl+C to stop.)');
  const stop = () => served.server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main() {
  if (flag('--web')) return startWeb('按要求以浏览器版启动 (--web)。');
  const { binary, reason } = ensureElectronBinary();
  if (!binary) return startWeb(reason);
  buildRenderer();
  run(process.execPath, [viteBin, 'build', '--config', 'vite.electron.config.ts', '--logLevel', 'warn']);
  const child = spawn(binary, [ROOT], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

await main();
