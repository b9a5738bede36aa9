import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './shared/security/csp.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Puts the one CSP into the built index.html as a meta tag (Electron also sends it as a header). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'taizhang-csp',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
      ],
    },
  };
}

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const REPORT_FONTS = ['NotoSerifSC-Regular.ttf', 'NotoSerifSC-Bold.ttf', 'NotoSansSC-Regular.ttf', 'NotoSansSC-Bold.ttf'];

/**
 * The report fonts, served from the app's own origin at fonts/*.ttf beside index.html (the PDF
 * worker fetches them once per session): copied from resources/fonts/ into the build (running
 * scripts/copy-fonts.mjs first when they are missing — fonts are never committed), and served
 * from there by the dev server.
 */
function reportFonts(): Plugin {
  const dir = path.join(ROOT, 'resources', 'fonts');
  const ensure = (): void => {
    if (REPORT_FONTS.every((f) => existsSync(path.join(dir, f)))) return;
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'copy-fonts.mjs')], { stdio: 'inherit' });
  };
  let outDir = '';
  return {
    name: 'taizhang-report-fonts',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    buildStart: ensure,
    configureServer(server) {
      ensure();
      server.middlewares.use((req, res, next) => {
        const name = /\/fonts\/([A-Za-z-]+\.ttf)$/.exec(req.url ?? '')?.[1];
        if (name === undefined || !REPORT_FONTS.includes(name)) return next();
        res.setHeader('content-type', 'font/ttf');
        res.end(readFileSync(path.join(dir, name)));
      });
    },
    writeBundle() {
      mkdirSync(path.join(outDir, 'fonts'), { recursive: true });
      for (const f of REPORT_FONTS) copyFileSync(path.join(dir, f), path.join(outDir, 'fonts', f));
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy(), reportFonts()],
  // pdfmake's browser build for the PDF worker, under an id of our own: its npm typings drag Node's
  // into the renderer (renderer/workers/modules.d.ts declares what the worker uses)
  resolve: { alias: [{ find: /^taizhang:pdfmake$/, replacement: 'pdfmake/build/pdfmake.min.js' }] },
  worker: { format: 'es' },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 4000,
    modulePreload: { polyfill: false },
  },
});
