// `npm run dist`: builds everything and the installers with electron-builder. Needs the Electron
// binary (fetched when missing and reachable) and, as electron-builder does, Node >= 22.12.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinary } from './electronBinary.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const { binary, reason } = ensureElectronBinary();
if (!binary) {
  console.error(`无法制作安装包：${reason}`);
  console.error('Installers need the Electron binary; run `npm run dist` on a machine that can reach the Electron download host (Node >= 22.12).');
  process.exit(1);
}
run('npm', ['run', 'fonts']);
run('npm', ['run', 'build']);
run(process.execPath, [path.join(ROOT, 'node_modules/electron-builder/cli.js'), '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
