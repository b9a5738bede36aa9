/**
 * Finds a Chromium for the end-to-end tests, in this order:
 *
 *   1. Playwright's own (`npx playwright install chromium`, where its download host is reachable);
 *   2. the system's Chromium, Chrome or Edge (Debian's /usr/bin/chromium, Chrome or Edge on
 *      Windows and macOS — every Windows PC has Edge);
 *   3. the Chromium inside the `@sparticuz/chromium` dev dependency (Linux x64 only), so that
 *      `npm ci && npm test` needs nothing but Node. Its brotli-packed binary, the NSS libraries it
 *      was built against and its SwiftShader are unpacked once into node_modules/.cache, and it is
 *      started through a small launcher that puts those libraries first and gives fontconfig the
 *      system's fonts plus the report fonts in resources/fonts (so screenshots show Chinese even
 *      on a machine without CJK fonts).
 *
 * `TZ_E2E_BROWSER=playwright|system|npm` insists on one source (and fails if it is not there).
 * `describeChromium()` is the one line that says which ran, e.g.
 * "e2e browser: system Chromium /usr/bin/chromium (156.0.8078.114)".
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { chromium } from '@playwright/test';

/** Flags for a machine without network: no background calls home, no first-run UI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export type ChromiumSource = 'playwright' | 'system' | 'npm';
const SOURCES: readonly ChromiumSource[] = ['playwright', 'system', 'npm'];

export interface FoundChromium {
  readonly source: ChromiumSource;
  /** What to launch (for the npm package: its launcher script). */
  readonly executablePath: string;
  /** The browser binary itself. */
  readonly binary: string;
  readonly name: string;
  readonly version: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

function systemCandidates(): { path: string; name: string }[] {
  if (process.platform === 'win32') {
    const roots = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((r) => [
      { path: path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), name: 'Chrome' },
      { path: path.win32.join(r, 'Chromium', 'Application', 'chrome.exe'), name: 'Chromium' },
      { path: path.win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), name: 'Edge' },
    ]);
  }
  if (process.platform === 'darwin')
    return [
      { path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', name: 'Chrome' },
      { path: '/Applications/Chromium.app/Contents/MacOS/Chromium', name: 'Chromium' },
      { path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', name: 'Edge' },
    ];
  return [
    { path: '/usr/bin/chromium', name: 'Chromium' },
    { path: '/usr/bin/chromium-browser', name: 'Chromium' },
    { path: '/usr/bin/google-chrome', name: 'Chrome' },
    { path: '/usr/bin/google-chrome-stable', name: 'Chrome' },
    { path: '/usr/bin/microsoft-edge', name: 'Edge' },
    { path: '/usr/bin/microsoft-edge-stable', name: 'Edge' },
  ];
}

/** The browser's version without starting it (Windows' chrome.exe has no --version: its folder says). */
function versionOf(binary: string): string {
  if (process.platform === 'win32') {
    try {
      return readdirSync(path.win32.dirname(binary)).find((d) => /^\d+\.\d+\.\d+\.\d+$/.test(d)) ?? 'version unknown';
    } catch {
      return 'version unknown';
    }
  }
  try {
    const out = execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] });
    return /\d+\.\d+\.\d+\.\d+/.exec(out)?.[0] ?? out.trim();
  } catch {
    return 'version unknown';
  }
}

function playwrightOwn(): FoundChromium | string {
  let own = '';
  try {
    own = chromium.executablePath();
  } catch {
    // no registry entry for this platform
  }
  if (own === '' || !existsSync(own)) return 'Playwright’s own Chromium is not installed (npx playwright install chromium)';
  return { source: 'playwright', executablePath: own, binary: own, name: 'Playwright’s Chromium', version: versionOf(own) };
}

function system(): FoundChromium | string {
  const found = systemCandidates().find((c) => existsSync(c.path));
  if (found === undefined) return 'no system Chromium, Chrome or Edge in the usual places';
  return { source: 'system', executablePath: found.path, binary: found.path, name: `system ${found.name}`, version: versionOf(found.path) };
}

