/**
 * Benchmarks in real Chromium: the page `test/bench/browser/<entry>.html` and the code it loads are
 * built by Vite (production build, the app's target), served from 127.0.0.1, and opened in the
 * e2e browser (test/e2e/chromium.ts: Playwright's own, else the system's Chromium/Chrome/Edge, else
 * the npm package's; TZ_E2E_BROWSER chooses) — headless, on a PERSISTENT profile in a temporary
 * folder, so IndexedDB lives on disk as in the app (an incognito context keeps it in memory).
 * Node drives the page through `page.evaluate`; the page does the timing with performance.now().
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build, mergeConfig, type InlineConfig } from 'vite';
import { CHROMIUM_ARGS, describeChromium, findChromium } from '../../e2e/chromium';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface BenchPage {
  readonly page: Page;
  /** One line: which browser ran (source, binary, version) and its user agent. */
  readonly browser: string;
  readonly profileDir: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

async function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep)) return void res.writeHead(403).end();
    stat(file)
      .then(async (info) => {
        if (!info.isFile()) throw new Error('not a file');
        res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(await readFile(file));
      })
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

export interface BenchPageOptions {
  /** Merged into the page's Vite build (e.g. the app's aliases and worker format for a page that runs a worker). */
  readonly vite?: InlineConfig;
  /** Files served beside the page: path in the build (e.g. `fonts/x.ttf`) → file on disk. */
  readonly files?: Readonly<Record<string, string>>;
  /** The folder that holds `<entry>.html` and its code (default: this folder). */
  readonly root?: string;
}

/** A test page built and served from a temporary folder, with a disk profile folder beside it. */
export interface BuiltTestPage {
  /** The page's address (`http://127.0.0.1:<port>/<entry>.html`). */
  readonly url: string;
  /** An empty folder for a persistent Chromium profile. */
  readonly profileDir: string;
  /** Stops the server and removes the build and the profile. */
  close(): Promise<void>;
}

/** Builds `<entry>.html` (production build, the app's target) and serves it from 127.0.0.1. */
export async function buildTestPage(entry: string, options: BenchPageOptions = {}): Promise<BuiltTestPage> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'taizhang-bench-'));
  const outDir = path.join(work, 'page');
  const profileDir = path.join(work, 'profile');
  const root = options.root ?? HERE;
  const base: InlineConfig = {
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify('bench') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome120',
      minify: process.env.TZ_BENCH_MINIFY !== '0', // TZ_BENCH_MINIFY=0: readable stacks when the page fails
      chunkSizeWarningLimit: 8000,
      modulePreload: { polyfill: false },
      rolldownOptions: { input: path.join(root, `${entry}.html`) },
    },
  };
  try {
    await build(options.vite === undefined ? base : mergeConfig(base, options.vite));
    for (const [to, from] of Object.entries(options.files ?? {})) {
      const target = path.join(outDir, to);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(from, target);
    }
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
  const { server, url } = await serve(outDir);
  mkdirSync(profileDir);
  return {
    url: `${url}${entry}.html`,
    profileDir,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The app's production build with a test page beside it, on one origin (the page can fill the app's own database). */
export interface BuiltAppWithPage {
  /** The app's start address (`http://127.0.0.1:<port>/index.html`); screens are `#/…` after it. */
  readonly appUrl: string;
  /** The test page's address (`http://127.0.0.1:<port>/bench/<entry>.html`). */
  readonly pageUrl: string;
  readonly profileDir: string;
  close(): Promise<void>;
}

const REPO = path.resolve(HERE, '../../..');

/**
 * Builds the app exactly as `npm run build` does (the repo's vite.config.ts: production build, the
 * CSP, the report fonts) and `<entry>.html` into `bench/` beside it, and serves both from one
 * 127.0.0.1 origin: what the page writes into IndexedDB, the app then opens.
 */
export async function buildAppWithTestPage(entry: string, options: BenchPageOptions = {}): Promise<BuiltAppWithPage> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'taizhang-bench-app-'));
  const outDir = path.join(work, 'app');
  const profileDir = path.join(work, 'profile');
  const root = options.root ?? HERE;
  try {
    await build({ configFile: path.join(REPO, 'vite.config.ts'), root: path.join(REPO, 'renderer'), logLevel: 'warn', build: { outDir, emptyOutDir: true, minify: process.env.TZ_BENCH_MINIFY !== '0' } });
    const page: InlineConfig = {
      configFile: false,
      root,
      base: './',
      logLevel: 'warn',
      define: { __APP_VERSION__: JSON.stringify('bench') },
      worker: { format: 'es' },
      build: {
        outDir: path.join(outDir, 'bench'),
        emptyOutDir: true,
        target: 'chrome120',
        minify: process.env.TZ_BENCH_MINIFY !== '0',
        chunkSizeWarningLimit: 8000,
        modulePreload: { polyfill: false },
        rolldownOptions: { input: path.join(root, `${entry}.html`) },
      },
    };
    await build(options.vite === undefined ? page : mergeConfig(page, options.vite));
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
  const { server, url } = await serve(outDir);
  mkdirSync(profileDir);
  return {
    appUrl: `${url}index.html`,
    pageUrl: `${url}bench/${entry}.html`,
    profileDir,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Opens headless Chromium (the e2e browser and flags) on the persistent profile in `profileDir`. */
export function launchOnDiskProfile(profileDir: string, extraArgs: readonly string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { executablePath: findChromium(), args: [...CHROMIUM_ARGS, ...extraArgs], headless: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

/** Builds `<entry>.html`, serves it, opens it in headless Chromium on a disk profile, waits for `ready(page)`. */
export async function openBenchPage(entry: string, ready: (page: Page) => Promise<boolean>, options: BenchPageOptions = {}): Promise<BenchPage> {
  const built = await buildTestPage(entry, options);
  let context: BrowserContext | null = null;
  const close = async (): Promise<void> => {
    await context?.close().catch(() => undefined);
    await built.close();
  };
  try {
    context = await launchOnDiskProfile(built.profileDir);
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`  [page error] ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') console.error(`  [page ${m.type()}] ${m.text()}`);
    });
    await page.goto(built.url);
    await page.waitForFunction(() => document.title.endsWith('ready'), undefined, { timeout: 60_000 });
    if (!(await ready(page))) throw new Error(`${entry}.html did not start`);
    const userAgent = await page.evaluate(() => navigator.userAgent);
    return { page, browser: `${describeChromium().replace(/^e2e browser: /, '')}, headless, disk profile; ${userAgent}`, profileDir: built.profileDir, close };
  } catch (e) {
    await close();
    throw e;
  }
}
