/**
 * Finds a Chromium for the end-to-end tests: Playwright's own when installed, else the system's
 * (Debian's /usr/bin/chromium, Chrome). Fails with instructions when there is none.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

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

export function findChromium(): string {
  const own = (() => {
    try {
      return chromium.executablePath();
    } catch {
      return '';
    }
  })();
  if (own && existsSync(own)) return own;
  const system = SYSTEM_CANDIDATES.find((p) => existsSync(p));
  if (system) return system;
  throw new Error(
    '找不到可用于端到端测试的 Chromium。No Chromium found for the end-to-end tests.\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium   (then it is found at /usr/bin/chromium)\n' +
      '  or, where the internet is reachable: npx playwright install chromium',
  );
}
