/**
 * What can be checked of the desktop build on a machine where Electron cannot launch:
 * the main/preload bundles build, the sandboxed preload needs nothing but `electron`, and the
 * installer configuration has the security settings DESIGN.md §9 asks for.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('Electron bundles', () => {
  it('build, and the sandboxed preload requires only the electron module', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'tz-electron-'));
    await build({ configFile: path.join(ROOT, 'vite.electron.config.ts'), root: ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const preload = readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
    const requires = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("taizhang"');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    const main = readFileSync(path.join(outDir, 'main.cjs'), 'utf8');
    expect(main).toContain('requestSingleInstanceLock');
    expect(main).toContain('contextIsolation: true');
    expect(main).toContain('sandbox: true');
    expect(main).toContain('nodeIntegration: false');
  }, 60_000);
});

interface BuilderConfig {
  asar: boolean;
  productName: string;
  publish: unknown;
  electronFuses: Record<string, boolean>;
  win: { target: unknown };
  linux: { target: unknown };
}

describe('electron-builder.yml', () => {
  const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

  it('sets the Electron fuses: RunAsNode, NODE_OPTIONS and inspect off; asar integrity and asar-only on', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds Windows NSIS x64 and Linux deb + AppImage for x64 and arm64, without auto-update', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.publish).toBeNull();
    expect(config.productName).toBe('机关党建台账');
  });
});
