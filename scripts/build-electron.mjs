// Builds the Electron main process and preload into dist/electron.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.electron.config.ts'], { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
