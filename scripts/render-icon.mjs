#!/usr/bin/env node
/**
 * `node scripts/render-icon.mjs`: draws the application icon (renderer/public/icon.svg, also the
 * web build's favicon) as resources/icon.png, 512 × 512, for electron-builder (it makes the Windows
 * .ico and the Linux icon sizes from it). Run after changing the SVG; the PNG is committed.
 * Uses Debian's Chromium (/usr/bin/chromium) or the browser TZ_E2E_BROWSER names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(path.join(ROOT, 'renderer/public/icon.svg'), 'utf8');
const executablePath = process.env.TZ_E2E_BROWSER ?? '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="512" height="512" ')}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(ROOT, 'resources/icon.png'), omitBackground: true });
  console.log('resources/icon.png written (512 × 512)');
} finally {
  await browser.close();
}