/** A minimal reader of the package's ustar archives (plain files and folders, short names). */
function untar(tar: Uint8Array, into: string): void {
  const text = (from: number, length: number) => Buffer.from(tar.subarray(from, from + length)).toString('latin1').replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= tar.length; ) {
    const name = text(at, 100);
    if (name === '') break;
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const mode = parseInt(text(at + 100, 8).trim() || '644', 8);
    const type = text(at + 156, 1);
    const prefix = text(at + 345, 155);
    const target = path.join(into, prefix ? `${prefix}/${name}` : name);
    if (!path.resolve(target).startsWith(path.resolve(into))) throw new Error(`tar entry outside the folder: ${name}`);
    if (type === '5') mkdirSync(target, { recursive: true });
    else if (type === '0' || type === '') {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, tar.subarray(at + 512, at + 512 + size));
      chmodSync(target, mode & 0o755);
    } else throw new Error(`unexpected tar entry type "${type}" for ${name}`);
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/** Unpacks @sparticuz/chromium once (into a temporary folder, then renamed: runs side by side are safe). */
function unpackSparticuz(packageRoot: string, version: string): string {
  const cacheRoot = path.resolve(packageRoot, '..', '..', '.cache', 'taizhang-e2e-chromium');
  const dir = path.join(cacheRoot, version);
  if (existsSync(path.join(dir, 'launch.sh'))) return dir;
  mkdirSync(cacheRoot, { recursive: true });
  const work = path.join(cacheRoot, `.unpacking-${process.pid}-${Date.now()}`);
  mkdirSync(work, { recursive: true });
  const bin = path.join(packageRoot, 'bin');
  const unbrotli = (file: string) => brotliDecompressSync(readFileSync(path.join(bin, file)));
  writeFileSync(path.join(work, 'chromium'), unbrotli('chromium.br'));
  chmodSync(path.join(work, 'chromium'), 0o755);
  untar(unbrotli('swiftshader.tar.br'), work); // libEGL/libGLESv2 beside the binary, where Chromium looks
  untar(unbrotli('al2023.tar.br'), work); // lib/: the NSS, NSPR and expat it was built against
  untar(unbrotli('fonts.tar.br'), work); // fonts/: Open Sans
  mkdirSync(path.join(work, 'fontconfig-cache'));
  const q = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  writeFileSync(
    path.join(work, 'fonts.conf'),
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      `  <dir>${q(path.join(ROOT, 'resources', 'fonts'))}</dir>`,
      `  <dir>${q(path.join(dir, 'fonts'))}</dir>`,
      `  <cachedir>${q(path.join(dir, 'fontconfig-cache'))}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(
    path.join(work, 'launch.sh'),
    [
      '#!/bin/sh',
      `# @sparticuz/chromium ${version}, unpacked by test/e2e/chromium.ts`,
      `export LD_LIBRARY_PATH=${sh(path.join(dir, 'lib'))}\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}`,
      `export FONTCONFIG_FILE=${sh(path.join(dir, 'fonts.conf'))}`,
      `exec ${sh(path.join(dir, 'chromium'))} "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(path.join(work, 'launch.sh'), 0o755);
  try {
    renameSync(work, dir);
  } catch {
    rmSync(work, { recursive: true, force: true }); // another process got there first
  }
  if (!existsSync(path.join(dir, 'launch.sh'))) throw new Error(`could not unpack @sparticuz/chromium into ${dir}`);
  return dir;
}

function npmPackage(): FoundChromium | string {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `@sparticuz/chromium ships Linux x64 only (this is ${process.platform} ${process.arch})`;
  let entry: string;
  try {
    entry = require.resolve('@sparticuz/chromium');
  } catch {
    return '@sparticuz/chromium is not installed (npm ci installs it)';
  }
  const packageRoot = path.resolve(path.dirname(entry), '..', '..');
  const { version } = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const dir = unpackSparticuz(packageRoot, version);
  const launcher = path.join(dir, 'launch.sh');
  return { source: 'npm', executablePath: launcher, binary: path.join(dir, 'chromium'), name: `@sparticuz/chromium ${version}`, version: versionOf(launcher) };
}

const FINDERS: Readonly<Record<ChromiumSource, () => FoundChromium | string>> = { playwright: playwrightOwn, system, npm: npmPackage };

let found: FoundChromium | null = null;

export function locateChromium(): FoundChromium {
  if (found !== null) return found;
  const wanted = process.env.TZ_E2E_BROWSER;
  if (wanted !== undefined && wanted !== '' && !(SOURCES as readonly string[]).includes(wanted))
    throw new Error(`TZ_E2E_BROWSER=${wanted}: expected one of ${SOURCES.join(', ')}`);
  const order = wanted ? [wanted as ChromiumSource] : SOURCES;
  const misses: string[] = [];
  for (const source of order) {
    const result = FINDERS[source]();
    if (typeof result !== 'string') {
      found = result;
      return result;
    }
    misses.push(`  ${source}: ${result}`);
  }
  throw new Error(
    `找不到可用于端到端测试的 Chromium。No Chromium found for the end-to-end tests (${os.platform()} ${os.arch()}):\n${misses.join('\n')}\n` +
      '  Install Chrome, Chromium or Edge, or where the internet is reachable: npx playwright install chromium',
  );
}

/** The executable Playwright launches. */
export function findChromium(): string {
  return locateChromium().executablePath;
}

/** One line: which browser the e2e tests run in. */
export function describeChromium(): string {
  const c = locateChromium();
  return `e2e browser: ${c.name} ${c.binary} (${c.version})`;
}
