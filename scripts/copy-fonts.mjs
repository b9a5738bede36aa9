// Copies the report fonts (Noto Serif SC / Noto Sans SC, regular and bold; SIL OFL) from their
// npm packages into resources/fonts/. Fonts are never committed; this runs at build time.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'resources', 'fonts');

const WANTED = [
  ['@expo-google-fonts/noto-serif-sc', /NotoSerifSC_400Regular\.ttf$/, 'NotoSerifSC-Regular.ttf'],
  ['@expo-google-fonts/noto-serif-sc', /NotoSerifSC_700Bold\.ttf$/, 'NotoSerifSC-Bold.ttf'],
  ['@expo-google-fonts/noto-sans-sc', /NotoSansSC_400Regular\.ttf$/, 'NotoSansSC-Regular.ttf'],
  ['@expo-google-fonts/noto-sans-sc', /NotoSansSC_700Bold\.ttf$/, 'NotoSansSC-Bold.ttf'],
];

function findFile(dir, pattern) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const hit = findFile(full, pattern);
      if (hit) return hit;
    } else if (pattern.test(full)) return full;
  }
  return null;
}

mkdirSync(OUT, { recursive: true });
let missing = 0;
for (const [pkg, pattern, target] of WANTED) {
  const dir = path.join(ROOT, 'node_modules', pkg);
  const source = existsSync(dir) ? findFile(dir, pattern) : null;
  if (!source) {
    console.error(`缺少字体：${pkg} 中没有 ${pattern}（请先运行 npm ci）`);
    missing++;
    continue;
  }
  copyFileSync(source, path.join(OUT, target));
  console.log(`${target} ← ${path.relative(ROOT, source)}`);
}
process.exit(missing ? 1 : 0);
