// Serves the built renderer (dist/renderer) on 127.0.0.1 with the same CSP header Electron sends.
// Used by `npm start` when Electron cannot launch, and by the end-to-end tests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The CSP is the one in the built index.html's meta tag (from shared/security/csp.ts). */
async function readCsp(root) {
  const html = await readFile(path.join(root, 'index.html'), 'utf8');
  const m = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  if (!m) throw new Error('dist/renderer/index.html has no Content-Security-Policy meta tag; rebuild with `npm run build:renderer`.');
  return m[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"');
}

export async function serveRenderer({ root, port = 0, host = '127.0.0.1' }) {
  const absRoot = path.resolve(root);
  const csp = await readCsp(absRoot);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let rel = decodeURIComponent(url.pathname);
      if (rel === '/' || rel === '') rel = '/index.html';
      const file = path.resolve(absRoot, `.${rel}`);
      if (file !== absRoot && !file.startsWith(absRoot + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
        return;
      }
      res.writeHead(200, {
        'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      });
      res.end(await readFile(file));
    } catch {
      res.writeHead(400).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return { server, url: `http://${host}:${address.port}/` };
}

// `node scripts/serve.mjs [port]`: serve until stopped (Playwright's webServer uses this).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 0);
  const projectRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  const root = path.resolve(projectRoot, process.argv[3] ?? 'dist/renderer');
  const { url } = await serveRenderer({ root, port });
  console.log(`机关党建台账（浏览器版）已在 ${url} 提供服务`);
}
