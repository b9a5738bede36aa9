/**
 * `npm run bench [-- name…] [--flag value…]`: runs every benchmark in test/bench/*.bench.ts (each
 * exports `run(options): Promise<void>` and prints its own figures, each next to its baseline), or
 * only those whose file name contains one of the given names; flags (e.g. `--units 200`) go to
 * every benchmark run (options.ts). Add a benchmark by adding a file.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseBenchArgs, type BenchOptions } from './options';
import { unlockTestDataKey } from '../../renderer/identity/testing/dataKey';

// the app's own code seals ID numbers, phones and 慰问事由 under the unlocked data key: a fixed test key here
unlockTestDataKey();

interface Benchmark {
  run(options: BenchOptions): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const { names: wanted, options } = parseBenchArgs(process.argv.slice(2));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

if (files.length === 0) {
  console.error(`没有匹配的基准测试 (no benchmark matches): ${wanted.join(' ')}`);
  process.exitCode = 2;
}
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const started = performance.now();
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as Partial<Benchmark>;
  if (typeof mod.run !== 'function') {
    console.error(`${file} 没有导出 run() (exports no run())`);
    process.exitCode = 1;
    continue;
  }
  await mod.run(options);
  console.log(`(${file}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
