/**
 * `npm start` where Electron cannot launch (no binary, no download host, no display): it must
 * serve the renderer on 127.0.0.1, print the URL and why Electron did not start, and the URL
 * must show the setup screen.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const PORT = 4191;

/** Where an Electron binary is installed, `npm start` would open a window; ask for the web mode there. */
function electronBinaryInstalled(): boolean {
  const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  return existsSync(path.join(dir, 'path.txt'));
}

function waitForUrl(child: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within 120 s:\n${output.join('')}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const text = output.join('');
      const m = /已在 (http:\/\/127\.0\.0\.1:\d+\/) 提供服务/.exec(text);
      // wait for the whole announcement, which ends with how to stop the server
      if (m?.[1] && text.includes('Ctrl+C')) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited early (${code}):\n${output.join('')}`)));
  });
}

test('npm start falls back to serving the renderer locally and says why', async ({ page }) => {
  test.setTimeout(180_000);
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const extra = electronBinaryInstalled() ? ['--web'] : [];
  const child = spawn('npm', ['start', '--', '--port', String(PORT), ...extra], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output: string[] = [];
  try {
    const url = await waitForUrl(child, output);
    expect(url).toBe(`http://127.0.0.1:${PORT}/`);
    const printed = output.join('');
    expect(printed).toContain('Electron 未启动');
    expect(printed).toContain('本机没有图形显示，不打开浏览器窗口');
    await page.goto(url);
    await expect(page.getByText('机关党建台账 · 初始设置')).toBeVisible();
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
});
